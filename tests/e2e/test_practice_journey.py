"""Sari runs a GROW session with Budi on her phone, turns "Will" into two actions and plans the follow-up;
Budi accepts their coaching contract and finds the actions, the follow-up and the GROW notes.

Elements are found by URL, id and form, never by their (translated) text.
"""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.journey import assert_fits_phone_width, log_in, log_out, submit
from tests.factories import ContractFactory
from tumbuh.coaching.models import ActionItem, Contract, Session, SessionStatus
from tumbuh.toolkit.models import Question
from tumbuh.toolkit.services import install_builtin_questions

STAGES = {
    "goal": "Budi ingin laporan mingguan berjalan tanpa dia dalam sebulan.",
    "reality": "Dua staf baru belum pernah menyusun laporan mingguan.",
    "options": "Melatih Andi; membuat SOP singkat; membagi laporan per bagian.",
    "will": "Budi melatih Andi dan menyusun SOP laporan mingguan.",
}
ACTIONS = ["Menyusun SOP laporan mingguan", "Mendampingi Andi menyusun laporan pertama"]
FOLLOW_UP_DAYS = 10


@pytest.fixture
def people(transactional_db, sari, budi, engagement):
    # transactional_db comes first: the live server reads these rows from another thread.
    contract = ContractFactory(engagement=engagement, proposed_by=sari)
    install_builtin_questions()
    return sari, budi, engagement, contract


def test_coach_runs_grow_session_and_coachee_sees_actions_and_follow_up(
    page, live_server, people, screenshot, browser_problems
):
    sari, budi, engagement, contract = people
    engagement_url = reverse("coaching:engagement-detail", args=[engagement.pk])
    sari_now = timezone.localtime(timezone=zoneinfo.ZoneInfo(sari.time_zone))
    held_at = (sari_now - datetime.timedelta(hours=1)).replace(second=0, microsecond=0)
    due = [sari_now.date() + datetime.timedelta(days=days) for days in (5, 9)]

    # Sari opens the engagement and logs the session they just held, choosing GROW.
    log_in(page, live_server, sari.nip)
    page.goto(live_server.url + engagement_url)
    session_create_url = reverse("coaching:session-create", args=[engagement.pk])
    page.locator(f'main a[href="{session_create_url}"]').click()
    expect(page).to_have_url(live_server.url + session_create_url)
    page.fill("#id_scheduled_at", held_at.strftime("%Y-%m-%dT%H:%M"))
    page.select_option("#id_canvas", value="grow")
    submit(page, page.locator("main form button[type=submit]"))

    # The canvas: one card per GROW stage, each with key questions from the bank.
    session = Session.objects.get(engagement=engagement)
    canvas_url = reverse("coaching:session-canvas", args=[session.pk])
    expect(page).to_have_url(live_server.url + canvas_url)
    questions = page.locator("main ul.key-questions")
    expect(questions).to_have_count(len(STAGES))
    will_question = Question.objects.filter(framework="grow", stage="will", agency=None).first()
    expect(questions.last).to_contain_text(will_question.text)
    for stage, notes in STAGES.items():
        page.fill(f"#id_stage-{stage}", notes)
    assert_fits_phone_width(page)

    # "Will" becomes two actions, and the follow-up is planned 10 days on instead of 14.
    for row, (title, due_on) in enumerate(zip(ACTIONS, due, strict=True)):
        page.fill(f"#id_actions-{row}-title", title)
        page.select_option(f"#id_actions-{row}-owner", value=str(budi.pk))
        page.fill(f"#id_actions-{row}-due_on", due_on.isoformat())
    expect(page.locator("#id_follow_up-days_after")).to_have_value("14")
    page.select_option("#id_follow_up-days_after", value=str(FOLLOW_UP_DAYS))
    screenshot(page, "sari-canvas")
    submit(page, page.locator("main button[name=intent][value=follow_up]"))

    session_url = reverse("coaching:session-detail", args=[session.pk])
    expect(page).to_have_url(live_server.url + session_url)
    follow_up = Session.objects.get(follow_up_of=session)
    assert follow_up.status == SessionStatus.SCHEDULED
    assert follow_up.canvas == "grow"
    assert timezone.localtime(
        follow_up.scheduled_at, zoneinfo.ZoneInfo(sari.time_zone)
    ) == held_at + datetime.timedelta(days=FOLLOW_UP_DAYS)
    items = list(ActionItem.objects.filter(session=session).order_by("due_on"))
    assert [(i.title, i.owner_id, i.due_on) for i in items] == [
        (title, budi.pk, due_on) for title, due_on in zip(ACTIONS, due, strict=True)
    ]
    session.refresh_from_db()
    assert session.stage_notes == STAGES
    expect(page.locator("main a.follow-up-link")).to_have_attribute(
        "href", reverse("coaching:session-detail", args=[follow_up.pk])
    )
    log_out(page, live_server)

    # Budi sees the pending contract on the engagement page and accepts it.
    log_in(page, live_server, budi.email)
    page.goto(live_server.url + engagement_url)
    contract_url = reverse("coaching:contract-detail", args=[engagement.pk])
    page.locator(f'main a[href="{contract_url}"]').first.click()
    expect(page).to_have_url(live_server.url + contract_url)
    assert_fits_phone_width(page)
    accept_url = reverse("coaching:contract-accept", args=[contract.pk])
    submit(page, page.locator(f'main form[action="{accept_url}"] button[type=submit]'))
    contract = Contract.objects.get(pk=contract.pk)
    assert contract.coachee_accepted_at is not None
    assert contract.is_accepted

    # The actions and the follow-up session are on the engagement page.
    page.goto(live_server.url + engagement_url)
    for item in items:
        expect(page.locator(f"#action-{item.pk}")).to_contain_text(item.title)
    expect(page.locator(f'main a[href="{reverse("coaching:session-detail", args=[follow_up.pk])}"]')).to_have_count(1)
    assert_fits_phone_width(page)
    screenshot(page, "budi-engagement")

    # The session page shows him the GROW notes, the actions and the link to the follow-up.
    page.goto(live_server.url + session_url)
    main = page.locator("main")
    for notes in STAGES.values():
        expect(main).to_contain_text(notes)
    for title in ACTIONS:
        expect(main).to_contain_text(title)
    expect(page.locator("main a.follow-up-link")).to_have_count(1)
    assert_fits_phone_width(page)
    screenshot(page, "budi-session")
    browser_problems.assert_none()
