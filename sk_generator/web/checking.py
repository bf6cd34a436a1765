"""Checks as you edit: the CLI's own `check` run on the unsaved draft, issues per field.

The draft's data is handed to the loader in place of the file (no YAML is written or
parsed while typing, so a check answers at once); after saving, the file itself is
checked. Each issue is keyed by its data path (``lampiran/0/langkah/2/waktu``) so the page
can show it beside its field with the CLI's text; issues about other files (a pejabat
record used by this SK) are listed apart. The SOP's running totals and Jumlah Waktu come
from the same `waktu` code the documents print.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sk_generator.checks import Report, check
from sk_generator.diagnostics import display_path
from sk_generator.document import Document
from sk_generator.load import Loader
from sk_generator.waktu import compute_sop
from sk_generator.web.forms import SEP
from sk_generator.yaml_source import Source


@dataclass(frozen=True)
class Shown:
    """One issue as the page shows it."""

    severity: str
    code: str
    message: str
    #: The CLI's line for it: file:line:col: severity[CODE] path: message.
    line: str

    def as_json(self) -> dict[str, str]:
        return {
            "jenis": self.severity,
            "kode": self.code,
            "pesan": self.message,
            "baris": self.line,
        }


@dataclass
class DraftCheck:
    #: Issues of this file by data path ("" for the file as a whole).
    fields: dict[str, list[Shown]] = field(default_factory=dict)
    #: Issues located in other files (records this document uses).
    elsewhere: list[Shown] = field(default_factory=list)
    #: Per SOP (data path of the SOP, "" for a standalone one): running totals and total.
    times: dict[str, dict[str, Any]] = field(default_factory=dict)
    errors: int = 0
    warnings: int = 0
    summary: str = ""

    def at(self, path: str) -> list[Shown]:
        return self.fields.get(path, [])

    def as_json(self) -> dict[str, Any]:
        return {
            "kolom": {k: [s.as_json() for s in v] for k, v in self.fields.items()},
            "lain": [s.as_json() for s in self.elsewhere],
            "waktu": self.times,
            "kesalahan": self.errors,
            "peringatan": self.warnings,
            "ringkasan": self.summary,
        }


def check_file(path: Path) -> tuple[Any, DraftCheck]:
    """The file's data as saved and its checks (one read, one parse)."""
    loader = Loader()
    report = check([path], loader=loader)
    source = loader.source(path)
    data = source.data if isinstance(source, Source) else None
    return data, _collect(report, path)


def check_draft(path: Path, text: str, data: Any, *, like: Source | None = None) -> DraftCheck:
    """Check `data` as the new contents of `path` (whose saved text is `text`).

    No YAML is written or parsed: the draft is handed to the loader as the file's data,
    with the positions of the saved file (`like`, when given) so the CLI lines point at
    the lines the values have on disk; a value not yet saved points at its parent.
    """
    source = Source(path=path, data=data, text=text)
    if like is not None:
        source.values, source.keys = dict(like.values), dict(like.keys)
    source.values.setdefault((), (1, 1))
    loader = Loader()
    loader.use_source(source)
    return _collect(check([path], loader=loader), path)


def _collect(report: Report, path: Path) -> DraftCheck:
    result = DraftCheck()
    name = display_path(path)
    for issue in report.issues:
        shown = Shown(issue.severity.value, issue.code, issue.message, issue.format())
        if issue.file == name:
            key = SEP.join(str(p) for p in issue.path)
            result.fields.setdefault(key, []).append(shown)
        else:
            result.elsewhere.append(shown)
    for document in report.documents:
        result.times.update(sop_times(document))
    result.errors, result.warnings = report.errors, report.warnings
    result.summary = f"{report.errors} kesalahan, {report.warnings} peringatan"
    return result


def sop_times(document: Document) -> dict[str, dict[str, Any]]:
    """Running total after each step and the Jumlah Waktu of each SOP of `document`."""
    out: dict[str, dict[str, Any]] = {}
    for entry in document.sops():
        times = compute_sop(entry.sop, jam_kerja_per_hari=document.jam_kerja_per_hari(entry.sop))
        running = [
            step.running.text(times.jam_kerja_per_hari)
            if step.waktu is not None and step.running is not None
            else ""
            for step in times.steps
        ]
        out[SEP.join(str(p) for p in entry.prefix)] = {
            "kumulatif": running,
            "jumlah": times.text if times.complete else "",
        }
    return out
