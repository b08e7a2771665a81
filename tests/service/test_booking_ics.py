"""The .ics invitation to a booked session: what a calendar reads back from it, for each of the two people."""

import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from tests.helpers import in_indonesian
from tumbuh.notifications.links import jitsi_url
from tumbuh.service.invitations import booking_calendar

pytestmark = pytest.mark.django_db

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
WITA = zoneinfo.ZoneInfo("Asia/Makassar")


def parse(file):
    calendar = Calendar.from_ical(file.content)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_invitation_is_a_request_with_organizer_attendee_and_a_stable_uid(booking, sari):
    calendar, event = parse(booking_calendar(booking=booking, recipient=sari, method="REQUEST"))

    assert str(calendar["PRODID"]) == "-//Tumbuh//ID"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == f"booking-{booking.pk}@tumbuh"
    assert event["SEQUENCE"] == 0
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["ORGANIZER"]) == "mailto:sari@babelprov.go.id"
    assert dict(event["ORGANIZER"].params) == {"CN": "Sari Wulandari"}
    assert str(event["ATTENDEE"]) == "mailto:budi@babelprov.go.id"
    assert dict(event["ATTENDEE"].params) == {
        "CN": "Budi Santoso",
        "ROLE": "REQ-PARTICIPANT",
        "PARTSTAT": "NEEDS-ACTION",
        "RSVP": "TRUE",
    }
    assert str(event["URL"]) == f"http://127.0.0.1:8000/coaching/sessions/{booking.session_id}/"
    assert str(event["LOCATION"]) == "https://meet.example.id/sari-budi"
    assert event["DTSTAMP"].dt.tzinfo is not None


def test_each_person_gets_the_session_on_their_own_clock_with_its_vtimezone(booking, sari, budi):
    calendar_sari, for_sari = parse(booking_calendar(booking=booking, recipient=sari, method="REQUEST"))
    calendar_budi, for_budi = parse(booking_calendar(booking=booking, recipient=budi, method="REQUEST"))

    assert for_sari["DTSTART"].params["TZID"] == "Asia/Makassar"
    assert for_sari["DTSTART"].dt == datetime.datetime(2030, 3, 12, 10, 0, tzinfo=WITA)
    assert for_sari["DTEND"].dt == datetime.datetime(2030, 3, 12, 11, 0, tzinfo=WITA)
    assert for_budi["DTSTART"].params["TZID"] == "Asia/Jakarta"
    assert for_budi["DTSTART"].dt == datetime.datetime(2030, 3, 12, 9, 0, tzinfo=WIB)
    assert for_budi["DTEND"].dt == datetime.datetime(2030, 3, 12, 10, 0, tzinfo=WIB)
    assert for_sari["DTSTART"].dt == for_budi["DTSTART"].dt  # the same instant
    assert [str(tz["TZID"]) for tz in calendar_sari.walk("VTIMEZONE")] == ["Asia/Makassar"]
    assert [str(tz["TZID"]) for tz in calendar_budi.walk("VTIMEZONE")] == ["Asia/Jakarta"]
    assert [str(s["TZNAME"]) for s in calendar_budi.walk("STANDARD")] == ["WIB"]


def test_text_is_in_the_recipients_language_and_names_the_other_person(booking, sari, budi):
    sari.language = "en"
    sari.save()

    _c, for_sari = parse(booking_calendar(booking=booking, recipient=sari, method="REQUEST"))
    _c, for_budi = parse(booking_calendar(booking=booking, recipient=budi, method="REQUEST"))

    assert str(for_sari["SUMMARY"]) == "Coaching with Budi Santoso: Delegasi tugas"
    assert str(for_budi["SUMMARY"]) == in_indonesian("%(service)s with %(name)s: %(topic)s") % {
        "service": in_indonesian("Coaching"),
        "name": "Sari Wulandari",
        "topic": "Delegasi tugas",
    }
    assert str(for_sari["DESCRIPTION"]) == (
        "Coaching session with Budi Santoso, booked in Tumbuh.\n"
        "Join online: https://meet.example.id/sari-budi\n"
        f"Session page: http://127.0.0.1:8000/coaching/sessions/{booking.session_id}/"
    )


def test_coaching_notes_never_leave_tumbuh_in_the_invitation(booking, sari):
    data = booking_calendar(booking=booking, recipient=sari, method="REQUEST").content.decode()

    assert "Catatan" not in data


def test_offline_session_gives_its_place(make_booking, sari):
    start = datetime.datetime(2030, 3, 13, 2, 0, tzinfo=datetime.UTC)
    booking = make_booking(starts_at=start, mode="offline", meeting_url="", location="Ruang Rapat BKPSDMD Lt. 2")
    sari.language = "en"
    sari.save()

    _c, event = parse(booking_calendar(booking=booking, recipient=sari, method="REQUEST"))

    assert str(event["LOCATION"]) == "Ruang Rapat BKPSDMD Lt. 2"
    assert "Place: Ruang Rapat BKPSDMD Lt. 2" in str(event["DESCRIPTION"])
    assert "Join online" not in str(event["DESCRIPTION"])


def test_online_session_without_its_own_link_meets_in_its_jitsi_room(make_booking, sari):
    booking = make_booking(starts_at=datetime.datetime(2030, 3, 13, 2, 0, tzinfo=datetime.UTC), meeting_url="")

    _c, event = parse(booking_calendar(booking=booking, recipient=sari, method="REQUEST"))

    assert str(event["LOCATION"]) == jitsi_url(booking.session_id)
    assert str(event["LOCATION"]).startswith("https://meet.jit.si/Tumbuh-")


def test_update_keeps_the_uid_and_carries_the_raised_sequence(booking, budi):
    _c, first = parse(booking_calendar(booking=booking, recipient=budi, method="REQUEST"))
    booking.starts_at += datetime.timedelta(days=1)
    booking.ends_at += datetime.timedelta(days=1)
    booking.sequence = 1
    booking.save()

    calendar, moved = parse(booking_calendar(booking=booking, recipient=budi, method="REQUEST"))

    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(moved["UID"]) == str(first["UID"])
    assert moved["SEQUENCE"] == 1
    assert moved["DTSTART"].dt == datetime.datetime(2030, 3, 13, 9, 0, tzinfo=WIB)


def test_cancellation_keeps_the_uid_with_a_higher_sequence(booking, budi):
    _c, first = parse(booking_calendar(booking=booking, recipient=budi, method="REQUEST"))
    booking.status = "cancelled"
    booking.sequence = 1
    booking.save()

    calendar, cancelled = parse(booking_calendar(booking=booking, recipient=budi, method="CANCEL"))

    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["UID"]) == str(first["UID"])
    assert cancelled["SEQUENCE"] > first["SEQUENCE"]
