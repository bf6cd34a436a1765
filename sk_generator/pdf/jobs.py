"""What a conversion is asked (jobs) and what it gives back (pages, failures)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from pypdf import PdfReader

from sk_generator.errors import ConversionError


@dataclass(frozen=True)
class ConversionJob:
    """One DOCX to convert.

    `source` is read, `target` receives the PDF (atomically, only once verified), `name`
    identifies the document in messages, and `expected_pages` is the page count the
    layout predicts (None: not checked).
    """

    source: Path
    target: Path
    name: str
    expected_pages: int | None = None


@dataclass(frozen=True)
class ConversionFailure:
    job: ConversionJob
    #: Why, in Indonesian, e.g. "LibreOffice berhenti mendadak (sinyal 9)".
    reason: str

    def __str__(self) -> str:
        return f"{self.job.name}: {self.reason}"


@dataclass
class ConversionResult:
    """PDF pages of every converted job (by target path), and the jobs that failed."""

    pages: dict[Path, int] = field(default_factory=dict)
    failures: list[ConversionFailure] = field(default_factory=list)
    #: soffice processes started, retries included (the benchmark reports it).
    processes: int = 0

    @property
    def ok(self) -> bool:
        return not self.failures

    def raise_for_failures(self) -> None:
        if self.failures:
            raise ConversionError(failure_message(self.failures))


def failure_message(failures: Sequence[ConversionFailure]) -> str:
    lines = [f"{len(failures)} berkas DOCX gagal diubah menjadi PDF oleh LibreOffice:"]
    lines += [f"  - {failure}" for failure in failures]
    return "\n".join(lines)


@dataclass(frozen=True)
class Problem:
    text: str
    #: A missing or unreadable PDF may be a crash (worth a retry); a wrong page count is not.
    retry: bool


def verify(pdf: Path, job: ConversionJob) -> tuple[Problem | None, int]:
    if not pdf.is_file():
        return Problem("LibreOffice tidak menghasilkan PDF", True), 0
    try:
        pages = len(PdfReader(pdf).pages)
    except Exception as exc:  # pypdf raises many kinds for a truncated file
        return Problem(f"PDF rusak atau terpotong ({type(exc).__name__})", True), 0
    if pages == 0:
        return Problem("PDF tidak memiliki halaman", True), 0
    if job.expected_pages is not None and pages != job.expected_pages:
        text = (
            f"PDF berisi {pages} halaman, tata letak memperkirakan {job.expected_pages}; "
            "periksa isi yang melebar atau terpotong"
        )
        return Problem(text, False), pages
    return None, pages


class Converter(Protocol):
    """What converts jobs fed to it over time: local soffice batches (runner.Runner) or
    unoserver instances (servers.ServerPool). The caller adds jobs, closes when no more
    will come, and calls :meth:`step` until :attr:`finished`."""

    result: ConversionResult

    def add(self, jobs: list[ConversionJob]) -> None: ...

    def close(self) -> None: ...

    @property
    def finished(self) -> bool: ...

    def step(self) -> list[ConversionJob]:
        """Advance the work without blocking for long; the jobs settled since the last
        call (converted, their PDF written to its target, or failed for good)."""
        ...

    def partial(self) -> int:
        """PDFs made but not yet settled (for progress only)."""
        ...

    def stop(self) -> None:
        """Stop everything still running; nothing is left behind."""
        ...


class JobQueue(ABC):
    """What every converter keeps: its result, the jobs waiting, whether more will come,
    and how many are in flight (:meth:`in_flight`, which each converter defines)."""

    def __init__(self) -> None:
        self.result = ConversionResult()
        self.waiting: list[ConversionJob] = []
        self.closed = False

    def add(self, jobs: list[ConversionJob]) -> None:
        self.waiting.extend(jobs)

    def close(self) -> None:
        """No more jobs will be added (the last ones may then be spread differently)."""
        self.closed = True

    @abstractmethod
    def in_flight(self) -> int:
        """Jobs handed out and not yet done (a local batch, a request to a server)."""

    @property
    def finished(self) -> bool:
        return self.closed and not self.waiting and not self.in_flight()
