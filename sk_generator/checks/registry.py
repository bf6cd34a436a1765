"""The rule registry: :class:`Rule`, the :func:`rule` decorator, the registry, the runner.

A rule is a generator registered with :func:`rule`. It yields ``(path, message)`` pairs:
`path` is relative to what the rule's `scope` hands it, and the registry turns each pair
into a located :class:`~sk_generator.diagnostics.Issue` with the rule's code and severity.

Scopes:

- ``"keputusan"``: ``func(document, keputusan)``; paths from the file's root.
- ``"sop"``: ``func(document, entry)`` once per SOP (standalone or each lampiran, with the
  SK's values inherited, see :meth:`Document.sops`); paths relative to the SOP, the
  registry adds ``lampiran[i]``.
- ``"dokumen"``: ``func(document)``; paths from the file's root.
- ``"bersama"``: compares the documents checked together (e.g. two documents with one
  nomor) in two steps. ``collect(document)`` yields ``(path, value)`` for what the rule
  compares of one document (`value` in JSON types); the registry makes each a located
  :class:`Seen`. Then ``func(seen)`` runs once over every document's :class:`Seen` and
  yields ``(seen, message)`` findings, each located where that :class:`Seen` is
  (:func:`run_shared_checks`). Being plain data, a document's :class:`Seen` can be kept
  by an incremental build and handed back when the document is not loaded again.

A rule may also yield an :class:`Elsewhere` finding to report a problem in another file
than the document it checks (a pejabat record's NIP is wrong in ``pejabat.yaml``, not in
the SK that uses it). Such findings are located in their own source and never prefixed,
and a switch-off comment in that source applies to them too.

To add a rule: write it in the module of its family (``checks/<family>.py``) and decorate
it; a new family module is added to the imports of ``checks/__init__.py``, which loads
every family so the registry is complete whenever :mod:`sk_generator.checks` is imported.
The function's docstring explains the rule to developers (English); `penjelasan` explains
it to the staff who read docs/checks.md (Indonesian: why, its source, how to fix).
docs/checks.md is generated from the registry (`python -m sk_generator.cli.docs`); a test
fails when it is stale.

A file switches rules off with a comment line anywhere in it::

    # sk-generator: abaikan NIP-LAHIR, TEKS-SPASI
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sk_generator.diagnostics import DataPath, Issue, Severity
from sk_generator.document import Document
from sk_generator.yaml_source import Source

Scope = Literal["keputusan", "sop", "dokumen", "bersama"]


@dataclass(frozen=True)
class Elsewhere:
    """A finding located in another file than the checked document (e.g. a record)."""

    source: Source
    path: DataPath
    message: str


Finding = tuple[DataPath, str] | Elsewhere


@dataclass(frozen=True)
class Seen:
    """One document's part in a shared ("bersama") rule: the compared value and where it
    stands, as plain data (see the module doc)."""

    file: str
    line: int
    col: int
    path: DataPath
    #: What the rule compares (JSON types).
    value: Any
    #: The document's file switches the rule off: its findings are dropped.
    off: bool = False

    def to_json(self) -> list[Any]:
        return [self.file, self.line, self.col, list(self.path), self.value, self.off]

    @classmethod
    def from_json(cls, data: Sequence[Any]) -> Seen:
        file, line, col, path, value, off = data
        return cls(str(file), int(line), int(col), tuple(path), value, bool(off))


#: A shared rule's finding: located where that document's :class:`Seen` is.
SharedFinding = tuple[Seen, str]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    title: str
    scope: Scope
    #: Yields :data:`Finding` items; a shared rule's, :data:`SharedFinding` items.
    func: Callable[..., Iterable[Any]]
    #: Indonesian explanation for staff (docs/checks.md): why, source, how to fix.
    penjelasan: str
    #: A wrong and a right example (YAML snippets) for docs/checks.md.
    wrong: str
    right: str
    #: A shared rule's first step (see the module doc); None for the other scopes.
    collect: Callable[[Document], Iterable[tuple[DataPath, Any]]] | None = None

    @property
    def doc(self) -> str:
        """The English docstring of the rule function (for developers)."""
        return (self.func.__doc__ or "").strip()


REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    severity: Severity,
    title: str,
    *,
    scope: Scope,
    penjelasan: str,
    wrong: str,
    right: str,
    collect: Callable[[Document], Iterable[tuple[DataPath, Any]]] | None = None,
) -> Callable[[Callable[..., Iterable[Any]]], Callable[..., Iterable[Any]]]:
    """Register a rule.

    `title` and `penjelasan` are Indonesian and printed in docs/checks.md (`penjelasan`: one
    to three plain sentences for staff on why the rule exists, its source and how to fix);
    the function's English docstring explains the rule to developers.
    """
    explanation = " ".join(penjelasan.split())
    if not explanation:
        raise ValueError(f"rule {code} has no penjelasan")
    if (scope == "bersama") != (collect is not None):
        raise ValueError(f"rule {code}: `collect` is for, and required by, scope bersama")

    def register(func: Callable[..., Iterable[Any]]) -> Callable[..., Iterable[Any]]:
        if code in REGISTRY:
            raise ValueError(f"rule code {code} registered twice")
        REGISTRY[code] = Rule(
            code=code,
            severity=severity,
            title=title,
            scope=scope,
            func=func,
            penjelasan=explanation,
            wrong=wrong.strip(),
            right=right.strip(),
            collect=collect,
        )
        return func

    return register


_SWITCH_OFF = re.compile(r"#\s*sk-generator:\s*abaikan\s+([A-Z0-9 ,_-]+)", re.IGNORECASE)


def disabled_codes(text: str) -> set[str]:
    """Codes switched off by `# sk-generator: abaikan KODE, KODE` comments in a file."""
    codes: set[str] = set()
    for match in _SWITCH_OFF.finditer(text):
        codes.update(c.strip().upper() for c in re.split(r"[,\s]+", match.group(1)) if c.strip())
    return codes


#: Rules a file cannot switch off: the step numbering is the one the PDF, `waktu` and every
#: message use, so numbers written otherwise are never accepted (one numbering only).
ALWAYS_ON = frozenset({"SOP-NOMOR-LANGKAH"})


def run_checks(document: Document, *, rules: Iterable[Rule] | None = None) -> list[Issue]:
    """Run every registered rule (minus those the file switches off) on one document."""
    off = disabled_codes(document.source.text) - ALWAYS_ON
    issues: list[Issue] = []
    for current in REGISTRY.values() if rules is None else rules:
        if current.code in off:
            continue
        issues.extend(_run(current, document))
    return issues


def seen_in(document: Document, *, rules: Iterable[Rule] | None = None) -> dict[str, list[Seen]]:
    """What each shared rule compares of `document` (its first step), by rule code."""
    off = disabled_codes(document.source.text)
    found: dict[str, list[Seen]] = {}
    for current in REGISTRY.values() if rules is None else rules:
        if current.collect is None:
            continue
        found[current.code] = [
            Seen(
                document.source.name,
                *document.source.locate(path),
                tuple(path),
                value,
                off=current.code in off,
            )
            for path, value in current.collect(document)
        ]
    return found


def run_shared_checks(
    seen: Mapping[str, Sequence[Seen]], *, rules: Iterable[Rule] | None = None
) -> list[Issue]:
    """Run the rules that compare documents checked together (scope ``"bersama"``) over
    every document's :class:`Seen` (:func:`seen_in`); a file's switch-off comment applies
    to the findings located in it."""
    issues: list[Issue] = []
    for current in REGISTRY.values() if rules is None else rules:
        if current.scope != "bersama":
            continue
        for at, message in current.func(list(seen.get(current.code, ()))):
            if not at.off:
                issues.append(
                    Issue(
                        at.file, at.line, at.col, current.severity, current.code, at.path, message
                    )
                )
    return issues


def _run(current: Rule, document: Document) -> Iterator[Issue]:
    source = document.source
    model: Any = document.model
    if current.scope == "bersama":
        return
    if current.scope == "sop":
        for entry in document.sops():
            for finding in current.func(document, entry):
                issue = _issue(current, source, finding, entry.prefix)
                if issue is not None:
                    yield issue
        return
    if current.scope == "keputusan":
        if not document.is_keputusan:
            return
        found = current.func(document, model)
    else:
        found = current.func(document)
    for finding in found:
        issue = _issue(current, source, finding, ())
        if issue is not None:
            yield issue


def _elsewhere(current: Rule, finding: Elsewhere) -> Issue | None:
    """The issue of a finding about another file: located in that file, unless that file
    switches the rule off."""
    if current.code in disabled_codes(finding.source.text):
        return None
    return finding.source.issue(
        finding.path, current.code, finding.message, severity=current.severity
    )


def _issue(current: Rule, source: Source, finding: Finding, prefix: DataPath) -> Issue | None:
    if isinstance(finding, Elsewhere):
        return _elsewhere(current, finding)
    path, message = finding
    return source.issue((*prefix, *path), current.code, message, severity=current.severity)
