"""What coaching tells people about their sessions; every notice and e-mail goes through `notifications.notify`."""

from django.db import transaction
from django.template.loader import render_to_string

from tumbuh.notifications.services import notify
from tumbuh.people.models import Employee

from . import tasks
from .invitations import session_page_url, session_path
from .kinds import SESSION_RECORDED
from .models import Session


def notify_session_logged(*, session: Session, by: Employee) -> None:
    """Tell the other participant that a session was recorded (no notes in the mail: they stay in Tumbuh)."""
    engagement = session.engagement
    recipient = engagement.coachee if by.pk == engagement.coach_id else engagement.coach

    def context() -> dict:
        return {
            "recipient": recipient,
            "session": session,
            "engagement": engagement,
            "url": session_page_url(session.pk),
        }

    def subject() -> str:
        return render_to_string("coaching/session_logged_subject.txt", context()).strip()

    notify(
        recipient=recipient,
        kind=SESSION_RECORDED,
        text=subject,
        url=session_path(session.pk),
        email_letter=lambda: render_to_string("coaching/session_logged_body.txt", context()),
    )


def notify_follow_up_planned(*, session: Session, moved: bool = False) -> None:
    """After commit, send coach and coachee the calendar invitation to a follow-up; the coachee gets a notice too.

    MOVED: the follow-up's time or place changed; the invitation replaces the earlier one (same UID, higher SEQUENCE).
    """
    session_id = session.pk
    recipient_ids = (session.engagement.coach_id, session.engagement.coachee_id)

    def enqueue() -> None:
        for recipient_id in recipient_ids:
            tasks.send_follow_up_invitation.enqueue(session_id, recipient_id, moved)

    # Enqueued only if the follow-up is committed: a rolled-back canvas sends nothing.
    transaction.on_commit(enqueue)
