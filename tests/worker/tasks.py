"""A task for the killed-worker test: its first run hangs (to be killed), a second run completes."""

import time
from pathlib import Path

from django.tasks import task


@task()
def stubborn(marker: str) -> str:
    path = Path(marker)
    if path.exists():
        path.write_text("done")
        return "done"
    path.write_text("started")
    time.sleep(600)  # killed long before
    return "never"
