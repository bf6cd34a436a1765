"""Running soffice batches side by side: start, poll, kill the hung, retry the crashed."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sk_generator.outputs import write_atomic
from sk_generator.pdf.jobs import ConversionFailure, ConversionJob, ConversionResult, verify
from sk_generator.pdf.soffice import command, kill, kill_group, start

_POLL_SECONDS = 0.05
#: A crash or hang is retried once.
_ATTEMPTS = 2


def default_timeout(files: int) -> float:
    """Seconds a batch of `files` documents may take before it counts as hung."""
    return 60.0 + 10.0 * files


def split(jobs: list[ConversionJob], slots: int) -> list[list[ConversionJob]]:
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


class Runner:
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
        #: soffice processes started and not yet reaped, killed whatever happens.
        self.live: list[subprocess.Popen[bytes]] = []

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
                problem, pages = verify(pdf, job)
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
            shutil.copyfile(job.source, folder / "in" / name)
            names.append(name)
        inputs = [folder / "in" / name for name in names]
        argv = command(self.executable, folder / "profile", folder / "out", inputs, pdfa=self.pdfa)
        log = folder / "soffice.log"
        process = start(argv, log, folder / "tmp", self.live)
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
                        kill(batch.process)
                        code = batch.process.wait()
                    if code is not None:
                        # Helpers (oosplash -> soffice.bin) may outlive the launcher.
                        kill_group(batch.process.pid)
                        self.live.remove(batch.process)
                        batch.returncode = code
                        running.remove(batch)
                        finished.append(batch)
                self._report_partial(running + finished)
        finally:
            # Only after an exception: Ctrl-C, SIGTERM or SIGHUP (see cli/signals.py).
            while self.live:
                kill(self.live.pop())
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
