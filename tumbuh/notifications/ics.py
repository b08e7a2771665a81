"""iCalendar invitations (RFC 5545/5546) for booked sessions, written for one recipient.

One booking is one calendar event: its UID never changes and every change raises SEQUENCE,
so a calendar replaces the earlier invitation instead of adding a second event.
"""

import zoneinfo
from typing import Literal

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from .links import meeting_link

PRODID = "-//Tumbuh//ID"


def booking_uid(booking) -> str:
    return f"booking-{booking.pk}@tumbuh"


def session_page_url(booking) -> str:
    return settings.SITE_URL + reverse("coaching:session-detail", args=[booking.session_id])


def _address(person, **params: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{person.email}")
    address.params["cn"] = vText(person.full_name)
    for name, value in params.items():
        address.params[name] = vText(value)
    return address


def build_invitation(*, booking, recipient, method: Literal["REQUEST", "CANCEL"]) -> bytes:
    """The .ics for RECIPIENT: times in their time zone (with its VTIMEZONE), text in their language.

    The description says what the session is and where it meets; it never holds coaching notes.
    """
    provider = booking.provider
    requester = booking.request.requester
    session = booking.session
    other = requester if recipient.pk == provider.pk else provider
    zone = zoneinfo.ZoneInfo(recipient.time_zone)
    link = meeting_link(session)
    location = link if session.mode == "online" else session.location
    url = session_page_url(booking)
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
        if session.mode == "online":
            lines.append(f"{_('Join online:')} {link}")
        elif session.location:
            lines.append(f"{_('Place:')} {session.location}")
        lines.append(f"{_('Session page:')} {url}")

    event = Event()
    event.add("uid", booking_uid(booking))
    event.add("sequence", booking.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", booking.starts_at.astimezone(zone))
    event.add("dtend", booking.ends_at.astimezone(zone))
    event.add("summary", summary)
    event.add("description", "\n".join(lines))
    if location:
        event.add("location", location)
    event.add("url", url)
    event.add("organizer", _address(provider))
    event.add("attendee", _address(requester, role="REQ-PARTICIPANT", partstat="NEEDS-ACTION", rsvp="TRUE"))
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
