"""One permission door: services ask `access` through named rules, and read statuses through their constants.

These read the code, as the linters do: a service that compares an actor's primary key, asks `has_perm` itself
or raises a 404 by hand decides who may act outside the rules; a status spelled as a string escapes the
constants the state machine is written in.
"""

import ast
import re
from pathlib import Path

from tumbuh.coaching.models import EngagementStatus, GoalStatus, PeerInvitationStatus, SessionStatus
from tumbuh.service.models import RequestStatus
from tumbuh.service.models.booking import BookingStatus
from tumbuh.service.models.exports import ExportStatus

ROOT = Path(__file__).resolve().parent.parent / "tumbuh"
SERVICES = sorted([*ROOT.glob("*/services.py"), *ROOT.glob("*/services/*.py")])
PYTHON = sorted(path for path in ROOT.rglob("*.py") if "migrations" not in path.parts)
TEMPLATES = sorted(ROOT.glob("templates/**/*.html"))

ACTOR = r"(?:by|user|sender|reader)"
DOOR_BYPASSES = {
    "has_perm": re.compile(r"\bhas_perm\("),
    "hand-raised 404": re.compile(r"\bHttp404\b"),
    "actor's key": re.compile(rf"\b{ACTOR}\.(?:pk|id)\b"),
    "comparison with the actor": re.compile(rf"(?:==|!=)\s*{ACTOR}\b|\b{ACTOR}\s*(?:==|!=)"),
}


def _lines(path: Path):
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        code = line.split("#", 1)[0]
        if code.strip():
            yield number, code


def test_services_are_found():
    names = {path.relative_to(ROOT).as_posix() for path in SERVICES}
    assert {"service/services/requests.py", "service/services/workflow.py", "coaching/services/peer.py"} <= names


def test_services_decide_who_may_act_only_through_named_rules():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {what}: {code.strip()}"
        for path in SERVICES
        for number, code in _lines(path)
        for what, pattern in DOOR_BYPASSES.items()
        if pattern.search(code)
    ]
    assert found == []


def test_the_checks_catch_what_they_are_for():
    samples = {
        "has_perm": "if not by.has_perm('service.close_request', request):",
        "hand-raised 404": "raise Http404(_('Not here'))",
        "actor's key": "if by.pk != engagement.coach_id:",
        "comparison with the actor": "other = provider if requester == by else requester",
    }
    assert {what: bool(DOOR_BYPASSES[what].search(code)) for what, code in samples.items()} == dict.fromkeys(
        samples, True
    )


# The request's statuses, and those of the coaching workflows and bookings beside it.
STATUSES = (
    RequestStatus,
    EngagementStatus,
    SessionStatus,
    GoalStatus,
    PeerInvitationStatus,
    BookingStatus,
    ExportStatus,
)
STATUS_VALUES = frozenset(value for status in STATUSES for value in status.values)


def _choice_definitions(tree: ast.AST) -> set[int]:
    """Ids of the string constants that define choices (``CLOSED = "closed", _("Closed")`` in a class body)."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for statement in node.body:
                if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Tuple | ast.Constant):
                    ids.update(id(child) for child in ast.walk(statement.value))
    return ids


def _status_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    definitions = _choice_definitions(tree)
    found = []
    for node in ast.walk(tree):
        compared = []
        if isinstance(node, ast.Compare) and "status" in ast.unparse(node).lower():
            compared = [node.left, *node.comparators]
        elif isinstance(node, ast.keyword) and node.arg and node.arg.split("__")[0].endswith("status"):
            compared = [node.value]
        for side in compared:
            for child in ast.walk(side):
                if isinstance(child, ast.Constant) and child.value in STATUS_VALUES and id(child) not in definitions:
                    found.append(f"{path.relative_to(ROOT)}:{child.lineno}: {child.value!r}")
    return found


def test_statuses_are_compared_and_filtered_through_their_constants():
    assert [literal for path in PYTHON for literal in _status_literals(path)] == []


def test_templates_compare_no_status_with_a_spelled_out_value():
    pattern = re.compile(r"\.status\s*(?:==|!=)\s*['\"]")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in TEMPLATES
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if pattern.search(line)
    ]
    assert found == []


def test_a_private_helper_is_never_imported_from_another_module():
    found = []
    for path in PYTHON:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                private = [a.name for a in node.names if a.name.startswith("_") and a.name != "_"]
                if private:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {', '.join(private)}")
    assert found == []
