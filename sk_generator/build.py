"""Build documents: check, render DOCX, convert to PDF in one batch, merge print bundles.

Output layout (one folder per document, named from its nomor and a short tentang)::

    output/700-109-DISNAKERTRANS.TU.1-2022_Pengumpulan-Data-Kinerja-pada-Dinas/
        keputusan.docx   keputusan.pdf
        lampiran-1.docx  lampiran-1.pdf
        700-109-DISNAKERTRANS.TU.1-2022_Pengumpulan-Data-Kinerja-pada-Dinas.pdf
        700-109-DISNAKERTRANS.TU.1-2022_Pengumpulan-Data-Kinerja-pada-Dinas.manifest.json

The bundle carries the folder's name so it can travel alone (to the print shop). A
standalone SOP has `sop.docx` / `sop.pdf`. Names go through
:func:`sk_generator.outputs.safe_name`: the "/" of a nomor never creates folders, and
two documents with the same name are told apart by their data file's name.

Nothing half-written: the whole batch is rendered and converted in a temporary folder
first; a document's files are then written (each atomically) only when all of them are
ready. A document that fails leaves its earlier files untouched.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import tempfile
import time
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sk_generator.bundle import BundleInfo, BundlePart, merge, write_bundle
from sk_generator.checks import check
from sk_generator.diagnostics import Issue
from sk_generator.errors import ConversionError, DataError, UserError
from sk_generator.load import Document
from sk_generator.model import Keputusan
from sk_generator.outputs import inside, safe_name, write_atomic
from sk_generator.pdf import (
    ConversionJob,
    available_cores,
    convert,
    failure_message,
    find_soffice,
)
from sk_generator.render import render_document
from sk_generator.wording import jabatan_penetap, romawi, title_case

Format = Literal["docx", "pdf", "bundle"]
#: Every output format, the default.
FORMATS: tuple[Format, ...] = ("docx", "pdf", "bundle")
Stage = Literal["render", "convert", "bundle"]


@dataclass(frozen=True)
class Progress:
    """Where a build is: `done` of `total` steps (render each document, convert each
    part, bundle and write each document); `stage` is the current one."""

    stage: Stage
    done: int
    total: int


@dataclass
class BuiltDocument:
    source: str
    nomor: str
    title: str
    folder: Path
    files: list[Path] = field(default_factory=list)
    #: Pages of the bundle (blank duplex pages included), else of the part PDFs; 0 for
    #: a DOCX-only build.
    pages: int = 0
    bundle: Path | None = None
    manifest: Path | None = None


@dataclass
class BuildResult:
    out_dir: Path
    documents: list[BuiltDocument]
    #: Warnings from the checks (errors refuse the build).
    warnings: list[Issue]
    seconds: float
    #: soffice processes started (retries included).
    conversions: int = 0

    @property
    def pages(self) -> int:
        return sum(d.pages for d in self.documents)

    @property
    def files(self) -> list[Path]:
        return [f for d in self.documents for f in d.files]


def build(
    paths: Sequence[Path],
    out_dir: Path,
    *,
    formats: Collection[Format] = FORMATS,
    duplex: bool = False,
    pdfa: bool = False,
    progress: Callable[[Progress], None] | None = None,
    soffice: str | os.PathLike[str] | None = None,
    processes: int | None = None,
    timeout: float | None = None,
) -> BuildResult:
    """Build every SK and standalone SOP found under `paths` into `out_dir`.

    Refuses (:class:`DataError`, nothing written) when a check reports an error. PDFs of
    the whole batch are made in one :func:`sk_generator.pdf.convert` call; `soffice`,
    `processes` and `timeout` are passed to it. A document whose conversion fails is
    not written; the others are, then :class:`ConversionError` names the failures.
    """
    started = time.monotonic()
    wanted = set(formats) or set(FORMATS)
    unknown = wanted - set(FORMATS)
    if unknown:
        raise UserError(f"format tidak dikenal: {', '.join(sorted(unknown))}")
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"'{out_dir}' sudah ada dan bukan folder; pilih folder keluaran lain")
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
    needs_pdf = bool(wanted & {"pdf", "bundle"})
    if needs_pdf:
        find_soffice(soffice)  # fail before rendering when LibreOffice is missing
    warnings = [issue for issue in report.issues if not issue.is_error]
    names = output_names(documents)
    # Render each document, convert each part (the SK and each lampiran, or the SOP),
    # bundle each document: the total is known before anything starts.
    parts_count = sum(len(d.sops()) + (1 if d.is_keputusan else 0) for d in documents)
    steps = _Steps(progress, len(documents) * 2 + (parts_count if needs_pdf else 0))

    built: list[BuiltDocument] = []
    conversions = 0
    with tempfile.TemporaryDirectory(prefix="sk-generator-build-") as tmp:
        staging = Path(tmp)
        rendered = _render_all(documents, staging, processes, steps)
        if needs_pdf:  # in case a renderer made more or fewer parts than foreseen
            steps.total += sum(len(parts) for parts in rendered) - parts_count
        jobs = [
            [
                ConversionJob(
                    part.docx,
                    part.docx.with_suffix(".pdf"),
                    f"{document.source.name} ({part.label})",
                    part.expected_pages,
                )
                for part in parts
            ]
            for document, parts in zip(documents, rendered, strict=True)
        ]
        failures = []
        pages: dict[Path, int] = {}
        if needs_pdf:
            done_before = steps.done
            result = convert(
                [job for doc_jobs in jobs for job in doc_jobs],
                pdfa=pdfa,
                processes=processes,
                timeout=timeout,
                soffice=soffice,
                progress=lambda done, _total: steps.set("convert", done_before + done),
            )
            failures, pages, conversions = result.failures, result.pages, result.processes
        failed = {failure.job.target.parent for failure in failures}
        for index, document in enumerate(documents):
            parts, doc_jobs = rendered[index], jobs[index]
            if staging / str(index) in failed:
                continue
            built.append(
                _commit(
                    document,
                    parts,
                    doc_jobs,
                    pages,
                    out_dir,
                    names[index],
                    wanted,
                    duplex=duplex,
                    pdfa=pdfa,
                )
            )
            steps.advance("bundle")
    if failures:
        failed_docs = len(failed)
        message = failure_message(failures)
        message += (
            f"\n{len(built)} dokumen lain berhasil dibuat di {out_dir}; berkas lama dari "
            f"{failed_docs} dokumen yang gagal tidak diubah."
        )
        raise ConversionError(message)
    return BuildResult(out_dir, built, warnings, time.monotonic() - started, conversions)


def _commit(
    document: Document,
    parts: list[StagedPart],
    jobs: list[ConversionJob],
    pages: dict[Path, int],
    out_dir: Path,
    name: str,
    wanted: set[Format],
    *,
    duplex: bool,
    pdfa: bool,
) -> BuiltDocument:
    """Write one document's outputs; the bundle is merged before anything is written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    folder = inside(out_dir, name)
    built = BuiltDocument(document.source.name, _nomor(document), title_of(document), folder)
    pdfs = [job.target.read_bytes() for job in jobs] if wanted & {"pdf", "bundle"} else []
    bundle = None
    if "bundle" in wanted:
        bundle_parts = [
            BundlePart(
                part.label,
                pdf,
                part.role,
                f"{part.suffix}.pdf" if "pdf" in wanted else None,
                _page_prefix(part, parts),
            )
            for part, pdf in zip(parts, pdfs, strict=True)
        ]
        bundle = merge(bundle_parts, info_of(document), duplex=duplex, pdfa=pdfa)
    if "docx" in wanted:
        for part in parts:
            target = inside(folder, f"{part.suffix}.docx")
            write_atomic(target, part.docx.read_bytes())
            built.files.append(target)
    if "pdf" in wanted:
        for part, pdf in zip(parts, pdfs, strict=True):
            target = inside(folder, f"{part.suffix}.pdf")
            write_atomic(target, pdf)
            built.files.append(target)
        built.pages = sum(pages[job.target] for job in jobs)
    if bundle is not None:
        target = inside(folder, f"{name}.pdf")
        built.manifest = write_bundle(bundle, target)
        built.bundle = target
        built.files += [target, built.manifest]
        built.pages = len(bundle.pages)
    _remove_stale(folder, set(built.files), wanted)
    return built


