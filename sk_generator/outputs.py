"""Safe output names and atomic writes: nothing half-written, nothing outside output/."""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


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
