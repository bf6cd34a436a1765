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
    files: int

    @property
    def errors(self) -> int:
        return sum(1 for i in self.issues if i.is_error)

    @property
    def warnings(self) -> int:
        return len(self.issues) - self.errors

    def failed(self, *, strict: bool = False) -> bool:
        return has_errors(self.issues, strict=strict)

    def summary(self) -> str:
        return f"{self.files} berkas diperiksa: {self.errors} kesalahan, {self.warnings} peringatan"


def check_paths(paths: Sequence[Path], *, loader: Loader | None = None) -> CheckReport:
    """Everything wrong with the data under `paths`; raises only for a missing path."""
    loader = loader or Loader()
    result = loader.load(paths)
    issues = list(result.issues)
    for document in result.documents:
        issues.extend(run_checks(document))
    files = len(result.documents) + len(result.record_files)
    files += len(
        {i.file for i in result.issues if i.code in {"YAML", "SKEMA"}}
        - {d.source.name for d in result.documents}
    )
    return CheckReport(result.documents, sort_issues(set(issues)), files)
