"""Background sends. Tasks take plain values and send; the worker is `manage.py db_worker`."""

from django.tasks import task

from . import mail


@task()
def send_email(subject: str, body: str, to: list[str]) -> None:
    mail.send_plain_email(subject=subject, body=body, to=to)


@task()
def send_email_with_calendar(subject: str, body: str, to: list[str], ics: str, method: str) -> None:
    mail.send_email_with_calendar(subject=subject, body=body, to=to, ics=ics.encode(), method=method)
