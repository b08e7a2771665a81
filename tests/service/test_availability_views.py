"""A provider's availability pages: weekly windows and leave, on the provider's own clock."""

import datetime
import zoneinfo

import pytest
from django.contrib.messages import get_messages
from django.utils import formats, translation
from django.utils.html import escape

from tests.factories import CoachFactory
from tests.helpers import in_indonesian
from tests.service.factories import (
    AcceptedRequestFactory,
    AvailabilityExceptionFactory,
    ProviderProfileFactory,
    WeeklyAvailabilityFactory,
    day_next_week,
)
from tumbuh.service.models import AvailabilityException, WeeklyAvailability
from tumbuh.service.services.booking import book_slot

pytestmark = pytest.mark.django_db

WITA = zoneinfo.ZoneInfo("Asia/Makassar")
LIST = "/service/availability/"
TUESDAY = 1


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=WITA)


@pytest.fixture
def sari_pool(sari):
    profile = ProviderProfileFactory(employee=sari)
    WeeklyAvailabilityFactory(
        provider=profile, weekday=TUESDAY, start_time=datetime.time(10), end_time=datetime.time(12)
    )
    return profile


@pytest.fixture
def tuesday():
    return day_next_week(TUESDAY, WITA)


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def shown_in_wita(moment: datetime.datetime, fmt: str) -> str:
    with translation.override("id"):
        return formats.date_format(moment.astimezone(WITA), fmt)


def test_provider_sees_their_hours_and_leave_on_their_own_clock(client_as, sari, sari_pool, tuesday):
    AvailabilityExceptionFactory(provider=sari_pool, starts_at=at(tuesday, 0), ends_at=at(tuesday, 23, 59))
    html = client_as(sari).get(LIST).content.decode()
    assert f"{in_indonesian('Tuesday')}, 10:00–12:00 WITA" in html
    # The leave starts at midnight on Sari's clock (16:00 UTC the day before) and is shown so.
    leave = f"{shown_in_wita(at(tuesday, 0), 'D j M Y H:i')} – {shown_in_wita(at(tuesday, 23, 59), 'D j M Y H:i')} WITA"
    assert leave in html
    assert "· Cuti tahunan" in html


def test_leave_that_has_ended_is_not_listed(client_as, sari, sari_pool):
    past = datetime.datetime(2020, 1, 7, tzinfo=datetime.UTC)
    AvailabilityExceptionFactory(provider=sari_pool, starts_at=past, ends_at=past + datetime.timedelta(days=1))
    html = client_as(sari).get(LIST).content.decode()
    assert "exception-row" not in html
    assert escape(in_indonesian("No leave or holidays ahead.")) in html


def test_provider_adds_a_weekly_window(client_as, sari, sari_pool):
    response = client_as(sari).post(
        "/service/availability/windows/new/",
        {"window-weekday": "3", "window-start_time": "13:00", "window-end_time": "15:30"},
    )
    assert response["Location"] == LIST
    window = WeeklyAvailability.objects.get(weekday=3)
    assert (window.provider, window.start_time, window.end_time) == (
        sari_pool,
        datetime.time(13),
        datetime.time(15, 30),
    )
    assert messages_of(response) == [in_indonesian("Weekly window added.")]


@pytest.mark.parametrize(
    "start,end,expected",
    [
        ("12:00", "09:00", "The end time must be after the start time."),
        (
            "11:00",
            "13:00",
            "This overlaps your window on %(day)s, %(start)s–%(end)s; change the times or delete that window.",
        ),
    ],
)
def test_a_bad_window_says_what_to_fix_and_saves_nothing(client_as, sari, sari_pool, start, end, expected):
    response = client_as(sari).post(
        "/service/availability/windows/new/",
        {"window-weekday": str(TUESDAY), "window-start_time": start, "window-end_time": end},
    )
    assert response.status_code == 200
    message = in_indonesian(expected) % {"day": in_indonesian("Tuesday"), "start": "10:00", "end": "12:00"}
    assert escape(message) in response.content.decode()
    assert f'value="{start}"' in response.content.decode()  # what was typed stays in the form
    assert WeeklyAvailability.objects.count() == 1


def test_provider_deletes_their_own_window_but_not_someone_else(client_as, sari, sari_pool, dewi):
    other = WeeklyAvailabilityFactory(provider=ProviderProfileFactory(employee=CoachFactory(agency=sari.agency)))
    client = client_as(sari)
    assert client.post(f"/service/availability/windows/{other.pk}/delete/").status_code == 404
    own = sari_pool.weekly_availability.get()
    response = client.post(f"/service/availability/windows/{own.pk}/delete/")
    assert response["Location"] == LIST
    assert list(WeeklyAvailability.objects.all()) == [other]


