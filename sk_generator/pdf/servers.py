"""DOCX -> PDF on running unoserver instances (``--konverter unoserver --server HOST:PORT``).

unoserver (PyPI) keeps one LibreOffice running behind a small XML-RPC server; several of
them, on this machine or on others, share a large build. Documents are sent as bytes and
PDFs come back as bytes (unoserver's "remote" mode), so a server needs no access to this
machine's files, and a local server is used the same way as a remote one.

The XML-RPC calls are made here with a timeout rather than through unoserver's
``UnoClient``, which has none (a hung LibreOffice would hang the build) and retries a
refused connection for 50 seconds. The API version is unoserver's own constant.

One document at a time per server (unoserver serves requests one after the other): each
request runs in a daemon thread, so a signal never waits for a server to answer. A
document that fails is tried again on another server; a server that cannot be reached or
does not answer in time is left out for the rest of the build. Every PDF is verified as
on the local path (it opens, has pages, and the page count the layout predicted).
"""

from __future__ import annotations

import http.client
import queue
import threading
import xmlrpc.client
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from unoserver.client import API_VERSION

from sk_generator.errors import EnvironmentProblem, UserError
from sk_generator.outputs import write_atomic
from sk_generator.pdf.jobs import ConversionFailure, ConversionJob, JobQueue, verify
from sk_generator.pdf.runner import ATTEMPTS, default_timeout

#: Seconds a server may take to answer the probe before a build.
PROBE_SECONDS = 10.0
_EXPORT = "writer_pdf_Export"


def parse_server(text: str) -> str:
    """`HOST:PORT` checked and normalized ("[::1]:2003" for IPv6); :class:`UserError`
    otherwise."""
    host, _, port = text.strip().rpartition(":")
    host = host.strip("[]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise UserError(
            f"alamat server '{text}' tidak dikenali: tulis HOST:PORT, "
            "misalnya 127.0.0.1:2003 atau konversi.dinas.local:2003"
        )
    return f"[{host}]:{int(port)}" if ":" in host else f"{host}:{int(port)}"


class _Transport(xmlrpc.client.Transport):
    def __init__(self, timeout: float) -> None:
        super().__init__()
        self.timeout = timeout

    def make_connection(self, host: str) -> http.client.HTTPConnection:  # type: ignore[override]
        connection = super().make_connection(host)
        connection.timeout = self.timeout
        return connection


def _proxy(server: str, timeout: float) -> xmlrpc.client.ServerProxy:
    return xmlrpc.client.ServerProxy(
        f"http://{server}", transport=_Transport(timeout), allow_none=True
    )


def probe(server: str, timeout: float = PROBE_SECONDS) -> str | None:
    """Why `server` cannot be used (in Indonesian), or None when it answers."""
    try:
        with _proxy(server, timeout) as proxy:
            info = proxy.info()
    except (OSError, xmlrpc.client.Error) as exc:
        return _reason(exc)
    api = info.get("api") if isinstance(info, dict) else None
    if api != API_VERSION:
        return f"versi API unoserver {api}, dibutuhkan {API_VERSION} (samakan versi unoserver)"
    return None


def check_servers(servers: Sequence[str], timeout: float = PROBE_SECONDS) -> list[str]:
    """The servers that answer; :class:`EnvironmentProblem` naming each reason when none
    does (before anything is rendered)."""
    reasons = {server: probe(server, timeout) for server in servers}
    usable = [server for server, reason in reasons.items() if reason is None]
    if not usable:
        lines = [f"  - {server}: {reason}" for server, reason in reasons.items()]
        raise EnvironmentProblem(
            "tidak ada server unoserver yang dapat dipakai:\n"
            + "\n".join(lines)
            + "\nJalankan unoserver di server tersebut (lihat docs/skala.md), "
            "atau buat PDF di komputer ini tanpa --konverter unoserver."
        )
    return usable


@dataclass(frozen=True)
class _Answer:
    server: str
    job: ConversionJob
    pdf: bytes | None = None
    #: Why the request failed, and whether the server itself is gone.
    error: str = ""
    server_gone: bool = False


