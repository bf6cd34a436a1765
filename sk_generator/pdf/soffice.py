"""The LibreOffice executable: finding it, its command line, and stopping it.

soffice runs in its own process group (its launcher starts helpers such as
oosplash -> soffice.bin), so stopping a conversion means killing the whole group.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from sk_generator.errors import EnvironmentProblem

#: The command that installs what conversion needs on Debian/Ubuntu.
INSTALL_COMMAND = "sudo apt-get install libreoffice-writer-nogui fonts-liberation2"

#: LibreOffice's PDF export with JSON filter options (LibreOffice >= 7.4; older versions
#: ignore them). Lossless images: the flowchart tiles are line art, which JPEG (the
#: default) blurs, and Flate is also ~15% faster to export. SelectPdfVersion 2 =
#: PDF/A-2b: LibreOffice then embeds every font (it always does for non-standard fonts)
#: and adds the sRGB output intent and the XMP identification PDF/A needs.
_OPTIONS = {"UseLosslessCompression": {"type": "boolean", "value": "true"}}
FILTER = "pdf:writer_pdf_Export:" + json.dumps(_OPTIONS)
FILTER_PDFA = "pdf:writer_pdf_Export:" + json.dumps(
    {**_OPTIONS, "SelectPdfVersion": {"type": "long", "value": "2"}}
)


def find_soffice(soffice: str | os.PathLike[str] | None = None) -> str:
    """The soffice executable: `soffice` (a path or a command name), else on PATH, else
    at LibreOffice's usual install location (Windows and macOS installers do not put it
    on PATH).

    Raises :class:`EnvironmentProblem` with the install command when there is none.
    """
    wanted = os.fspath(soffice) if soffice is not None else None
    if wanted:
        found = shutil.which(wanted)
        if found is None:
            raise EnvironmentProblem(
                f"LibreOffice tidak ditemukan di '{wanted}'; "
                f"periksa jalurnya, atau pasang LibreOffice: {install_hint(sys.platform)}"
            )
        return found
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in standard_locations(sys.platform, Path.home()):
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise EnvironmentProblem(
        "LibreOffice (soffice) tidak ditemukan; PDF dibuat dengan LibreOffice. "
        f"Pasang dengan: {install_hint(sys.platform)}"
    )


def standard_locations(platform: str, home: Path) -> list[str]:
    """Where LibreOffice's own installers put soffice on `platform` (sys.platform)."""
    if platform == "win32":
        return [
            r"C:\Program Files\LibreOffice\program\soffice.exe",
            r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
        ]
    bundle = "LibreOffice.app/Contents/MacOS/soffice"
    if platform == "darwin":
        return [f"/Applications/{bundle}", f"{home.as_posix()}/Applications/{bundle}"]
    return []  # Linux packages put soffice on PATH


def install_hint(platform: str) -> str:
    """How to install LibreOffice on `platform`."""
    if platform in ("win32", "darwin"):
        return "unduh dan pasang dari https://www.libreoffice.org/download/"
    return INSTALL_COMMAND


