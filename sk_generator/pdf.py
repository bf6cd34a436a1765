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
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader

from sk_generator.errors import ConversionError, EnvironmentProblem
from sk_generator.outputs import write_atomic

#: Environment variable naming the soffice executable (a path or a command name).
SOFFICE_ENV = "SK_GENERATOR_SOFFICE"
#: The command that installs what conversion needs on Debian/Ubuntu.
INSTALL_COMMAND = "sudo apt-get install libreoffice-writer-nogui fonts-liberation2"

#: LibreOffice's PDF export with JSON filter options (LibreOffice >= 7.4; older versions
#: ignore them). Lossless images: the flowchart tiles are line art, which JPEG (the
#: default) blurs, and Flate is also ~15% faster to export. SelectPdfVersion 2 =
#: PDF/A-2b: LibreOffice then embeds every font (it always does for non-standard fonts)
#: and adds the sRGB output intent and the XMP identification PDF/A needs.
_OPTIONS = {"UseLosslessCompression": {"type": "boolean", "value": "true"}}
_FILTER = "pdf:writer_pdf_Export:" + json.dumps(_OPTIONS)
_FILTER_PDFA = "pdf:writer_pdf_Export:" + json.dumps(
    {**_OPTIONS, "SelectPdfVersion": {"type": "long", "value": "2"}}
)

_POLL_SECONDS = 0.05
#: A crash or hang is retried once.
_ATTEMPTS = 2


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


def find_soffice(soffice: str | os.PathLike[str] | None = None) -> str:
    """The soffice executable: `soffice`, else $SK_GENERATOR_SOFFICE, else on PATH.

    Raises :class:`EnvironmentProblem` with the install command when there is none.
    """
    wanted = os.fspath(soffice) if soffice is not None else os.environ.get(SOFFICE_ENV)
    if wanted:
        found = shutil.which(wanted)
        if found is None:
            raise EnvironmentProblem(
                f"LibreOffice tidak ditemukan di '{wanted}' (dari {SOFFICE_ENV} atau opsi); "
                f"periksa jalurnya, atau pasang LibreOffice dengan: {INSTALL_COMMAND}"
            )
        return found
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise EnvironmentProblem(
        "LibreOffice (soffice) tidak ditemukan; PDF dibuat dengan LibreOffice. "
        f"Pasang dengan: {INSTALL_COMMAND}"
    )


