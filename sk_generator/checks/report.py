"""The one orchestration: load, run the rules, de-duplicate. What `check`, `waktu` and
`build` (and every later front end) report.

An incremental build does not load a document whose inputs are unchanged since a build
that checked it: it hands :func:`check` that document's :class:`Known` findings instead
(kept in the document's manifest), and the report is the same as with the document
loaded. That is why a report keeps, for each document it loaded, what a later check
needs (:attr:`Report.known`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sk_generator.checks.registry import Rule, Seen, run_checks, run_shared_checks, seen_in
from sk_generator.diagnostics import Issue, Severity, has_errors, unique_issues
from sk_generator.document import Document
from sk_generator.load import Loader


@dataclass(frozen=True)
class Known:
    """What checking one document found: the issues of its own (those located in its
    file, and those its rules report in a record file), and its part in the shared rules
    (:class:`Seen`, by rule code). Plain data: :meth:`to_json` is what a manifest keeps."""

    issues: list[Issue]
    seen: dict[str, list[Seen]]

    def to_json(self) -> dict[str, Any]:
        return {
            "issues": [
                [i.file, i.line, i.col, i.severity.value, i.code, list(i.path), i.message]
                for i in self.issues
            ],
            "seen": {code: [s.to_json() for s in found] for code, found in self.seen.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Known:
        issues = [
            Issue(str(f), int(ln), int(c), Severity(sev), str(code), tuple(path), str(msg))
            for f, ln, c, sev, code, path, msg in data["issues"]
        ]
        seen = {
            str(code): [Seen.from_json(s) for s in found] for code, found in data["seen"].items()
        }
        return cls(issues, seen)


@dataclass
class Report:
    """Everything wrong with some data files, and the documents that loaded."""

    #: Documents whose ids all resolve (rules ran on them; later stages may use them).
    documents: list[Document]
    #: Every problem once, sorted by file, line and column.
    issues: list[Issue]
    #: Files named by the paths checked, and record files read from folders above them.
    files: int
    other_records: int = 0
    #: For each document in `documents` (by its resolved data file): what a later check
    #: of the same inputs may reuse.
    known: dict[Path, Known] = field(default_factory=dict)

    @property
    def errors(self) -> int:
        return sum(1 for i in self.issues if i.is_error)

    @property
    def warnings(self) -> int:
        return len(self.issues) - self.errors

    def failed(self, *, strict: bool = False) -> bool:
        return has_errors(self.issues, strict=strict)

    def summary(self) -> str:
        checked = f"{self.files} berkas diperiksa"
        if self.other_records:
            checked += f" (ditambah {self.other_records} berkas rujukan di folder atasnya)"
        return f"{checked}: {self.errors} kesalahan, {self.warnings} peringatan"

    def to_json(self) -> dict[str, Any]:
        """The report as `check --format json` prints it (keys in Indonesian)."""
        return {
            "berkas_diperiksa": self.files,
            "berkas_rujukan_lain": self.other_records,
            "kesalahan": self.errors,
            "peringatan": self.warnings,
            "masalah": [issue.to_json() for issue in self.issues],
        }


def check(
    paths: Sequence[Path],
    *,
    rules: Iterable[Rule] | None = None,
    loader: Loader | None = None,
    known: Mapping[Path, Known] | None = None,
) -> Report:
    """Load `paths` (files or folders) and run `rules` (default: every registered rule).

    Raises only for a missing path (:class:`~sk_generator.errors.UserError`); every
    problem in the data is an issue of the report. A file's ``# sk-generator: abaikan
    KODE`` switches are honoured. Rules run on every document whose ids resolve, also
    when some of its values were set aside after a validation error (those documents are
    not in `documents`: they are never built); a problem at or below a value already
    reported is a follow-on and is dropped. A data file in `known` (resolved path; only
    with every rule) is not loaded: its findings are taken from there (see module doc).
    """
    known = known or {}
    loader = loader or Loader()
    result = loader.load(paths, skip=known.keys())
    selected = None if rules is None else list(rules)
    issues = list(result.issues)
    seen: dict[str, list[Seen]] = {}
    own: dict[Path, Known] = {}
    complete = {id(document) for document in result.documents}
    by_file: dict[str, list[Issue]] = {}
    for issue in result.issues:
        by_file.setdefault(issue.file, []).append(issue)
    for document in [*result.documents, *result.partial]:
        found = _reported(loader, run_checks(document, rules=selected))
        issues += found
        mine = seen_in(document, rules=selected)
        for code, entries in mine.items():
            seen.setdefault(code, []).extend(entries)
        if id(document) in complete:
            loaded = by_file.get(document.source.name, [])
            own[document.source.path] = Known(loaded + found, mine)
    for earlier in known.values():
        issues += earlier.issues
        for code, entries in earlier.seen.items():
            seen.setdefault(code, []).extend(entries)
    issues += _reported(loader, run_shared_checks(seen, rules=selected))
    return Report(
        result.documents,
        unique_issues(issues),
        len(result.files),
        len(result.other_records),
        own,
    )


def _reported(loader: Loader, found: Iterable[Issue]) -> list[Issue]:
    """`found` without the follow-ons of a value set aside (see :func:`check`)."""
    kept = []
    for issue in found:
        source = loader.source_named(issue.file)
        if source is None or not source.is_tainted(issue.path):
            kept.append(issue)
    return kept
