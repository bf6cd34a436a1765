"""Folders left by documents that are gone: removed after the build that replaces them.

A document folder records its data file in its manifest (incremental.py). After a build,
a folder in the output is *stale* when this tool made it, no document of this build
writes into it, its data file lies within the paths just built, and that data file is
no longer a document there (deleted, renamed, moved) or is now built into another folder
(its nomor or title changed: a draft's nomor filled in). Folders of data files outside
the paths built are never touched: building `data/sintang` does not judge the folders
of `data/kapuas-hulu`.

Only folders this tool made are removed: the folder must hold its own manifest with a
build record, and nothing but the files this tool writes. A folder that also holds
something else (a note staff put there) is left in place and reported, never emptied
by halves. A removal renames the folder aside first (hidden, like a swap), so the
output never shows it half-deleted; a build killed in between restores it (swap.recover)
and the next build removes it again.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sk_generator.build.location import PART_FILE
from sk_generator.build.recorded import Recorded, recorded_folders
from sk_generator.build.swap import remove_tree

#: "hilang": the data file is gone (or no longer a document); "pindah": it is now built
#: into another folder.
Reason = Literal["hilang", "pindah"]


@dataclass(frozen=True)
class StaleFolder:
    folder: Path
    #: The data file the folder was made from, as its manifest records it.
    source: str
    reason: Reason
    #: Removed; else left in place because it holds files not made by this tool.
    removed: bool
    #: Those other files, when not removed.
    others: tuple[str, ...] = ()


def remove_stale(
    out_dir: Path,
    paths: Sequence[Path],
    planned: Collection[Path],
    built: Collection[Path],
    current: Collection[str],
) -> list[StaleFolder]:
    """Remove the stale folders of `out_dir` (see the module doc).

    `paths` are the files and folders given to the build, `planned` the data files of
    its documents, `built` those whose new folder is in place (a document that failed
    keeps its old folder), `current` the folder names this build writes into.
    """
    roots = [Path(path).resolve() for path in paths]
    sources = {path.resolve() for path in built}
    failed = {path.resolve() for path in planned} - sources
    found = []
    for recorded in recorded_folders(out_dir, skip=current):
        source = (out_dir / recorded.source).resolve()
        if source in failed or not any(source == r or r in source.parents for r in roots):
            continue
        reason: Reason = "pindah" if source in sources else "hilang"
        found.append(_remove(recorded, reason))
    return found


def _remove(recorded: Recorded, reason: Reason) -> StaleFolder:
    folder = recorded.folder
    ours = {recorded.manifest.name, *recorded.files}
    with os.scandir(folder) as entries:
        names = [entry.name for entry in entries]
    others = tuple(sorted(n for n in names if n not in ours and not PART_FILE.match(n)))
    if others:
        return StaleFolder(folder, recorded.source, reason, False, others)
    aside = folder.with_name(f".{folder.name}.{secrets.token_hex(4)}.lama")
    os.rename(folder, aside)
    remove_tree(aside)
    return StaleFolder(folder, recorded.source, reason, True)
