"""`manage.py run_worker`: django-tasks-db's db_worker, plus a heartbeat and the sweep of abandoned tasks.

Same options as db_worker. A thread beats every TASK_WORKER_BEAT_SECONDS and, each time, requeues (or hands to
their domain) the tasks of workers that stopped beating (tumbuh/worker/services.py). Run it instead of db_worker.
"""

import logging
import threading

from django.conf import settings
from django.db import connection
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from tumbuh.worker.services import beat, sweep_abandoned

logger = logging.getLogger(__name__)


def _heartbeat(worker_id: str, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            beat(worker_id)
            if swept := sweep_abandoned():
                logger.warning("Dealt with %d task(s) whose worker stopped beating", swept)
        except Exception:
            # A database outage must not kill the worker: beat again at the next turn.
            logger.exception("Heartbeat of worker %s failed", worker_id)
        finally:
            connection.close()
        stop.wait(settings.TASK_WORKER_BEAT_SECONDS)


class Command(DbWorkerCommand):
    help = "Run background tasks (as db_worker) with a heartbeat; tasks of workers that died are run again."

    def handle(self, *args, **options):
        stop = threading.Event()
        thread = threading.Thread(target=_heartbeat, args=(options["worker_id"], stop), daemon=True, name="heartbeat")
        thread.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
