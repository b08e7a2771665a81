"""Background sends. Tasks take ids and call a service; the worker is `manage.py db_worker`."""

from django.tasks import task

from . import services


@task()
def send_session_logged_email(session_id: int, recipient_id: int) -> None:
    services.send_session_logged_email(session_id=session_id, recipient_id=recipient_id)


@task()
def send_email(subject: str, body: str, to: list[str]) -> None:
    services.send_plain_email(subject=subject, body=body, to=to)
