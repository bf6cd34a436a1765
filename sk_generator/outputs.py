"""Safe output names, atomic writes and failed writes told plainly: nothing half-written,
nothing outside output/, no traceback for a full disk."""

from __future__ import annotations

import errno
import os
import re
import secrets
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sk_generator.errors import EnvironmentProblem

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_FIX = "pilih folder keluaran lain (-o) atau perbaiki lalu jalankan lagi"


def safe_name(text: str, *, limit: int = 80) -> str:
    """A file-name part from free text: ASCII letters, digits, '.', '_' and '-' only.

    A nomor such as "700/109/DISNAKERTRANS.TU.1/2022" becomes
    "700-109-DISNAKERTRANS.TU.1-2022": the "/" can never create folders, and leading
    dots are removed so a name can never be "." or "..".
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = _UNSAFE.sub("-", ascii_text).strip("-.")
    cleaned = re.sub(r"-{2,}", "-", cleaned)[:limit].strip("-.")
    return cleaned or "dokumen"


def inside(folder: Path, name: str) -> Path:
    """`folder / name`, refusing any name that would leave `folder`."""
    target = (folder / name).resolve()
    if target.parent != folder.resolve():
        raise ValueError(f"output name {name!r} leaves {folder}")
    return target


def write_atomic(target: Path, data: bytes) -> None:
    """Write to a temporary file beside `target`, then rename it into place.

    A crash or a full disk leaves the earlier `target` untouched; readers never see a
    partial file, because rename within one folder is atomic on POSIX. The file gets the
    permissions of any new file (0644 under umask 022), so colleagues on a shared folder
    can open it: `tempfile.mkstemp` would make it 0600.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_beside(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _create_beside(target: Path) -> tuple[int, str]:
    """A new, uniquely named hidden file beside `target`, opened for writing with mode
    0666 less the umask."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
        try:
            return os.open(tmp, flags, 0o666), str(tmp)
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue


def describe(exc: OSError) -> str:
    """An Indonesian sentence for a failed file operation, naming the path and the fix."""
    path = f"'{exc.filename}'" if exc.filename else "folder keluaran"
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return (
            f"ruang disk tidak cukup untuk menulis {path}; kosongkan ruang disk lalu jalankan lagi"
        )
    if code in (errno.EACCES, errno.EPERM):
        return (
            f"tidak ada izin menulis {path} (atau berkas itu sedang dibuka program lain, "
            f"mis. penampil PDF); {_FIX}"
        )
    if code == errno.EROFS:
        return f"{path} berada pada media yang hanya dapat dibaca; {_FIX}"
    if code == errno.ENOTDIR:
        return f"{path} tidak dapat dibuat karena ada berkas (bukan folder) di jalurnya; {_FIX}"
    if code == errno.EISDIR:
        return f"{path} adalah folder, padahal di situ sebuah berkas ditulis; {_FIX}"
    name = errno.errorcode.get(code or 0, type(exc).__name__)
    return f"operasi berkas pada {path} gagal ({name}); {_FIX}"


@contextmanager
def environment_errors() -> Iterator[None]:
    """Turn a failed file operation into an :class:`EnvironmentProblem` (exit 3)."""
    try:
        yield
    except OSError as exc:
        raise EnvironmentProblem(describe(exc)) from exc
