"""`build()`: plan, then render -> convert -> bundle -> commit overlapped (flow.py).

Documents are rendered and converted in a scratch folder; each document's outputs are
assembled in memory and committed (swapped in as a whole) as soon as its PDFs are made,
once every document has rendered. A document that fails leaves its earlier folder
untouched. One build at a time writes into an output folder (lock.py); a build killed
earlier is cleaned up first (swap.recover).
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sk_generator.build.assemble import OutputSet, assemble
from sk_generator.build.commit import commit
from sk_generator.build.flow import FlowOptions, run_flow
from sk_generator.build.frozen import Frozen, freeze, refusal_error
from sk_generator.build.incremental import document_inputs, partition, settle, with_record
from sk_generator.build.location import check_location
from sk_generator.build.lock import DEFAULT_WAIT, output_lock
from sk_generator.build.metadata import title_of
from sk_generator.build.naming import nomor_of
from sk_generator.build.plan import FORMATS, Format, Plan, Workers, plan_build
from sk_generator.build.progress import Progress, StepCounter
from sk_generator.build.recorded import Inputs, Recorded
from sk_generator.build.rendering import StagedPart
from sk_generator.build.report import UNCHANGED, Change, review
from sk_generator.build.reuse import CheckKeys, Reused
from sk_generator.build.stale import StaleFolder, remove_stale
from sk_generator.build.swap import recover
from sk_generator.diagnostics import Issue
from sk_generator.errors import ConversionError, EnvironmentProblem
from sk_generator.load import Document
from sk_generator.outputs import describe, environment_errors, inside
from sk_generator.pdf import ConversionResult, failure_message


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
    #: The archived version made by this build (a signed document's first build).
    arsip: Path | None = None
    #: Compared with the previous build: baru, berubah (which files, pages) or tetap.
    change: Change = UNCHANGED


@dataclass
class BuildResult:
    out_dir: Path
    documents: list[BuiltDocument]
    #: Warnings from the checks (errors refuse the build).
    warnings: list[Issue]
    seconds: float
    #: soffice processes started (retries included).
    conversions: int = 0
    #: Folders of documents that are gone (data file removed or renamed), see stale.py.
    stale: list[StaleFolder] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return sum(d.pages for d in self.documents)

    @property
    def files(self) -> list[Path]:
        return [f for d in self.documents for f in d.files]


@dataclass(frozen=True)
class _Options:
    duplex: bool
    pdfa: bool
    processes: int | None
    timeout: float | None
    start_method: str | None
    #: Each document's inputs by folder name (incremental.py).
    inputs: dict[str, Inputs] = field(default_factory=dict)


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
    start_method: str | None = None,
    lock_wait: float = DEFAULT_WAIT,
    force: bool = False,
    servers: Sequence[str] = (),
) -> BuildResult:
    """Build every SK and standalone SOP found under `paths` into `out_dir`.

    Refuses (:class:`DataError`, nothing written) when a check reports an error, and
    (:class:`EnvironmentProblem`) an output location that cannot take the outputs. PDFs
    are made by one converter fed as documents render (flow.py), with `soffice`,
    `processes` and `timeout`, or on the unoserver instances `servers` ("HOST:PORT").
    `start_method` ("fork", "spawn") is that of the render workers (default: fork on
    Linux, else spawn). `lock_wait`: seconds to wait for another build writing into
    `out_dir`. A document whose conversion fails is not written; the others are, then
    :class:`ConversionError` names the failures. A signed document whose data now prints
    differently from its archive is not built; the others are, then :class:`DataError`
    lists its changes (frozen.py).

    Incremental, unless `force`: an unchanged document is not even loaded (reuse.py), or
    not rendered nor converted (incremental.py); unchanged files are not written again
    (report.py). Folders of documents whose data file is gone are removed (stale.py).
    """
    started = time.monotonic()
    keys = CheckKeys({"duplex": duplex, "pdfa": pdfa})
    workers = Workers(processes, start_method)
    planned = plan_build(paths, out_dir, formats, soffice, servers, keys, not force, workers)
    # Signed documents (frozen.py): a refused one leaves the plan (not rendered, its
    # folder and archive kept: it is still a document of this build, not a stale one);
    # one in `frozen.to_archive` must be assembled even when its folder is up to date.
    frozen, plan = _frozen(planned)
    steps = StepCounter(progress, plan.step_count())
    inputs = document_inputs(plan, duplex=duplex, pdfa=pdfa)
    options = _Options(duplex, pdfa, processes, timeout, start_method, inputs)
    with environment_errors():
        plan.out_dir.mkdir(parents=True, exist_ok=True)
    with output_lock(plan.out_dir, wait=lock_wait, waiting=lambda: steps.set("wait", 0)):
        with environment_errors():
            recover(plan.out_dir)
        check_location(plan.out_dir, plan.order)  # it may have changed while waiting
        kept, todo = partition(plan, inputs, force, frozen.to_archive)
        reused, todo = settle(plan, todo, inputs, duplex=duplex, pdfa=pdfa)
        steps.total -= plan.step_count() - todo.step_count()
        built, converted = _run(todo, steps, options, frozen)
        built = _in_order(plan, built + _described(plan, kept, reused))
        stale = _remove_stale(planned, paths, built)
    _raise_failures(plan, frozen, converted, len(built))
    seconds = time.monotonic() - started
    return BuildResult(plan.out_dir, built, plan.warnings, seconds, converted.processes, stale)


def _described(
    plan: Plan, kept: list[tuple[Document, Recorded]], reused: dict[str, Reused]
) -> list[BuiltDocument]:
    """The documents not built again (loaded or not), as their manifests describe them."""
    described = [
        _kept(r.source_name, r.nomor, r.title, r.recorded, plan.formats) for r in reused.values()
    ]
    for document, recorded in kept:
        name, nomor, title = document.source.name, nomor_of(document), title_of(document)
        described.append(_kept(name, nomor, title, recorded, plan.formats))
    return described


def _frozen(planned: Plan) -> tuple[Frozen, Plan]:
    """The signed documents' decisions (frozen.py), and the plan without those refused."""
    with environment_errors():
        frozen = freeze(planned.documents)
    return frozen, frozen.remaining(planned)


