"""Budi asks for coaching on his phone; Rina assigns Sari, Sari accepts, Budi books a time they both see.

Budi's clock is WIB, Sari's WITA (one hour later): each must see the booked session on their own clock.
Elements are found by URL, id and form, never by their (translated) text.
"""

import datetime
import re
import zoneinfo

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.journey import assert_fits_phone_width, log_in, log_out, open_menu, submit
from tests.service.factories import ProviderProfileFactory, TopicFactory, WeeklyAvailabilityFactory
from tumbuh.coaching.models import Engagement
from tumbuh.service.models import Booking, RequestStatus, ServiceRequest

TOPIC = "Kepemimpinan dan delegasi"
NEED = "Saya baru memimpin tim lima orang dan ingin belajar mendelegasikan laporan tanpa kehilangan kendali mutu."
WORKING_DAYS = range(5)  # Monday to Friday: every 14 days hold several, whatever today is
# The time and zone a booked session shows, e.g. "Senin, 2 Maret 2026 09:00 WIB"; day names are translated.
SHOWN_TIME = re.compile(r"\b(\d{1,2}):(\d{2})\s+(WIB|WITA|WIT)\b")


@pytest.fixture
def pool(transactional_db, agency, sari, budi, rina):
    # transactional_db comes first: the live server reads these rows from another thread.
    topic = TopicFactory(agency=agency, name=TOPIC)
    profile = ProviderProfileFactory(
        employee=sari, offers_coaching=True, offers_mentoring=False, offers_consulting=False
    )
    profile.topics.add(topic)
    for weekday in WORKING_DAYS:
        WeeklyAvailabilityFactory(
            provider=profile, weekday=weekday, start_time=datetime.time(8, 0), end_time=datetime.time(16, 0)
        )
    assert (budi.time_zone, sari.time_zone) == ("Asia/Jakarta", "Asia/Makassar")
    return topic


def open_service(page, live_server):
    url = reverse("service:request-list")
    open_menu(page).locator(f'a[href="{url}"]').click()
    expect(page).to_have_url(live_server.url + url)


def open_request_from_service(page, live_server, detail_url):
    """From /service/ (reached through the menu) to the request, listed among one's own or the offered ones."""
    open_service(page, live_server)
    page.locator(f'main a[href="{detail_url}"]').first.click()
    expect(page).to_have_url(live_server.url + detail_url)


def shown_time(text: str) -> tuple[str, str]:
    """("09:00", "WIB") out of a session time as a page shows it."""
    found = SHOWN_TIME.search(text)
    assert found is not None, f"no time with its zone in {text!r}"
    return f"{int(found[1]):02d}:{found[2]}", found[3]


