"""Send every session reminder that is due and not sent yet.

A safety net beside the deferred reminder tasks (a lost task, a worker that was down): run it every
few minutes from cron. Running it twice, or beside the tasks, never sends a reminder twice.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from tumbuh.service.invitations import send_booking_reminder
from tumbuh.service.selectors.reminders import reminders_due


class Command(BaseCommand):
    help = "Send the 24 h and 1 h session reminders that are due and not sent yet."

    def handle(self, *args, **options):
        now = timezone.now()
        sent = sum(send_booking_reminder(booking_id=pk, kind=kind, now=now) for pk, kind in reminders_due(now))
        self.stdout.write(f"{sent} reminder(s) sent.")
