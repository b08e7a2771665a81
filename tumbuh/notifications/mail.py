"""Sending one e-mail now; the tasks call these, everything else goes through `services.notify`."""

from django.core.mail import EmailMessage


def send_plain_email(*, subject: str, body: str, to: list[str]) -> None:
    EmailMessage(subject=subject, body=body, to=to).send()


def send_email_with_calendar(*, subject: str, body: str, to: list[str], ics: bytes, method: str) -> None:
    """An e-mail with the .ics attached; the Content-Type names its method so calendars act on it."""
    message = EmailMessage(subject=subject, body=body, to=to)
    message.attach("undangan.ics", ics, f"text/calendar; method={method}; charset=UTF-8")
    message.send()
