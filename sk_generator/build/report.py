"""The change report of a build: each document baru, berubah (files, pages) or tetap.

Each document folder carries a fingerprint of its outputs (:mod:`sk_generator.fingerprint`).
Before a document is committed its new outputs are compared with that fingerprint: an
unchanged document is not written at all (its files keep their dates), a changed one
reports which files and pages differ, and a folder the same data file produced under
another name (a draft nomor filled in) is removed once the new folder is in place.
"""

from __future__ import annotations

from pathlib import Path

from sk_generator.build.assemble import OutputFile, OutputSet
from sk_generator.build.swap import remove_tree
from sk_generator.fingerprint import (
    FINGERPRINT_FILE,
    Change,
    Fingerprint,
    compare,
    fingerprint,
    read_fingerprint,
)
from sk_generator.load import Document
from sk_generator.outputs import inside


def review(out_dir: Path, document: Document, outputs: OutputSet) -> Change:
    """Compare `outputs` with the folder's fingerprint and add the new fingerprint to
    `outputs`; files of formats not built this time keep their old entries."""
    folder = inside(out_dir, outputs.folder)
    old = read_fingerprint(folder)
    made = fingerprint(document.source.name, [(f.name, f.data) for f in outputs.files])
    change = compare(_restricted(old, made), made, folder_exists=folder.is_dir())
    kept = {n: h for n, h in (old.files if old else {}).items() if n not in made.files}
    pages = {n: p for n, p in (old.pages if old else {}).items() if n in kept}
    whole = Fingerprint(made.source, {**kept, **made.files}, {**pages, **made.pages})
    outputs.files.append(OutputFile(FINGERPRINT_FILE, whole.to_json()))
    return change


def _restricted(old: Fingerprint | None, made: Fingerprint) -> Fingerprint | None:
    """The old fingerprint limited to the files this build makes (a `--format docx`
    build says nothing about the PDFs it leaves alone)."""
    if old is None:
        return None
    files = {n: h for n, h in old.files.items() if n in made.files or _same_kind(n, made)}
    return Fingerprint(old.source, files, old.pages)


def _same_kind(name: str, made: Fingerprint) -> bool:
    suffix = Path(name).suffix
    return any(Path(n).suffix == suffix for n in made.files)


def renamed_folders(out_dir: Path, document: Document, name: str) -> list[Path]:
    """Other document folders built from the same data file (an earlier name)."""
    found = []
    for entry in sorted(out_dir.iterdir()) if out_dir.is_dir() else []:
        if entry.name == name or entry.name.startswith(".") or not entry.is_dir():
            continue
        old = read_fingerprint(entry)
        if old is not None and old.source == document.source.name:
            found.append(entry)
    return found


def remove_renamed(out_dir: Path, document: Document, name: str) -> list[str]:
    """Remove the earlier folders of `document`; returns their names for the report."""
    removed = []
    for folder in renamed_folders(out_dir, document, name):
        remove_tree(folder)
        removed.append(folder.name)
    return removed
