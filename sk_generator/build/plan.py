"""The first step of a build: what will be made, decided before anything is written.

Planning refuses a build early: an unknown format, an output location that cannot take
the outputs (location.py), data with errors (nothing written), no document at all, or
LibreOffice missing while PDFs are wanted (before seconds of rendering are spent).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sk_generator.build.location import check_location
from sk_generator.build.naming import output_names
from sk_generator.checks import check
from sk_generator.diagnostics import Issue
from sk_generator.errors import DataError, UserError
from sk_generator.load import Document
from sk_generator.pdf import check_servers, find_soffice

Format = Literal["docx", "pdf", "bundle"]
#: Every output format, the default.
FORMATS: tuple[Format, ...] = ("docx", "pdf", "bundle")


@dataclass(frozen=True)
class Plan:
    """The documents to build, their output names and what to make of them."""

    documents: list[Document]
    names: list[str]
    formats: frozenset[Format]
    out_dir: Path
    #: Warnings from the checks (errors refuse the build).
    warnings: list[Issue]
    #: The soffice executable when PDFs are wanted locally, else None.
    soffice: str | None
    #: The unoserver instances ("HOST:PORT") that answered, when PDFs are made there.
    servers: tuple[str, ...] = ()

    @property
    def needs_pdf(self) -> bool:
        return bool(self.formats & {"pdf", "bundle"})

    def part_count(self) -> int:
        """Parts foreseen: the SK and each lampiran, or the standalone SOP."""
        return sum(len(d.sops()) + (1 if d.is_keputusan else 0) for d in self.documents)

    def step_count(self) -> int:
        """Progress steps: render and bundle each document, convert each part."""
        return len(self.documents) * 2 + (self.part_count() if self.needs_pdf else 0)


def plan_build(
    paths: Sequence[Path],
    out_dir: Path,
    formats: Collection[Format],
    soffice: str | os.PathLike[str] | None,
    servers: Sequence[str] = (),
) -> Plan:
    """Check the data and decide the outputs; raises before anything is written.

    With `servers` (unoserver instances), PDFs are made there: the servers that answer
    are kept, and none answering is an :class:`EnvironmentProblem`.
    """
    wanted = frozenset(formats) or frozenset(FORMATS)
    unknown = wanted - set(FORMATS)
    if unknown:
        raise UserError(f"format tidak dikenal: {', '.join(sorted(unknown))}")
    out_dir = Path(out_dir)
    check_location(out_dir, [])  # a file or no permission on the way: before checking
    report = check(list(paths))
    if report.failed():
        raise DataError(
            report.issues,
            f"{report.errors} kesalahan pada data; tidak ada berkas yang dibuat. "
            "Perbaiki lalu jalankan lagi (lihat juga: sk-generator check)",
        )
    documents = report.documents
    if not documents:
        shown = ", ".join(str(p) for p in paths)
        raise UserError(
            f"tidak ada dokumen untuk dibuat di {shown}: berkas dokumen diawali "
            "`jenis: keputusan` atau `jenis: sop`"
        )
    executable = None
    usable: list[str] = []
    if wanted & {"pdf", "bundle"}:
        # Fail before rendering when LibreOffice is missing or no server answers.
        if servers:
            usable = check_servers(servers)
        else:
            executable = find_soffice(soffice)
    warnings = [issue for issue in report.issues if not issue.is_error]
    names = output_names(documents)
    check_location(out_dir, names)
    return Plan(documents, names, wanted, out_dir, warnings, executable, tuple(usable))
