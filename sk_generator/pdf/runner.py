"""Running soffice batches side by side: start, poll, kill the hung, retry the crashed.

Jobs may arrive while earlier ones convert (:meth:`Runner.add`, then :meth:`Runner.close`
once no more will come), so a build can convert the first documents while it still
renders the rest. Each of the `slots` runs one soffice at a time; a soffice converts at
most :data:`BATCH_FILES` files and is then replaced by a fresh one (starting one costs
about a second of a core). One long-lived
soffice given hundreds of files stops early: on this machine (LibreOffice 7.4), one call
with 600 DOCX converted 246 of them and exited with code 0, twice. Each missing file used
to be charged a failed attempt and retried alone, one soffice per file, which made a
300-document build cost 4.8 times a 100-document one. A slot keeps its user profile
from one batch to the next (a warm profile starts in about a second, a fresh one takes
several) and gets a fresh one after a crash, a hang or an early stop.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from sk_generator.outputs import write_atomic
from sk_generator.pdf.jobs import ConversionFailure, ConversionJob, JobQueue, verify
from sk_generator.pdf.soffice import (
    command,
    forget_pipe,
    kill,
    kill_group,
    profile_pipe,
    start,
)

#: Files one soffice converts before it is replaced (see the module docstring).
BATCH_FILES = 150
#: A slot's first batch starts once this many files are waiting (not a full batch).
FIRST_FILES = 20
#: The smallest batch towards the end, when every job is known.
TAIL_FILES = 20
#: A crash or hang is retried once.
ATTEMPTS = 2


def default_timeout(files: int) -> float:
    """Seconds a batch of `files` documents may take before it counts as hung."""
    return 60.0 + 10.0 * files


@dataclass
class _Batch:
    jobs: list[ConversionJob]
    slot: int
    folder: Path
    process: subprocess.Popen[bytes]
    started: float
    timeout: float
    log: Path
    #: File name in the batch's input folder for each job (soffice names PDFs after it).
    names: list[str]
    timed_out: bool = False
    returncode: int | None = None

    @property
    def crashed(self) -> bool:
        return self.timed_out or self.returncode != 0


class Runner(JobQueue):
    """Converts jobs with up to `slots` soffice processes at a time, as they are added."""

    def __init__(
        self,
        tmp: Path,
        executable: str,
        *,
        pdfa: bool,
        timeout: float | None,
        slots: int,
        batch_files: int | None = None,
    ) -> None:
        super().__init__()
        self.tmp = tmp
        self.executable = executable
        self.pdfa = pdfa
        self.timeout = timeout
        self.slots = max(1, slots)
        self.batch_files = max(1, batch_files or BATCH_FILES)
        self.attempts: dict[ConversionJob, int] = {}
        self.running: list[_Batch] = []
        self.counter = 0
        #: soffice processes started and not yet reaped, killed whatever happens.
        self.live: list[subprocess.Popen[bytes]] = []
        #: Slots whose profile is replaced before their next batch (see step()).
        self.stale: set[int] = set()
        #: Files per batch in the last round (see _batch_size), once it has begun.
        self.share = 0

    def in_flight(self) -> int:
        return len(self.running)

    def partial(self) -> int:
        """PDFs written by the running batches so far (for progress only: unverified)."""
        return sum(len(os.listdir(batch.folder / "out")) for batch in self.running)

    def step(self) -> list[ConversionJob]:
        """Start batches on free slots, reap the finished ones; returns the jobs settled
        (converted or failed for good) by this step.

        A slot whose batch ended cleanly (exit code 0, a PDF for every file) gets its
        next batch before that batch's PDFs are verified: verifying 150 PDFs takes a
        few seconds of the main process (and a build merges documents right after),
        which would otherwise leave the slot idle. After anything else, the next batch
        waits for the verification (it decides whether the slot needs a fresh profile).
        """
        self._start_batches()
        finished = self._reap()
        if finished and all(_clean(batch) for batch in finished):
            self._start_batches()
        settled: list[ConversionJob] = []
        for batch in finished:
            settled += self._collect(batch)
        return settled

    def _reap(self) -> list[_Batch]:
        """The batches whose soffice has ended (killed when over its time)."""
        finished = []
        now = time.monotonic()
        for batch in list(self.running):
            code = batch.process.poll()
            if code is None and now - batch.started > batch.timeout:
                batch.timed_out = True
                kill(batch.process)
                code = batch.process.wait()
            if code is None:
                continue
            # Helpers (oosplash -> soffice.bin) may outlive the launcher.
            kill_group(batch.process.pid)
            if batch.timed_out:  # killed: its pipe socket stays in /tmp otherwise
                forget_pipe(profile_pipe(self.tmp / f"profile-{batch.slot}"))
            self.live.remove(batch.process)
            batch.returncode = code
            self.running.remove(batch)
            finished.append(batch)
        return finished

    def stop(self) -> None:
        """Kill every soffice still running (after an exception, e.g. a signal)."""
        while self.live:
            kill(self.live.pop())
        for slot in range(self.slots):
            forget_pipe(profile_pipe(self.tmp / f"profile-{slot}"))

    def _start_batches(self) -> None:
        free = self.slots - len(self.running)
        retries = [job for job in self.waiting if self.attempts.get(job, 0)]
        fresh = [job for job in self.waiting if not self.attempts.get(job, 0)]
        batches: list[list[ConversionJob]] = []
        # A file that failed once runs alone, so a second failure is its own.
        while retries and len(batches) < free:
            batches.append([retries.pop(0)])
        size = self._batch_size(len(fresh), self.result.processes + len(batches))
        while size and fresh and len(batches) < free:
            batches.append(fresh[:size])
            fresh = fresh[size:]
            if not self.closed and len(fresh) < self.batch_files:
                break  # the rest waits for a full batch
        self.waiting = retries + fresh
        busy = {batch.slot for batch in self.running}
        idle = [slot for slot in range(self.slots) if slot not in busy]
        for slot, jobs in zip(idle, batches, strict=False):
            self.running.append(self._start(jobs, slot))
            self.result.processes += 1

    def _batch_size(self, fresh: int, started: int) -> int | None:
        """Files for the next batch out of `fresh` waiting (`started` batches so far), or
        None to wait for more.

        While jobs still arrive, a batch waits until it is full, except each slot's
        first one (conversion starts while the rest renders). Once every job is known,
        batches shrink towards the end so that the slots finish together: a few small
        batches cost less than a core idling while the other converts a full one.
        """
        if not self.closed:
            if fresh >= self.batch_files:
                return self.batch_files
            return fresh if started < self.slots and fresh >= FIRST_FILES else None
        if fresh <= self.slots * TAIL_FILES:
            # The last round: each slot one even share of what is left when the round
            # begins. (A share of what is left each time a slot frees halves the batches
            # down to single files, each a LibreOffice start.)
            self.share = self.share or math.ceil(fresh / self.slots)
            return min(self.batch_files, fresh, self.share)
        return min(self.batch_files, max(TAIL_FILES, math.ceil(fresh / (2 * self.slots))))

    def _start(self, jobs: list[ConversionJob], slot: int) -> _Batch:
        self.counter += 1
        folder = self.tmp / f"batch-{self.counter}"
        (folder / "in").mkdir(parents=True)
        (folder / "out").mkdir()
        names = []
        for index, job in enumerate(jobs):
            # Unique input names: soffice names each PDF after its input's stem.
            name = f"{index:05d}.docx"
            _link_or_copy(job.source, folder / "in" / name)
            names.append(name)
        inputs = [folder / "in" / name for name in names]
        profile = self.tmp / f"profile-{slot}"
        if slot in self.stale:
            self.stale.discard(slot)
            shutil.rmtree(profile, ignore_errors=True)
        argv = command(self.executable, profile, folder / "out", inputs, pdfa=self.pdfa)
        log = folder / "soffice.log"
        process = start(argv, log, folder / "tmp", self.live)
        timeout = self.timeout if self.timeout is not None else default_timeout(len(jobs))
        return _Batch(jobs, slot, folder, process, time.monotonic(), timeout, log, names)

    def _collect(self, batch: _Batch) -> list[ConversionJob]:
        """Verify a finished batch's PDFs; queue what deserves another try.

        soffice converts a batch in order, so when it crashes, hangs or stops early the
        first file without a PDF is the one it was on: that file is charged an attempt, the files
        after it are not (they never had their chance). Each file gets two attempts.
        """
        settled: list[ConversionJob] = []
        culprit_found = False
        for job, name in zip(batch.jobs, batch.names, strict=True):
            pdf = batch.folder / "out" / (Path(name).stem + ".pdf")
            problem, pages = verify(pdf, job)
            if problem is None:
                write_atomic(job.target, pdf.read_bytes())
                self.result.pages[job.target] = pages
                settled.append(job)
                continue
            if problem.retry and culprit_found:
                # Taken down by the file before it (a crash, a hang, or LibreOffice
                # stopping early with exit code 0, seen after a few hundred files).
                self.waiting.append(job)
                continue
            culprit_found = culprit_found or problem.retry
            self.attempts[job] = self.attempts.get(job, 0) + 1
            if problem.retry and self.attempts[job] < ATTEMPTS:
                self.waiting.append(job)
                continue
            reason = problem.text
            if problem.retry and batch.crashed:
                reason = f"{_why(batch)}; {reason}"
            self.result.failures.append(ConversionFailure(job, reason))
            settled.append(job)
        if batch.crashed or culprit_found:  # its profile may be left inconsistent
            if any(other.slot == batch.slot for other in self.running):
                self.stale.add(batch.slot)  # in use by the next batch: after that one
            else:
                shutil.rmtree(self.tmp / f"profile-{batch.slot}", ignore_errors=True)
        shutil.rmtree(batch.folder, ignore_errors=True)
        return settled


def _clean(batch: _Batch) -> bool:
    """Whether `batch` ended normally with a PDF for each of its files (so its slot's
    profile is fine: see :meth:`Runner._collect`)."""
    if batch.crashed:
        return False
    try:
        return len(os.listdir(batch.folder / "out")) == len(batch.jobs)
    except OSError:
        return False


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system, or links not supported
        shutil.copyfile(source, target)


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
