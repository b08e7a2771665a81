"""How `make test` runs the suite: lint once, every other test on both databases, browser journeys included."""

import os
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from hypothesis import settings as hypothesis_settings

import tests.api.test_fuzz as fuzz

ROOT = Path(settings.BASE_DIR)


def planned_commands() -> list[str]:
    """What `make test` would run (make -n prints it and runs nothing), with PostgreSQL reachable."""
    result = subprocess.run(
        [str(shutil.which("make")), "-n", "test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={**os.environ, "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/tumbuh"},
    )
    return result.stdout.splitlines()


def test_make_test_lints_once_then_runs_every_other_test_on_both_databases_in_two_processes():
    commands = planned_commands()
    pytest_runs = [line for line in commands if " -m pytest " in line]

    for tool in (".venv/bin/ruff check .", ".venv/bin/ruff format --check .", ".venv/bin/lint-imports"):
        assert commands.count(tool) == 1, tool
    assert len([line for line in commands if line.startswith(".venv/bin/mypy ")]) == 1
    assert len(pytest_runs) == 2
    assert pytest_runs[0].startswith("env -u DATABASE_URL ")
    assert " DATABASE_URL=${DATABASE_URL:-postgres://" in pytest_runs[1]
    for run in pytest_runs:
        # Compiled bytecode is kept between the runs and their workers, whatever the machine's setting.
        assert "-u PYTHONDONTWRITEBYTECODE" in run
        # Only the lint tests are left out (make lint ran their checks); the browser journeys stay in.
        assert '-m "not lint" -n 2 --dist worksteal' in run
        assert "e2e" not in run


def test_hypothesis_runs_the_full_count_in_ci_and_a_quick_pass_locally():
    in_ci = os.environ.get("CI") == "true"

    assert hypothesis_settings.get_current_profile_name() == ("ci" if in_ci else "dev")
    assert hypothesis_settings.get_profile("ci").max_examples == 100
    assert hypothesis_settings.get_profile("ci").deadline is None
    assert hypothesis_settings.get_profile("dev").max_examples == 20
    assert (25 if in_ci else 8) == fuzz.FUZZ_EXAMPLES