def available_cores() -> int:
    """CPU cores this process may run on (affinity-aware where the OS tells)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def default_timeout(files: int) -> float:
    """Seconds a batch of `files` documents may take before it counts as hung."""
    return 60.0 + 10.0 * files


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
    :class:`EnvironmentProblem`; use :meth:`ConversionResult.raise_for_failures` to turn
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
    with tempfile.TemporaryDirectory(prefix="sk-generator-soffice-") as tmp:
        runner = _Runner(Path(tmp), executable, pdfa, timeout, slots, len(jobs), progress)
        pending = list(jobs)
        while pending:
            # A file that failed once runs alone (so a second failure is its own); the
            # rest, including files a crash took down with it, spread over the slots.
            alone = [[job] for job in pending if runner.attempts.get(job, 0)]
            rest = [job for job in pending if not runner.attempts.get(job, 0)]
            pending = runner.run_round(alone + (_split(rest, slots) if rest else []), result)
    order = {job.target: index for index, job in enumerate(jobs)}
    result.failures.sort(key=lambda f: order[f.job.target])
    return result


def _split(jobs: list[ConversionJob], slots: int) -> list[list[ConversionJob]]:
    """Balance jobs over `slots` batches by DOCX size (a fair proxy for work); each batch
    keeps the given order."""
    slots = max(1, min(slots, len(jobs)))
    loads = [0] * slots
    owner: dict[int, int] = {}
    sizes = {i: _size(job.source) for i, job in enumerate(jobs)}
    for index in sorted(sizes, key=lambda i: -sizes[i]):
        slot = loads.index(min(loads))
        owner[index] = slot
        loads[slot] += sizes[index] + 20_000  # + a fixed cost per document
    batches: list[list[ConversionJob]] = [[] for _ in range(slots)]
    for index, job in enumerate(jobs):
        batches[owner[index]].append(job)
    return [batch for batch in batches if batch]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


@dataclass
class _Batch:
    jobs: list[ConversionJob]
    folder: Path
    process: subprocess.Popen[bytes]
    started: float
    timeout: float
    log: Path
    #: File name in the batch's input folder for each job (soffice names PDFs after it).
    names: list[str]
    timed_out: bool = False
    returncode: int | None = None


class _Runner:
    def __init__(
        self,
        tmp: Path,
        executable: str,
        pdfa: bool,
        timeout: float | None,
        slots: int,
        total: int,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self.tmp = tmp
        self.executable = executable
        self.pdfa = pdfa
        self.timeout = timeout
        self.slots = slots
        self.total = total
        self.progress = progress
        self.counter = 0
        self.done: set[Path] = set()
        self.attempts: dict[ConversionJob, int] = {}
        self.reported = 0

    def run_round(
        self, batches: list[list[ConversionJob]], result: ConversionResult
    ) -> list[ConversionJob]:
        """Run batches concurrently; returns the jobs to run again.

        soffice converts a batch in order, so when it crashes or hangs the first file
        without a PDF is the one it was on: that file is charged an attempt, the files
        after it are not (they never had their chance). Each file gets two attempts.
        """
        finished = self._run(list(batches), result)
        again: list[ConversionJob] = []
        for batch in finished:
            crashed = batch.timed_out or batch.returncode != 0
            culprit_found = False
            for job, name in zip(batch.jobs, batch.names, strict=True):
                pdf = batch.folder / "out" / (Path(name).stem + ".pdf")
                problem, pages = _verify(pdf, job)
                if problem is None:
                    write_atomic(job.target, pdf.read_bytes())
                    result.pages[job.target] = pages
                    self._mark(job)
                    continue
                if problem.retry and crashed and culprit_found:
                    again.append(job)  # taken down by the file before it
                    continue
                culprit_found = culprit_found or problem.retry
                self.attempts[job] = self.attempts.get(job, 0) + 1
                if problem.retry and self.attempts[job] < _ATTEMPTS:
                    again.append(job)
                    continue
                reason = problem.text
                if problem.retry and crashed:
                    reason = f"{_why(batch)}; {reason}"
                result.failures.append(ConversionFailure(job, reason))
                self._mark(job)
        return again

    def _start(self, jobs: list[ConversionJob]) -> _Batch:
        self.counter += 1
        folder = self.tmp / f"batch-{self.counter}"
        (folder / "in").mkdir(parents=True)
        (folder / "out").mkdir()
        names = []
        for index, job in enumerate(jobs):
            # Unique input names: soffice names each PDF after its input's stem.
            name = f"{index:05d}.docx"
            try:
                shutil.copyfile(job.source, folder / "in" / name)
            except OSError as exc:
                raise ConversionError(f"{job.name}: DOCX tidak dapat dibaca: {exc}") from exc
            names.append(name)
        profile = folder / "profile"
        command = [
            self.executable,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--norestore",
            "--convert-to",
            _FILTER_PDFA if self.pdfa else _FILTER,
            "--outdir",
            str(folder / "out"),
            *(str(folder / "in" / name) for name in names),
        ]
        log = folder / "soffice.log"
        with log.open("wb") as handle:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=handle,
                stderr=subprocess.STDOUT,
                # Its own process group: a hung batch is killed with every helper it spawned.
                start_new_session=True,
            )
        timeout = self.timeout if self.timeout is not None else default_timeout(len(jobs))
        return _Batch(jobs, folder, process, time.monotonic(), timeout, log, names)

    def _run(self, queue: list[list[ConversionJob]], result: ConversionResult) -> list[_Batch]:
        """Run the batches, at most `slots` soffice processes at a time; kill hung ones."""
        running: list[_Batch] = []
        finished: list[_Batch] = []
        try:
            while queue or running:
                while queue and len(running) < self.slots:
                    running.append(self._start(queue.pop(0)))
                    result.processes += 1
                time.sleep(_POLL_SECONDS)
                now = time.monotonic()
                for batch in list(running):
                    code = batch.process.poll()
                    if code is None and now - batch.started > batch.timeout:
                        batch.timed_out = True
                        _kill(batch.process)
                        code = batch.process.wait()
                    if code is not None:
                        # Helpers (oosplash -> soffice.bin) may outlive the launcher.
                        _kill_group(batch.process.pid)
                        batch.returncode = code
                        running.remove(batch)
                        finished.append(batch)
                self._report_partial(running + finished)
        finally:
            for batch in running:  # only after an exception (e.g. Ctrl-C)
                _kill(batch.process)
        return finished

    def _report_partial(self, running: list[_Batch]) -> None:
        if self.progress is None:
            return
        produced = sum(len(list((b.folder / "out").glob("*.pdf"))) for b in running)
        self._report(min(self.total, len(self.done) + produced))

    def _report(self, done: int) -> None:
        # Never backwards: a PDF counted while being written may fail verification.
        if self.progress is not None and done > self.reported:
            self.reported = done
            self.progress(done, self.total)

    def _mark(self, job: ConversionJob) -> None:
        self.done.add(job.target)
        self._report(len(self.done))


@dataclass(frozen=True)
class _Problem:
    text: str
    #: A missing or unreadable PDF may be a crash (worth a retry); a wrong page count is not.
    retry: bool


def _verify(pdf: Path, job: ConversionJob) -> tuple[_Problem | None, int]:
    if not pdf.is_file():
        return _Problem("LibreOffice tidak menghasilkan PDF", True), 0
    try:
        pages = len(PdfReader(pdf).pages)
    except Exception as exc:  # pypdf raises many kinds for a truncated file
        return _Problem(f"PDF rusak atau terpotong ({type(exc).__name__})", True), 0
    if pages == 0:
        return _Problem("PDF tidak memiliki halaman", True), 0
    if job.expected_pages is not None and pages != job.expected_pages:
        text = (
            f"PDF berisi {pages} halaman, tata letak memperkirakan {job.expected_pages}; "
            "periksa isi yang melebar atau terpotong"
        )
        return _Problem(text, False), pages
    return None, pages


def _why(batch: _Batch) -> str:
    if batch.timed_out:
        return f"LibreOffice macet, dihentikan setelah {batch.timeout:g} detik"
    code = batch.returncode
    if code is not None and code < 0:
        return f"LibreOffice berhenti mendadak (sinyal {-code})"
    tail = _log_tail(batch.log)
    return f"LibreOffice keluar dengan kode {code}" + (f" ({tail})" if tail else "")


def _log_tail(log: Path) -> str:
    try:
        lines = [line.strip() for line in log.read_text(errors="replace").splitlines()]
    except OSError:
        return ""
    lines = [line for line in lines if line and not line.startswith("convert ")]
    return lines[-1][:200] if lines else ""


def _kill(process: subprocess.Popen[bytes]) -> None:
    _kill_group(process.pid)
    with contextlib.suppress(ProcessLookupError):
        process.kill()
    process.wait()


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


__all__ = [
    "INSTALL_COMMAND",
    "SOFFICE_ENV",
    "ConversionFailure",
    "ConversionJob",
    "ConversionResult",
    "available_cores",
    "convert",
    "default_timeout",
    "find_soffice",
]
