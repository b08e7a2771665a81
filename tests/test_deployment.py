"""The production settings of docs/deployment.md pass Django's deployment checks, but for what the doc explains."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "deployment.md"


def production_env(tmp_path: Path) -> dict[str, str]:
    """The environment block of docs/deployment.md; secrets named by *_FILE are written to scratch files."""
    block = re.search(r"<!-- production-env -->\s*```sh\n(.*?)```", DOC.read_text(), re.S)
    assert block, "docs/deployment.md lost its production-env block"
    env = {}
    for line in block.group(1).strip().splitlines():
        name, value = line.split("=", 1)
        if name.endswith("_FILE"):
            secret = tmp_path / name.lower()
            secret.write_text("x" * 10 + os.urandom(40).hex())
            value = str(secret)
        env[name] = value
    return env


def explained_checks() -> set[str]:
    """The check ids the doc's table explains."""
    table = DOC.read_text().split("## What `check --deploy` still says, and why", 1)[1]
    return set(re.findall(r"`((?:security|mail)\.[EW]\d+)`", table))


def test_deploy_check_reports_only_what_the_doc_explains(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        # The suite's own DJANGO_ALLOW_ASYNC_UNSAFE (for the browser tests) has no place in production.
        if not key.startswith(("DATABASE_URL", "EMAIL_", "SECURE_", "SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC"))
    }
    env |= production_env(tmp_path)
    env["TUMBUH_VAR_DIR"] = str(tmp_path / "var")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    reported = set(re.findall(r"\((\w+\.[EW]\d+)\)", result.stdout + result.stderr))
    assert reported == explained_checks() == {"security.W021"}, result.stdout + result.stderr
    assert result.returncode == 0, result.stderr


def test_readme_points_production_to_the_deployment_doc():
    readme = (ROOT / "README.md").read_text()
    assert "docs/deployment.md" in readme
    assert "collectstatic" in readme
