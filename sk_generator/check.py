"""Load + validate + run the rule registry over files and folders: what `check` reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sk_generator.checks import run_checks
from sk_generator.diagnostics import Issue, has_errors, sort_issues
from sk_generator.load import Document, Loader


@dataclass
class CheckReport:
    documents: list[Document]
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


def check_paths(paths: Sequence[Path], *, loader: Loader | None = None) -> CheckReport:
    """Everything wrong with the data under `paths`; raises only for a missing path.

    Rules run on every document whose ids resolve, also when some of its values were set
    aside after a validation error (those documents are not in `documents`: they are never
    built); a problem at or below a value already reported is a follow-on and is dropped.
    """
    loader = loader or Loader()
    result = loader.load(paths)
    issues = list(result.issues)
    for document in (*result.documents, *result.partial):
        for issue in run_checks(document):
            source = loader.source_named(issue.file)
            if source is None or not source.is_tainted(issue.path):
                issues.append(issue)
    return CheckReport(
        result.documents, sort_issues(set(issues)), len(result.files), len(result.other_records)
    )