def _raise_failures(plan: Plan, frozen: Frozen, converted: ConversionResult, built: int) -> None:
    """After the build: the refused signed documents, then the failed conversions."""
    if frozen.refused:
        error = refusal_error(frozen.refused, built)
        if converted.failures:
            error.args = (f"{error}\n{failure_message(converted.failures)}",)
        raise error
    if converted.failures:
        raise ConversionError(
            failure_message(converted.failures)
            + f"\n{built} dokumen lain berhasil dibuat di {plan.out_dir}; berkas lama "
            f"dari {len(plan.documents) - built} dokumen yang gagal tidak diubah."
        )


def _in_order(plan: Plan, built: list[BuiltDocument]) -> list[BuiltDocument]:
    order = {name: index for index, name in enumerate(plan.order)}
    return sorted(built, key=lambda document: order[document.folder.name])


def _remove_stale(
    plan: Plan, paths: Sequence[Path], built: list[BuiltDocument]
) -> list[StaleFolder]:
    """Remove the folders of documents that are gone (stale.py), once every new folder
    is in place."""
    done = {document.folder.name for document in built}
    pairs = [(d.source.path, name) for d, name in zip(plan.documents, plan.names, strict=True)]
    pairs += [(reused.path, name) for name, reused in plan.reused.items()]
    planned = [path for path, _ in pairs]
    made = [path for path, name in pairs if name in done]
    with environment_errors():
        return remove_stale(plan.out_dir, paths, planned, made, plan.order)


def _kept(
    source: str, nomor: str, title: str, recorded: Recorded, formats: Collection[str]
) -> BuiltDocument:
    """A document skipped by the incremental build, described from its manifest as a
    build of `formats` would describe it."""
    folder = recorded.folder
    bundle = "bundle" in formats
    pages = recorded.pages if bundle else recorded.part_pages if "pdf" in formats else 0
    return BuiltDocument(
        source,
        nomor,
        title,
        folder,
        [folder / name for name in recorded.names(formats)],
        pages,
        folder / f"{folder.name}.pdf" if bundle else None,
        recorded.manifest if bundle else None,
    )


def _run(
    plan: Plan, steps: StepCounter, options: _Options, frozen: Frozen
) -> tuple[list[BuiltDocument], ConversionResult]:
    """Render, convert, bundle and commit (flow.py), with a scratch folder removed
    afterwards."""
    if not plan.documents:  # every document up to date
        return [], ConversionResult()
    built: dict[int, BuiltDocument] = {}

    def commit_one(index: int, parts: list[StagedPart], pages: dict[Path, int]) -> None:
        document, name = plan.documents[index], plan.names[index]
        outputs = assemble(
            document,
            name,
            parts,
            pages,
            plan.formats,
            duplex=options.duplex,
            pdfa=options.pdfa,
        )
        outputs = with_record(frozen.serve(document, outputs), options.inputs.get(name))
        try:
            checked = review(plan.out_dir, outputs)
            if checked.write:
                folder = commit(plan.out_dir, outputs, checked.same)
            else:  # every file unchanged: the folder is left as it is
                folder = inside(plan.out_dir, outputs.folder)
            arsip = frozen.keep(document, outputs)
        except OSError as exc:
            untouched = len(plan.documents) - len(built)
            raise EnvironmentProblem(
                f"{describe(exc)}\n{len(built)} dokumen berhasil dibuat di {plan.out_dir}; "
                f"folder {untouched} dokumen lainnya tidak diubah."
            ) from exc
        built[index] = _built(document, folder, outputs, checked.change, arsip)

    flow = FlowOptions(options.pdfa, options.processes, options.timeout, options.start_method)
    with environment_errors(), tempfile.TemporaryDirectory(prefix="sk-generator-build-") as tmp:
        converted = run_flow(plan, Path(tmp), steps, flow, commit_one)
    return [built[index] for index in sorted(built)], converted


def _built(
    document: Document, folder: Path, outputs: OutputSet, change: Change, arsip: Path | None
) -> BuiltDocument:
    def path(name: str | None) -> Path | None:
        return folder / name if name else None

    return BuiltDocument(
        document.source.name,
        nomor_of(document),
        title_of(document),
        folder,
        [folder / file.name for file in outputs.files],
        outputs.pages,
        path(outputs.bundle),
        path(outputs.manifest),
        arsip,
        change,
    )
