"""The one orchestration: load, run the rules, de-duplicate. What `check`, `waktu` and
`build` (and every later front end) report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sk_generator.checks.registry import Rule, run_checks
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
    #: Data and record files examined.
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

    def to_json(self) -> dict[str, Any]:
        """The report as `check --format json` prints it (keys in Indonesian)."""
        return {
            "berkas_diperiksa": self.files,
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
    KODE`` switches are honoured.
    """
    result = (loader or Loader()).load(paths)
    selected = None if rules is None else list(rules)
    issues = list(result.issues)
    for document in result.documents:
        issues.extend(run_checks(document, rules=selected))
    files = len(result.documents) + len(result.record_files)
    files += len(
        {i.file for i in result.issues if i.code in {"YAML", "SKEMA"}}
        - {d.source.name for d in result.documents}
    )
    return Report(result.documents, unique_issues(issues), files)
