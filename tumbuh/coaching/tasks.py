"""Background sends of coaching. Tasks take ids and call the code that does the work."""

from django.tasks import task

from . import invitations


@task()
def send_follow_up_invitation(session_id: int, recipient_id: int, moved: bool = False) -> None:
    invitations.send_follow_up_invitation(session_id=session_id, recipient_id=recipient_id, moved=moved)
