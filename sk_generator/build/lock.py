"""One build at a time per output folder.

Two builds writing into one output folder would interleave their documents; the second
waits for the first (telling the user so) and gives up with a message after `wait`
seconds. On POSIX the lock is an advisory `flock` on the output folder itself, so it
leaves no file behind and dies with its process; on Windows it is a byte-range lock on
`.sk-generator.lock` in the folder (Windows keeps no lock on folders).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sk_generator.errors import EnvironmentProblem

if sys.platform == "win32":  # pragma: no cover - not tested on Linux
    import msvcrt
else:
    import fcntl

_POLL_SECONDS = 0.2
#: Seconds a build waits for another one writing into the same output folder.
DEFAULT_WAIT = 600.0


@contextlib.contextmanager
def output_lock(
    out_dir: Path, *, wait: float = DEFAULT_WAIT, waiting: Callable[[], None] | None = None
) -> Iterator[None]:
    """Hold the output folder's lock; `waiting` is called once if another build has it."""
    fd = _open(out_dir)
    try:
        deadline = time.monotonic() + wait
        told = False
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                raise EnvironmentProblem(
                    f"folder keluaran {out_dir} masih dipakai oleh build lain setelah menunggu "
                    f"{wait:g} detik; tunggu build itu selesai lalu jalankan lagi"
                )
            if not told and waiting is not None:
                waiting()
                told = True
            time.sleep(_POLL_SECONDS)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _open(out_dir: Path) -> int:
    if sys.platform == "win32":  # pragma: no cover
        return os.open(out_dir / ".sk-generator.lock", os.O_RDWR | os.O_CREAT)
    return os.open(out_dir, os.O_RDONLY)


def _try_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":  # pragma: no cover
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (BlockingIOError, PermissionError):
        return False
    return True