def test_coachee_asks_admin_assigns_coach_accepts_and_both_see_the_session_on_their_clock(
    page, live_server, pool, sari, budi, rina, screenshot, browser_problems
):
    topic = pool
    mail.outbox.clear()

    # Budi logs in with his e-mail and asks for coaching through the service pages.
    log_in(page, live_server, budi.email)
    open_service(page, live_server)
    create_url = reverse("service:request-create")
    page.locator(f'main a[href="{create_url}"]').click()
    expect(page).to_have_url(live_server.url + create_url)
    assert_fits_phone_width(page)
    page.check("input[name=kind][value=coaching]")
    page.select_option("#id_topic", value=str(topic.pk))
    page.fill("#id_need", NEED)
    submit(page, page.locator("main form button[type=submit]"))

    service_request = ServiceRequest.objects.get(requester=budi)
    assert (service_request.kind, service_request.topic_id, service_request.status) == (
        "coaching",
        topic.pk,
        RequestStatus.SUBMITTED,
    )
    detail_url = reverse("service:request-detail", args=[service_request.pk])
    expect(page).to_have_url(live_server.url + detail_url)
    expect(page.locator("main")).to_contain_text(NEED)
    screenshot(page, "1-budi-request-sent")
    assert_fits_phone_width(page)
    log_out(page, live_server)

    # Rina, the service admin, finds it in the queue and offers it to Sari, the best match.
    log_in(page, live_server, rina.email)
    queue_url = reverse("service:dashboard-queue")
    page.goto(live_server.url + queue_url)
    assert_fits_phone_width(page)
    page.locator(f'main a[href="{detail_url}"]').click()
    expect(page).to_have_url(live_server.url + detail_url)
    status = page.locator("#request-status")
    status_before = status.inner_text()
    matches_url = reverse("service:request-matches", args=[service_request.pk])
    page.locator(f'main a[href="{matches_url}"]').click()
    expect(page).to_have_url(live_server.url + matches_url)
    sari_card = page.locator(f"#match-{sari.pk}")
    expect(sari_card).to_contain_text(sari.full_name)
    expect(sari_card.locator("ul li").first).to_be_visible()  # the reasons she is suggested
    expect(sari_card).to_contain_text(TOPIC)
    screenshot(page, "2-rina-matches")
    assert_fits_phone_width(page)
    submit(page, sari_card.locator("button[type=submit]"))
    expect(page).to_have_url(live_server.url + detail_url)
    expect(status).not_to_have_text(status_before)
    service_request.refresh_from_db()
    assert (service_request.status, service_request.provider_id) == (RequestStatus.ASSIGNED, sari.pk)
    screenshot(page, "3-rina-assigned")
    assert_fits_phone_width(page)
    log_out(page, live_server)

    # Sari, logging in with her NIP, finds the offer on her service page and accepts it.
    log_in(page, live_server, sari.nip)
    open_request_from_service(page, live_server, detail_url)
    accept_url = reverse("service:request-accept", args=[service_request.pk])
    submit(page, page.locator(f'main form[action="{accept_url}"] button[type=submit]'))
    expect(page).to_have_url(live_server.url + detail_url)
    service_request.refresh_from_db()
    assert service_request.status == RequestStatus.ACCEPTED
    assert service_request.engagement is not None
    log_out(page, live_server)

    # Budi books Sari's first free slot; the slots show on his clock.
    log_in(page, live_server, budi.email)
    open_request_from_service(page, live_server, detail_url)
    book_url = reverse("service:booking-create", args=[service_request.pk])
    page.locator(f'main a[href="{book_url}"]').click()
    expect(page).to_have_url(live_server.url + book_url)
    expect(page.locator("main")).to_contain_text("WIB")
    expect(page.locator("main")).to_contain_text("WITA")
    first_slot = page.locator("main form.slot").first
    expect(first_slot).to_be_visible()
    picked = datetime.datetime.fromisoformat(first_slot.locator("input[name=starts_at]").input_value())
    button_time = first_slot.locator("button").inner_text()
    screenshot(page, "4-budi-slots")
    assert_fits_phone_width(page)
    submit(page, first_slot.locator("button[type=submit]"))

    expect(page).to_have_url(live_server.url + detail_url)
    rows = page.locator("main .booking-row")
    expect(rows).to_have_count(1)
    budi_time, budi_zone = shown_time(rows.first.inner_text())
    assert budi_zone == "WIB"
    assert budi_time in button_time
    assert budi_time == picked.astimezone(zoneinfo.ZoneInfo("Asia/Jakarta")).strftime("%H:%M")
    screenshot(page, "5-budi-booked")
    assert_fits_phone_width(page)

    # The booked time leads to the session page, on his clock there too.
    session_link = rows.first.locator('a[href^="/coaching/sessions/"]')
    session_url = session_link.get_attribute("href")
    session_link.click()
    expect(page).to_have_url(live_server.url + session_url)
    assert shown_time(page.locator("main h1").inner_text()) == (budi_time, "WIB")
    assert_fits_phone_width(page)
    log_out(page, live_server)

    # Sari finds the new engagement and its session among her engagements: one hour later, on WITA.
    booking = Booking.objects.select_related("session__engagement").get(request=service_request, status="active")
    engagement = booking.session.engagement
    log_in(page, live_server, sari.nip)
    engagements_url = reverse("coaching:engagement-list")
    open_menu(page).locator(f'a[href="{engagements_url}"]').click()
    expect(page).to_have_url(live_server.url + engagements_url)
    engagement_url = reverse("coaching:engagement-detail", args=[engagement.pk])
    page.locator(f'main a[href="{engagement_url}"]').click()
    expect(page).to_have_url(live_server.url + engagement_url)
    page.locator(f'main a[href="{session_url}"]').click()
    expect(page).to_have_url(live_server.url + session_url)
    sari_time, sari_zone = shown_time(page.locator("main h1").inner_text())
    budi_clock = datetime.datetime.strptime(budi_time, "%H:%M")
    assert (sari_time, sari_zone) == ((budi_clock + datetime.timedelta(hours=1)).strftime("%H:%M"), "WITA")
    screenshot(page, "6-sari-session")
    assert_fits_phone_width(page)

    # The request page tells her the same, on her clock.
    page.goto(live_server.url + detail_url)
    sari_rows = page.locator("main .booking-row")
    expect(sari_rows).to_have_count(1)
    assert shown_time(sari_rows.first.inner_text()) == (sari_time, "WITA")
    screenshot(page, "7-sari-request")
    assert_fits_phone_width(page)

    # The database agrees: scheduled, one booking, its session in an engagement between the two.
    service_request.refresh_from_db()
    assert service_request.status == RequestStatus.SCHEDULED
    active = Booking.objects.filter(request=service_request, status="active")
    assert active.count() == 1
    assert booking.starts_at == picked
    assert booking.session.scheduled_at == picked
    assert Engagement.objects.filter(pk=engagement.pk, coach=sari, coachee=budi).exists()
    assert service_request.engagement_id == engagement.pk

    # Both got the invitation by e-mail, with the .ics (sent after commit, by tasks run in the live server).
    invitations = [
        (address, content.decode() if isinstance(content, bytes) else content)
        for message in mail.outbox
        for _filename, content, mimetype in message.attachments
        if mimetype.startswith("text/calendar")
        for address in message.to
    ]
    assert sorted(address for address, _ics in invitations) == sorted([sari.email, budi.email])
    assert all("BEGIN:VCALENDAR" in ics and "METHOD:REQUEST" in ics for _address, ics in invitations)
    browser_problems.assert_none()
