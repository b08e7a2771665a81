"""Booking pages: the requester picks a free slot on their own clock; either party moves or cancels it."""

import datetime
import zoneinfo

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone
from django.utils.html import escape

from tests.helpers import in_indonesian
from tests.service.factories import (
    AcceptedRequestFactory,
    AvailabilityExceptionFactory,
    ProviderProfileFactory,
    TopicFactory,
    WeeklyAvailabilityFactory,
    day_next_week,
)
from tumbuh.service.models import Booking, ServicePolicy
from tumbuh.service.services import booking as services

pytestmark = pytest.mark.django_db

WITA = zoneinfo.ZoneInfo("Asia/Makassar")
TUESDAY = 1


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=WITA)


@pytest.fixture
def tuesday():
    return day_next_week(TUESDAY, WITA)


@pytest.fixture
def sari_pool(sari, tuesday):
    """Sari takes sessions on Tuesdays 10:00–12:00 WITA; she is away until next week's Tuesday, so the
    two weeks the booking page shows hold exactly one Tuesday, whatever day the test runs."""
    profile = ProviderProfileFactory(employee=sari)
    WeeklyAvailabilityFactory(
        provider=profile, weekday=TUESDAY, start_time=datetime.time(10), end_time=datetime.time(12)
    )
    AvailabilityExceptionFactory(provider=profile, starts_at=timezone.now(), ends_at=at(tuesday, 0))
    return profile


@pytest.fixture
def accepted(budi, sari, sari_pool, engagement):
    topic = TopicFactory(agency=budi.agency, name="Delegasi tugas")
    return AcceptedRequestFactory(requester=budi, provider=sari, engagement=engagement, topic=topic)


@pytest.fixture
def booked(accepted, budi, tuesday):
    return services.book_slot(request=accepted, starts_at=at(tuesday, 10), by=budi)


def book_url(request) -> str:
    return f"/service/requests/{request.pk}/book/"


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_requester_sees_the_provider_free_slots_on_their_own_clock(client_as, budi, accepted, tuesday):
    response = client_as(budi).get(book_url(accepted))
    html = response.content.decode()
    assert response.status_code == 200
    # Sari's 10:00 and 11:00 WITA are Budi's 09:00 and 10:00 WIB; the posted values are UTC.
    assert html.count('class="slot"') == 2
    for hour, wib in ((10, "09:00"), (11, "10:00")):
        assert f'value="{at(tuesday, hour).astimezone(datetime.UTC).isoformat()}"' in html
        assert f"</span>{wib}</button>" in html
    assert "(WIB)" in html
    assert "WITA" in html


def test_requester_books_a_slot_and_goes_back_to_the_request(client_as, budi, sari, accepted, tuesday):
    starts_at = at(tuesday, 11).astimezone(datetime.UTC).isoformat()
    response = client_as(budi).post(book_url(accepted), {"starts_at": starts_at})
    assert response.status_code == 302
    assert response["Location"] == f"/service/requests/{accepted.pk}/"
    booking = Booking.objects.get()
    assert (booking.provider, booking.booked_by, booking.starts_at) == (sari, budi, at(tuesday, 11))
    assert messages_of(response) == [in_indonesian("Session booked. You both get a calendar invitation by e-mail.")]


def test_a_booked_slot_is_no_longer_offered(client_as, budi, booked, tuesday):
    html = client_as(budi).get(book_url(booked.request)).content.decode()
    assert html.count('class="slot"') == 1
    assert f'value="{at(tuesday, 10).astimezone(datetime.UTC).isoformat()}"' not in html


def test_an_unavailable_slot_shows_why_and_books_nothing(client_as, budi, accepted, tuesday):
    response = client_as(budi).post(book_url(accepted), {"starts_at": at(tuesday, 15).isoformat()})
    expected = in_indonesian("That time is not in %(name)s's availability; choose one of the free slots shown.") % {
        "name": "Sari Wulandari"
    }
    assert response.status_code == 200
    assert escape(expected) in response.content.decode()
    assert response.content.decode().count('class="slot"') == 2
    assert Booking.objects.count() == 0


def test_a_slot_in_the_past_shows_why_and_books_nothing(client_as, budi, accepted):
    response = client_as(budi).post(book_url(accepted), {"starts_at": "2020-01-07T02:00:00+00:00"})
    assert escape(in_indonesian("This time has already passed; choose one of the free slots shown.")) in (
        response.content.decode()
    )
    assert Booking.objects.count() == 0


def test_a_garbled_slot_is_refused(client_as, budi, accepted):
    response = client_as(budi).post(book_url(accepted), {"starts_at": "besok pagi"})
    assert escape(in_indonesian("Choose one of the free slots shown.")) in response.content.decode()
    assert Booking.objects.count() == 0


@pytest.mark.parametrize("who,status", [("sari", 403), ("rina", 403), ("dewi", 404)])
def test_only_the_requester_opens_the_booking_page(client_as, accepted, who, status, request):
    person = request.getfixturevalue(who)
    assert client_as(person).get(book_url(accepted)).status_code == status
    assert client_as(person).post(book_url(accepted), {"starts_at": "2030-01-01T00:00:00+00:00"}).status_code == status
    assert Booking.objects.count() == 0