def _reason(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return "tidak menjawab dalam batas waktu"
    if isinstance(exc, ConnectionRefusedError):
        return "koneksi ditolak (unoserver tidak berjalan?)"
    if isinstance(exc, xmlrpc.client.Fault):
        last = exc.faultString.strip().splitlines()[-1:] or [""]
        return f"LibreOffice gagal mengubah berkas ({last[0][:200]})"
    return f"tidak dapat dihubungi ({type(exc).__name__}: {exc})"


class ServerPool(JobQueue):
    """Converts jobs on unoserver instances, one request per server at a time."""

    def __init__(
        self, tmp: Path, servers: Sequence[str], *, pdfa: bool, timeout: float | None
    ) -> None:
        super().__init__()
        self.tmp = tmp
        self.live = list(dict.fromkeys(servers))
        self.all = list(self.live)
        self.options = ["UseLosslessCompression=true"] + (["SelectPdfVersion=2"] if pdfa else [])
        self.timeout = timeout if timeout is not None else default_timeout(1)
        self.busy: dict[str, ConversionJob] = {}
        self.tried: dict[ConversionJob, list[str]] = {}
        self.answers: queue.Queue[_Answer] = queue.Queue()
        self.counter = 0

    def in_flight(self) -> int:
        return len(self.busy)

    def partial(self) -> int:
        return 0

    def stop(self) -> None:
        """Requests still out are abandoned (daemon threads; their answers are ignored)."""
        self.live = []

    def step(self) -> list[ConversionJob]:
        settled: list[ConversionJob] = []
        while True:
            try:
                answer = self.answers.get_nowait()
            except queue.Empty:
                break
            del self.busy[answer.server]
            settled += self._settle(answer)
        if not self.live:
            settled += self._fail_waiting()
        self._dispatch()
        return settled

    def _dispatch(self) -> None:
        for server in [s for s in self.live if s not in self.busy]:
            job = self._next_for(server)
            if job is None:
                continue
            self.waiting.remove(job)
            self.busy[server] = job
            self.result.processes += 1
            thread = threading.Thread(target=self._request, args=(server, job), daemon=True)
            thread.start()

    def _next_for(self, server: str) -> ConversionJob | None:
        """The first job not yet tried on `server`, else one that every live server has
        tried (its last attempt, wherever there is room)."""
        for job in self.waiting:
            if server not in self.tried.get(job, []):
                return job
        for job in self.waiting:
            if all(s in self.tried.get(job, []) for s in self.live):
                return job
        return None

    def _request(self, server: str, job: ConversionJob) -> None:
        """Runs in a thread: one conversion, its answer put on the queue."""
        try:
            data = xmlrpc.client.Binary(job.source.read_bytes())
            with _proxy(server, self.timeout) as proxy:
                pdf = proxy.convert(
                    None, data, None, "pdf", _EXPORT, self.options, False, None, None
                )
            if not isinstance(pdf, xmlrpc.client.Binary):
                raise xmlrpc.client.Fault(0, f"jawaban bukan PDF ({type(pdf).__name__})")
            answer = _Answer(server, job, pdf=pdf.data)
        except xmlrpc.client.Fault as exc:
            answer = _Answer(server, job, error=_reason(exc))
        except (OSError, xmlrpc.client.Error, http.client.HTTPException) as exc:
            answer = _Answer(server, job, error=_reason(exc), server_gone=True)
        self.answers.put(answer)

    def _settle(self, answer: _Answer) -> list[ConversionJob]:
        job = answer.job
        self.tried.setdefault(job, []).append(answer.server)
        if answer.server_gone and answer.server in self.live:
            self.live.remove(answer.server)
        error, retry = f"unoserver {answer.server}: {answer.error}", True
        if answer.pdf is not None:
            self.counter += 1
            pdf = self.tmp / f"{self.counter:06d}.pdf"
            pdf.write_bytes(answer.pdf)
            problem, pages = verify(pdf, job)
            pdf.unlink()
            if problem is None:
                write_atomic(job.target, answer.pdf)
                self.result.pages[job.target] = pages
                return [job]
            error, retry = f"unoserver {answer.server}: {problem.text}", problem.retry
        if retry and len(self.tried[job]) < ATTEMPTS and self.live:
            self.waiting.insert(0, job)
            return []
        self.result.failures.append(ConversionFailure(job, error))
        return [job]

    def _fail_waiting(self) -> list[ConversionJob]:
        reason = (
            "tidak ada server unoserver yang masih dapat dihubungi (" + ", ".join(self.all) + ")"
        )
        failed, self.waiting = self.waiting, []
        self.result.failures += [ConversionFailure(job, reason) for job in failed]
        return failed