#: Part files this tool writes in a document's folder (keputusan, lampiran-N, sop).
_PART_FILE = re.compile(r"^(keputusan|sop|lampiran-\d+)\.(docx|pdf)$")


def _remove_stale(folder: Path, written: set[Path], wanted: set[Format]) -> None:
    """Delete part files an earlier build wrote that this document no longer has (a
    lampiran removed in a revision), so the folder never offers an outdated part.

    Only our own part names are touched, and only for formats built in this run: a
    `--format docx` build leaves the PDFs alone.
    """
    for path in folder.iterdir():
        match = _PART_FILE.match(path.name)
        if match and match.group(2) in wanted and path.resolve() not in written:
            path.unlink()


@dataclass(frozen=True)
class StagedPart:
    """A rendered part whose DOCX waits in the staging folder (see RenderedPart)."""

    role: str
    label: str
    suffix: str
    docx: Path
    expected_pages: int | None


def _render_all(
    documents: Sequence[Document], staging: Path, processes: int | None, steps: _Steps
) -> list[list[StagedPart]]:
    """Render every document into `staging/<index>/`, on every core where possible.

    Rendering is pure Python and CPU-bound, so it runs in forked worker processes (they
    inherit the loaded documents; only small StagedPart records travel back). The DOCX
    bytes go straight to disk, so memory does not grow with the batch. A document whose
    rendering fails in a worker is rendered again here, so its error surfaces as usual.
    """
    workers = min(processes or available_cores(), len(documents))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        results = []
        for index, document in enumerate(documents):
            results.append(_stage(document, staging / str(index)))
            steps.advance("render")
        return results
    # The first document is rendered here: the workers then inherit warm caches
    # (imports, templates, font metrics: about a second) instead of each paying for them.
    staged: dict[int, list[StagedPart] | None] = {0: _stage(documents[0], staging / "0")}
    steps.advance("render")
    global _FORKED  # read by the forked workers
    _FORKED = (documents, staging)
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            futures = {pool.submit(_stage_forked, i): i for i in range(1, len(documents))}
            for future in as_completed(futures):
                try:
                    staged[futures[future]] = future.result()
                except Exception:
                    staged[futures[future]] = None
                steps.advance("render")
    finally:
        _FORKED = None
    return [
        staged[index] or _stage(document, staging / str(index))
        for index, document in enumerate(documents)
    ]


