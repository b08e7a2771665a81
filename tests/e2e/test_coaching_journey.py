"""Sari logs a session with Budi on her phone; Budi ticks off the action they agreed.

Elements are found by URL, id and form, never by their (translated) text.
"""

import datetime
import re
import zoneinfo

import pytest
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.journey import assert_fits_phone_width, log_in, log_out, open_menu
from tumbuh.coaching.models import ActionItem, Session

SHARED_NOTES = "Budi akan mendelegasikan laporan bulanan kepada Andi dan memeriksanya tiap Jumat."
PRIVATE_NOTES = "Budi tampak ragu melepas kendali; tanyakan lagi soal kepercayaan pada tim."
ACTION_TITLE = "Serahkan draf laporan bulanan kepada Andi"


@pytest.fixture
def people(transactional_db, sari, budi, engagement):
    # transactional_db comes first: the live server reads these rows from another thread.
    return sari, budi, engagement


def open_my_engagements(page, live_server):
    url = reverse("coaching:engagement-list")
    open_menu(page).locator(f'a[href="{url}"]').click()
    expect(page).to_have_url(live_server.url + url)


def assert_styles_and_scripts_loaded(page, live_server):
    for asset in ("tumbuh/app.css", "vendor/htmx/htmx.min.js", "vendor/bootstrap/bootstrap.bundle.min.js"):
        response = page.request.get(live_server.url + static(asset))
        assert response.status == 200, f"{static(asset)} answered {response.status}; is it found by staticfiles?"
    # app.css paints the navbar Tumbuh green; htmx and Bootstrap's bundle define their globals.
    navbar = page.locator("nav.navbar")
    expect(navbar).to_have_css("background-color", "rgb(31, 111, 80)")
    assert page.evaluate("typeof window.htmx === 'object' && typeof window.bootstrap === 'object'")


def test_coach_logs_session_and_coachee_ticks_off_action(page, live_server, people, screenshot, browser_problems):
    sari, budi, engagement = people
    engagement_url = reverse("coaching:engagement-detail", args=[engagement.pk])
    sari_now = timezone.localtime(timezone=zoneinfo.ZoneInfo(sari.time_zone))
    held_at = (sari_now - datetime.timedelta(hours=1)).replace(second=0, microsecond=0)
    due_on = sari_now.date() + datetime.timedelta(days=7)

    # Sari logs in with her NIP and finds the engagement through the menu.
    log_in(page, live_server, sari.nip)
    assert_styles_and_scripts_loaded(page, live_server)
    open_my_engagements(page, live_server)
    page.locator(f'main a[href="{engagement_url}"]').click()
    expect(page).to_have_url(live_server.url + engagement_url)
    assert_fits_phone_width(page)

    # She logs the session they just held, with one action for Budi.
    session_create_url = reverse("coaching:session-create", args=[engagement.pk])
    page.locator(f'main a[href="{session_create_url}"]').click()
    expect(page).to_have_url(live_server.url + session_create_url)
    page.fill("#id_scheduled_at", held_at.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_shared_notes", SHARED_NOTES)
    page.fill("#id_private_notes", PRIVATE_NOTES)
    page.fill("#id_actions-0-title", ACTION_TITLE)
    page.select_option("#id_actions-0-owner", value=str(budi.pk))
    page.fill("#id_actions-0-due_on", due_on.isoformat())
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()

    # The session page shows her both sets of notes.
    session = Session.objects.get(engagement=engagement)
    session_url = reverse("coaching:session-detail", args=[session.pk])
    expect(page).to_have_url(live_server.url + session_url)
    expect(page.locator("main")).to_contain_text(SHARED_NOTES)
    expect(page.locator("main .private-notes")).to_contain_text(PRIVATE_NOTES)
    expect(page.locator("main")).to_contain_text(ACTION_TITLE)
    screenshot(page, "sari-session-logged")
    log_out(page, live_server)

    # Budi logs in with his e-mail and sees the action on the engagement page.
    item = ActionItem.objects.get(engagement=engagement)
    assert (item.session_id, item.owner_id, item.due_on, item.done_at) == (session.pk, budi.pk, due_on, None)
    log_in(page, live_server, budi.email)
    open_my_engagements(page, live_server)
    page.locator(f'main a[href="{engagement_url}"]').click()
    expect(page).to_have_url(live_server.url + engagement_url)
    assert_fits_phone_width(page)
    row = page.locator(f"#action-{item.pk}")
    expect(row).to_contain_text(ACTION_TITLE)
    expect(row).not_to_have_class(re.compile(r"\baction-done\b"))

    # He ticks it done: htmx swaps the row in place, the page itself stays put.
    page.evaluate("window.__samePage = true")
    with page.expect_request(lambda r: r.method == "POST" and r.headers.get("hx-request") == "true") as toggle:
        row.locator("button[type=submit]").click()
    assert toggle.value.url == live_server.url + reverse("coaching:action-toggle", args=[item.pk])
    expect(row).to_have_class(re.compile(r"\baction-done\b"))
    assert page.evaluate("window.__samePage === true")
    expect(page).to_have_url(live_server.url + engagement_url)
    assert_fits_phone_width(page)
    screenshot(page, "budi-action-done")

    # On the session page he reads the shared notes, never Sari's private ones.
    page.locator(f'main a[href="{session_url}"]').click()
    expect(page).to_have_url(live_server.url + session_url)
    expect(page.locator("main")).to_contain_text(SHARED_NOTES)
    expect(page.locator(".private-notes")).to_have_count(0)
    assert PRIVATE_NOTES not in page.content()
    screenshot(page, "budi-session")

    item.refresh_from_db()
    assert item.done_at is not None
    assert item.done_by_id == budi.pk
    browser_problems.assert_none()
