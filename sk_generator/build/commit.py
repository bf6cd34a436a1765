"""The commit step: a document's new output set written into its folder.

This is the one place that touches a document's folder in the output; every later
feature that writes outputs (incremental builds, change reports) goes through
:func:`commit`.
"""

from __future__ import annotations

import re
from pathlib import Path

from sk_generator.build.assemble import OutputSet
from sk_generator.outputs import inside, write_atomic

#: Part files this tool writes in a document's folder (keputusan, lampiran-N, sop).
_PART_FILE = re.compile(r"^(keputusan|sop|lampiran-\d+)\.(docx|pdf)$")


def commit(out_dir: Path, outputs: OutputSet) -> Path:
    """Write `outputs` into `out_dir/<outputs.folder>/`; returns that folder.

    Each file is written atomically; the manifest comes last, so a manifest whose hash
    matches the bundle beside it means both were written completely.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    folder = inside(out_dir, outputs.folder)
    written = []
    for file in outputs.files:
        target = inside(folder, file.name)
        write_atomic(target, file.data)
        written.append(target)
    _remove_stale(folder, set(written), outputs.formats)
    return folder


def _remove_stale(folder: Path, written: set[Path], formats: frozenset[str]) -> None:
    """Delete part files an earlier build wrote that this document no longer has (a
    lampiran removed in a revision), so the folder never offers an outdated part.

    Only our own part names are touched, and only for formats built in this run: a
    `--format docx` build leaves the PDFs alone.
    """
    for path in folder.iterdir():
        match = _PART_FILE.match(path.name)
        if match and match.group(2) in formats and path.resolve() not in written:
            path.unlink()