def available_cores() -> int:
    """CPU cores this process may run on (affinity-aware where the OS tells)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def default_timeout(files: int) -> float:
    """Seconds a batch of `files` documents may take before it counts as hung."""
    return 60.0 + 10.0 * files


def command(
    executable: str, profile: Path, outdir: Path, inputs: Sequence[Path], *, pdfa: bool
) -> list[str]:
    """soffice's command line converting `inputs` into PDFs in `outdir`, with a private
    user profile."""
    return [
        executable,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--norestore",
        "--convert-to",
        FILTER_PDFA if pdfa else FILTER,
        "--outdir",
        str(outdir),
        *(str(path) for path in inputs),
    ]


def start(
    argv: list[str], log: Path, tmp: Path, live: list[subprocess.Popen[bytes]]
) -> subprocess.Popen[bytes]:
    """Start soffice in its own process group, its output in `log` and its temporary
    files (the lu*.tmp folders LibreOffice makes) in `tmp`, inside the batch's folder:
    removing that folder after a kill then leaves nothing behind in the system TMPDIR.
    The process is appended to `live` before any signal can interrupt the caller."""
    tmp.mkdir(exist_ok=True)
    # TZ=UTC: LibreOffice writes the PDF dates with the machine's zone ("Z" or
    # "+07'00'"); stable.py sets the date itself, not the zone suffix (a different
    # length), so the same document gives the same bytes on every machine only in UTC.
    env = {**os.environ, "TMPDIR": str(tmp), "TMP": str(tmp), "TEMP": str(tmp), "TZ": "UTC"}
    # A signal handler raising while Popen runs would lose the started process (no
    # Popen object to kill): signals wait until the caller can record it.
    with log.open("wb") as handle, _signals_deferred():
        process = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=handle,
            stderr=subprocess.STDOUT,
            env=env,
            # Its own process group: killed with every helper it spawned, and out of
            # reach of the terminal's Ctrl-C and hang-up (the build stops it itself).
            start_new_session=True,
            creationflags=getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0),
        )
        live.append(process)
    return process


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP until the block ends, then deliver them to the
    handlers in place before (a no-op outside the main thread, where none can run)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    numbers = [getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)]
    previous = {number: signal.signal(number, lambda n, _f: held.append(n)) for number in numbers}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for number in dict.fromkeys(held):
            signal.raise_signal(number)


def _group_alive(pgid: int) -> bool:
    """Whether a process of group `pgid` is still there, other than our own children
    that have died (zombies we collect right after). Reads /proc where there is one
    (Linux)."""
    proc = Path("/proc")
    if not proc.is_dir():  # pragma: no cover - not Linux
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            return False
        return True
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
        fields = stat[stat.rindex(")") + 2 :].split()
        ours = fields[0] == "Z" and int(fields[1]) == os.getpid()
        if int(fields[2]) == pgid and not ours:
            return True
    return False


def kill(process: subprocess.Popen[bytes]) -> None:
    kill_group(process.pid)
    with contextlib.suppress(ProcessLookupError):
        process.kill()
    process.wait()


#: Where LibreOffice's osl layer puts its pipes (sockets) on POSIX: always this folder,
#: whatever TMPDIR says.
PIPE_FOLDER = Path("/tmp")


def profile_pipe(profile: Path) -> str:
    """The name of the pipe a LibreOffice using `profile` listens on for a second start
    ("SingleOfficeIPC_" + the MD5 of the profile URL in UTF-16LE, each byte in hex
    without zero padding, as LibreOffice's desktop module prints it)."""
    digest = hashlib.md5(profile.as_uri().encode("utf-16-le"), usedforsecurity=False)
    return "SingleOfficeIPC_" + "".join(format(byte, "x") for byte in digest.digest())


def forget_pipe(name: str) -> None:
    """Remove the socket of LibreOffice's pipe `name` after its process was killed.

    LibreOffice removes it when it exits normally; killed, it leaves a socket in /tmp
    (not in TMPDIR, so the private folders do not catch it). Only a socket of this user
    named for our own profile or pipe is removed."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows has no such file
        return
    path = PIPE_FOLDER / f"OSL_PIPE_{os.getuid()}_{name}"
    with contextlib.suppress(OSError):
        if stat.S_ISSOCK(path.lstat().st_mode):
            path.unlink()


def kill_group(pid: int, seconds: float = 10.0) -> None:
    """Kill the process group `pid` leads (POSIX), or its process tree (Windows), and wait
    (up to `seconds`) until none of its processes runs: a SIGKILL takes effect
    asynchronously, and a caller that removes the group's folders next must not race a
    LibreOffice still writing its lu*.tmp files there."""
    if hasattr(os, "killpg"):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(pid, signal.SIGKILL)
        deadline = time.monotonic() + seconds
        while _group_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.02)
        return
    with contextlib.suppress(OSError):  # pragma: no cover - Windows
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(pid)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
