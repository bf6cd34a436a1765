"""Parsing a large batch's data files on every core, while the checks run.

YAML parsing is most of the cost of loading a document (about two thirds; validation
and the rules are the rest), and a full build checks every document before the first
one is rendered: on one core, while LibreOffice has nothing to convert yet and the other
cores wait. So for a large batch the data files are parsed in worker processes, in the
order the loader reads them, and the loader takes each file's source as it needs it
(:meth:`~sk_generator.load.Loader.expect`): the rules run on one document while the
next ones are parsed. The report is the same as with every file parsed in this process.

A small batch is parsed here: starting workers (and, under spawn, importing the
package in each) would cost more than it saves.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool as BrokenExecutor
from pathlib import Path

from sk_generator.build import rendering
from sk_generator.diagnostics import Issue
from sk_generator.load import RECORD_FILES, Loader, parse_file
from sk_generator.pdf import available_cores
from sk_generator.yaml_source import Source

#: Data files per worker below which a batch is parsed in this process.
MIN_FILES_PER_WORKER = 40


@contextlib.contextmanager
def parsing(
    loader: Loader,
    files: Sequence[Path],
    *,
    processes: int | None = None,
    start_method: str | None = None,
) -> Iterator[None]:
    """While inside, `loader` takes the sources of the data `files` from worker
    processes (see the module doc); leaving stops the workers (files not parsed yet are
    dropped: the loader parses any it still needs itself)."""
    documents = [path for path in files if path.name not in RECORD_FILES and path.is_file()]
    workers = min(processes or available_cores(), len(documents) // MIN_FILES_PER_WORKER)
    if workers < 2:
        yield
        return
    # Looked up at call time: the test suite's --start-method option replaces it.
    context = multiprocessing.get_context(start_method or rendering.default_start_method())
    pool = ProcessPoolExecutor(workers, mp_context=context)
    try:
        loader.expect({path: _waiter(pool.submit(parse_file, path), path) for path in documents})
        yield
    finally:
        loader.expect({})
        pool.shutdown(wait=True, cancel_futures=True)


def _waiter(future: Future[Source | Issue], path: Path) -> Callable[[], Source | Issue]:
    """Wait for `future`; a worker that died (killed, out of memory) leaves its file to
    be parsed here, so that a problem in it is still reported as usual."""

    def wait() -> Source | Issue:
        try:
            return future.result()
        except (BrokenExecutor, CancelledError):
            return parse_file(path)

    return wait
