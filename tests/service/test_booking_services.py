"""Availability and booking, through their services: free slots, booking, moving, cancelling, own hours."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tests.helpers import in_indonesian
from tests.service.factories import (
    AcceptedRequestFactory,
    AvailabilityExceptionFactory,
    ProviderProfileFactory,
    ServiceRequestFactory,
    TopicFactory,
    WeeklyAvailabilityFactory,
    day_next_week,
)
from tumbuh.audit.models import AuditEvent
from tumbuh.coaching.models import Session
from tumbuh.notifications.links import meeting_link
from tumbuh.notifications.models import Notification
from tumbuh.service.models import (
    AvailabilityException,
    Booking,
    RequestEvent,
    RequestStatus,
    ServicePolicy,
    ServiceRequest,
    WeeklyAvailability,
)
from tumbuh.service.selectors.booking import Slot, available_slots
from tumbuh.service.services import booking as services
from tumbuh.service.services.requests import cancel_request

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
WITA = zoneinfo.ZoneInfo("Asia/Makassar")
WIT = zoneinfo.ZoneInfo("Asia/Jayapura")
TUESDAY = 1


def at(day: datetime.date, hour: int, minute: int = 0, zone=WITA) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


@pytest.fixture
def sari_pool(sari):
    """Sari (WITA) takes sessions on Tuesdays 10:00–12:00 WITA, an hour each."""
    profile = ProviderProfileFactory(employee=sari)
    WeeklyAvailabilityFactory(
        provider=profile, weekday=TUESDAY, start_time=datetime.time(10), end_time=datetime.time(12)
    )
    return profile


@pytest.fixture
def accepted(budi, sari, sari_pool, engagement):
    topic = TopicFactory(agency=budi.agency, name="Delegasi tugas")
    return AcceptedRequestFactory(requester=budi, provider=sari, engagement=engagement, topic=topic)


@pytest.fixture
def tuesday():
    return day_next_week(TUESDAY, WITA)


def state():
    """What a refused write must leave untouched."""
    return (
        Booking.objects.count(),
        Session.objects.count(),
        RequestEvent.objects.count(),
        list(Booking.objects.values_list("starts_at", "status", "sequence")),
    )


def message_of(error: pytest.ExceptionInfo) -> list[str]:
    return error.value.messages


# Free slots (fixed dates: the selector takes its "now")

MONDAY_2030 = datetime.date(2030, 3, 11)
NOW_2030 = datetime.datetime(2030, 3, 4, tzinfo=UTC)


def test_slots_are_cut_from_the_weekly_window_on_the_provider_clock(sari_pool):
    slots = available_slots(provider=sari_pool, start=MONDAY_2030, days=7, now=NOW_2030)
    # Tuesday 12 March 2030, 10:00 and 11:00 WITA are 02:00 and 03:00 UTC.
    assert slots == [
        Slot(datetime.datetime(2030, 3, 12, 2, tzinfo=UTC), datetime.datetime(2030, 3, 12, 3, tzinfo=UTC)),
        Slot(datetime.datetime(2030, 3, 12, 3, tzinfo=UTC), datetime.datetime(2030, 3, 12, 4, tzinfo=UTC)),
    ]


def test_slot_length_follows_the_profile_and_a_partial_slot_is_not_offered(sari_pool):
    sari_pool.slot_minutes = 45
    sari_pool.save()
    slots = available_slots(provider=sari_pool, start=MONDAY_2030, days=7, now=NOW_2030)
    assert [(s.starts_at.astimezone(WITA).time(), s.ends_at.astimezone(WITA).time()) for s in slots] == [
        (datetime.time(10, 0), datetime.time(10, 45)),
        (datetime.time(10, 45), datetime.time(11, 30)),
    ]


def test_a_jayapura_provider_is_read_on_jayapura_time(dewi):
    dewi.time_zone = "Asia/Jayapura"
    dewi.save()
    profile = ProviderProfileFactory(employee=dewi)
    WeeklyAvailabilityFactory(
        provider=profile, weekday=TUESDAY, start_time=datetime.time(9), end_time=datetime.time(10)
    )
    slots = available_slots(provider=profile, start=MONDAY_2030, days=7, now=NOW_2030)
    assert [s.starts_at for s in slots] == [datetime.datetime(2030, 3, 12, 0, tzinfo=UTC)]  # 09:00 WIT


def test_leave_removes_every_slot_it_touches(sari_pool):
    day = datetime.date(2030, 3, 12)
    AvailabilityExceptionFactory(provider=sari_pool, starts_at=at(day, 10, 30), ends_at=at(day, 11, 15))
    assert available_slots(provider=sari_pool, start=MONDAY_2030, days=7, now=NOW_2030) == []


def test_leave_ending_where_a_slot_starts_leaves_that_slot_free(sari_pool):
    day = datetime.date(2030, 3, 12)
    AvailabilityExceptionFactory(provider=sari_pool, starts_at=at(day, 0), ends_at=at(day, 11))
    slots = available_slots(provider=sari_pool, start=MONDAY_2030, days=7, now=NOW_2030)
    assert [s.starts_at.astimezone(WITA).hour for s in slots] == [11]


def test_an_active_booking_takes_its_slot_and_a_cancelled_one_gives_it_back(sari_pool, accepted):
    start = datetime.datetime(2030, 3, 12, 2, tzinfo=UTC)
    session = Session.objects.create(engagement=accepted.engagement, scheduled_at=start, status="scheduled")
    booking = Booking.objects.create(
        provider=accepted.provider,
        booked_by=accepted.requester,
        request=accepted,
        session=session,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
    )
    slots = available_slots(provider=sari_pool, start=MONDAY_2030, days=7, now=NOW_2030)
    assert [s.starts_at.astimezone(WITA).hour for s in slots] == [11]
    moving = available_slots(provider=sari_pool, start=MONDAY_2030, days=7, now=NOW_2030, exclude_booking_id=booking.pk)
    assert [s.starts_at.astimezone(WITA).hour for s in moving] == [10, 11]
    Booking.objects.filter(pk=booking.pk).update(status="cancelled")
    slots = available_slots(provider=sari_pool, start=MONDAY_2030, days=7, now=NOW_2030)
    assert [s.starts_at.astimezone(WITA).hour for s in slots] == [10, 11]


def test_only_slots_that_start_after_now_are_offered(sari_pool):
    now = at(datetime.date(2030, 3, 12), 10)  # Tuesday 10:00 WITA exactly
    slots = available_slots(provider=sari_pool, start=MONDAY_2030, days=7, now=now)
    assert [s.starts_at.astimezone(WITA).hour for s in slots] == [11]


def test_slots_beyond_the_agency_booking_horizon_are_not_offered(sari_pool, agency):
    ServicePolicy.objects.create(agency=agency, booking_horizon_days=7)
    wednesday = datetime.datetime(2030, 3, 6, tzinfo=UTC)
    slots = available_slots(provider=sari_pool, start=MONDAY_2030, days=21, now=wednesday)
    # 6 March + 7 days reaches Wednesday 13 March: only the Tuesday of that week is in reach.
    assert {s.starts_at.date() for s in slots} == {datetime.date(2030, 3, 12)}
    ServicePolicy.objects.filter(agency=agency).update(booking_horizon_days=28)
    slots = available_slots(provider=sari_pool, start=MONDAY_2030, days=21, now=wednesday)
    assert sorted({s.starts_at.date() for s in slots}) == [
        datetime.date(2030, 3, 12),
        datetime.date(2030, 3, 19),
        datetime.date(2030, 3, 26),
    ]


@pytest.mark.parametrize("windows", [1, 3])
def test_free_slots_take_the_same_few_queries_however_many_windows_and_days(
    sari_pool, windows, django_assert_num_queries
):
    for weekday in range(2, 2 + windows - 1):
        WeeklyAvailabilityFactory(provider=sari_pool, weekday=weekday)
    AvailabilityExceptionFactory(
        provider=sari_pool, starts_at=at(datetime.date(2030, 3, 19), 0), ends_at=at(datetime.date(2030, 3, 20), 0)
    )
    # Policy, windows, leave, bookings; the provider's zone comes with the loaded employee.
    with django_assert_num_queries(4):
        slots = available_slots(provider=sari_pool, start=MONDAY_2030, days=14, now=NOW_2030)
    assert len(slots) == 2 + 3 * (windows - 1) + 3 * (windows - 1)


# Booking


def test_booking_a_free_slot_schedules_a_session_and_tells_the_provider(
    accepted, budi, sari, tuesday, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.book_slot(request=accepted, starts_at=at(tuesday, 10), by=budi)
    accepted.refresh_from_db()
    session = booking.session
    assert (booking.provider, booking.booked_by, booking.request, booking.status, booking.sequence) == (
        sari,
        budi,
        accepted,
        "active",
        0,
    )
    assert (booking.starts_at, booking.ends_at) == (at(tuesday, 10), at(tuesday, 11))
    assert (session.engagement, session.scheduled_at, session.duration_minutes) == (
        accepted.engagement,
        at(tuesday, 10),
        60,
    )
    assert (session.status, session.mode, session.location) == ("scheduled", "online", "")
    # No room of the provider's own: the session keeps no link and meets in the Jitsi room derived from it.
    assert session.meeting_url == ""
    assert meeting_link(session).startswith("https://meet.jit.si/Tumbuh-")
    assert len(meeting_link(session)) > len("https://meet.jit.si/Tumbuh-") + 12
    assert accepted.status == RequestStatus.SCHEDULED
    assert list(accepted.events.values_list("from_status", "to_status", "actor")) == [
        ("accepted", "scheduled", budi.pk)
    ]
    assert AuditEvent.objects.filter(action="booking.created", target_id=str(booking.pk), actor=budi).count() == 1
    # The calendar invitation is the one notice Sari gets, with the time on her own clock.
    assert not Notification.objects.filter(recipient=sari, kind="request_updates").exists()
    notice = Notification.objects.get(recipient=sari, kind="invitations")
    assert notice.url == f"/coaching/sessions/{booking.session_id}/"
    assert "Budi Santoso" in notice.text
    assert "10:00 WITA" in notice.text


def test_each_online_session_gets_its_own_jitsi_room(accepted, budi, tuesday):
    first = services.book_slot(request=accepted, starts_at=at(tuesday, 10), by=budi)
    second = services.book_slot(request=accepted, starts_at=at(tuesday, 11), by=budi)
    assert meeting_link(first.session) != meeting_link(second.session)


def test_the_provider_own_meeting_link_is_used_when_set(accepted, budi, sari_pool, tuesday):
    sari_pool.meeting_url = "https://zoom.us/j/1234567890"
    sari_pool.save()
    booking = services.book_slot(request=accepted, starts_at=at(tuesday, 10), by=budi)
    assert booking.session.meeting_url == "https://zoom.us/j/1234567890"


def test_an_in_person_session_has_a_place_and_no_link(accepted, budi, tuesday):
    accepted.mode = "offline"
    accepted.save()
    booking = services.book_slot(request=accepted, starts_at=at(tuesday, 10), by=budi, location="Ruang Rapat BKPSDMD")
    assert (booking.session.mode, booking.session.meeting_url, booking.session.location) == (
        "offline",
        "",
        "Ruang Rapat BKPSDMD",
    )


def test_a_follow_up_session_can_be_booked_on_a_scheduled_request(accepted, budi, tuesday):
    services.book_slot(request=accepted, starts_at=at(tuesday, 10), by=budi)
    accepted.refresh_from_db()
    services.book_slot(request=accepted, starts_at=at(tuesday + datetime.timedelta(days=7), 10), by=budi)
    accepted.refresh_from_db()
    assert accepted.status == RequestStatus.SCHEDULED
    assert accepted.bookings.filter(status="active").count() == 2


def test_a_page_opened_before_another_booking_still_books_its_slot(accepted, budi, tuesday):
    stale = ServiceRequest.objects.get(pk=accepted.pk)  # e.g. a second browser tab
    services.book_slot(request=accepted, starts_at=at(tuesday, 10), by=budi)
    services.book_slot(request=stale, starts_at=at(tuesday, 11), by=budi)
    assert list(Booking.objects.order_by("starts_at").values_list("starts_at", "status")) == [
        (at(tuesday, 10), "active"),
        (at(tuesday, 11), "active"),
    ]


def test_a_page_opened_before_the_request_was_withdrawn_books_nothing(accepted, budi, tuesday):
    stale = ServiceRequest.objects.get(pk=accepted.pk)
    cancel_request(request=accepted, by=budi)
    before = state()
    with pytest.raises(ValidationError) as error:
        services.book_slot(request=stale, starts_at=at(tuesday, 10), by=budi)
    assert message_of(error) == [
        in_indonesian("A session can be booked once the provider has accepted the request; this request is %(status)s.")
        % {"status": in_indonesian("Cancelled")}
    ]
    assert state() == before


def test_booking_sends_both_people_a_calendar_invitation_after_commit(
    accepted, budi, sari, tuesday, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.book_slot(request=accepted, starts_at=at(tuesday, 10), by=budi)
    invited = sorted(
        message.to[0]
        for message in mail.outbox
        if any(attachment[0].endswith(".ics") for attachment in message.attachments)
    )
    assert invited == ["budi@babelprov.go.id", "sari@babelprov.go.id"]


def test_a_slot_in_the_past_is_refused_and_nothing_changes(accepted, budi):
    before = state()
    past = timezone.now().replace(minute=0, second=0, microsecond=0) - datetime.timedelta(hours=2)
    with pytest.raises(ValidationError) as error:
        services.book_slot(request=accepted, starts_at=past, by=budi)
    assert error.value.message_dict == {
        "starts_at": [in_indonesian("This time has already passed; choose one of the free slots shown.")]
    }
    assert state() == before
    accepted.refresh_from_db()
    assert accepted.status == RequestStatus.ACCEPTED


@pytest.mark.parametrize("hour,minute", [(13, 0), (9, 0), (10, 30)])
def test_a_time_outside_the_provider_availability_is_refused(accepted, budi, tuesday, hour, minute):
    before = state()
    with pytest.raises(ValidationError) as error:
        services.book_slot(request=accepted, starts_at=at(tuesday, hour, minute), by=budi)
    expected = in_indonesian("That time is not in %(name)s's availability; choose one of the free slots shown.") % {
        "name": "Sari Wulandari"
    }
    assert message_of(error) == [expected]
    assert state() == before


def test_a_time_during_the_provider_leave_is_refused_with_the_reason(accepted, budi, sari_pool, tuesday):
    AvailabilityExceptionFactory(
        provider=sari_pool, starts_at=at(tuesday, 0), ends_at=at(tuesday, 23, 59), reason="Cuti tahunan"
    )
    before = state()
    with pytest.raises(ValidationError) as error:
        services.book_slot(request=accepted, starts_at=at(tuesday, 10), by=budi)
    expected = in_indonesian("%(name)s is not available then (%(reason)s); choose another slot.") % {
        "name": "Sari Wulandari",
        "reason": "Cuti tahunan",
    }
    assert message_of(error) == [expected]
    assert state() == before


def test_a_time_beyond_the_booking_horizon_is_refused(accepted, budi, agency):
    ServicePolicy.objects.create(agency=agency, booking_horizon_days=7)
    far = day_next_week(TUESDAY, WITA, weeks=2)
    before = state()
    with pytest.raises(ValidationError) as error:
        services.book_slot(request=accepted, starts_at=at(far, 10), by=budi)
    assert message_of(error) == [
        in_indonesian("Sessions can be booked up to %(days)d days ahead; choose an earlier slot.") % {"days": 7}
    ]
    assert state() == before


def test_a_slot_someone_else_booked_is_refused(accepted, budi, sari, dewi, tuesday):
    other = AcceptedRequestFactory(requester=dewi, provider=sari, topic=accepted.topic)
    services.book_slot(request=other, starts_at=at(tuesday, 10), by=dewi)
    before = state()
    with pytest.raises(ValidationError) as error:
        services.book_slot(request=accepted, starts_at=at(tuesday, 10), by=budi)
    assert message_of(error) == [in_indonesian("This time was just taken; choose another slot.")]
    assert state() == before


@pytest.mark.parametrize("status", [RequestStatus.SUBMITTED, RequestStatus.ASSIGNED, RequestStatus.CLOSED])
def test_a_request_not_accepted_cannot_be_booked(accepted, budi, tuesday, status):
    accepted.status = status
    accepted.save()
    before = state()
    with pytest.raises(ValidationError) as error:
        services.book_slot(request=accepted, starts_at=at(tuesday, 10), by=budi)
    assert message_of(error) == [
        in_indonesian("A session can be booked once the provider has accepted the request; this request is %(status)s.")
        % {"status": accepted.get_status_display()}
    ]
    assert state() == before


def test_a_request_nobody_has_taken_yet_cannot_be_booked(budi, sari_pool, tuesday):
    waiting = ServiceRequestFactory(requester=budi)
    with pytest.raises(ValidationError) as error:
        services.book_slot(request=waiting, starts_at=at(tuesday, 10), by=budi)
    assert message_of(error) == [
        in_indonesian("A session can be booked once the provider has accepted the request; this request is %(status)s.")
        % {"status": in_indonesian("Submitted")}
    ]
    assert Booking.objects.count() == 0


def test_a_request_whose_engagement_ended_cannot_be_booked(accepted, budi, tuesday):
    accepted.engagement.status = "completed"
    accepted.engagement.save()
    before = state()
    with pytest.raises(ValidationError) as error:
        services.book_slot(request=accepted, starts_at=at(tuesday, 10), by=budi)
    assert message_of(error) == [
        in_indonesian("This request has no open engagement, so no session can be booked for it.")
    ]
    assert state() == before


# Rescheduling and cancelling


@pytest.fixture
def booked(accepted, budi, tuesday):
    booking = services.book_slot(request=accepted, starts_at=at(tuesday, 10), by=budi)
    accepted.refresh_from_db()
    return booking


def test_rescheduling_moves_the_same_booking_and_its_session(booked, budi, sari_pool, tuesday):
    moved = services.reschedule_booking(booking=booked, starts_at=at(tuesday, 11), by=budi)
    assert (moved.pk, moved.starts_at, moved.ends_at, moved.sequence) == (
        booked.pk,
        at(tuesday, 11),
        at(tuesday, 12),
        1,
    )
    session = Session.objects.get(pk=booked.session_id)
    assert (session.scheduled_at, session.status, session.version) == (at(tuesday, 11), "scheduled", 2)
    assert Booking.objects.count() == 1
    assert moved.request.status == RequestStatus.SCHEDULED
    free = available_slots(provider=sari_pool, start=tuesday, days=1)
    assert [s.starts_at for s in free] == [at(tuesday, 10)]
    assert AuditEvent.objects.filter(action="booking.rescheduled", target_id=str(booked.pk)).count() == 1


def test_the_provider_may_reschedule_too(booked, sari, tuesday):
    moved = services.reschedule_booking(booking=booked, starts_at=at(tuesday, 11), by=sari)
    assert moved.starts_at == at(tuesday, 11)


def test_rescheduling_to_the_same_time_is_refused(booked, budi, tuesday):
    before = state()
    with pytest.raises(ValidationError) as error:
        services.reschedule_booking(booking=booked, starts_at=at(tuesday, 10), by=budi)
    assert message_of(error) == [in_indonesian("The session is already at this time; choose a different slot.")]
    assert state() == before


def test_rescheduling_to_a_taken_or_unavailable_time_changes_nothing(booked, budi, sari, dewi, tuesday):
    other = AcceptedRequestFactory(requester=dewi, provider=sari, topic=booked.request.topic)
    services.book_slot(request=other, starts_at=at(tuesday, 11), by=dewi)
    before = state()
    with pytest.raises(ValidationError) as taken:
        services.reschedule_booking(booking=booked, starts_at=at(tuesday, 11), by=budi)
    with pytest.raises(ValidationError) as outside:
        services.reschedule_booking(booking=booked, starts_at=at(tuesday, 15), by=budi)
    assert message_of(taken) == [in_indonesian("This time was just taken; choose another slot.")]
    assert "Sari Wulandari" in message_of(outside)[0]
    assert state() == before


def test_rescheduling_within_the_minimum_notice_is_refused(booked, budi, agency, tuesday):
    # The session is 7 to 13 days ahead; a notice of 14 days puts it inside the notice period.
    ServicePolicy.objects.create(agency=agency, min_notice_hours=14 * 24)
    before = state()
    with pytest.raises(ValidationError) as error:
        services.reschedule_booking(booking=booked, starts_at=at(tuesday, 11), by=budi)
    expected = in_indonesian(
        "The session starts in less than %(hours)d hours, so it can no longer be changed here. "
        "Write to %(name)s in the conversation instead."
    ) % {"hours": 336, "name": "Sari Wulandari"}
    assert message_of(error) == [expected]
    assert state() == before


def test_cancelling_frees_the_slot_and_the_request_waits_for_a_new_booking(booked, budi, sari_pool, tuesday):
    cancelled = services.cancel_booking(booking=booked, by=budi)
    assert (cancelled.status, cancelled.sequence) == ("cancelled", 1)
    session = Session.objects.get(pk=booked.session_id)
    assert (session.status, session.version) == ("cancelled", 2)
    request = cancelled.request
    request.refresh_from_db()
    assert request.status == RequestStatus.ACCEPTED
    assert list(request.events.values_list("to_status", flat=True)) == ["scheduled", "accepted"]
    assert [s.starts_at for s in available_slots(provider=sari_pool, start=tuesday, days=1)] == [
        at(tuesday, 10),
        at(tuesday, 11),
    ]
    assert AuditEvent.objects.filter(action="booking.cancelled", target_id=str(booked.pk), actor=budi).count() == 1


def test_cancelling_one_of_two_sessions_keeps_the_request_scheduled(booked, budi, tuesday):
    services.book_slot(request=booked.request, starts_at=at(tuesday, 11), by=budi)
    services.cancel_booking(booking=booked, by=budi)
    booked.request.refresh_from_db()
    assert booked.request.status == RequestStatus.SCHEDULED


def test_cancelling_within_the_minimum_notice_is_refused_unless_notice_is_waived(booked, budi, sari, agency):
    ServicePolicy.objects.create(agency=agency, min_notice_hours=14 * 24)
    before = state()
    with pytest.raises(ValidationError) as error:
        services.cancel_booking(booking=booked, by=sari)
    assert "Budi Santoso" in message_of(error)[0]
    assert state() == before
    services.cancel_booking(booking=booked, by=sari, enforce_notice=False)
    booked.refresh_from_db()
    assert booked.status == "cancelled"


def test_withdrawing_the_request_cancels_its_bookings_whatever_the_notice(booked, budi, agency):
    ServicePolicy.objects.create(agency=agency, min_notice_hours=14 * 24)
    cancel_request(request=booked.request, by=budi)
    booked.refresh_from_db()
    booked.request.refresh_from_db()
    assert (booked.status, booked.session.status, booked.request.status) == ("cancelled", "cancelled", "cancelled")


def test_withdrawing_a_scheduled_request_records_one_step_to_cancelled(booked, budi, tuesday):
    services.book_slot(request=booked.request, starts_at=at(tuesday, 11), by=budi)
    request = ServiceRequest.objects.get(pk=booked.request_id)
    before = list(request.events.values_list("pk", flat=True))
    cancel_request(request=request, by=budi, reason="Sudah tidak perlu.")
    steps = request.events.exclude(pk__in=before).values_list("from_status", "to_status", "actor", "note")
    assert list(steps) == [("scheduled", "cancelled", budi.pk, "Sudah tidak perlu.")]
    assert list(Booking.objects.filter(request=request).values_list("status", flat=True)) == ["cancelled"] * 2
    assert AuditEvent.objects.filter(action="booking.cancelled", actor=budi).count() == 2


def test_a_cancelled_booking_cannot_be_cancelled_or_moved_again(booked, budi, tuesday):
    services.cancel_booking(booking=booked, by=budi)
    before = state()
    expected = [in_indonesian("This session is already cancelled; book a new time instead.")]
    with pytest.raises(ValidationError) as again:
        services.cancel_booking(booking=booked, by=budi)
    with pytest.raises(ValidationError) as moved:
        services.reschedule_booking(booking=booked, starts_at=at(tuesday, 11), by=budi)
    assert message_of(again) == message_of(moved) == expected
    assert state() == before


def test_a_freed_slot_can_be_booked_again_by_someone_else(booked, budi, sari, dewi, tuesday):
    services.cancel_booking(booking=booked, by=budi)
    other = AcceptedRequestFactory(requester=dewi, provider=sari, topic=booked.request.topic)
    again = services.book_slot(request=other, starts_at=at(tuesday, 10), by=dewi)
    assert list(Booking.objects.order_by("pk").values_list("status", flat=True)) == ["cancelled", "active"]
    assert again.starts_at == booked.starts_at


# The provider's own hours


def test_provider_adds_a_weekly_window(sari_pool, sari):
    window = services.add_weekly_window(
        provider=sari_pool, weekday=3, start_time=datetime.time(13), end_time=datetime.time(15), by=sari
    )
    assert (window.provider, window.weekday, window.start_time, window.end_time) == (
        sari_pool,
        3,
        datetime.time(13),
        datetime.time(15),
    )


@pytest.mark.parametrize(
    "start,end,field,msgid",
    [
        (datetime.time(12), datetime.time(9), "end_time", "The end time must be after the start time."),
        (datetime.time(9), datetime.time(9), "end_time", "The end time must be after the start time."),
        (
            datetime.time(14),
            datetime.time(14, 30),
            "end_time",
            "A window must fit at least one session of %(minutes)d minutes; make it longer.",
        ),
        (
            datetime.time(11),
            datetime.time(13),
            "start_time",
            "This overlaps your window on %(day)s, %(start)s–%(end)s; change the times or delete that window.",
        ),
    ],
)
def test_a_bad_weekly_window_is_refused_and_nothing_is_saved(sari_pool, sari, start, end, field, msgid):
    with pytest.raises(ValidationError) as error:
        services.add_weekly_window(provider=sari_pool, weekday=TUESDAY, start_time=start, end_time=end, by=sari)
    values = {"minutes": 60, "day": in_indonesian("Tuesday"), "start": "10:00", "end": "12:00"}
    assert error.value.message_dict == {field: [in_indonesian(msgid) % values]}
    assert WeeklyAvailability.objects.count() == 1


def test_deleting_a_window_keeps_sessions_already_booked(booked, sari, sari_pool):
    services.delete_weekly_window(window=sari_pool.weekly_availability.get(), by=sari)
    booked.refresh_from_db()
    assert (WeeklyAvailability.objects.count(), booked.status) == (0, "active")


def test_provider_blocks_leave_and_it_can_be_removed(sari_pool, sari, tuesday):
    leave = services.add_availability_exception(
        provider=sari_pool, starts_at=at(tuesday, 0), ends_at=at(tuesday, 23), reason=" Diklat ", by=sari
    )
    assert (leave.starts_at, leave.ends_at, leave.reason) == (at(tuesday, 0), at(tuesday, 23), "Diklat")
    assert available_slots(provider=sari_pool, start=tuesday, days=1) == []
    services.delete_availability_exception(exception=leave, by=sari)
    assert len(available_slots(provider=sari_pool, start=tuesday, days=1)) == 2


def test_leave_ending_before_it_starts_or_already_over_is_refused(sari_pool, sari, tuesday):
    with pytest.raises(ValidationError) as reversed_period:
        services.add_availability_exception(
            provider=sari_pool, starts_at=at(tuesday, 12), ends_at=at(tuesday, 9), by=sari
        )
    past = timezone.now() - datetime.timedelta(days=2)
    with pytest.raises(ValidationError) as over:
        services.add_availability_exception(
            provider=sari_pool, starts_at=past, ends_at=past + datetime.timedelta(hours=3), by=sari
        )
    assert reversed_period.value.message_dict == {
        "ends_at": [in_indonesian("The end must be after the start; check the dates and times.")]
    }
    assert over.value.message_dict == {
        "ends_at": [in_indonesian("This period is already over; give one that has not ended.")]
    }
    assert AvailabilityException.objects.count() == 0


# Who may act: the services ask the same rules as the pages.


def test_nobody_outside_the_request_books_moves_or_cancels_its_sessions(accepted, booked, dewi, rina, sari, tuesday):
    before = state()
    for outsider in (dewi, rina):
        with pytest.raises(PermissionDenied):
            services.reschedule_booking(booking=booked, starts_at=at(tuesday, 11), by=outsider)
        with pytest.raises(PermissionDenied):
            services.cancel_booking(booking=booked, by=outsider, enforce_notice=False)
    with pytest.raises(PermissionDenied):
        services.book_slot(request=accepted, starts_at=at(tuesday, 11), by=sari)  # the requester books
    assert state() == before


def test_only_the_provider_keeps_her_own_hours(sari_pool, budi, rina):
    window = sari_pool.weekly_availability.get()
    for other in (budi, rina):
        with pytest.raises(PermissionDenied):
            services.add_weekly_window(
                provider=sari_pool, weekday=3, start_time=datetime.time(13), end_time=datetime.time(15), by=other
            )
        with pytest.raises(PermissionDenied):
            services.delete_weekly_window(window=window, by=other)
        with pytest.raises(PermissionDenied):
            services.add_availability_exception(
                provider=sari_pool,
                starts_at=timezone.now() + datetime.timedelta(days=1),
                ends_at=timezone.now() + datetime.timedelta(days=2),
                by=other,
            )
    assert list(sari_pool.weekly_availability.values_list("pk", flat=True)) == [window.pk]
    assert not sari_pool.exceptions.exists()
