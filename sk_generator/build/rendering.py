"""The render step: every document's DOCX parts, written to a scratch folder.

Rendering is pure Python and CPU-bound, so it runs in worker processes, one per core.
Each task carries its document (pickled, a few tens of kB) and comes back as small
:class:`StagedPart` records; the DOCX bytes go straight to disk, so memory does not grow
with the batch. Nothing is shared through module state, so the same code runs under the
fork start method (Linux: workers inherit warm caches) and spawn (Windows, macOS).
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from sk_generator.build.progress import StepCounter
from sk_generator.load import Document
from sk_generator.pdf import available_cores
from sk_generator.render import render_document


@dataclass(frozen=True)
class StagedPart:
    """A rendered part whose DOCX waits in the scratch folder (see RenderedPart)."""

    role: str
    label: str
    suffix: str
    docx: Path
    expected_pages: int | None


def default_start_method() -> str:
    """fork where it is safe and fast (Linux), else spawn (Windows; macOS, where fork
    is unsafe with system frameworks)."""
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return "fork"
    return "spawn"


def render_all(
    documents: Sequence[Document],
    scratch: Path,
    steps: StepCounter,
    *,
    processes: int | None = None,
    start_method: str | None = None,
) -> list[list[StagedPart]]:
    """Render every document into `scratch/<index>/`, on every core where possible.

    A document whose rendering fails in a worker is rendered again here, so its error
    surfaces as usual.
    """
    workers = min(processes or available_cores(), len(documents))
    if workers < 2:
        results = []
        for index, document in enumerate(documents):
            results.append(stage_document(document, scratch / str(index)))
            steps.advance("render")
        return results
    # The first document is rendered here: forked workers then inherit warm caches
    # (imports, templates, font metrics: about a second) instead of each paying for them.
    staged: dict[int, list[StagedPart] | None] = {0: stage_document(documents[0], scratch / "0")}
    steps.advance("render")
    context = multiprocessing.get_context(start_method or default_start_method())
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_leave_signals_to_parent)
    try:
        futures = {
            pool.submit(stage_document, documents[i], scratch / str(i)): i
            for i in range(1, len(documents))
        }
        for future in as_completed(futures):
            try:
                staged[futures[future]] = future.result()
            except Exception:
                staged[futures[future]] = None
            steps.advance("render")
    finally:
        # On a signal: drop the documents not started, wait for the ones being written
        # (a second or so) so that nothing writes into the scratch folder once it is gone.
        pool.shutdown(wait=True, cancel_futures=True)
    return [
        staged[index] or stage_document(document, scratch / str(index))
        for index, document in enumerate(documents)
    ]


def _leave_signals_to_parent() -> None:
    """Workers ignore the terminal's Ctrl-C and hang-up: the build process handles them
    and stops its workers itself (no traceback from each worker)."""
    for name in ("SIGINT", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def stage_document(document: Document, folder: Path) -> list[StagedPart]:
    """Render one document and write its DOCX parts into `folder` (runs in a worker)."""
    folder.mkdir(parents=True, exist_ok=True)
    staged = []
    for part in render_document(document):
        path = folder / f"{part.suffix}.docx"
        path.write_bytes(part.docx)
        staged.append(StagedPart(part.role, part.label, part.suffix, path, part.expected_pages))
    return staged
