"""Safe output names, atomic writes and failed writes told plainly: nothing half-written,
nothing outside output/, no traceback for a full disk."""

from __future__ import annotations

import errno
import os
import re
import tempfile
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
    partial file, because rename within one folder is atomic on POSIX.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def describe(exc: OSError) -> str:
    """An Indonesian sentence for a failed file operation, naming the path and the fix."""
    path = f"'{exc.filename}'" if exc.filename else "folder keluaran"
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return (
            f"ruang disk tidak cukup untuk menulis {path}; kosongkan ruang disk lalu jalankan lagi"
        )
    if code in (errno.EACCES, errno.EPERM):
        return f"tidak ada izin menulis {path}; {_FIX}"
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
