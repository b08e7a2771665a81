"""Calendar invitations to sessions: what every invitation shows, and the one to a follow-up planned on the canvas.

The canvas calls `notices.notify_follow_up_planned`; the send runs in a background task, each person's message
in their own language and time zone. Booking invitations (in service) build on the helpers here.
"""

import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from tumbuh.notifications.ics import Attendee, CalendarFile, build_calendar
from tumbuh.notifications.kinds import CALENDAR_INVITATIONS
from tumbuh.notifications.links import meeting_link, whatsapp_url
from tumbuh.notifications.services import notify
from tumbuh.people.models import Employee

from .models import Session, SessionStatus


def session_uid(session: Session) -> str:
    return f"session-{session.pk}@tumbuh"


def session_path(session_id: int) -> str:
    return reverse("coaching:session-detail", args=[session_id])


def session_page_url(session_id: int) -> str:
    return settings.SITE_URL + session_path(session_id)


def attendee(person: Employee) -> Attendee:
    return Attendee(name=person.full_name, email=person.email)


def local_when(moment: datetime.datetime) -> str:
    """MOMENT on the active clock with its zone's name, e.g. "Selasa, 10 Maret 2026 10:00 WITA"."""
    local = timezone.localtime(moment)
    return f"{formats.date_format(local, 'l, j F Y H:i')} {local.tzname()}"


def where(session: Session) -> tuple[str, list[str]]:
    """The LOCATION of SESSION and the description line saying where it meets; call it in the recipient's language."""
    if session.mode == "online":
        link = meeting_link(session)
        return link, [f"{_('Join online:')} {link}"]
    if session.location:
        return session.location, [f"{_('Place:')} {session.location}"]
    return "", []


def meeting_context(session: Session, recipient: Employee, other: Employee) -> dict:
    """Who meets whom, where and on which page: what every invitation and reminder e-mail shows."""
    return {
        "recipient": recipient,
        "other": other,
        "meeting_link": meeting_link(session) if session.mode == "online" else "",
        "location": session.location if session.mode != "online" else "",
        "whatsapp": whatsapp_url(other.phone),
        "url": session_page_url(session.pk),
    }


def follow_up_calendar(*, session: Session, recipient: Employee) -> CalendarFile:
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
        location, lines_where = where(session)
        lines += [*lines_where, f"{_('Session page:')} {url}"]
    # Versions count from 1, SEQUENCE from 0: the first invitation carries 0 and every edit raises both.
    return build_calendar(
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
        organizer=attendee(coach),
        attendees=[attendee(coach), attendee(coachee)],
    )


def send_follow_up_invitation(*, session_id: int, recipient_id: int, moved: bool = False) -> None:
    """Send the coach or the coachee of a planned follow-up its .ics, unless they turned invitations off.

    The coachee also gets an in-app notice; the coach planned it and needs none.
    """
    session = (
        Session.objects.select_related("engagement__coach", "engagement__coachee")
        .filter(pk=session_id, status=SessionStatus.SCHEDULED)
        .first()
    )
    if session is None:
        return  # cancelled or gone before this ran: no calendar should get it now
    engagement = session.engagement
    recipient = Employee.objects.get(pk=recipient_id)
    is_coach = recipient.pk == engagement.coach_id
    other = engagement.coachee if is_coach else engagement.coach

    def text() -> str:
        local = timezone.localtime(session.scheduled_at)
        values = {"name": other.full_name, "when": formats.date_format(local, "l, j F Y H:i"), "zone": local.tzname()}
        if moved:
            return _("The follow-up session with %(name)s moved to %(when)s %(zone)s.") % values
        if is_coach:
            return _("You planned a follow-up session with %(name)s: %(when)s %(zone)s.") % values
        return _("%(name)s planned a follow-up session with you: %(when)s %(zone)s.") % values

    def letter() -> str:
        context = {
            **meeting_context(session, recipient, other),
            "is_coach": is_coach,
            "moved": moved,
            "topic": engagement.topic,
            "when": local_when(session.scheduled_at),
        }
        return render_to_string("coaching/follow_up_invitation_body.txt", context)

    notify(
        recipient=recipient,
        kind=CALENDAR_INVITATIONS,
        text=text,
        url=session_path(session.pk),
        email_letter=letter,
        calendar=lambda: follow_up_calendar(session=session, recipient=recipient),
        in_app=not is_coach,
    )
