"""Background work of the service. Tasks take ids and call the code that does the work."""

from django.tasks import task

from . import exports, invitations


@task()
def build_service_export(job_id: int) -> None:
    exports.build_export(job_id=job_id)


@task()
def send_booking_invitation(booking_id: int, recipient_id: int, change: str) -> None:
    invitations.send_booking_invitation(booking_id=booking_id, recipient_id=recipient_id, change=change)


@task()
def send_booking_reminder(booking_id: int, kind: str) -> None:
    invitations.send_booking_reminder(booking_id=booking_id, kind=kind)
