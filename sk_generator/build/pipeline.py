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
from sk_generator.build.location import check_location
from sk_generator.build.lock import DEFAULT_WAIT, output_lock
from sk_generator.build.metadata import title_of
from sk_generator.build.naming import nomor_of
from sk_generator.build.plan import FORMATS, Format, Plan, plan_build
from sk_generator.build.progress import Progress, StepCounter
from sk_generator.build.rendering import StagedPart
from sk_generator.build.swap import recover
from sk_generator.diagnostics import Issue
from sk_generator.errors import ConversionError, EnvironmentProblem
from sk_generator.load import Document
from sk_generator.outputs import describe, environment_errors
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
    start_method: str | None = None,
    lock_wait: float = DEFAULT_WAIT,
    servers: Sequence[str] = (),
) -> BuildResult:
    """Build every SK and standalone SOP found under `paths` into `out_dir`.

    Refuses (:class:`DataError`, nothing written) when a check reports an error, and
    (:class:`EnvironmentProblem`) an output location that cannot take the outputs. PDFs
    of the whole batch are made in one :func:`sk_generator.pdf.convert` call; `soffice`,
    `processes` and `timeout` are passed to it. `start_method` ("fork", "spawn") is the
    multiprocessing start method of the render workers (default: fork on Linux, else
    spawn). `lock_wait` is how many seconds to wait for another build writing into
    `out_dir`. `servers` ("HOST:PORT", repeatable) makes the PDFs on running unoserver
    instances instead of local soffice processes. A document whose conversion fails is
    not written; the others are, then :class:`ConversionError` names the failures. A
    signed document whose data now prints differently from its archive is not built;
    the others are, then :class:`DataError` lists its changes (frozen.py).
    """
    started = time.monotonic()
    planned = plan_build(paths, out_dir, formats, soffice, servers)
    # Signed documents (frozen.py): a refused one leaves the plan (not rendered, its
    # folder and archive kept: it is still a document of this build, not a stale one);
    # one in `frozen.to_archive` must be assembled even when its folder is up to date.
    with environment_errors():
        frozen = freeze(planned.documents)
    plan = frozen.remaining(planned)
    steps = StepCounter(progress, plan.step_count())
    options = FlowOptions(pdfa, processes, timeout, start_method)
    with environment_errors():
        plan.out_dir.mkdir(parents=True, exist_ok=True)
    waiting = lambda: steps.set("wait", 0)  # noqa: E731
    with output_lock(plan.out_dir, wait=lock_wait, waiting=waiting):
        with environment_errors():
            recover(plan.out_dir)
        check_location(plan.out_dir, plan.names)  # it may have changed while waiting
        built, converted = _run(plan, steps, options, duplex, frozen)
    _raise_failures(plan, frozen, converted, len(built))
    return BuildResult(
        plan.out_dir, built, plan.warnings, time.monotonic() - started, converted.processes
    )


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


def _run(
    plan: Plan, steps: StepCounter, options: FlowOptions, duplex: bool, frozen: Frozen
) -> tuple[list[BuiltDocument], ConversionResult]:
    """Render, convert, bundle and commit (flow.py), with a scratch folder removed
    afterwards."""
    built: dict[int, BuiltDocument] = {}

    def commit_one(index: int, parts: list[StagedPart], pages: dict[Path, int]) -> None:
        document = plan.documents[index]
        outputs = assemble(
            document,
            plan.names[index],
            parts,
            pages,
            plan.formats,
            duplex=duplex,
            pdfa=options.pdfa,
        )
        outputs = frozen.serve(document, outputs)
        try:
            folder = commit(plan.out_dir, outputs)
            arsip = frozen.keep(document, outputs)
        except OSError as exc:
            untouched = len(plan.documents) - len(built)
            raise EnvironmentProblem(
                f"{describe(exc)}\n{len(built)} dokumen berhasil dibuat di {plan.out_dir}; "
                f"folder {untouched} dokumen lainnya tidak diubah."
            ) from exc
        built[index] = _built(document, folder, outputs, arsip)

    with environment_errors(), tempfile.TemporaryDirectory(prefix="sk-generator-build-") as tmp:
        converted = run_flow(plan, Path(tmp), steps, options, commit_one)
    return [built[index] for index in sorted(built)], converted


def _built(
    document: Document, folder: Path, outputs: OutputSet, arsip: Path | None
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
    )
