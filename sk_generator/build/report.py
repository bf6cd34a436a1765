"""The change report of a build: each document baru, berubah (which files, which pages)
or tetap.

A document's new outputs are compared with the files in its folder before anything is
written. A file whose bytes are unchanged is not written again: the commit links the
existing file into the new set (its modification time stays), and a document whose
every file is unchanged is not committed at all. So a second build of unchanged data
rewrites nothing, and after one edit only the files that differ are new.

Outputs are byte-reproducible (sk_generator.stable), so "unchanged bytes" means
"unchanged document". The manifest alone differing (a new tool version that prints the
same pages: another input fingerprint) leaves the document "tetap"; only the manifest
is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sk_generator.build.assemble import OutputSet
from sk_generator.build.commit import dropped_parts
from sk_generator.build.pages import changed_pages
from sk_generator.outputs import inside

Status = Literal["baru", "berubah", "tetap"]


@dataclass(frozen=True)
class Change:
    """How a document's folder compares with the previous build's."""

    status: Status
    #: Files that are new or differ (the manifest not counted), in folder order.
    changed: tuple[str, ...] = ()
    #: Part files removed: parts the document no longer has (a lampiran taken out).
    dropped: tuple[str, ...] = ()
    #: For each changed PDF that existed before: the pages whose text differs.
    pages: tuple[tuple[str, tuple[int, ...]], ...] = ()


#: A document skipped by an incremental build.
UNCHANGED = Change("tetap")


@dataclass(frozen=True)
class Review:
    change: Change
    #: New files equal to the folder's: kept as they are, not written.
    same: frozenset[str]
    #: Whether anything must be written (False: the folder is left untouched).
    write: bool


def review(out_dir: Path, outputs: OutputSet) -> Review:
    """Compare `outputs` with the document's folder in `out_dir` (read only)."""
    folder = inside(out_dir, outputs.folder)
    if not folder.is_dir() or folder.is_symlink():
        names = tuple(f.name for f in outputs.files if f.name != outputs.manifest)
        return Review(Change("baru", names), frozenset(), True)
    same = frozenset(f.name for f in outputs.files if _equal(folder / f.name, f.data))
    differ = [f.name for f in outputs.files if f.name not in same]
    dropped = tuple(dropped_parts(folder, outputs))
    changed = tuple(name for name in differ if name != outputs.manifest)
    status: Status = "berubah" if changed or dropped else "tetap"
    pages = _changed_pages(folder, outputs, changed)
    return Review(Change(status, changed, dropped, pages), same, bool(differ or dropped))


def _changed_pages(
    folder: Path, outputs: OutputSet, changed: tuple[str, ...]
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """The pages that differ in each changed PDF the folder already held. Read only for
    changed files, so an unchanged catalogue costs nothing here."""
    found = []
    for file in outputs.files:
        old = folder / file.name
        if file.name in changed and file.name.endswith(".pdf") and old.is_file():
            numbers = changed_pages(old, file.data)
            if numbers:
                found.append((file.name, numbers))
    return tuple(found)


def _equal(path: Path, data: bytes) -> bool:
    """Whether the regular file at `path` holds exactly `data` (size compared first)."""
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False
