"""Fault injection at every file-system write, through Python's audit hooks (PEP 578).

Every operation that changes the file system raises an audit event before it runs
(`open` for writing, `os.mkdir`, `os.rename`/`os.replace`, `os.link`, `os.remove`,
`shutil.rmtree`, ... and the build's own `sk_generator.exchange`). An :class:`Injector`
sees each one under a watched folder and can

* record the state of the output just before it: the state a SIGKILL at that instant
  would leave, since nothing after it runs (`snapshots`);
* make it fail like a full disk (`fail_at`): OSError(ENOSPC) instead of the operation,
  for it and every write after it.

Audit hooks cannot be removed, so one hook is installed for the session and forwards to
the injector that is active, if any.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Events that change the file system (opening for reading does not).
CHANGES = {
    "os.mkdir",
    "os.rename",
    "os.link",
    "os.symlink",
    "os.truncate",
    "os.remove",
    "os.rmdir",
    "shutil.rmtree",
    "shutil.copyfile",
    "sk_generator.exchange",
}
#: Of those, the ones a full disk can make fail (removing never needs space).
NEEDS_SPACE = CHANGES - {"os.remove", "os.rmdir", "shutil.rmtree"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _is_write_open(args: tuple[Any, ...]) -> bool:
    _path, mode, flags = args
    if isinstance(mode, str):
        return any(c in mode for c in "wax+")
    return isinstance(flags, int) and bool(flags & _WRITE_FLAGS)


def _paths(event: str, args: tuple[Any, ...]) -> list[str]:
    count = 2 if event in {"os.rename", "os.link", "os.symlink", "shutil.copyfile"} else 1
    count = 2 if event == "sk_generator.exchange" else count
    found = []
    for arg in args[:count]:
        if isinstance(arg, str | bytes | os.PathLike):
            found.append(os.fsdecode(arg))
    return found


@dataclass
class Injector:
    """Watches changes under `roots`; see the module docstring."""

    roots: list[Path]
    #: Called before each change: its result is appended to `snapshots`.
    snapshot: Callable[[], Any] | None = None
    #: 1-based number of the first space-needing change to fail with ENOSPC, and every
    #: one after it (0: none).
    fail_at: int = 0
    changes: list[tuple[str, str]] = field(default_factory=list)
    snapshots: list[Any] = field(default_factory=list)
    space_changes: int = 0
    #: The path of each space-needing change, in order.
    space_paths: list[str] = field(default_factory=list)
    #: The error of the failing writes (ENOSPC: the disk is full).
    errno: int = errno.ENOSPC
    #: The path of the first write made to fail.
    failed: str | None = None
    busy: bool = False

    def watched(self, paths: list[str]) -> str | None:
        for path in paths:
            resolved = os.path.abspath(path)
            if any(resolved.startswith(str(root) + os.sep) for root in self.roots):
                return resolved
        return None

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if self.busy:
            return
        if event == "open":
            if not _is_write_open(args):
                return
            kind = "open"
        elif event in CHANGES:
            kind = event
        else:
            return
        path = self.watched(_paths(event, args))
        if path is None:
            return
        self.busy = True
        try:
            self.changes.append((kind, path))
            if self.snapshot is not None:
                self.snapshots.append(self.snapshot())
        finally:
            self.busy = False
        if kind in NEEDS_SPACE or kind == "open":
            self.space_changes += 1
            self.space_paths.append(path)
            if 0 < self.fail_at <= self.space_changes:  # a full disk stays full
                self.failed = self.failed or path
                raise OSError(self.errno, os.strerror(self.errno), path)


_ACTIVE: list[Injector] = []


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if _ACTIVE:
        _ACTIVE[-1](event, args)


_INSTALLED: list[bool] = []


@contextmanager
def injecting(injector: Injector) -> Iterator[Injector]:
    """Make `injector` see every file-system change while the block runs."""
    if not _INSTALLED:
        sys.addaudithook(_hook)
        _INSTALLED.append(True)
    _ACTIVE.append(injector)
    try:
        yield injector
    finally:
        _ACTIVE.remove(injector)