def test_provider_blocks_whole_days_of_leave_on_their_own_clock(client_as, sari, sari_pool, tuesday):
    response = client_as(sari).post(
        "/service/availability/exceptions/new/",
        {
            "exception-starts_on": tuesday.isoformat(),
            "exception-ends_on": (tuesday + datetime.timedelta(days=1)).isoformat(),
            "exception-reason": "Cuti tahunan",
        },
    )
    assert response["Location"] == LIST
    leave = AvailabilityException.objects.get()
    # From Tuesday 00:00 WITA to the end of Wednesday (Thursday 00:00 WITA).
    assert (leave.starts_at, leave.ends_at, leave.reason) == (
        at(tuesday, 0),
        at(tuesday + datetime.timedelta(days=2), 0),
        "Cuti tahunan",
    )
    assert messages_of(response) == [in_indonesian("Saved. Nobody can book you in this period.")]


def test_provider_blocks_part_of_a_day(client_as, sari, sari_pool, tuesday):
    client_as(sari).post(
        "/service/availability/exceptions/new/",
        {
            "exception-starts_on": tuesday.isoformat(),
            "exception-from_time": "10:30",
            "exception-ends_on": tuesday.isoformat(),
            "exception-until_time": "11:00",
        },
    )
    leave = AvailabilityException.objects.get()
    assert (leave.starts_at, leave.ends_at, leave.reason) == (at(tuesday, 10, 30), at(tuesday, 11), "")


def test_leave_ending_before_it_starts_says_what_to_fix_and_saves_nothing(client_as, sari, sari_pool, tuesday):
    response = client_as(sari).post(
        "/service/availability/exceptions/new/",
        {
            "exception-starts_on": tuesday.isoformat(),
            "exception-from_time": "15:00",
            "exception-ends_on": tuesday.isoformat(),
            "exception-until_time": "09:00",
        },
    )
    assert response.status_code == 200
    assert escape(in_indonesian("The end must be after the start; check the dates and times.")) in (
        response.content.decode()
    )
    assert AvailabilityException.objects.count() == 0


def test_leave_over_a_booked_session_warns_the_provider(client_as, sari, budi, sari_pool, engagement, tuesday):
    request = AcceptedRequestFactory(requester=budi, provider=sari, engagement=engagement)
    book_slot(request=request, starts_at=at(tuesday, 10), by=budi)
    response = client_as(sari).post(
        "/service/availability/exceptions/new/",
        {"exception-starts_on": tuesday.isoformat(), "exception-ends_on": tuesday.isoformat()},
    )
    with translation.override("id"):
        warning = translation.ngettext(
            "You still have %(count)d booked session in this period; move or cancel it from its request.",
            "You still have %(count)d booked sessions in this period; move or cancel them from their requests.",
            1,
        ) % {"count": 1}
    assert messages_of(response) == [in_indonesian("Saved. Nobody can book you in this period."), warning]
    assert AvailabilityException.objects.count() == 1


def test_provider_removes_their_own_leave_but_not_someone_else(client_as, sari, sari_pool, tuesday):
    other_profile = ProviderProfileFactory(employee=CoachFactory(agency=sari.agency))
    other = AvailabilityExceptionFactory(provider=other_profile, starts_at=at(tuesday, 0), ends_at=at(tuesday, 12))
    own = AvailabilityExceptionFactory(provider=sari_pool, starts_at=at(tuesday, 0), ends_at=at(tuesday, 12))
    client = client_as(sari)
    assert client.post(f"/service/availability/exceptions/{other.pk}/delete/").status_code == 404
    response = client.post(f"/service/availability/exceptions/{own.pk}/delete/")
    assert response["Location"] == LIST
    assert list(AvailabilityException.objects.all()) == [other]


@pytest.mark.parametrize(
    "url,method",
    [
        (LIST, "get"),
        ("/service/availability/windows/new/", "post"),
        ("/service/availability/exceptions/new/", "post"),
    ],
)
def test_someone_outside_the_provider_pool_has_no_availability_pages(client_as, budi, url, method):
    response = getattr(client_as(budi), method)(url)
    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client):
    assert client.get(LIST)["Location"].startswith("/accounts/login/?next=")


def test_changes_take_a_post(client_as, sari, sari_pool):
    window = sari_pool.weekly_availability.get()
    assert client_as(sari).get(f"/service/availability/windows/{window.pk}/delete/").status_code == 405
    assert WeeklyAvailability.objects.count() == 1


@pytest.mark.parametrize("items", [1, 3])
def test_availability_page_queries_do_not_grow_with_rows(client_as, sari, items, tuesday, django_assert_num_queries):
    profile = ProviderProfileFactory(employee=sari)
    for i in range(items):
        WeeklyAvailabilityFactory(provider=profile, weekday=i)
        day = tuesday + datetime.timedelta(days=i)
        AvailabilityExceptionFactory(provider=profile, starts_at=at(day, 0), ends_at=at(day, 12))
    client = client_as(sari)
    # Session, user, the rule's look at the profile, the profile with its person, the windows, the leave.
    with django_assert_num_queries(6):
        response = client.get(LIST)
    html = response.content.decode()
    assert (html.count("window-row"), html.count("exception-row")) == (items, items)