_FORKED: tuple[Sequence[Document], Path] | None = None


def _stage_forked(index: int) -> list[StagedPart]:
    assert _FORKED is not None
    documents, staging = _FORKED
    return _stage(documents[index], staging / str(index))


def _stage(document: Document, folder: Path) -> list[StagedPart]:
    folder.mkdir(parents=True, exist_ok=True)
    staged = []
    for part in render_document(document):
        path = folder / f"{part.suffix}.docx"
        path.write_bytes(part.docx)
        staged.append(StagedPart(part.role, part.label, part.suffix, path, part.expected_pages))
    return staged


def output_names(documents: Sequence[Document]) -> list[str]:
    """The folder (and bundle) name of each document, unique within the batch.

    `<nomor>_<short tentang>` (SOP: its nama). A second document with the same name gets
    its data file's name appended, then a number: names compare case-insensitively,
    since Windows and macOS folders do.
    """
    taken: set[str] = set()
    names = []
    for document in documents:
        name = base_name(document)
        if name.lower() in taken:
            stem = Path(document.source.path).stem
            name = f"{name}_{safe_name(stem, limit=40)}"
        candidate, number = name, 2
        while candidate.lower() in taken:
            candidate = f"{name}-{number}"
            number += 1
        taken.add(candidate.lower())
        names.append(candidate)
    return names


_GENERIC = re.compile(
    r"^\s*(penetapan\s+)?(standar\s+operasional\s+prosedur|sop)(\s*\(sop\))?(\s+ap\b)?\s*",
    re.IGNORECASE,
)


def base_name(document: Document) -> str:
    model = document.model
    about = model.tentang if isinstance(model, Keputusan) else model.nama
    return f"{safe_name(_nomor(document) or 'tanpa-nomor', limit=60)}_{short_title(about)}"


def short_title(text: str, limit: int = 40) -> str:
    """The telling words of a title, cut at a word boundary: "Standar Operasional
    Prosedur Pengumpulan Data Kinerja pada ..." -> "Pengumpulan-Data-Kinerja-pada-Dinas"."""
    rest = _GENERIC.sub("", text, count=1)
    words = (rest if rest.strip() else text).split()
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > limit:
            break
        kept.append(word)
    return safe_name(" ".join(kept), limit=limit)


def _nomor(document: Document) -> str:
    return document.model.nomor or ""


def title_of(document: Document) -> str:
    """The PDF title: "Keputusan Kepala Dinas ... Nomor ... tentang ..." or "SOP ..."."""
    model = document.model
    if isinstance(model, Keputusan):
        penetap = jabatan_penetap(model, document.instansi)
        return f"Keputusan {penetap} Nomor {model.nomor} tentang {model.tentang}"
    return f"Standar Operasional Prosedur {model.nama}"


def info_of(document: Document) -> BundleInfo:
    instansi = document.instansi
    author = f"{title_case(instansi.nama)} {instansi.daerah}"
    model = document.model
    keywords = ["Keputusan Kepala Dinas"] if isinstance(model, Keputusan) else []
    keywords += ["SOP AP", *(f"SOP {entry.sop.nama}" for entry in document.sops())]
    keywords.append(instansi.daerah)
    tanggal = model.tanggal if isinstance(model, Keputusan) else model.tanggal_efektif
    if tanggal is not None:
        keywords.append(str(tanggal.year))
    return BundleInfo(title_of(document), author, _nomor(document), tuple(keywords))


def _page_prefix(part: StagedPart, parts: list[StagedPart]) -> str:
    if part.role != "lampiran":
        return ""
    lampiran = [p for p in parts if p.role == "lampiran"]
    if len(lampiran) == 1:
        return "Lampiran-"
    number = next(i for i, p in enumerate(lampiran, start=1) if p is part)
    return f"Lampiran {romawi(number)}-"


class _Steps:
    def __init__(self, callback: Callable[[Progress], None] | None, total: int) -> None:
        self.callback = callback
        self.total = total
        self.done = 0

    def advance(self, stage: Stage) -> None:
        self.set(stage, self.done + 1)

    def set(self, stage: Stage, done: int) -> None:
        self.done = max(self.done, done)
        if self.callback is not None:
            self.callback(Progress(stage, self.done, self.total))


__all__ = [
    "FORMATS",
    "BuildResult",
    "BuiltDocument",
    "Format",
    "Progress",
    "base_name",
    "build",
    "output_names",
    "short_title",
]
