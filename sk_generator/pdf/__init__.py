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

import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from sk_generator.outputs import environment_errors
from sk_generator.pdf.jobs import (
    ConversionFailure,
    ConversionJob,
    ConversionResult,
    failure_message,
)
from sk_generator.pdf.runner import Runner, default_timeout, split
from sk_generator.pdf.soffice import INSTALL_COMMAND, available_cores, find_soffice


def convert(
    jobs: Sequence[ConversionJob],
    *,
    pdfa: bool = False,
    processes: int | None = None,
    timeout: float | None = None,
    soffice: str | os.PathLike[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ConversionResult:
    """Convert every job, in parallel batches; failures are returned, not raised.

    `processes` caps the soffice processes (default: one per core); `timeout` is the
    seconds one batch may take (default: :func:`default_timeout`); `progress` is called
    with (PDFs done, total) as they appear. A missing soffice raises
    :class:`EnvironmentProblem`, and so does a failed file operation (a full disk);
    use :meth:`ConversionResult.raise_for_failures` to turn
    failed documents into a :class:`ConversionError`.
    """
    result = ConversionResult()
    if not jobs:
        return result
    executable = find_soffice(soffice)
    targets = [job.target for job in jobs]
    if len(set(targets)) != len(targets):
        raise ValueError("two conversion jobs share a target")
    slots = max(1, min(processes or available_cores(), len(jobs)))
    with environment_errors(), tempfile.TemporaryDirectory(prefix="sk-generator-soffice-") as tmp:
        runner = Runner(Path(tmp), executable, pdfa, timeout, slots, len(jobs), progress)
        pending = list(jobs)
        while pending:
            # A file that failed once runs alone (so a second failure is its own); the
            # rest, including files a crash took down with it, spread over the slots.
            alone = [[job] for job in pending if runner.attempts.get(job, 0)]
            rest = [job for job in pending if not runner.attempts.get(job, 0)]
            pending = runner.run_round(alone + (split(rest, slots) if rest else []), result)
    order = {job.target: index for index, job in enumerate(jobs)}
    result.failures.sort(key=lambda f: order[f.job.target])
    return result


__all__ = [
    "INSTALL_COMMAND",
    "ConversionFailure",
    "ConversionJob",
    "ConversionResult",
    "available_cores",
    "convert",
    "default_timeout",
    "failure_message",
    "find_soffice",
]
