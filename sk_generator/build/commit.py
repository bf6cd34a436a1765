"""The commit step: a document's new output set replaces its folder as a whole.

This is the one place that writes a document's folder in the output; every later
feature that writes outputs (incremental builds, change reports) goes through
:func:`commit`. The new set is assembled in a staging folder beside the document folder
and swapped in (see swap.py), so the folder never mixes two builds, even when the disk
fills up or the process is killed half-way.

What the new set holds: the files just made, plus what the old folder holds that this
build does not replace: files that are not ours (a note staff put there), and our files
of formats not built this time (a `--format docx` build keeps the PDFs). Our part files
of a built format that the document no longer has (a lampiran removed in a revision)
are dropped, so the folder never offers an outdated part. New files whose bytes equal
the old folder's (`same`, found by report.py) are linked from the old folder instead of
written, so an unchanged file keeps its modification time.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection
from pathlib import Path

from sk_generator.build.assemble import OutputSet
from sk_generator.build.location import PART_FILE
from sk_generator.build.swap import remove_tree, staging_folder, swap_in, sync_folder
from sk_generator.outputs import inside


def commit(out_dir: Path, outputs: OutputSet, same: Collection[str] = ()) -> Path:
    """Replace `out_dir/<outputs.folder>/` by the new set; returns that folder.

    `same` names new files identical to the old folder's: those are kept, not written.
    On any failure (a full disk, a signal) the staging folder is removed and the
    document folder is left as it was.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    folder = inside(out_dir, outputs.folder)
    staging = staging_folder(out_dir, outputs.folder)
    try:
        kept: Collection[str] = ()
        if folder.is_dir() and not folder.is_symlink():
            kept = same
            _carry_over(folder, staging, outputs, kept)
        for file in outputs.files:
            if file.name not in kept:
                _write(staging / file.name, file.data)
        sync_folder(staging)
        old = swap_in(staging, folder)
    except BaseException:
        remove_tree(staging)
        raise
    sync_folder(out_dir)
    if old is not None:
        remove_tree(old)
    return folder


def dropped_parts(folder: Path, outputs: OutputSet) -> list[str]:
    """Part files in `folder` the new set drops: of a built format, not made again."""
    new = {file.name for file in outputs.files}
    return sorted(
        entry.name
        for entry in folder.iterdir()
        if entry.name not in new and _replaced(entry.name, outputs)
    )


def _replaced(name: str, outputs: OutputSet) -> bool:
    match = PART_FILE.match(name)
    return bool(match and match.group(2) in outputs.formats)


def _carry_over(folder: Path, staging: Path, outputs: OutputSet, same: Collection[str]) -> None:
    """Link (or copy) into `staging` what the old folder keeps (see the module doc) and
    the unchanged files `same`."""
    new = {file.name for file in outputs.files}
    for entry in folder.iterdir():
        if entry.name not in same and (entry.name in new or _replaced(entry.name, outputs)):
            continue
        target = staging / entry.name
        if entry.is_symlink():
            os.symlink(os.readlink(entry), target)
        elif entry.is_dir():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, target)


def _link_or_copy(source: str | Path, target: str | Path) -> None:
    """A hard link (same file system: instant, no space); a copy where links are not
    supported (FAT/exFAT USB drives)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _write(target: Path, data: bytes) -> None:
    with open(target, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
