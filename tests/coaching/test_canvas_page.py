"""The session canvas page: one card per stage with its purpose and key questions; the coach writes, the coachee reads.

The Will/Action stage's actions and the follow-up are in test_followup.py.
"""

import datetime
import re
import zoneinfo

import pytest
from django.utils import timezone
from django.utils.translation import override

from tests.factories import ActionItemFactory, AgencyFactory, EngagementFactory, SessionFactory
from tests.helpers import PRIVATE_NOTES, SHARED_NOTES, in_indonesian, stage_in_indonesian
from tumbuh.audit.models import AuditEvent
from tumbuh.coaching.models import EngagementStatus, Session
from tumbuh.coaching.services.canvas import update_stage_notes
from tumbuh.toolkit.frameworks import FRAMEWORKS
from tumbuh.toolkit.models import Question
from tumbuh.toolkit.services import install_builtin_questions

pytestmark = pytest.mark.django_db

MAKASSAR = zoneinfo.ZoneInfo("Asia/Makassar")
GOAL_NOTES = "Budi ingin mendelegasikan laporan bulanan dalam dua minggu."
WILL_NOTES = "Budi akan berbicara dengan Andi hari Kamis."


@pytest.fixture(autouse=True)
def bank(db):
    install_builtin_questions()


@pytest.fixture
def session(engagement):
    return SessionFactory(
        engagement=engagement,
        canvas="grow",
        scheduled_at=timezone.now() - datetime.timedelta(days=1),
        shared_notes=SHARED_NOTES,
        private_notes=PRIVATE_NOTES,
    )


def url_of(session) -> str:
    return f"/coaching/sessions/{session.pk}/canvas/"


def canvas_form(session, *, version=None, notes=None, actions=(), follow_up=None, intent=None) -> dict:
    """What the coach's browser posts: every stage's notes, three action rows, and the follow-up when scheduling."""
    stages = FRAMEWORKS[session.canvas].stages if session.canvas in FRAMEWORKS else ()
    notes = notes or {}
    data = {"stage-version": str(session.version if version is None else version)}
    data |= {f"stage-{stage.code}": notes.get(stage.code, "") for stage in stages}
    rows = list(actions) + [("", session.engagement.coachee_id, "")] * (3 - len(actions))
    data |= {
        "actions-TOTAL_FORMS": str(len(rows)),
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "5",
    }
    for number, (title, owner_id, due_on) in enumerate(rows):
        data |= {
            f"actions-{number}-title": title,
            f"actions-{number}-owner": str(owner_id),
            f"actions-{number}-due_on": due_on.isoformat() if due_on else "",
        }
    if follow_up is not None:
        data |= {f"follow_up-{name}": str(value) for name, value in follow_up.items()}
    data["intent"] = intent or ("follow_up" if follow_up is not None else "save")
    return data


def stage_headings(html: str) -> list[str]:
    return re.findall(r'<h2 class="h5" id="stage-(\w+)">', html)


def key_questions(html: str, stage: str) -> list[str]:
    card = html.split(f'id="stage-{stage}"', 1)[1].split("</section>", 1)[0]
    block = re.search(r'<ul class="small key-questions mb-0">(.*?)</ul>', card, re.S)
    return re.findall(r"<li>(.*?)</li>", block.group(1)) if block else []


def bank_texts(framework: str, stage: str, *, english: bool = False) -> list[str]:
    questions = Question.objects.filter(framework=framework, stage=stage, agency=None).order_by("pk")[:4]
    return [q.text_en if english else q.text for q in questions]


def escaped(text: str) -> str:
    return text.replace("'", "&#x27;").replace('"', "&quot;")


@pytest.mark.parametrize(
    ("canvas", "stages"),
    [
        ("grow", ["goal", "reality", "options", "will"]),
        ("clear", ["contract", "listen", "explore", "action", "review"]),
        ("oscar", ["outcome", "situation", "choices", "actions", "review"]),
        ("micro", ["focus", "insight", "action"]),
    ],
)
def test_each_model_shows_its_stages_in_order_with_their_bank_questions(client_as, sari, engagement, canvas, stages):
    session = SessionFactory(engagement=engagement, canvas=canvas)

    html = client_as(sari).get(url_of(session)).content.decode()

    assert stage_headings(html) == stages
    for stage in stages:
        expected = [escaped(text) for text in bank_texts(canvas, stage)]
        assert key_questions(html, stage) == expected
        assert 1 <= len(expected) <= 4
        assert f'name="stage-{stage}"' in html