def test_anonymous_visitors_are_sent_to_log_in(client, accepted):
    response = client.get(book_url(accepted))
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("windows", [1, 3])
def test_booking_page_queries_do_not_grow_with_slots(
    client_as, budi, accepted, sari_pool, windows, django_assert_num_queries
):
    for hour in range(13, 13 + windows - 1):
        WeeklyAvailabilityFactory(
            provider=sari_pool, weekday=TUESDAY, start_time=datetime.time(hour), end_time=datetime.time(hour + 1)
        )
    client = client_as(budi)
    # Session, user, role grants of the rule, the request and its preferred times, the provider,
    # then the slots: policy, windows, leave, bookings.
    with django_assert_num_queries(10):
        response = client.get(book_url(accepted))
    assert response.content.decode().count('class="slot"') == 2 + (windows - 1)


# Moving and cancelling


def reschedule_url(booking) -> str:
    return f"/service/bookings/{booking.pk}/reschedule/"


def cancel_url(booking) -> str:
    return f"/service/bookings/{booking.pk}/cancel/"


def test_coach_in_wita_and_coachee_in_wib_see_the_same_session_at_their_own_clock(client_as, budi, sari, booked):
    for person, clock in ((budi, "09:00 WIB"), (sari, "10:00 WITA")):
        html = client_as(person).get(reschedule_url(booked)).content.decode()
        current = html[html.index('id="current-time"') :]
        assert f"{clock}</strong>" in current[: current.index("</div>")], person.full_name


def test_either_party_moves_the_session_to_another_free_slot(client_as, sari, booked, tuesday):
    response = client_as(sari).post(
        reschedule_url(booked), {"starts_at": at(tuesday, 11).astimezone(datetime.UTC).isoformat()}
    )
    assert response["Location"] == f"/service/requests/{booked.request_id}/"
    booked.refresh_from_db()
    assert (booked.starts_at, booked.sequence, booked.session.scheduled_at) == (at(tuesday, 11), 1, at(tuesday, 11))
    assert messages_of(response) == [in_indonesian("Session moved. You both get an updated calendar invitation.")]


def test_the_reschedule_page_offers_the_booked_slot_neighbours_but_not_its_own_time(client_as, budi, booked, tuesday):
    html = client_as(budi).get(reschedule_url(booked)).content.decode()
    assert html.count('class="slot"') == 2  # 10:00 (its own, to be refused with a clear message) and 11:00
    response = client_as(budi).post(reschedule_url(booked), {"starts_at": at(tuesday, 10).isoformat()})
    assert escape(in_indonesian("The session is already at this time; choose a different slot.")) in (
        response.content.decode()
    )


def test_too_late_to_move_shows_no_slots_and_changes_nothing(client_as, budi, booked, agency, tuesday):
    ServicePolicy.objects.create(agency=agency, min_notice_hours=14 * 24)
    html = client_as(budi).get(reschedule_url(booked)).content.decode()
    assert 'class="slot"' not in html
    assert escape(
        in_indonesian(
            "It is too late to move this session here. Write to the other person in the conversation instead."
        )
    ) in " ".join(html.split())
    client_as(budi).post(reschedule_url(booked), {"starts_at": at(tuesday, 11).isoformat()})
    booked.refresh_from_db()
    assert (booked.starts_at, booked.sequence) == (at(tuesday, 10), 0)


def test_the_provider_cancels_and_the_request_waits_for_a_new_booking(client_as, sari, booked):
    response = client_as(sari).post(cancel_url(booked))
    assert response["Location"] == f"/service/requests/{booked.request_id}/"
    booked.refresh_from_db()
    booked.request.refresh_from_db()
    assert (booked.status, booked.session.status, booked.request.status) == ("cancelled", "cancelled", "accepted")
    assert messages_of(response) == [in_indonesian("Session cancelled. You both get a calendar cancellation.")]


def test_cancelling_too_late_says_what_to_do_and_changes_nothing(client_as, budi, booked, agency):
    ServicePolicy.objects.create(agency=agency, min_notice_hours=14 * 24)
    response = client_as(budi).post(cancel_url(booked))
    expected = in_indonesian(
        "The session starts in less than %(hours)d hours, so it can no longer be changed here. "
        "Write to %(name)s in the conversation instead."
    ) % {"hours": 336, "name": "Sari Wulandari"}
    assert messages_of(response) == [expected]
    booked.refresh_from_db()
    assert booked.status == "active"


def test_cancel_takes_a_post_only(client_as, budi, booked):
    assert client_as(budi).get(cancel_url(booked)).status_code == 405


@pytest.mark.parametrize("who,status", [("rina", 403), ("dewi", 404), ("wayan", 404)])
def test_only_the_two_parties_move_or_cancel_a_session(client_as, booked, tuesday, who, status, request):
    client = client_as(request.getfixturevalue(who))
    assert client.get(reschedule_url(booked)).status_code == status
    assert client.post(reschedule_url(booked), {"starts_at": at(tuesday, 11).isoformat()}).status_code == status
    assert client.post(cancel_url(booked)).status_code == status
    booked.refresh_from_db()
    assert (booked.status, booked.starts_at) == ("active", at(tuesday, 10))
