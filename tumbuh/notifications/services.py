"""Telling someone something: an in-app notice, and an e-mail unless they turned that kind off.

Generic, as pretix's mail service is: each app composes its own messages and calls `notify`. Every e-mail
leaves through a background task after the change that caused it commits, written in the recipient's language.
"""

from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.functional import Promise

from . import tasks
from .ics import CalendarFile
from .models import Notification, NotificationSetting

Text = str | Promise | Callable[[], str]


def _render(value: Text) -> str:
    return str(value() if callable(value) else value)


def email_enabled(*, employee, kind: str) -> bool:
    """Every kind of e-mail is on until the person turns it off."""
    setting = NotificationSetting.objects.filter(employee=employee, kind=kind).first()
    return setting is None or setting.email_enabled


def set_email_enabled(*, employee, kind: str, enabled: bool) -> None:
    NotificationSetting.objects.update_or_create(employee=employee, kind=kind, defaults={"email_enabled": enabled})


def notify(
    *,
    recipient,
    kind: str,
    text: Text,
    url: str,
    email_subject: Text | None = None,
    email_body: Text | None = None,
    email_letter: Text | None = None,
    calendar: Callable[[], CalendarFile] | None = None,
    in_app: bool = True,
) -> None:
    """Leave an in-app notice (unless IN_APP is false), and e-mail it unless the recipient turned KIND off.

    TEXT, EMAIL_SUBJECT, EMAIL_BODY and EMAIL_LETTER are lazy strings or callables, rendered in the recipient's
    language and time zone. The e-mail is EMAIL_BODY (or TEXT) followed by the page's address and the signature,
    or EMAIL_LETTER as it is when the app writes the whole letter. CALENDAR builds the .ics to attach.
    """
    with translation.override(recipient.language), timezone.override(recipient.time_zone):
        rendered = _render(text)
        send = email_enabled(employee=recipient, kind=kind)
        if send:
            subject = _render(email_subject) if email_subject is not None else rendered
            if email_letter is not None:
                message = _render(email_letter)
            else:
                body = _render(email_body) if email_body is not None else rendered
                message = f"{body}\n\n{settings.SITE_URL}{url}\n\n-- \nTumbuh\n"
            attachment = calendar() if calendar is not None else None
    if in_app:
        Notification.objects.create(recipient=recipient, kind=kind, text=rendered[:300], url=url)
    if not send:
        return
    to = [recipient.email]
    if attachment is None:
        transaction.on_commit(lambda: tasks.send_email.enqueue(subject, message, to))
    else:
        ics, method = attachment.content.decode(), attachment.method
        transaction.on_commit(lambda: tasks.send_email_with_calendar.enqueue(subject, message, to, ics, method))