def test_each_stage_shows_its_purpose(client_as, sari, session):
    html = client_as(sari).get(url_of(session)).content.decode()

    for stage in FRAMEWORKS["grow"].stages:
        with override("id"):
            label, purpose = str(stage.label), str(stage.purpose)
        assert f"</span> {label}</h2>" in html
        assert f'<p class="text-body-secondary">{purpose}</p>' in html


def test_questions_are_in_the_viewers_language(client_as, sari, session):
    sari.language = "en"
    sari.save()

    html = client_as(sari).get(url_of(session)).content.decode()

    assert key_questions(html, "goal") == [escaped(text) for text in bank_texts("grow", "goal", english=True)]


def test_the_coachs_agency_questions_join_the_bank_and_other_agencies_do_not(client_as, sari, engagement):
    Question.objects.filter(framework="oscar", stage="review").delete()
    Question.objects.create(
        framework="oscar", stage="review", text="Apa yang akan Anda laporkan ke tim?", agency=sari.agency
    )
    other = AgencyFactory(name="Pemerintah Kabupaten Bangka")
    Question.objects.create(framework="oscar", stage="review", text="Pertanyaan instansi lain?", agency=other)
    session = SessionFactory(engagement=engagement, canvas="oscar")

    html = client_as(sari).get(url_of(session)).content.decode()

    assert key_questions(html, "review") == ["Apa yang akan Anda laporkan ke tim?"]


def test_coach_gets_a_notes_field_per_stage_filled_with_saved_notes(client_as, sari, session):
    session.stage_notes = {"goal": GOAL_NOTES}
    session.save()

    html = client_as(sari).get(url_of(session)).content.decode()

    assert '<input type="hidden" name="stage-version" value="1"' in html
    textarea = 'name="stage-goal" cols="40" rows="4" class="form-control" maxlength="5000" id="id_stage-goal">'
    assert f"{textarea}\n{GOAL_NOTES}</textarea>" in html
    label = in_indonesian("Notes for %(stage)s") % {"stage": stage_in_indonesian("Will")}
    assert f'<label class="form-label" for="id_stage-will">{label}</label>' in html
    assert in_indonesian("Save canvas") in html
    assert in_indonesian("Save and schedule the follow-up") in html


def test_coach_saves_the_stage_notes_and_the_version_goes_up(client_as, sari, session):
    response = client_as(sari).post(
        url_of(session), canvas_form(session, notes={"goal": GOAL_NOTES, "will": WILL_NOTES})
    )

    assert response.status_code == 302
    assert response["Location"] == url_of(session)
    session.refresh_from_db()
    assert session.stage_notes == {"goal": GOAL_NOTES, "will": WILL_NOTES}
    assert session.version == 2
    assert (session.shared_notes, session.private_notes) == (SHARED_NOTES, PRIVATE_NOTES)
    assert list(AuditEvent.objects.filter(action="session.canvas.changed").values_list("actor", "target_id")) == [
        (sari.pk, str(session.pk))
    ]


def test_coachee_reads_the_stage_notes_without_a_form(client_as, budi, session):
    session.stage_notes = {"goal": GOAL_NOTES, "will": WILL_NOTES}
    session.save()

    response = client_as(budi).get(url_of(session))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<div class="notes">{GOAL_NOTES}</div>' in html
    assert f'<div class="notes">{WILL_NOTES}</div>' in html
    assert f'<div class="notes">{in_indonesian("No notes for this stage.")}</div>' in html
    assert "<textarea" not in html
    assert '<form method="post" novalidate>' not in html
    assert PRIVATE_NOTES not in html
    assert key_questions(html, "goal") == [escaped(text) for text in bank_texts("grow", "goal")]


def test_coachee_sees_the_stage_notes_on_the_session_page_but_not_the_private_notes(client_as, budi, session):
    session.stage_notes = {"goal": GOAL_NOTES, "will": WILL_NOTES}
    session.save()

    html = client_as(budi).get(f"/coaching/sessions/{session.pk}/").content.decode()

    assert f'<dt>{stage_in_indonesian("Goal")}</dt>\n      <dd class="notes stage-notes">{GOAL_NOTES}</dd>' in html
    assert f'<dt>{stage_in_indonesian("Will")}</dt>\n      <dd class="notes stage-notes">{WILL_NOTES}</dd>' in html
    assert PRIVATE_NOTES not in html
    assert f"/coaching/sessions/{session.pk}/canvas/" not in html
    assert f"/coaching/sessions/{session.pk}/feedback/new/" not in html


