"""iCalendar invitations (RFC 5545/5546): one event, written for one recipient.

Generic: the caller gives the times, the text, the place, the people, the UID and the SEQUENCE. An event's UID
never changes and every change raises SEQUENCE, so a calendar replaces the earlier invitation instead of adding
a second event. The times are written on the recipient's clock with its VTIMEZONE.
"""

import datetime
import functools
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vCalAddress, vText

PRODID = "-//Tumbuh//ID"
Method = Literal["REQUEST", "CANCEL"]


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str


@dataclass(frozen=True)
class CalendarFile:
    """An .ics ready to attach: its bytes and the iTIP method the e-mail's Content-Type repeats."""

    content: bytes
    method: Method


def _address(person: Attendee, **params: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{person.email}")
    address.params["cn"] = vText(person.name)
    for name, value in params.items():
        address.params[name] = vText(value)
    return address


@functools.cache
def _vtimezone(time_zone: str) -> bytes:
    # Deriving a VTIMEZONE walks the zone's transitions from 1970 to 2038 (~45 ms); it depends only on the zone.
    return Timezone.from_tzinfo(zoneinfo.ZoneInfo(time_zone), tzid=time_zone).to_ical()


def build_calendar(
    *,
    method: Method,
    uid: str,
    sequence: int,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    time_zone: str,
    summary: str,
    description: str,
    location: str,
    url: str,
    organizer: Attendee,
    attendees: Sequence[Attendee],
) -> CalendarFile:
    """One VEVENT on the TIME_ZONE clock, with that zone's VTIMEZONE; the organizer, if among ATTENDEES, chairs."""
    zone = zoneinfo.ZoneInfo(time_zone)
    event = Event()
    event.add("uid", uid)
    event.add("sequence", sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", starts_at.astimezone(zone))
    event.add("dtend", ends_at.astimezone(zone))
    event.add("summary", summary)
    event.add("description", description)
    if location:
        event.add("location", location)
    event.add("url", url)
    event.add("organizer", _address(organizer))
    for person in attendees:
        if person.email == organizer.email:
            event.add("attendee", _address(person, role="CHAIR", partstat="ACCEPTED"))
        else:
            event.add("attendee", _address(person, role="REQ-PARTICIPANT", partstat="NEEDS-ACTION", rsvp="TRUE"))
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    calendar.add_component(Timezone.from_ical(_vtimezone(time_zone)))
    calendar.add_component(event)
    return CalendarFile(content=calendar.to_ical(), method=method)
