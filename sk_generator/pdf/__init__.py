"""DOCX -> PDF with LibreOffice (soffice) headless, in batches, one process per core.

Starting LibreOffice costs about a second, converting a small document a fraction of
that; so one soffice process converts a whole batch (many files in one call), and the batch
is split over up to one process per CPU core. Each process gets its own user profile:
processes sharing a profile collide, and a profile in use by a desktop LibreOffice makes
``--convert-to`` hand the job to that instance and exit 0 without a PDF.

Nothing is trusted: every expected PDF must exist, open with pypdf and have the page count
the layout predicted. A batch that crashes or hangs is retried once (the file it was on
alone, the rest in fresh processes); what still fails is reported by document name. A
PDF reaches its target only complete and verified, through an atomic rename.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from sk_generator.outputs import environment_errors
from sk_generator.pdf.jobs import (
    ConversionFailure,
    ConversionJob,
    ConversionResult,
    Converter,
    failure_message,
)
from sk_generator.pdf.runner import Runner, default_timeout
from sk_generator.pdf.servers import ServerPool, check_servers, parse_server
from sk_generator.pdf.soffice import INSTALL_COMMAND, available_cores, find_soffice


def convert(
    jobs: Sequence[ConversionJob],
    *,
    pdfa: bool = False,
    processes: int | None = None,
    timeout: float | None = None,
    soffice: str | os.PathLike[str] | None = None,
    servers: Sequence[str] = (),
    progress: Callable[[int, int], None] | None = None,
) -> ConversionResult:
    """Convert every job, in parallel batches; failures are returned, not raised.

    `processes` caps the soffice processes (default: one per core); `timeout` is the
    seconds one batch may take (default: :func:`default_timeout`); `servers`
    ("HOST:PORT") sends the documents to running unoserver instances instead of local
    soffice processes; `progress` is called with (PDFs done, total) as they appear. A
    missing soffice raises :class:`EnvironmentProblem`, and so does a failed file
    operation (a full disk); use :meth:`ConversionResult.raise_for_failures` to turn
    failed documents into a :class:`ConversionError`.
    """
    if not jobs:
        return ConversionResult()
    targets = [job.target for job in jobs]
    if len(set(targets)) != len(targets):
        raise ValueError("two conversion jobs share a target")
    slots = max(1, min(processes or available_cores(), len(jobs)))
    with (
        environment_errors(),
        converter(
            pdfa=pdfa, slots=slots, timeout=timeout, soffice=soffice, servers=servers
        ) as runner,
    ):
        runner.add(list(jobs))
        runner.close()
        done = shown = 0
        while not runner.finished:
            time.sleep(POLL_SECONDS)
            done += len(runner.step())
            # Never backwards: a PDF counted while being written may fail verification.
            now = min(len(jobs), done + runner.partial())
            if progress is not None and now > shown:
                shown = now
                progress(now, len(jobs))
        result = runner.result
    order = {job.target: index for index, job in enumerate(jobs)}
    result.failures.sort(key=lambda f: order[f.job.target])
    return result


@contextlib.contextmanager
def converter(
    *,
    pdfa: bool,
    slots: int,
    timeout: float | None,
    soffice: str | os.PathLike[str] | None = None,
    servers: Sequence[str] = (),
) -> Iterator[Converter]:
    """A converter to feed jobs to (:class:`Converter`): local soffice batches, or the
    unoserver instances at `servers`. Whatever happens, nothing it started is left
    running and its scratch folder is removed."""
    with tempfile.TemporaryDirectory(prefix="sk-generator-soffice-") as tmp:
        runner: Converter
        if servers:
            runner = ServerPool(Path(tmp), servers, pdfa=pdfa, timeout=timeout)
        else:
            executable = find_soffice(soffice)
            runner = Runner(Path(tmp), executable, pdfa=pdfa, timeout=timeout, slots=slots)
        try:
            yield runner
        finally:
            runner.stop()


#: Seconds between two looks at the running conversions.
POLL_SECONDS = 0.05

__all__ = [
    "INSTALL_COMMAND",
    "POLL_SECONDS",
    "ConversionFailure",
    "ConversionJob",
    "ConversionResult",
    "Converter",
    "available_cores",
    "check_servers",
    "convert",
    "converter",
    "default_timeout",
    "failure_message",
    "find_soffice",
    "parse_server",
]
