"""E-mail notices. Every send goes through a background task; the message is written in the recipient's language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation


def notify_session_logged(*, session, by) -> None:
    """Tell the other participant that a session was recorded (no notes in the mail: they stay in Tumbuh)."""
    from . import tasks

    engagement = session.engagement
    recipient_id = engagement.coachee_id if by.pk == engagement.coach_id else engagement.coach_id
    # Enqueue after commit so the worker never looks for a session that is not there yet.
    transaction.on_commit(lambda: tasks.send_session_logged_email.enqueue(session.pk, recipient_id))


def notify_follow_up_planned(*, session, moved: bool = False) -> None:
    """After commit, send coach and coachee the calendar invitation to a follow-up; the coachee gets a notice too.

    MOVED: the follow-up's time or place changed; the invitation replaces the earlier one (same UID, higher SEQUENCE).
    """
    from . import tasks

    session_id = session.pk
    recipient_ids = (session.engagement.coach_id, session.engagement.coachee_id)

    def enqueue() -> None:
        for recipient_id in recipient_ids:
            tasks.send_follow_up_invitation.enqueue(session_id, recipient_id, moved)

    # Enqueued only if the follow-up is committed: a rolled-back canvas sends nothing.
    transaction.on_commit(enqueue)


def send_session_logged_email(*, session_id: int, recipient_id: int) -> None:
    from tumbuh.coaching.models import Session
    from tumbuh.people.models import Employee

    session = Session.objects.select_related("engagement__coach", "engagement__coachee").get(pk=session_id)
    recipient = Employee.objects.get(pk=recipient_id)
    with translation.override(recipient.language), timezone.override(recipient.time_zone):
        context = {
            "recipient": recipient,
            "session": session,
            "engagement": session.engagement,
            "url": settings.SITE_URL + reverse("coaching:session-detail", args=[session.pk]),
        }
        subject = render_to_string("notifications/session_logged_subject.txt", context).strip()
        body = render_to_string("notifications/session_logged_body.txt", context)
    send_plain_email(subject=subject, body=body, to=[recipient.email])


def send_plain_email(*, subject: str, body: str, to: list[str]) -> None:
    EmailMessage(subject=subject, body=body, to=to).send()


def email_enabled(*, employee, kind: str) -> bool:
    """Every kind of e-mail is on until the person turns it off."""
    from .models import NotificationSetting

    setting = NotificationSetting.objects.filter(employee=employee, kind=kind).first()
    return setting is None or setting.email_enabled


def set_email_enabled(*, employee, kind: str, enabled: bool) -> None:
    from .models import NotificationSetting

    NotificationSetting.objects.update_or_create(employee=employee, kind=kind, defaults={"email_enabled": enabled})


def notify(*, recipient, kind: str, text, url: str, email_subject=None, email_body=None) -> None:
    """Leave an in-app notice, and e-mail it unless the recipient turned this kind off.

    TEXT, EMAIL_SUBJECT and EMAIL_BODY are lazy strings or callables, rendered in the recipient's language.
    """
    from . import tasks
    from .models import Notification

    with translation.override(recipient.language), timezone.override(recipient.time_zone):
        rendered = str(text() if callable(text) else text)
        subject = str(email_subject() if callable(email_subject) else (email_subject or rendered))
        body = str(email_body() if callable(email_body) else (email_body or rendered))
    Notification.objects.create(recipient=recipient, kind=kind, text=rendered[:300], url=url)
    if email_enabled(employee=recipient, kind=kind):
        full_url = settings.SITE_URL + url
        message = f"{body}\n\n{full_url}\n\n-- \nTumbuh\n"
        transaction.on_commit(lambda: tasks.send_email.enqueue(subject, message, [recipient.email]))
