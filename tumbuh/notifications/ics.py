"""iCalendar invitations (RFC 5545/5546) for booked and planned sessions, written for one recipient.

One booking, or one session planned outside a booking, is one calendar event: its UID never changes
and every change raises SEQUENCE, so a calendar replaces the earlier invitation instead of adding a
second event. Both kinds go through `_calendar`, which writes the times on the recipient's clock with
its VTIMEZONE and the organizer and attendees.
"""

import datetime
import zoneinfo
from collections.abc import Sequence
from typing import Literal

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from .links import meeting_link

PRODID = "-//Tumbuh//ID"
Method = Literal["REQUEST", "CANCEL"]


def booking_uid(booking) -> str:
    return f"booking-{booking.pk}@tumbuh"


def session_uid(session) -> str:
    return f"session-{session.pk}@tumbuh"


def session_page_url(session_id: int) -> str:
    return settings.SITE_URL + reverse("coaching:session-detail", args=[session_id])


def _address(person, **params: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{person.email}")
    address.params["cn"] = vText(person.full_name)
    for name, value in params.items():
        address.params[name] = vText(value)
    return address


def _where(session) -> tuple[str, list[str]]:
    """The LOCATION of SESSION and the description line saying where it meets; call it in the recipient's language."""
    if session.mode == "online":
        link = meeting_link(session)
        return link, [f"{_('Join online:')} {link}"]
    if session.location:
        return session.location, [f"{_('Place:')} {session.location}"]
    return "", []


def _calendar(
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
    organizer,
    attendees: Sequence,
) -> bytes:
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
        if person.pk == organizer.pk:
            event.add("attendee", _address(person, role="CHAIR", partstat="ACCEPTED"))
        else:
            event.add("attendee", _address(person, role="REQ-PARTICIPANT", partstat="NEEDS-ACTION", rsvp="TRUE"))
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def build_invitation(*, booking, recipient, method: Method) -> bytes:
    """The .ics for RECIPIENT: times in their time zone (with its VTIMEZONE), text in their language.

    The description says what the session is and where it meets; it never holds coaching notes.
    """
    provider = booking.provider
    requester = booking.request.requester
    other = requester if recipient.pk == provider.pk else provider
    url = session_page_url(booking.session_id)
    with translation.override(recipient.language):
        service = booking.request.get_kind_display()
        summary = _("%(service)s with %(name)s: %(topic)s") % {
            "service": service,
            "name": other.full_name,
            "topic": booking.request.topic.name,
        }
        lines = [
            _("%(service)s session with %(name)s, booked in Tumbuh.") % {"service": service, "name": other.full_name}
        ]
        if method == "CANCEL":
            lines.append(_("This session was cancelled."))
        location, where = _where(booking.session)
        lines += [*where, f"{_('Session page:')} {url}"]
    return _calendar(
        method=method,
        uid=booking_uid(booking),
        sequence=booking.sequence,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        time_zone=recipient.time_zone,
        summary=summary,
        description="\n".join(lines),
        location=location,
        url=url,
        organizer=provider,
        attendees=[requester],
    )


def build_session_invitation(*, session, recipient) -> bytes:
    """The .ics of a session planned in an engagement (a follow-up), for its coach or coachee (RECIPIENT).

    The coach organizes, both attend; times and text as RECIPIENT reads them, never any coaching notes.
    """
    engagement = session.engagement
    coach, coachee = engagement.coach, engagement.coachee
    other = coachee if recipient.pk == coach.pk else coach
    url = session_page_url(session.pk)
    with translation.override(recipient.language):
        summary = _("Coaching follow-up with %(name)s: %(topic)s") % {
            "name": other.full_name,
            "topic": engagement.topic,
        }
        lines = [_("Follow-up coaching session with %(name)s, planned in Tumbuh.") % {"name": other.full_name}]
        location, where = _where(session)
        lines += [*where, f"{_('Session page:')} {url}"]
    # Versions count from 1, SEQUENCE from 0: the first invitation carries 0 and every edit raises both.
    return _calendar(
        method="REQUEST",
        uid=session_uid(session),
        sequence=max(session.version - 1, 0),
        starts_at=session.scheduled_at,
        ends_at=session.ends_at,
        time_zone=recipient.time_zone,
        summary=summary,
        description="\n".join(lines),
        location=location,
        url=url,
        organizer=coach,
        attendees=[coach, coachee],
    )
