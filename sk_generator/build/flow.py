"""Render -> convert -> bundle and commit, overlapped (a pipeline, not stages in a row).

LibreOffice is most of a build's time, so everything else runs while it works: a
document's parts are handed to the converter as soon as they are rendered (conversion
starts after the first batch of parts, while later documents still render), and a
document is bundled and committed as soon as its last part is converted, while later
parts convert. Commits wait until every document has rendered: rendering can still
refuse the build with a located data problem (TATA-LETAK), and then nothing is written.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sk_generator.build.plan import Plan
from sk_generator.build.progress import Stage, StepCounter
from sk_generator.build.rendering import Renderer, StagedPart
from sk_generator.pdf import (
    POLL_SECONDS,
    ConversionFailure,
    ConversionJob,
    ConversionResult,
    Converter,
    available_cores,
    converter,
)

#: What commits one document: its index in the plan, its staged parts, and the pages of
#: every PDF converted so far (by path).
Commit = Callable[[int, list[StagedPart], dict[Path, int]], None]


@dataclass(frozen=True)
class FlowOptions:
    pdfa: bool
    processes: int | None
    timeout: float | None
    start_method: str | None


@dataclass
class _State:
    """Where each document is: rendered parts, PDFs still awaited, ready to commit."""

    staged: dict[int, list[StagedPart]] = field(default_factory=dict)
    awaited: dict[int, set[Path]] = field(default_factory=dict)
    owner: dict[Path, int] = field(default_factory=dict)
    ready: list[int] = field(default_factory=list)
    #: Steps done for good (rendered documents, settled parts, committed documents).
    steps: int = 0

    def advance(self, steps: StepCounter, stage: Stage, count: int = 1) -> None:
        self.steps += count
        steps.set(stage, self.steps)


def run_flow(
    plan: Plan, scratch: Path, steps: StepCounter, options: FlowOptions, commit: Commit
) -> ConversionResult:
    """Render, convert and commit every document of `plan`; a document whose conversion
    fails is not committed (its failures are in the returned result)."""
    state = _State()
    renderer = Renderer(
        plan.documents, scratch, processes=options.processes, start_method=options.start_method
    )
    with renderer, _converter(plan, options) as pdf:
        while True:
            for index, parts in renderer.poll(POLL_SECONDS if pdf is not None else 1.0):
                _rendered(plan, state, steps, pdf, index, parts)
            if pdf is not None:
                if renderer.finished:
                    pdf.close()
                for job in pdf.step():
                    state.advance(steps, "convert")
                    index = state.owner[job.target]
                    state.awaited[index].discard(job.target)
                    if not state.awaited[index]:
                        state.ready.append(index)
                # PDFs of running batches, before they are verified (never counted back).
                steps.set("convert", state.steps + pdf.partial())
            if renderer.finished:
                _commit_ready(state, steps, pdf, commit)
                if pdf is None or pdf.finished:
                    break
                time.sleep(POLL_SECONDS)
    return pdf.result if pdf is not None else ConversionResult()


@contextlib.contextmanager
def _converter(plan: Plan, options: FlowOptions) -> Iterator[Converter | None]:
    if not plan.needs_pdf:
        yield None
        return
    with converter(
        pdfa=options.pdfa,
        slots=min(options.processes or available_cores(), max(1, plan.part_count())),
        timeout=options.timeout,
        soffice=plan.soffice,
        servers=plan.servers,
    ) as pdf:
        yield pdf


def _rendered(
    plan: Plan,
    state: _State,
    steps: StepCounter,
    pdf: Converter | None,
    index: int,
    parts: list[StagedPart],
) -> None:
    document = plan.documents[index]
    state.staged[index] = parts
    # In case a renderer made more or fewer parts than foreseen.
    foreseen = len(document.sops()) + (1 if document.is_keputusan else 0)
    if pdf is not None:
        steps.total += len(parts) - foreseen
    state.advance(steps, "render")
    if pdf is None or not parts:
        state.ready.append(index)
        return
    jobs = [
        ConversionJob(
            part.docx,
            part.docx.with_suffix(".pdf"),
            f"{document.source.name} ({part.label})",
            part.expected_pages,
        )
        for part in parts
    ]
    state.awaited[index] = {job.target for job in jobs}
    state.owner.update((job.target, index) for job in jobs)
    pdf.add(jobs)


def _commit_ready(state: _State, steps: StepCounter, pdf: Converter | None, commit: Commit) -> None:
    failures: list[ConversionFailure] = pdf.result.failures if pdf is not None else []
    failed = {state.owner[failure.job.target] for failure in failures}
    pages = pdf.result.pages if pdf is not None else {}
    ready, state.ready = state.ready, []
    for index in sorted(ready):
        if index not in failed:
            commit(index, state.staged[index], pages)
            state.advance(steps, "bundle")
