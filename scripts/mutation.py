"""Run mutmut on sk_generator/waktu/ and sk_generator/checks/ (developer tool, not CI).

Usage (from the repository root, with mutmut in its own virtual environment; see
docs/development.md, "Mutation testing")::

    python scripts/mutation.py waktu run --max-children 1
    python scripts/mutation.py waktu results --all true
    rm -rf mutants    # before switching target: mutmut keeps one state in mutants/
    nice -n 15 python scripts/mutation.py checks run --max-children 2

Mutants run module by module (:func:`_module_then_estimate`): a run stopped with SIGINT
to the mutmut process and started again without mutant names resumes where it stopped.

The first argument is the target (which package is mutated and which fast tests judge
it, :data:`TARGETS`); the rest is passed to mutmut's command line. The settings common
to both are ``[tool.mutmut]`` in pyproject.toml.

Why a wrapper: mutmut 3 leaves every decorated function unmutated (a decorator runs at
definition time, and copying a function can repeat its side effects). That would leave
out all rule bodies (``@rule(...)``) and every ``@property``, which is most of the logic
of ``checks/``. Both are safe to mutate here: mutmut keeps the decorators on the one
trampoline it defines per function, so ``rule`` registers each rule once, and
``property`` wraps the trampoline like any method. This wrapper lets exactly those two
decorators through and keeps mutmut's behaviour for everything else.
"""

from __future__ import annotations

import sys
from typing import Any

import libcst as cst
import mutmut.__main__ as mutmut_main
from libcst.metadata import PositionProvider
from mutmut.__main__ import cli
from mutmut.configuration import config
from mutmut.mutation import file_mutation
from mutmut.mutation.file_mutation import NEVER_MUTATE_FUNCTION_NAMES, MutationVisitor

#: target -> (files mutated, tests run against each mutant). WAKTU-* rules are tested in
#: tests/test_waktu.py; the checks tests run every rule, so they would judge waktu too, but
#: slowly: waktu's own tests pin every form and message.
TARGETS = {
    "waktu": (["sk_generator/waktu/*"], ["tests/test_waktu.py", "tests/test_waktu_boundaries.py"]),
    "checks": (
        ["sk_generator/checks/*"],
        [
            "tests/checks",
            "tests/test_waktu.py",
            "tests/test_waktu_boundaries.py",
            "tests/test_check_one_run.py",
            "tests/test_cli.py",
            "tests/test_cli_waktu.py",
        ],
    ),
}

#: Decorators whose functions are mutated all the same: a bare name or a call of it.
MUTATED_DECORATORS = {"rule", "property"}


def _safe_decorator(decorator: cst.Decorator) -> bool:
    node = decorator.decorator
    if isinstance(node, cst.Call):
        node = node.func
    return isinstance(node, cst.Name) and node.value in MUTATED_DECORATORS


_original_skip = MutationVisitor._skip_node_and_children


def _skip_node_and_children(self: MutationVisitor, node: cst.CSTNode) -> bool:
    """mutmut's rule, except that a function decorated only with safe decorators counts as
    undecorated (a ``# pragma: no mutate`` on its line still leaves it alone)."""
    if (
        isinstance(node, cst.FunctionDef)
        and node.decorators
        and all(_safe_decorator(d) for d in node.decorators)
    ):
        position = self.get_metadata(PositionProvider, node, None)
        if position and position.start.line in self._ignored_node_lines:
            self.ignored_functions.add(node.name.value)
            return True
        return node.name.value in NEVER_MUTATE_FUNCTION_NAMES
    return _original_skip(self, node)


_original_arrangement = file_mutation.function_trampoline_arrangement


def _function_trampoline_arrangement(
    function: cst.FunctionDef, mutants: Any, class_name: str | None
) -> Any:
    """mutmut's trampoline, with the decorators kept on the trampoline only: the copies
    (original and mutants) are plain functions the trampoline calls, so ``rule`` registers
    each rule once and a property's copies stay callable."""
    declarations, methods, assignments, names = _original_arrangement(function, mutants, class_name)
    trampoline, *copies = methods
    copies = [
        copy.with_changes(decorators=[])
        if isinstance(copy, cst.FunctionDef) and all(_safe_decorator(d) for d in copy.decorators)
        else copy
        for copy in copies
    ]
    return declarations, [trampoline, *copies], assignments, names


_original_estimate = mutmut_main.estimated_worst_case_time


def _module_then_estimate(mutant_name: str) -> Any:
    """Run order: module by module (by name), the fastest mutants of each first. mutmut
    orders by estimate only, so a run stopped early would leave every module part-run;
    this way each module is finished before the next starts, and a run started again
    without mutant names resumes where it stopped (mutants with a result are skipped)."""
    module = mutant_name.rsplit(".", 1)[0]
    return (module, _original_estimate(mutant_name))


MutationVisitor._skip_node_and_children = _skip_node_and_children  # type: ignore[method-assign]
file_mutation.function_trampoline_arrangement = _function_trampoline_arrangement
mutmut_main.estimated_worst_case_time = _module_then_estimate


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in TARGETS:
        print(f"usage: mutation.py {{{','.join(TARGETS)}}} MUTMUT-COMMAND ...", file=sys.stderr)
        return 2
    mutated, tests = TARGETS[argv[0]]
    settings = config()
    settings.only_mutate = mutated
    settings.pytest_add_cli_args_test_selection = tests
    return int(cli(argv[1:]) or 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
