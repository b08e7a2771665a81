"""Browser journeys: Debian's Chromium driven by Playwright against pytest-django's live server."""

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from it otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS_DIR = REPO_ROOT / "var" / "test-artifacts"
PHONE_VIEWPORT = {"width": 360, "height": 780}


def pytest_collection_modifyitems(config, items):
    # A conftest's pytestmark does not reach the test modules; this hook sees every item, so filter by folder.
    e2e_dir = Path(__file__).resolve().parent
    for item in items:
        if e2e_dir in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium, never a downloaded one; quiet flags keep it off the network and reproducible.
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "headless": True,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Most of our users open Tumbuh on a small Android phone, in Indonesian.
    return {**browser_context_args, "viewport": PHONE_VIEWPORT, "locale": "id-ID"}


@pytest.fixture
def screenshot(request):
    """screenshot(page, "step") saves var/test-artifacts/<test-name>-<step>.png and returns its path."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    test_name = re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")

    def take(page, step: str) -> Path:
        path = ARTIFACTS_DIR / f"{test_name}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


class BrowserProblems:
    """Console errors, uncaught exceptions and Content-Security-Policy violations seen by a page."""

    def __init__(self, page):
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.csp_violations: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        # Init scripts and bindings come in through the DevTools protocol, so the page's own CSP does not block them.
        page.expose_function("__reportCspViolation", self._on_csp_violation)
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e => window.__reportCspViolation("
            "`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));"
        )

    def _on_csp_violation(self, report: str) -> None:
        self.csp_violations.append(report)

    def _on_console(self, message):
        # Chromium asks for /favicon.ico on its own; the app ships no icon, and that is no fault of the page.
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def assert_none(self):
        assert self.csp_violations == []
        assert self.console_errors == []
        assert self.page_errors == []


@pytest.fixture
def browser_problems(page):
    return BrowserProblems(page)
