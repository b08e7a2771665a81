"""The app graph stays one-way without tricks: no import hides inside a function, no private name crosses modules.

import-linter (`make lint`, tests/test_code_quality.py) holds the layers; an import inside a function would dodge
a cycle it cannot see as one, and a private helper imported from another module is a door nobody drew.
"""

import ast
from pathlib import Path

from django.conf import settings

PACKAGE = Path(settings.BASE_DIR) / "tumbuh"

# path relative to tumbuh/ -> why its function-level import is allowed. Keep it empty if you can.
ALLOWED_FUNCTION_LEVEL_IMPORTS: dict[str, str] = {}


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(), filename=str(path))


def is_ours(node: ast.Import | ast.ImportFrom) -> bool:
    if isinstance(node, ast.ImportFrom):
        return node.level > 0 or (node.module or "").split(".")[0] == "tumbuh"
    return any(alias.name.split(".")[0] == "tumbuh" for alias in node.names)


def function_level_imports(tree: ast.AST) -> list[int]:
    lines = []
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom) and is_ours(node):
                    lines.append(node.lineno)
    return sorted(set(lines))


def test_no_module_imports_tumbuh_inside_a_function():
    found = {
        f"{name}:{line}"
        for name, tree in modules()
        if name not in ALLOWED_FUNCTION_LEVEL_IMPORTS
        for line in function_level_imports(tree)
    }

    assert sorted(found) == []


def test_the_check_finds_a_function_level_import():
    tree = ast.parse(
        "import json\n"
        "def send():\n    from . import tasks\n"
        "def build():\n    import tumbuh.service.tasks\n"
        "def parse():\n    import json\n"
    )

    assert function_level_imports(tree) == [3, 5]


def test_no_private_name_is_imported_from_another_module():
    found = sorted(
        f"{name}:{node.lineno} {alias.name}"
        for name, tree in modules()
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and is_ours(node)
        for alias in node.names
        if alias.name.startswith("_")
    )

    assert found == []
