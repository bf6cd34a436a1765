"""The one orchestration: load, run the rules, de-duplicate. What `check`, `waktu` and
`build` (and every later front end) report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sk_generator.checks.registry import Rule, run_checks, run_shared_checks
from sk_generator.diagnostics import Issue, has_errors, unique_issues
from sk_generator.document import Document
from sk_generator.load import Loader


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
    paths: Sequence[Path], *, rules: Iterable[Rule] | None = None, loader: Loader | None = None
) -> Report:
    """Load `paths` (files or folders) and run `rules` (default: every registered rule).

    Raises only for a missing path (:class:`~sk_generator.errors.UserError`); every
    problem in the data is an issue of the report. A file's ``# sk-generator: abaikan
    KODE`` switches are honoured. Rules run on every document whose ids resolve, also
    when some of its values were set aside after a validation error (those documents are
    not in `documents`: they are never built); a problem at or below a value already
    reported is a follow-on and is dropped.
    """
    loader = loader or Loader()
    result = loader.load(paths)
    selected = None if rules is None else list(rules)
    issues = list(result.issues)
    checked = [*result.documents, *result.partial]
    found = [i for d in checked for i in run_checks(d, rules=selected)]
    found += run_shared_checks(checked, rules=selected)
    for issue in found:
        source = loader.source_named(issue.file)
        if source is None or not source.is_tainted(issue.path):
            issues.append(issue)
    return Report(
        result.documents, unique_issues(issues), len(result.files), len(result.other_records)
    )
