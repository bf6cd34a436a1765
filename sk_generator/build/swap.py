"""Replacing a document's folder as a whole: a staging folder beside it, then a swap.

A document's new files are written into a hidden staging folder in the output folder
(so on the same file system), and the staging folder then takes the document folder's
place in one step. On Linux that step is ``renameat2(RENAME_EXCHANGE)``, which swaps two
folders atomically: at every instant the document folder holds either its complete old
set or its complete new set, whatever kills the build. Elsewhere (or on a file system
without the exchange) the old folder is first renamed aside, then the new one into
place; a build killed between the two renames leaves the old set in the aside folder,
and the next build restores it (:func:`recover`) before doing anything else.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import secrets
import shutil
import sys
from pathlib import Path

#: Hidden work folders in the output: `.<document folder>.<token>.<kind>`.
_WORK = re.compile(r"^\.(?P<name>.+)\.(?P<token>[0-9a-f]{8})\.(?P<kind>baru|lama)$")
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def staging_folder(out_dir: Path, name: str) -> Path:
    """A new, empty, hidden folder in `out_dir` to assemble document `name` in."""
    folder = out_dir / f".{name}.{secrets.token_hex(4)}.baru"
    folder.mkdir()
    return folder


def swap_in(staging: Path, folder: Path) -> Path | None:
    """Put `staging` in `folder`'s place; returns the path now holding the old set (to
    be removed by the caller), or None when there was no old folder."""
    if not folder.exists() and not folder.is_symlink():
        os.rename(staging, folder)
        return None
    sys.audit("sk_generator.exchange", str(staging), str(folder))
    if _exchange(staging, folder):
        return staging
    aside = folder.with_name(f".{folder.name}.{secrets.token_hex(4)}.lama")
    os.rename(folder, aside)
    os.rename(staging, folder)
    return aside


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically (Linux); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # the file system cannot exchange: rename aside instead
    raise OSError(code, os.strerror(code), str(second))


def recover(out_dir: Path) -> None:
    """Clean up after a build that was killed: restore a document folder renamed aside
    but not yet replaced, and remove every other work folder."""
    if not out_dir.is_dir():
        return
    for entry in sorted(out_dir.iterdir()):
        match = _WORK.match(entry.name)
        if match is None or entry.is_symlink() or not entry.is_dir():
            continue
        original = out_dir / match.group("name")
        if match.group("kind") == "lama" and not original.exists() and not original.is_symlink():
            os.rename(entry, original)
        else:
            remove_tree(entry)


def remove_tree(folder: Path) -> None:
    """Remove a work folder; a failure leaves it for :func:`recover` next time."""
    with contextlib.suppress(OSError):
        shutil.rmtree(folder)


def sync_folder(folder: Path) -> None:
    """Make a folder's entries durable against a power cut (POSIX). Best effort: some
    file systems cannot sync a folder, and the swap itself does not depend on it."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
