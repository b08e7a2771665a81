"""Background sends. Tasks take ids and call a service; the worker is `manage.py db_worker`."""

from django.tasks import task

from . import invitations, services


@task()
def send_session_logged_email(session_id: int, recipient_id: int) -> None:
    services.send_session_logged_email(session_id=session_id, recipient_id=recipient_id)


@task()
def send_email(subject: str, body: str, to: list[str]) -> None:
    services.send_plain_email(subject=subject, body=body, to=to)


@task()
def send_booking_invitation(booking_id: int, recipient_id: int, change: str) -> None:
    invitations.send_booking_invitation(booking_id=booking_id, recipient_id=recipient_id, change=change)


@task()
def send_follow_up_invitation(session_id: int, recipient_id: int, moved: bool = False) -> None:
    invitations.send_follow_up_invitation(session_id=session_id, recipient_id=recipient_id, moved=moved)


@task()
def send_booking_reminder(booking_id: int, kind: str) -> None:
    invitations.send_booking_reminder(booking_id=booking_id, kind=kind)