def test_coach_finds_the_canvas_and_feedback_buttons_on_the_session_page(client_as, sari, session):
    html = client_as(sari).get(f"/coaching/sessions/{session.pk}/").content.decode()

    assert f'href="/coaching/sessions/{session.pk}/canvas/">{in_indonesian("Open canvas")}</a>' in html
    assert f'href="/coaching/sessions/{session.pk}/feedback/new/">{in_indonesian("Give feedback (SBI)")}</a>' in html


def test_coachee_cannot_change_the_stage_notes(client_as, budi, session):
    response = client_as(budi).post(url_of(session), canvas_form(session, notes={"goal": "Diubah oleh coachee."}))

    assert response.status_code == 403
    session.refresh_from_db()
    assert (session.stage_notes, session.version) == ({}, 1)


def test_reading_the_canvas_is_audit_logged(client_as, sari, budi, session):
    client_as(sari).get(url_of(session))
    client_as(budi).get(url_of(session))

    events = AuditEvent.objects.filter(action="session.notes.read").order_by("pk")
    assert [(e.actor, e.target_id, e.detail) for e in events] == [
        (sari, str(session.pk), "canvas"),
        (budi, str(session.pk), "canvas"),
    ]


def test_concurrent_edit_keeps_both_texts_and_overwrites_nothing(client_as, sari, session):
    client = client_as(sari)
    client.get(url_of(session))
    update_stage_notes(session=session, by=sari, expected_version=1, stage_notes={"goal": "Dari tab lain: tujuan A."})

    response = client.post(url_of(session), canvas_form(session, version=1, notes={"goal": "Dari tab ini: tujuan B."}))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Dari tab lain: tujuan A." in html
    assert ">\nDari tab ini: tujuan B.</textarea>" in html
    assert (
        in_indonesian("Someone else saved this in the meantime. Review their version and apply your change again.")
        in html
    )
    assert '<input type="hidden" name="stage-version" value="2"' in html
    session.refresh_from_db()
    assert (session.version, session.stage_notes) == (2, {"goal": "Dari tab lain: tujuan A."})

    merged = "Tujuan A dan B digabung."
    second = client.post(url_of(session), canvas_form(session, version=2, notes={"goal": merged}))

    assert second.status_code == 302
    session.refresh_from_db()
    assert (session.version, session.stage_notes) == (3, {"goal": merged})


def test_a_conflict_keeps_the_typed_actions_and_creates_none(client_as, sari, budi, session):
    update_stage_notes(session=session, by=sari, expected_version=1, stage_notes={"goal": "Tab lain."})
    next_week = timezone.localdate(timezone=MAKASSAR) + datetime.timedelta(days=7)

    response = client_as(sari).post(
        url_of(session), canvas_form(session, version=1, actions=[("Bicara dengan Andi", budi.pk, next_week)])
    )

    assert response.status_code == 200
    assert 'value="Bicara dengan Andi"' in response.content.decode()
    assert session.action_items.count() == 0


def test_free_session_offers_a_model_and_takes_it(client_as, sari, engagement):
    session = SessionFactory(engagement=engagement)
    client = client_as(sari)

    html = client.get(url_of(session)).content.decode()
    assert stage_headings(html) == []
    assert 'name="canvas" value="grow"' in html

    response = client.post(url_of(session), {"intent": "choose", "canvas": "grow", "version": "1"})

    assert response.status_code == 302
    assert response["Location"] == url_of(session)
    session.refresh_from_db()
    assert (session.canvas, session.version) == ("grow", 2)
    assert stage_headings(client.get(url_of(session)).content.decode()) == ["goal", "reality", "options", "will"]


def test_a_session_with_stage_notes_keeps_its_model(client_as, sari, session):
    session.stage_notes = {"goal": GOAL_NOTES}
    session.save()

    response = client_as(sari).post(
        url_of(session), {"intent": "choose", "canvas": "clear", "version": "1"}, follow=True
    )

    assert (
        in_indonesian("This session already has notes in the stages of its model; its model can no longer change.")
        in response.content.decode()
    )
    session.refresh_from_db()
    assert session.canvas == "grow"


