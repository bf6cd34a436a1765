"""Local unoserver instances for the tests and the benchmark (not a test module).

Each instance is unoserver's server run by the system Python that has Debian's
python3-uno, with the unoserver package of this virtual environment appended to its
path, on loopback ports, with its own LibreOffice user profile and its own TMPDIR, in
its own process group: :meth:`LocalUnoserver.kill` removes the server, its LibreOffice
and every file they made.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import unoserver

from sk_generator.pdf.servers import probe

#: The Python that has `uno` on Debian (python3-uno).
UNO_PYTHON = "/usr/bin/python3"
_SITE = str(Path(unoserver.__file__).resolve().parent.parent)
_BOOT = f"import sys; sys.path.append({_SITE!r}); from unoserver.server import main; main()"


def available() -> bool:
    """Whether unoserver can run here (a system Python with uno, and soffice)."""
    if shutil.which("soffice") is None or not os.path.exists(UNO_PYTHON):
        return False
    probe_uno = subprocess.run([UNO_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    return probe_uno.returncode == 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LocalUnoserver:
    folder: Path
    process: subprocess.Popen[bytes]
    address: str

    def kill(self) -> None:
        """Kill the server and its LibreOffice (the whole process group), wait until
        every process of the group is gone, then remove its folder."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        deadline = time.monotonic() + 10
        with contextlib.suppress(ProcessLookupError):
            while time.monotonic() < deadline:
                os.killpg(self.process.pid, 0)
                time.sleep(0.05)
        shutil.rmtree(self.folder, ignore_errors=True)


def start(folder: Path) -> LocalUnoserver:
    """Start one instance on free loopback ports (returns once it is starting)."""
    folder.mkdir(parents=True)
    (folder / "tmp").mkdir()
    port, uno_port = _free_port(), _free_port()
    argv = [UNO_PYTHON, "-c", _BOOT, "--interface", "127.0.0.1", "--port", str(port)]
    argv += ["--uno-interface", "127.0.0.1", "--uno-port", str(uno_port)]
    argv += ["--executable", shutil.which("soffice") or "soffice"]
    argv += ["--user-installation", str(folder / "profile")]
    env = {**os.environ, "TMPDIR": str(folder / "tmp")}
    with (folder / "log").open("wb") as log:
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            env=env,
            start_new_session=True,
        )
    return LocalUnoserver(folder, process, f"127.0.0.1:{port}")


def wait_ready(server: LocalUnoserver, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while probe(server.address, timeout=5) is not None:
        if server.process.poll() is not None or time.monotonic() > deadline:
            log = (server.folder / "log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"unoserver did not start:\n{log}")
        time.sleep(0.3)


@contextlib.contextmanager
def running(count: int) -> Iterator[list[LocalUnoserver]]:
    """`count` instances started side by side and ready; all killed at the end."""
    root = Path(tempfile.mkdtemp(prefix="sk-generator-unoserver-"))
    servers: list[LocalUnoserver] = []
    try:
        servers = [start(root / f"server-{index}") for index in range(count)]
        for server in servers:
            wait_ready(server)
        yield servers
    finally:
        for server in servers:
            server.kill()
        shutil.rmtree(root, ignore_errors=True)
