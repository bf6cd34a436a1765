"""The jinja2 sandbox every Word template is rendered in: it sees the data context only.

An instansi may bring its own SK template (`templat_keputusan`), edited in Word by staff
or by anyone who can write to the data folder, so the template is untrusted input. On
top of jinja2's SandboxedEnvironment (no Python internals at run time) this:

- removes jinja2's globals (`cycler`, `joiner`, `namespace`, `lipsum`, `dict`) and the
  `self` template reference: an SK prints data, and those printed object descriptions
  and memory addresses into the document;
- keeps `range`, bounded to :data:`MAX_RANGE` items;
- refuses `{% include %}`, `{% import %}`, `{% from %}` and `{% extends %}` (a template
  is one file; there is no loader to reach other files);
- refuses attributes starting with `_`, `.format`/`.format_map` and the `attr` filter,
  which the run-time sandbox would refuse anyway, but only when the line is rendered;
- refuses macros that call themselves (directly or through each other), and limits
  macro nesting to :data:`MAX_MACRO_DEPTH` at run time as a backstop.

The static refusals happen when the template is parsed, so `check` (which only parses
the template: it cannot render without the renderer) reports exactly what a build would
refuse, with the same Indonesian message. Decided: refusing these
constructs outright, rather than making them print nothing, because a template that
prints nothing where the author wrote something is a silent error in an official
document.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.runtime import Macro
from jinja2.sandbox import SandboxedEnvironment

#: The most items `range(...)` may give inside a template (an SK has a few dozen rows).
MAX_RANGE = 1000

#: The deepest macro calls may nest at run time.
MAX_MACRO_DEPTH = 20

#: Names jinja2 provides that a template may not use: they print Python objects.
FORBIDDEN_NAMES = frozenset({"self", "cycler", "joiner", "namespace", "lipsum", "dict"})

#: Attribute names refused besides those starting with "_".
FORBIDDEN_ATTRIBUTES = frozenset({"format", "format_map", "mro"})

_STATEMENTS = {
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from ... import %}",
    nodes.Extends: "{% extends %}",
}

_DEPTH: contextvars.ContextVar[int] = contextvars.ContextVar("macro_depth", default=0)


class TemplateRefused(TemplateSyntaxError):
    """A template construct the sandbox does not allow; the message is for staff."""


def bounded_range(*args: int) -> range:
    """`range` for templates: refused beyond :data:`MAX_RANGE` items."""
    values = range(*args)
    try:
        count = len(values)
    except OverflowError:  # more items than a C integer holds
        count = MAX_RANGE + 1
    if count > MAX_RANGE:
        raise SecurityError(f"range(...) di templat melebihi {MAX_RANGE} butir")
    return values


def refusals(tree: nodes.Template) -> Iterator[tuple[int, str]]:
    """(line, Indonesian reason) for each construct of `tree` the sandbox refuses."""
    for kind, shown in _STATEMENTS.items():
        for node in tree.find_all(kind):
            yield node.lineno, f"{shown} tidak diizinkan; templat SK harus berdiri sendiri"
    for name in tree.find_all(nodes.Name):
        if name.name in FORBIDDEN_NAMES and name.ctx == "load":
            yield name.lineno, f"`{name.name}` tidak tersedia di templat; hanya data SK"
    for attr in tree.find_all(nodes.Getattr):
        if attr.attr.startswith("_") or attr.attr in FORBIDDEN_ATTRIBUTES:
            yield attr.lineno, f"atribut `.{attr.attr}` tidak diizinkan di templat"
    for item in tree.find_all(nodes.Getitem):
        key = item.arg
        value = key.value if isinstance(key, nodes.Const) else None
        if isinstance(value, str) and (value.startswith("_") or value in FORBIDDEN_ATTRIBUTES):
            yield item.lineno, f"atribut `[{value!r}]` tidak diizinkan di templat"
    for flt in tree.find_all(nodes.Filter):
        if flt.name == "attr":
            yield flt.lineno, "filter `attr` tidak diizinkan di templat"
    yield from _large_ranges(tree)
    yield from _recursive_macros(tree)


def _large_ranges(tree: nodes.Template) -> Iterator[tuple[int, str]]:
    """`range(...)` with constant arguments beyond the bound (data-driven ones are bounded
    when rendered)."""
    for call in tree.find_all(nodes.Call):
        if not (isinstance(call.node, nodes.Name) and call.node.name == "range"):
            continue
        try:
            args = [arg.as_const() for arg in call.args]
            bounded_range(*args)
        except SecurityError as exc:
            yield call.lineno, str(exc)
        except (nodes.Impossible, TypeError, ValueError, OverflowError):
            continue


def _recursive_macros(tree: nodes.Template) -> Iterator[tuple[int, str]]:
    """Macros that can reach themselves through calls to macros of the same template."""
    macros = {macro.name: macro for macro in tree.find_all(nodes.Macro)}
    calls = {
        name: {
            call.node.name
            for call in macro.find_all(nodes.Call)
            if isinstance(call.node, nodes.Name) and call.node.name in macros
        }
        for name, macro in macros.items()
    }
    for name, macro in macros.items():
        seen: set[str] = set()
        todo = list(calls[name])
        while todo:
            callee = todo.pop()
            if callee == name:
                yield macro.lineno, f"makro `{name}` memanggil dirinya sendiri (rekursi)"
                break
            if callee not in seen:
                seen.add(callee)
                todo.extend(calls[callee])


def refusal_message(template: str, exc: TemplateSyntaxError | SecurityError) -> str:
    """The Indonesian message for a template the sandbox refused.

    Located by the construct it quotes, not by jinja's line: that line counts lines of
    the XML docxtpl generates from the DOCX (nothing staff see in Word), and it differs
    between `check` (which parses) and the renderer (which preprocesses the XML again).
    """
    if isinstance(exc, TemplateRefused):
        return (
            f"templat {template}: {exc.message}; hapus bagian itu di Word "
            "atau salin ulang templat bawaan templates/sk/keputusan.docx"
        )
    if isinstance(exc, TemplateSyntaxError):
        return f"templat {template} rusak: {exc.message}"
    return f"templat {template} memakai yang tidak diizinkan: {exc}"


class TemplateSandbox(SandboxedEnvironment):
    """SandboxedEnvironment exposing only the data context (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.globals.clear()
        self.globals["range"] = bounded_range

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        for line, reason in refusals(tree):
            raise TemplateRefused(reason, line, name, filename)
        return tree

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(__obj, Macro):
            return super().call(__context, __obj, *args, **kwargs)
        depth = _DEPTH.get()
        if depth >= MAX_MACRO_DEPTH:
            raise SecurityError(f"makro bersarang lebih dari {MAX_MACRO_DEPTH} tingkat")
        token = _DEPTH.set(depth + 1)
        try:
            return super().call(__context, __obj, *args, **kwargs)
        finally:
            _DEPTH.reset(token)
