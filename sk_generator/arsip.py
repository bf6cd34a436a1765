"""Signed documents are frozen: an archived copy at signing, and no silent change after.

A document marked `status: ditetapkan` (signed) is archived at its first build after
signing: its output files, their fingerprint, and a snapshot of the data it was printed
from (the data file and the record files it used) go to
``<output>/arsip/<folder>/<n>/``, where n counts the revisions the data records (0 for
the signed original). A later build whose outputs differ from the archive is refused for
that document, with the changes listed (`beda` between the snapshot and the data now),
and the archive is never touched; recording a revision (a new `revisi:` entry) makes a
new version, archived beside the earlier ones.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sk_generator.fingerprint import FINGERPRINT_FILE, Fingerprint, fingerprint, read_fingerprint
from sk_generator.load import Document, Loader
from sk_generator.model import Keputusan, Sop
from sk_generator.outputs import inside

ARSIP = "arsip"
#: The data snapshot inside an archived version.
DATA = "data"

Hasil = Literal["bebas", "arsipkan", "sama", "tolak"]


@dataclass(frozen=True)
class Versi:
    """An archived version: its folder, fingerprint and revision count."""

    folder: Path
    fingerprint: Fingerprint
    revisi: int

    @property
    def data_file(self) -> Path:
        """The archived copy of the document's data file."""
        return self.folder / DATA / self.fingerprint.source


def ditetapkan(document: Document) -> bool:
    model = document.model
    return isinstance(model, Keputusan | Sop) and model.status == "ditetapkan"


def revision_count(document: Document) -> int:
    """Revisions the data records: an SOP's, or all of an SK's lampiran's."""
    return sum(len(entry.sop.tanggal_revisi_semua()) for entry in document.sops())


def latest(out_dir: Path, name: str) -> Versi | None:
    """The newest archived version of document folder `name`, if any."""
    base = out_dir / ARSIP / name
    versions = []
    if base.is_dir():
        for entry in base.iterdir():
            found = read_fingerprint(entry) if entry.name.isdigit() else None
            if found is not None:
                versions.append(Versi(entry, found, int(entry.name)))
    return max(versions, key=lambda v: v.revisi) if versions else None


@dataclass(frozen=True)
class Putusan:
    """What a build may do with a document's new outputs.

    "bebas": not signed; "arsipkan": signed and not yet archived (or a new revision);
    "sama": equal to its archive; "tolak": differs from its archive without a revision.
    """

    hasil: Hasil
    versi: Versi | None = None


def decide(out_dir: Path, name: str, document: Document, new: Fingerprint) -> Putusan:
    if not ditetapkan(document):
        return Putusan("bebas")
    versi = latest(out_dir, name)
    if versi is None or revision_count(document) > versi.revisi:
        return Putusan("arsipkan", versi)
    common = set(versi.fingerprint.files) & set(new.files)
    same = all(versi.fingerprint.files[n] == new.files[n] for n in common)
    return Putusan("sama" if same else "tolak", versi)


def archive(
    out_dir: Path, name: str, document: Document, files: Sequence[tuple[str, bytes]]
) -> Path:
    """Write a new archived version (outputs, fingerprint, data snapshot); returns it.

    Written into a hidden folder first and renamed into place, so an archive is either
    complete or absent.
    """
    base = inside(out_dir / ARSIP, name)
    base.mkdir(parents=True, exist_ok=True)
    target = base / str(revision_count(document))
    root = _data_root(document)
    source = document.source.path.resolve().relative_to(root).as_posix()
    work = Path(tempfile.mkdtemp(prefix=".baru-", dir=base))
    try:
        for file_name, data in files:
            (work / file_name).write_bytes(data)
        for path in {
            document.source.path.resolve(),
            *(p.resolve() for p in document.records.files),
        }:
            copy = work / DATA / path.relative_to(root)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
        (work / FINGERPRINT_FILE).write_bytes(fingerprint(source, files).to_json())
        os.rename(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return target


def _data_root(document: Document) -> Path:
    paths = [document.source.path.resolve(), *(p.resolve() for p in document.records.files)]
    return Path(os.path.commonpath([str(p.parent) for p in paths]))


def archived_document(versi: Versi) -> Document | None:
    """The document as it was signed, loaded from the archive's data snapshot."""
    result = Loader().load([versi.data_file])
    return result.documents[0] if result.documents else None
