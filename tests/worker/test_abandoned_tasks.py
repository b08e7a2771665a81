"""Issue 15, item 1: a task whose worker died is run again (or, for an export, marked failed), never left RUNNING.

The first test kills a real `manage.py run_worker` process with SIGKILL in the middle of a task and lets a second
worker find the task and finish it; the others check the sweep's rules one by one.
"""

import datetime
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.tasks import TaskResultStatus
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.worker.tasks import stubborn
from tumbuh.service.models.exports import ExportJob, ExportKind, ExportStatus
from tumbuh.service.tasks import build_service_export
from tumbuh.worker.models import WorkerBeat
from tumbuh.worker.services import sweep_abandoned

REPO = Path(__file__).resolve().parents[2]
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# How long the test waits for a worker before it gives up: a bound on a hung test, not a speed requirement.
PATIENCE_SECONDS = 120


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    server = f"{db.get('USER') or 'postgres'}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}"
    return f"postgres://{server}/{db['NAME']}"


@pytest.fixture
def workers():
    """start(worker_id) runs a real `manage.py run_worker` on the test database; all are killed after the test."""
    started: list[subprocess.Popen] = []

    def start(worker_id: str) -> subprocess.Popen:
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "TASK_WORKER_BEAT_SECONDS": "0.2",
            "TASK_WORKER_LEASE_SECONDS": "2",
            "DEBUG": "false",
        }
        command = [sys.executable, "manage.py", "run_worker", "--interval", "0.1", "--no-startup-delay"]
        command += ["--worker-id", worker_id]
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait()


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + PATIENCE_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.1)


@pytest.fixture
def hanging_task(transactional_db, tmp_path):
    """A stubborn task queued on the database backend, and the marker file it writes ("started", then "done")."""
    marker = tmp_path / "marker"
    with override_settings(TASKS=DB_TASKS):
        result = stubborn.enqueue(str(marker))
    return result.id, marker


def started_on(marker: Path) -> bool:
    return marker.exists() and marker.read_text() == "started"


def test_a_task_whose_worker_was_killed_is_run_again_by_another_worker(workers, hanging_task):
    task_id, marker = hanging_task
    first = workers("worker-a")
    wait_for(lambda: started_on(marker), "worker A to start the task")
    first.send_signal(signal.SIGKILL)
    first.wait()
    row = DBTaskResult.objects.get(pk=task_id)
    assert (row.status, row.worker_ids) == (TaskResultStatus.RUNNING, ["worker-a"])

    workers("worker-b")
    wait_for(
        lambda: DBTaskResult.objects.get(pk=task_id).status == TaskResultStatus.SUCCESSFUL,
        "worker B to run the abandoned task",
    )

    row = DBTaskResult.objects.get(pk=task_id)
    assert row.worker_ids == ["worker-a", "worker-b"]
    assert row.return_value == "done"
    assert marker.read_text() == "done"


def test_a_long_task_on_a_live_worker_is_not_taken_from_it(workers, hanging_task):
    task_id, marker = hanging_task
    workers("worker-a")
    wait_for(lambda: started_on(marker), "worker A to start the task")
    started = DBTaskResult.objects.get(pk=task_id).started_at
    workers("worker-b")
    # Worker B sweeps at every beat; wait until it has beaten well past the 2 s lease since the task started.
    past_three_leases = started + datetime.timedelta(seconds=6)
    wait_for(
        lambda: WorkerBeat.objects.filter(worker_id="worker-b", beat_at__gt=past_three_leases).exists(),
        "worker B to sweep for three leases",
    )

    row = DBTaskResult.objects.get(pk=task_id)
    assert (row.status, row.worker_ids) == (TaskResultStatus.RUNNING, ["worker-a"])
    assert marker.read_text() == "started"


@pytest.fixture
def running(db):
    """A task claimed by WORKER and left RUNNING, as a killed worker leaves it."""

    def leave_running(task, *args, worker: str):
        with override_settings(TASKS=DB_TASKS):
            result = task.enqueue(*args)
        row = DBTaskResult.objects.get(pk=result.id)
        row.claim(worker)
        return row

    return leave_running


def silent_for(worker_id: str, seconds: float) -> None:
    WorkerBeat.objects.create(worker_id=worker_id, beat_at=timezone.now() - datetime.timedelta(seconds=seconds))


def test_a_task_of_a_worker_silent_for_a_lease_is_made_ready_again(running, settings, tmp_path):
    settings.TASK_WORKER_LEASE_SECONDS = 60
    row = running(stubborn, str(tmp_path / "m"), worker="gone")
    silent_for("gone", 61)

    assert sweep_abandoned() == 1
    row.refresh_from_db()
    assert (row.status, row.started_at) == (TaskResultStatus.READY, None)


def test_a_task_of_a_worker_that_beats_is_left_running(running, settings, tmp_path):
    settings.TASK_WORKER_LEASE_SECONDS = 60
    row = running(stubborn, str(tmp_path / "m"), worker="alive")
    silent_for("alive", 5)

    assert sweep_abandoned() == 0
    row.refresh_from_db()
    assert row.status == TaskResultStatus.RUNNING


def test_a_task_of_a_worker_that_never_beat_is_left_alone(running, tmp_path):
    row = running(stubborn, str(tmp_path / "m"), worker="plain-db-worker")

    assert sweep_abandoned() == 0
    row.refresh_from_db()
    assert row.status == TaskResultStatus.RUNNING


def test_an_abandoned_export_is_marked_failed_so_its_page_says_start_again(running, client_as, rina, settings):
    settings.TASK_WORKER_LEASE_SECONDS = 60
    today = timezone.localdate()
    job = ExportJob.objects.create(
        requested_by=rina,
        kind=ExportKind.SERVICE_REQUESTS,
        period_start=today,
        period_end=today,
        status=ExportStatus.RUNNING,
        progress=21,
    )
    row = running(build_service_export, job.pk, worker="gone")
    silent_for("gone", 61)

    sweep_abandoned()

    job.refresh_from_db()
    row.refresh_from_db()
    assert job.status == ExportStatus.FAILED
    assert row.status == TaskResultStatus.FAILED
    page = client_as(rina).get(f"/service/admin/exports/{job.pk}/").content.decode()
    assert 'id="export-bar"' not in page


def test_the_beats_of_workers_gone_for_a_week_are_forgotten(db):
    silent_for("last-week", 8 * 24 * 3600)
    silent_for("yesterday", 24 * 3600)

    sweep_abandoned()

    assert list(WorkerBeat.objects.values_list("worker_id", flat=True)) == ["yesterday"]
