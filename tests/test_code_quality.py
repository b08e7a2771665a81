"""The code stays as `make lint` wants it: ruff-clean and, in the typed layers, mypy-clean."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings

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
