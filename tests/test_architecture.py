"""Architecture contracts (docs/architecture.md): layers, no cycles, imports at the top.

The layer contract lives in pyproject.toml ([tool.importlinter]) and is checked here with
import-linter's own entry point, so CI (which runs pytest) enforces it like `lint-imports`.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "sk_generator"
PYPROJECT = ROOT / "pyproject.toml"


def _contracts() -> dict[str, dict[str, object]]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {contract["id"]: contract for contract in config["contracts"]}


def test_import_contracts_hold() -> None:
    assert lint_imports(str(PYPROJECT), no_cache=True, no_logo=True) == 0


def test_a_broken_contract_is_reported(tmp_path: Path) -> None:
    """The check can fail: model placed above the checks that use it is a violation."""
    config = tmp_path / "pyproject.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "sk_generator"\n\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "upside down"\ntype = "layers"\n'
        'layers = ["sk_generator.model", "sk_generator.checks"]\n',
        encoding="utf-8",
    )
    assert lint_imports(str(config), no_cache=True, no_logo=True) == 1


def test_layers_follow_the_pipeline() -> None:
    """cli -> build -> render | pdf | bundle -> checks -> load -> wording -> model."""
    layers = [str(layer) for layer in _contracts()["layers"]["layers"]]  # type: ignore[attr-defined]

    def level(name: str) -> int:
        return next(i for i, layer in enumerate(layers) if name in layer.replace("(", " "))

    chain = ["cli", "build", "render", "checks", "load", "wording", "model"]
    assert [level(n) for n in chain] == sorted({level(n) for n in chain})
    assert level("render") == level("pdf") == level("bundle")
    assert "render | pdf | bundle" in layers


def test_checks_never_import_render() -> None:
    contract = _contracts()["checks-without-render"]
    assert contract["source_modules"] == ["sk_generator.checks"]
    assert "sk_generator.render" in contract["forbidden_modules"]  # type: ignore[operator]


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycle() -> None:
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    assert _cycles(grimp.build_graph("sk_generator")) == []


#: Standard modules that exist on one platform only: importing them under an
#: ``if sys.platform ...`` is how portable code reaches them, not a dodged cycle.
PLATFORM_MODULES = {"fcntl", "msvcrt", "termios", "winreg"}


def _platform_import(block: ast.AST, node: ast.Import | ast.ImportFrom) -> bool:
    names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
    return (
        isinstance(block, ast.If)
        and "sys.platform" in ast.unparse(block.test)
        and bool(names)
        and all(name in PLATFORM_MODULES for name in names)
    )


def _late_imports(tree: ast.Module) -> Iterator[int]:
    """Lines of imports that are not at the top of the module or that sit in a function
    or an ``if`` (TYPE_CHECKING) block: the usual ways of dodging an import cycle. A
    platform-only standard module under ``if sys.platform`` is allowed."""
    body = list(tree.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    leading = True
    for node in body:
        is_import = isinstance(node, ast.Import | ast.ImportFrom)
        if not is_import:
            leading = False
        elif not leading:
            yield node.lineno
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.If):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom) and not _platform_import(
                    node, inner
                ):
                    yield inner.lineno


@pytest.mark.parametrize(
    ("source", "late"),
    [
        ('"""doc"""\nimport a\nfrom b import c\nX = 1\n', []),
        ("import a\nX = 1\nimport b  # noqa: E402\n", [3]),
        ("def f():\n    import a\n", [2]),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import a\n", [3]),
        (
            'import sys\nif sys.platform == "win32":\n    import msvcrt\nelse:\n    import fcntl\n',
            [],
        ),
        ('import sys\nif sys.platform == "win32":\n    import a\n', [3]),
        ("import os\nif os.name == 'nt':\n    import msvcrt\n", [3]),
    ],
)
def test_late_import_detection(source: str, late: list[int]) -> None:
    assert sorted(set(_late_imports(ast.parse(source)))) == late


def test_every_import_at_the_top() -> None:
    late = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = sorted(set(_late_imports(ast.parse(path.read_text(encoding="utf-8")))))
        if lines:
            late[path.relative_to(ROOT).as_posix()] = lines
    assert late == {}, "imports belong at the top of the module, never in a function or if"
