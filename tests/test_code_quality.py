"""The code stays as `make lint` wants it: ruff-clean and, in the typed layers, mypy-clean."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

# `make test` runs these checks once, through `make lint`, and leaves this module out of its database runs.
pytestmark = pytest.mark.lint

ROOT = Path(settings.BASE_DIR)
BIN = Path(sys.executable).parent
TYPED_GLOBS = [
    "tumbuh/*/services.py",
    "tumbuh/*/services/*.py",
    "tumbuh/*/selectors*.py",
    "tumbuh/*/selectors/*.py",
    "tumbuh/*/api.py",
    "tumbuh/*/api/*.py",
    "tumbuh/api.py",
    "tumbuh/access/policy.py",
    "tumbuh/people/nip.py",
]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def test_ruff_finds_nothing_to_fix():
    result = run(str(BIN / "ruff"), "check", ".")
    assert result.returncode == 0, result.stdout


def test_code_is_formatted():
    result = run(str(BIN / "ruff"), "format", "--check", ".")
    assert result.returncode == 0, result.stdout


def test_typed_layers_pass_mypy():
    files = sorted({str(path.relative_to(ROOT)) for pattern in TYPED_GLOBS for path in ROOT.glob(pattern)})
    assert "tumbuh/coaching/services/__init__.py" in files
    result = run(str(BIN / "mypy"), *files)
    assert result.returncode == 0, result.stdout


def test_app_layers_hold():
    # The contracts live in pyproject.toml ([tool.importlinter]); docs/architecture.md draws them.
    result = run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout
    assert "Contracts: 2 kept, 0 broken." in result.stdout
