"""The first step of a build: what will be made, decided before anything is written.

Planning refuses a build early: an unknown format, an output location that cannot take
the outputs (location.py), data with errors (nothing written), no document at all, or
LibreOffice missing while PDFs are wanted (before seconds of rendering are spent).

With check keys (reuse.py), a document whose inputs are unchanged since the build that
made its folder is not loaded: the plan lists it as reused, with its folder name.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sk_generator.build.location import check_location
from sk_generator.build.naming import base_name, unique_names
from sk_generator.build.parsing import parsing
from sk_generator.build.reuse import CheckKeys, Reused, find_reusable
from sk_generator.checks import Known, Report, check
from sk_generator.datafiles import collect_files
from sk_generator.diagnostics import Issue
from sk_generator.errors import DataError, UserError
from sk_generator.load import RECORD_FILES, Document, Loader
from sk_generator.pdf import check_servers, find_soffice

Format = Literal["docx", "pdf", "bundle"]
#: Every output format, the default.
FORMATS: tuple[Format, ...] = ("docx", "pdf", "bundle")


@dataclass(frozen=True)
class Workers:
    """The worker processes a build may start (parsing.py, rendering.py)."""

    processes: int | None = None
    start_method: str | None = None


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
    #: Documents not loaded, their check reused (reuse.py), by folder name.
    reused: dict[str, Reused] = field(default_factory=dict)
    #: Every folder name, loaded or reused, in the order of the data files.
    order: list[str] = field(default_factory=list)
    #: What checking each loaded document found (by data file), and the keys to record.
    known: dict[Path, Known] = field(default_factory=dict)
    keys: CheckKeys | None = None

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
    keys: CheckKeys | None = None,
    reuse: bool = True,
    workers: Workers | None = None,
) -> Plan:
    """Check the data and decide the outputs; raises before anything is written.

    With `servers` (unoserver instances), PDFs are made there: the servers that answer
    are kept, and none answering is an :class:`EnvironmentProblem`. With `keys`, the
    documents' check keys are recorded, and with `reuse` too the checks of unchanged
    documents are reused (see the module doc). A large batch is parsed by `workers`
    (parsing.py).
    """
    wanted = frozenset(formats) or frozenset(FORMATS)
    unknown = wanted - set(FORMATS)
    if unknown:
        raise UserError(f"format tidak dikenal: {', '.join(sorted(unknown))}")
    out_dir = Path(out_dir)
    check_location(out_dir, [])  # a file or no permission on the way: before checking
    workers = workers or Workers()
    report, names, order, reused = _checked_and_named(paths, out_dir, wanted, keys, reuse, workers)
    if not report.documents and not reused:
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
    check_location(out_dir, order)
    return Plan(
        report.documents,
        names,
        wanted,
        out_dir,
        warnings,
        executable,
        tuple(usable),
        reused,
        order,
        report.known,
        keys,
    )


def _checked_and_named(
    paths: Sequence[Path],
    out_dir: Path,
    wanted: frozenset[Format],
    keys: CheckKeys | None,
    reuse: bool,
    workers: Workers,
) -> tuple[Report, list[str], list[str], dict[str, Reused]]:
    """The checks' report, the loaded documents' names, every name in data file order,
    and the reused documents by name (see the module doc)."""
    files = collect_files(paths)
    reusable: dict[Path, Reused] = {}
    if keys is not None and "bundle" in wanted:  # only the bundle's manifest records
        for path in files:
            if path.name not in RECORD_FILES:
                keys.prefix(path)  # before loading: the key must be of the bytes checked
        if reuse:
            reusable = find_reusable(files, out_dir, keys, wanted)
    loader = Loader()  # one for both passes: no file is parsed twice
    unknown = [path for path in files if path not in reusable]
    with parsing(loader, unknown, processes=workers.processes, start_method=workers.start_method):
        report = _checked(paths, reusable, loader)
        names, order, reused = _named(files, report.documents, reusable)
        moved = [path for path, r in reusable.items() if r not in reused.values()]
        if moved:  # a reused document whose folder name would change: load it after all
            reusable = {path: r for path, r in reusable.items() if path not in moved}
            report = _checked(paths, reusable, loader)
            names, order, reused = _named(files, report.documents, reusable)
    return report, names, order, reused


def _checked(paths: Sequence[Path], reusable: dict[Path, Reused], loader: Loader) -> Report:
    """The checks' report, refusing the build on an error."""
    known = {path: r.known for path, r in reusable.items()}
    report = check(list(paths), known=known, loader=loader)
    if report.failed():
        raise DataError(
            report.issues,
            f"{report.errors} kesalahan pada data; tidak ada berkas yang dibuat. "
            "Perbaiki lalu jalankan lagi (lihat juga: sk-generator check)",
        )
    return report


def _named(
    files: Sequence[Path], documents: Sequence[Document], reusable: dict[Path, Reused]
) -> tuple[list[str], list[str], dict[str, Reused]]:
    """The loaded documents' names, every name in data file order, and the reused
    documents by name: only those whose recorded folder keeps its name."""
    loaded = {document.source.path: document for document in documents}
    entries: list[Document | Reused] = []
    for path in files:
        found = loaded.get(path) or reusable.get(path)
        if found is not None and path.name not in RECORD_FILES:
            entries.append(found)
    order = unique_names(
        [
            (e.base, e.path.stem) if isinstance(e, Reused) else (base_name(e), e.source.path.stem)
            for e in entries
        ]
    )
    names = [name for e, name in zip(entries, order, strict=True) if not isinstance(e, Reused)]
    reused = {
        name: e
        for e, name in zip(entries, order, strict=True)
        if isinstance(e, Reused) and e.recorded.folder.name == name
    }
    return names, order, reused
