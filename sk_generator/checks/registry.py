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
- ``"bersama"``: ``func(documents)`` once for all the documents checked together (e.g. two
  documents with one nomor); it yields :class:`Elsewhere` findings only, each located in
  the document it is about (:func:`run_shared_checks`).

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
from collections.abc import Callable, Iterable, Iterator, Sequence
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
class Rule:
    code: str
    severity: Severity
    title: str
    scope: Scope
    func: Callable[..., Iterable[Finding]]
    #: Indonesian explanation for staff (docs/checks.md): why, source, how to fix.
    penjelasan: str
    #: A wrong and a right example (YAML snippets) for docs/checks.md.
    wrong: str
    right: str

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
) -> Callable[[Callable[..., Iterable[Finding]]], Callable[..., Iterable[Finding]]]:
    """Register a rule.

    `title` and `penjelasan` are Indonesian and printed in docs/checks.md (`penjelasan`: one
    to three plain sentences for staff on why the rule exists, its source and how to fix);
    the function's English docstring explains the rule to developers.
    """
    explanation = " ".join(penjelasan.split())
    if not explanation:
        raise ValueError(f"rule {code} has no penjelasan")

    def register(func: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
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


def run_shared_checks(
    documents: Sequence[Document], *, rules: Iterable[Rule] | None = None
) -> list[Issue]:
    """Run the rules that compare documents checked together (scope ``"bersama"``); a
    file's switch-off comment applies to the findings located in it."""
    issues: list[Issue] = []
    for current in REGISTRY.values() if rules is None else rules:
        if current.scope != "bersama":
            continue
        for finding in current.func(list(documents)):
            if not isinstance(finding, Elsewhere):
                raise TypeError(f"rule {current.code} must yield Elsewhere findings")
            issue = _elsewhere(current, finding)
            if issue is not None:
                issues.append(issue)
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
