"""Small modules with one job: no module over 400 lines, no function over 60 lines.

A function's length runs from its ``def`` line to its last line (decorators, which hold
a rule's registration data, are not counted); nested functions are measured on their own
and also count towards the function that holds them.

While issue 10's restructuring is under way, the lists below name the modules and
functions still too long, each with the engineer who is splitting it. The lists may only
shrink: a test fails when something new grows too long, and another fails when a listed
entry is no longer too long (remove it from the list), so the lists stay exact.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "sk_generator"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60

#: Modules still over the limit, relative to the repository root: path -> owner.
KNOWN_LONG_MODULES: dict[str, str] = {}

#: Functions still over the limit: "path::Qualified.name" -> owner.
KNOWN_LONG_FUNCTIONS: dict[str, str] = {}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE.parent).as_posix()


def _functions(node: ast.AST, prefix: str = "") -> Iterator[tuple[str, int]]:
    """(qualified name, length in lines) of every function and method under `node`."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            name = f"{prefix}{child.name}"
            assert child.end_lineno is not None
            yield name, child.end_lineno - child.lineno + 1
            yield from _functions(child, f"{name}.")
        elif isinstance(child, ast.ClassDef):
            yield from _functions(child, f"{prefix}{child.name}.")


def long_modules() -> dict[str, int]:
    sizes = {_name(p): len(p.read_text(encoding="utf-8").splitlines()) for p in _modules()}
    return {name: n for name, n in sizes.items() if n > MAX_MODULE_LINES}


def long_functions() -> dict[str, int]:
    found: dict[str, int] = {}
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name, length in _functions(tree):
            if length > MAX_FUNCTION_LINES:
                found[f"{_name(path)}::{name}"] = length
    return found


def test_no_new_long_module() -> None:
    new = {k: v for k, v in long_modules().items() if k not in KNOWN_LONG_MODULES}
    assert new == {}, f"modules over {MAX_MODULE_LINES} lines: split them by job"


def test_no_new_long_function() -> None:
    new = {k: v for k, v in long_functions().items() if k not in KNOWN_LONG_FUNCTIONS}
    assert new == {}, f"functions over {MAX_FUNCTION_LINES} lines: split them"


def test_known_long_modules_are_still_long() -> None:
    fixed = sorted(set(KNOWN_LONG_MODULES) - set(long_modules()))
    assert fixed == [], "no longer over the limit (or gone): remove from KNOWN_LONG_MODULES"


def test_known_long_functions_are_still_long() -> None:
    fixed = sorted(set(KNOWN_LONG_FUNCTIONS) - set(long_functions()))
    assert fixed == [], "no longer over the limit (or gone): remove from KNOWN_LONG_FUNCTIONS"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def f():\n" + "    x = 1\n" * 59, {"f": 60}),
        ("class C:\n    def m(self):\n" + "        pass\n" * 60, {"C.m": 61}),
        ("@decorator(\n    a=1,\n)\ndef g():\n    def inner():\n        pass\n", {"g": 3}),
    ],
)
def test_function_length_is_measured_from_def_to_last_line(
    source: str, expected: dict[str, int]
) -> None:
    found = dict(_functions(ast.parse(source)))
    assert {k: v for k, v in found.items() if k in expected} == expected
