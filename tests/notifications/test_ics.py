"""The generic .ics builder: what a calendar reads back from an event given only times, text and people."""

import datetime
import zoneinfo

from icalendar import Calendar

from tumbuh.notifications.ics import Attendee, build_calendar

ORGANIZER = Attendee(name="Sari Wulandari", email="sari@babelprov.go.id")
GUEST = Attendee(name="Budi Santoso", email="budi@babelprov.go.id")
STARTS = datetime.datetime(2030, 3, 12, 2, 0, tzinfo=datetime.UTC)


def event_for(**overrides):
    arguments = {
        "method": "REQUEST",
        "uid": "thing-7@tumbuh",
        "sequence": 2,
        "starts_at": STARTS,
        "ends_at": STARTS + datetime.timedelta(minutes=45),
        "time_zone": "Asia/Jayapura",
        "summary": "Rapat",
        "description": "Baris satu\nBaris dua",
        "location": "Ruang 2",
        "url": "https://tumbuh.example/x/",
        "organizer": ORGANIZER,
        "attendees": [ORGANIZER, GUEST],
    }
    file = build_calendar(**{**arguments, **overrides})
    calendar = Calendar.from_ical(file.content)
    (event,) = calendar.walk("VEVENT")
    return file, calendar, event


def test_the_event_carries_what_it_was_given_on_the_recipients_clock():
    file, calendar, event = event_for()

    wit = zoneinfo.ZoneInfo("Asia/Jayapura")
    assert file.method == "REQUEST"
    assert (str(calendar["PRODID"]), str(calendar["METHOD"])) == ("-//Tumbuh//ID", "REQUEST")
    assert (str(event["UID"]), event["SEQUENCE"], str(event["STATUS"])) == ("thing-7@tumbuh", 2, "CONFIRMED")
    assert event["DTSTART"].dt == datetime.datetime(2030, 3, 12, 11, 0, tzinfo=wit)
    assert event["DTEND"].dt == datetime.datetime(2030, 3, 12, 11, 45, tzinfo=wit)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Jayapura"]
    assert (str(event["SUMMARY"]), str(event["DESCRIPTION"])) == ("Rapat", "Baris satu\nBaris dua")
    assert (str(event["LOCATION"]), str(event["URL"])) == ("Ruang 2", "https://tumbuh.example/x/")


def test_an_organizer_among_the_attendees_chairs_and_the_others_are_asked():
    _f, _c, event = event_for()

    chair, guest = event["ATTENDEE"]
    assert (str(chair), dict(chair.params)) == (
        "mailto:sari@babelprov.go.id",
        {"CN": "Sari Wulandari", "ROLE": "CHAIR", "PARTSTAT": "ACCEPTED"},
    )
    assert (str(guest), dict(guest.params)) == (
        "mailto:budi@babelprov.go.id",
        {"CN": "Budi Santoso", "ROLE": "REQ-PARTICIPANT", "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"},
    )
    assert str(event["ORGANIZER"]) == "mailto:sari@babelprov.go.id"


def test_a_cancellation_is_cancelled_and_an_event_without_a_place_has_no_location():
    file, calendar, event = event_for(method="CANCEL", location="")

    assert (file.method, str(calendar["METHOD"]), str(event["STATUS"])) == ("CANCEL", "CANCEL", "CANCELLED")
    assert "LOCATION" not in event