def test_logging_a_session_with_a_model_goes_on_to_its_canvas(client_as, sari, engagement):
    day = timezone.localdate(timezone=MAKASSAR) - datetime.timedelta(days=1)
    data = {
        "scheduled_at": f"{day.isoformat()}T10:00",
        "duration_minutes": "60",
        "mode": "online",
        "canvas": "clear",
        "actions-TOTAL_FORMS": "0",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "5",
    }

    response = client_as(sari).post(f"/coaching/engagements/{engagement.pk}/sessions/new/", data)

    session = Session.objects.get()
    assert session.canvas == "clear"
    assert response.status_code == 302
    assert response["Location"] == url_of(session)


def test_logging_a_free_session_goes_to_the_session_page(client_as, sari, engagement):
    day = timezone.localdate(timezone=MAKASSAR) - datetime.timedelta(days=1)
    data = {
        "scheduled_at": f"{day.isoformat()}T10:00",
        "duration_minutes": "60",
        "mode": "online",
        "actions-TOTAL_FORMS": "0",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "5",
    }

    response = client_as(sari).post(f"/coaching/engagements/{engagement.pk}/sessions/new/", data)

    session = Session.objects.get()
    assert session.canvas == "free"
    assert response["Location"] == f"/coaching/sessions/{session.pk}/"


def test_the_session_form_offers_the_models(client_as, sari, engagement):
    html = client_as(sari).get(f"/coaching/engagements/{engagement.pk}/sessions/new/").content.decode()

    assert f'<label class="form-label" for="id_canvas">{in_indonesian("Conversation model")}</label>' in html
    assert re.findall(r'<option value="(\w+)"', html.split('name="canvas"')[1].split("</select>")[0]) == [
        "free",
        "grow",
        "clear",
        "oscar",
    ]


def test_closed_engagement_keeps_notes_editable_but_offers_no_actions_or_follow_up(client_as, sari, budi):
    closed = EngagementFactory(coach=sari, coachee=budi, status=EngagementStatus.COMPLETED)
    session = SessionFactory(engagement=closed, canvas="grow")

    html = client_as(sari).get(url_of(session)).content.decode()

    assert 'name="stage-goal"' in html
    assert 'name="actions-TOTAL_FORMS"' not in html
    assert in_indonesian("Save and schedule the follow-up") not in html


def test_engagement_page_names_each_sessions_model_and_offers_micro_coaching(client_as, sari, engagement, session):
    SessionFactory(engagement=engagement, scheduled_at=timezone.now() - datetime.timedelta(days=10))

    html = client_as(sari).get(f"/coaching/engagements/{engagement.pk}/").content.decode()

    assert html.count('<span class="badge text-bg-light session-canvas">GROW</span>') == 1
    assert html.count("session-canvas") == 1
    micro = in_indonesian("Micro-coaching (15 min)")
    assert f'href="/coaching/engagements/{engagement.pk}/micro/">{micro}</a>' in html


def test_coachee_is_not_offered_micro_coaching(client_as, budi, engagement):
    html = client_as(budi).get(f"/coaching/engagements/{engagement.pk}/").content.decode()

    assert "/micro/" not in html


@pytest.mark.parametrize("outsider", ["wayan", "rina", "dewi"])
def test_people_outside_the_engagement_get_404_and_no_notes(client_as, session, outsider, request):
    session.stage_notes = {"goal": GOAL_NOTES}
    session.save()
    client = client_as(request.getfixturevalue(outsider))

    read = client.get(url_of(session))
    write = client.post(url_of(session), canvas_form(session, notes={"goal": "Diubah."}))

    assert (read.status_code, write.status_code) == (404, 404)
    assert GOAL_NOTES not in read.content.decode()
    session.refresh_from_db()
    assert session.stage_notes == {"goal": GOAL_NOTES}
    assert AuditEvent.objects.count() == 0


def test_anonymous_visitor_is_sent_to_log_in(client, session):
    response = client.get(url_of(session))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/coaching/sessions/{session.pk}/canvas/"


@pytest.mark.parametrize("item_count", [1, 3])
def test_canvas_page_query_count_does_not_grow(client_as, sari, budi, session, item_count, django_assert_num_queries):
    for n in range(item_count):
        ActionItemFactory(engagement=session.engagement, session=session, owner=[budi, sari][n % 2])
        # At most one follow-up is planned; cancelled ones stay in the list.
        SessionFactory(
            engagement=session.engagement, follow_up_of=session, status="scheduled" if n == 0 else "cancelled"
        )
    client = client_as(sari)

    # Login session and user, the session with its people, its actions, follow-ups and feedback, the question
    # bank in one query, the audit record.
    with django_assert_num_queries(8):
        response = client.get(url_of(session))

    assert response.content.decode().count('<span class="action-title">') == item_count
