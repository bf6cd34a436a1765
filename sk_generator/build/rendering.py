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
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

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


class Renderer:
    """Renders documents into `scratch/<index>/`, on every core where possible, and hands
    each document's parts over as soon as they are written (:meth:`poll`), so that their
    conversion can start while later documents still render.

    A document whose rendering fails in a worker is rendered again here, so its error
    surfaces as usual. Use as a context manager: leaving it stops the workers.
    """

    def __init__(
        self,
        documents: Sequence[Document],
        scratch: Path,
        *,
        processes: int | None = None,
        start_method: str | None = None,
    ) -> None:
        self.documents = documents
        self.scratch = scratch
        self.workers = min(processes or available_cores(), len(documents))
        self.start_method = start_method
        self.pool: ProcessPoolExecutor | None = None
        self.futures: dict[Future[list[StagedPart]], int] = {}
        self.next_index = 0

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            # On a signal: drop the documents not started, wait for the ones being
            # written (a second or so) so that nothing writes into the scratch folder
            # once it is gone.
            self.pool.shutdown(wait=True, cancel_futures=True)

    @property
    def finished(self) -> bool:
        return self.next_index >= len(self.documents) and not self.futures

    def poll(self, timeout: float) -> list[tuple[int, list[StagedPart]]]:
        """Documents rendered since the last call, waiting up to `timeout` seconds for one."""
        if self.next_index < len(self.documents) and (self.workers < 2 or self.pool is None):
            # One at a time here; with workers, the first one here too, so that forked
            # workers inherit warm caches (imports, templates, font metrics: about a
            # second) instead of each paying for them.
            index = self.next_index
            self.next_index += 1
            parts = self._stage(index)
            if self.workers >= 2:
                self._start_pool()
            return [(index, parts)]
        if not self.futures:
            return []
        done, _ = wait(self.futures, timeout=timeout, return_when=FIRST_COMPLETED)
        ready = []
        for future in done:
            index = self.futures.pop(future)
            try:
                parts = future.result()
            except Exception:
                parts = self._stage(index)
            ready.append((index, parts))
        return sorted(ready)

    def _start_pool(self) -> None:
        context = multiprocessing.get_context(self.start_method or default_start_method())
        self.pool = ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_leave_signals_to_parent
        )
        for index in range(self.next_index, len(self.documents)):
            self.futures[self.pool.submit(stage_document, *self._task(index))] = index
        self.next_index = len(self.documents)

    def _task(self, index: int) -> tuple[Document, Path]:
        return self.documents[index], self.scratch / str(index)

    def _stage(self, index: int) -> list[StagedPart]:
        return stage_document(*self._task(index))


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
