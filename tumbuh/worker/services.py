"""Tasks whose worker died are found and dealt with: run again (the default) or handed to their domain.

A worker started with `manage.py run_worker` beats every BEAT_SECONDS (`WorkerBeat`). A task still RUNNING whose
worker has not beaten for LEASE_SECONDS was abandoned mid-way (SIGKILL, out of memory, a lost machine): django-tasks-db
alone would leave it RUNNING for ever. Every task of Tumbuh is written to be run twice without harm, so the default is
to make it READY again; a domain whose task must not simply rerun registers what to do instead
(`registry.on_abandoned`), as the service export does (the job is marked failed and says "start again").
Tasks claimed by a worker that never beat (a plain `db_worker`) are left alone: nothing says that worker is dead.
"""

import datetime
import os
import socket

from django.conf import settings
from django.db import transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult

from .models import WorkerBeat
from .registry import handler_for

FORGET_AFTER = datetime.timedelta(days=7)


def lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.TASK_WORKER_LEASE_SECONDS)


def beat(worker_id: str) -> None:
    WorkerBeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"beat_at": timezone.now(), "host": socket.gethostname()[:255], "pid": os.getpid()},
    )


def run_again(result: DBTaskResult) -> None:
    result.status = TaskResultStatus.READY
    result.started_at = None
    result.run_after = timezone.now()
    result.save(update_fields=["status", "started_at", "run_after"])


def mark_failed(result: DBTaskResult, reason: str) -> None:
    result.status = TaskResultStatus.FAILED
    result.finished_at = timezone.now()
    result.exception_class_path = "tumbuh.worker.services.WorkerDied"
    result.traceback = reason
    result.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])


def sweep_abandoned(now: datetime.datetime | None = None) -> int:
    """Deal with every RUNNING task whose beating worker went silent for a lease; return how many."""
    now = now or timezone.now()
    beats = dict(WorkerBeat.objects.values_list("worker_id", "beat_at"))
    dealt = 0
    with transaction.atomic():
        for result in DBTaskResult.objects.running().select_for_update(skip_locked=True):
            last_beat = beats.get(str(result.worker_ids[-1])) if result.worker_ids else None
            if last_beat is None or now - last_beat < lease():
                continue
            handler = handler_for(result.task_path)
            (import_string(handler) if handler else run_again)(result)
            dealt += 1
    # One row per worker ever started: a week after its last beat its tasks are long dealt with.
    WorkerBeat.objects.filter(beat_at__lt=now - FORGET_AFTER).delete()
    return dealt
