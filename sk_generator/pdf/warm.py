"""A warm LibreOffice for previews: started once, then each conversion takes under a second.

A cold `soffice --convert-to` spends most of its time starting LibreOffice; a preview
after each save cannot wait for that. :class:`WarmConverter` keeps one LibreOffice
running behind a small UNO helper (``uno_worker.py``, run by the system Python that has
Debian's python3-uno) and sends it one DOCX at a time. When python3-uno is missing or the
helper fails, it falls back to the ordinary batched conversion (:func:`pdf.convert`), so a
preview is slower but never wrong. The helper, LibreOffice and the private profile are
removed by :meth:`WarmConverter.close` (the process group is killed, the folder deleted).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from sk_generator.errors import ConversionError
from sk_generator.pdf import ConversionJob, convert, find_soffice
from sk_generator.pdf.soffice import forget_pipe, kill_group, profile_pipe

WORKER = Path(__file__).with_name("uno_worker.py")
#: The Python that has `uno` on Debian (python3-uno).
UNO_PYTHON = "/usr/bin/python3"
_START_SECONDS = 90.0
_CONVERT_SECONDS = 60.0


class WarmConverter:
    """Converts DOCX to PDF one at a time through a LibreOffice kept running."""

    def __init__(self, *, python: str | None = None, soffice: str | None = None) -> None:
        self.python = python or UNO_PYTHON
        self.soffice = soffice
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._pipe = ""  # the UNO pipe of the running helper (see _start)
        self._broken = False
        #: Conversions answered by the warm LibreOffice (the rest fell back).
        self.warm_conversions = 0

    def available(self) -> bool:
        """Whether the warm path can work here (a Python with `uno` exists)."""
        if self._broken or shutil.which(self.python) is None:
            return False
        probe = subprocess.run(
            [self.python, "-c", "import uno"], capture_output=True, timeout=30, check=False
        )
        return probe.returncode == 0

    def convert(self, docx: Path, pdf: Path) -> None:
        """Write `pdf` from `docx`; raises :class:`ConversionError` when both paths fail."""
        with self._lock:
            if not self._broken:
                try:
                    self._warm(docx, pdf)
                    self.warm_conversions += 1
                    return
                except (OSError, ValueError, subprocess.SubprocessError, _WorkerFailed):
                    self._stop()
                    self._broken = not self.available()
            job = ConversionJob(docx, pdf, docx.name)
            result = convert([job], processes=1, soffice=self.soffice)
            result.raise_for_failures()

    def _warm(self, docx: Path, pdf: Path) -> None:
        process = self._process if self._process and self._process.poll() is None else None
        if process is None:
            process = self._start()
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps({"in": str(docx), "out": str(pdf)}) + "\n")
        process.stdin.flush()
        answer = _read_line(process, _CONVERT_SECONDS)
        if "error" in answer or not pdf.is_file():
            raise _WorkerFailed(str(answer.get("error", "PDF tidak terbentuk")))

    def _start(self) -> subprocess.Popen[str]:
        if not self.available():
            raise _WorkerFailed("python3-uno tidak tersedia")
        soffice = find_soffice(self.soffice)
        self._folder = tempfile.TemporaryDirectory(prefix="sk-generator-pratinjau-")
        profile = Path(self._folder.name) / "profile"
        # LibreOffice's own temporary files (lu*.tmp) go inside the private folder too, so
        # that removing it after a kill (timeout, signal) leaves nothing in TMPDIR.
        tmp = Path(self._folder.name) / "tmp"
        tmp.mkdir()
        env = {**os.environ, "TMPDIR": str(tmp), "TMP": str(tmp), "TEMP": str(tmp)}
        pipe = self._pipe = f"skgen{os.getpid()}x{id(self)}"
        self._process = subprocess.Popen(
            [self.python, str(WORKER), soffice, profile.as_uri(), pipe],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
            start_new_session=True,  # one process group: closing kills LibreOffice too
        )
        _read_line(self._process, _START_SECONDS)
        return self._process

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            if process.stdin is not None:
                with contextlib.suppress(OSError):
                    process.stdin.close()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)
            kill_group(process.pid)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)
            # A killed LibreOffice leaves its pipes' sockets in /tmp (not in TMPDIR).
            forget_pipe(self._pipe)
            if self._folder is not None:
                forget_pipe(profile_pipe(Path(self._folder.name) / "profile"))
            if process.stdout is not None:
                process.stdout.close()
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None

    def close(self) -> None:
        with self._lock:
            self._stop()


class _WorkerFailed(Exception):
    pass


def _read_line(process: subprocess.Popen[str], seconds: float) -> dict[str, object]:
    """The helper's next answer, or :class:`_WorkerFailed` after `seconds`."""
    assert process.stdout is not None
    result: list[str] = []
    reader = threading.Thread(target=lambda: result.append(process.stdout.readline()))  # type: ignore[union-attr]
    reader.daemon = True
    reader.start()
    reader.join(seconds)
    if not result or not result[0]:
        raise _WorkerFailed("LibreOffice tidak menjawab")
    answer = json.loads(result[0])
    if not isinstance(answer, dict):
        raise _WorkerFailed("jawaban tidak dikenal")
    return answer


__all__ = ["ConversionError", "WarmConverter"]
