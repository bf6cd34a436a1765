"""The archive of signed documents: what was signed, kept with the data.

A document marked `status: ditetapkan` is archived at its first build after signing, in
``<its folder>/arsip/<file name>/<n>/``: the output files of that build, `arsip.json`
(the penetapan, the tool version, each file's SHA-256) and, under ``data/``, a copy of
the data it was printed from: its data file, the record files it saw (instansi, pejabat,
the regulation catalog) and its instansi's logo and template. Loading that copy gives the
document exactly as it was signed, so `sk-generator beda` can compare it with the data
now.

The archive lives beside the data, not in output/: output/ is derived and may be deleted
at any time, the archive is the record of what was signed and is kept (and backed up)
with the data. Each `arsip/` folder holds a note for staff (:data:`ARCHIVE_MARKER`),
which also makes `check`/`build` of a data folder skip the copies inside.

An archived version is never written again. A new penetapan of the same data file (a
revision recorded in `revisi:`, or a new nomor or tanggal) is archived beside it under
the next number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sk_generator.datafiles import ARCHIVE_MARKER
from sk_generator.load import CATALOG_FILE, Document, Loader
from sk_generator.model import Keputusan
from sk_generator.outputs import safe_name
from sk_generator.version import __version__

ARSIP = "arsip"
#: The data snapshot inside an archived version.
DATA = "data"
#: What an archived version holds, written last (a version without it is incomplete).
INFO = "arsip.json"

MARKER_TEXT = """\
Folder ini dibuat oleh sk-generator: arsip dokumen yang sudah ditetapkan
(`status: ditetapkan`). Untuk setiap dokumen ada satu folder bernomor per penetapan
(1, 2, ...), berisi berkas DOCX/PDF yang dibuat saat itu, arsip.json (sidik SHA-256
setiap berkas) dan di folder data/ salinan data yang dipakai untuk mencetaknya.

Jangan mengubah, memindahkan atau menghapus isinya: sk-generator build membandingkan
dokumen yang sudah ditetapkan dengan arsip ini dan menolak mencetaknya berbeda.
Simpan folder ini bersama data (cadangan, git). Lihat docs/panduan.md bagian 4.
"""


@dataclass(frozen=True)
class Penetapan:
    """What identifies one signing of a document: nomor, date and recorded revisions."""

    nomor: str
    tanggal: str
    revisi: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"nomor": self.nomor, "tanggal": self.tanggal, "revisi": list(self.revisi)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Penetapan:
        return cls(str(data["nomor"]), str(data["tanggal"]), tuple(map(str, data["revisi"])))


def ditetapkan(document: Document) -> bool:
    """Whether the document is signed (an SK's status; a standalone SOP's)."""
    return document.model.status == "ditetapkan"


def penetapan(document: Document) -> Penetapan:
    model = document.model
    day = model.tanggal if isinstance(model, Keputusan) else model.tanggal_efektif
    revisi = [d.isoformat() for entry in document.sops() for d in entry.sop.tanggal_revisi_semua()]
    return Penetapan(model.nomor or "", day.isoformat() if day else "", tuple(revisi))


def archive_base(document: Document) -> Path:
    """``<folder of the data file>/arsip/<file name without .yaml>``."""
    source = document.source.path
    return source.parent / ARSIP / safe_name(source.stem)


@dataclass(frozen=True)
class Versi:
    """One archived version of a document."""

    folder: Path
    #: None when arsip.json cannot be read (damaged): the version cannot be matched.
    penetapan: Penetapan | None
    #: The archived output files, by name, with their SHA-256.
    berkas: dict[str, str]
    #: The data file inside the snapshot, relative to its ``data/`` folder.
    sumber: str

    @property
    def data_file(self) -> Path:
        """The archived copy of the document's data file."""
        return self.folder / DATA / self.sumber

    def read_files(self) -> dict[str, bytes]:
        return {name: (self.folder / name).read_bytes() for name in self.berkas}

    def damaged(self) -> list[str]:
        """Archived files missing or no longer matching their SHA-256 in arsip.json."""
        return [
            name
            for name, digest in self.berkas.items()
            if not (self.folder / name).is_file()
            or hashlib.sha256((self.folder / name).read_bytes()).hexdigest() != digest
        ]


def versions(document: Document) -> list[Versi]:
    """The complete archived versions of `document`, oldest first."""
    base = archive_base(document)
    found: list[Versi] = []
    if not base.is_dir():
        return found
    for entry in base.iterdir():
        info = entry / INFO
        if not (entry.name.isdigit() and info.is_file()):
            continue
        found.append(_read_version(entry))
    return sorted(found, key=lambda v: int(v.folder.name))


def _read_version(folder: Path) -> Versi:
    try:
        data = json.loads((folder / INFO).read_text(encoding="utf-8"))
        return Versi(
            folder,
            Penetapan.from_json(data["penetapan"]),
            {str(k): str(v) for k, v in data["berkas"].items()},
            str(data["sumber"]),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        return Versi(folder, None, {}, "")


def find(document: Document) -> Versi | None:
    """The archived version of this penetapan of `document`, if there is one; a damaged
    version (unreadable arsip.json) is returned too, since it may be this penetapan."""
    wanted = penetapan(document)
    found = versions(document)
    return next((v for v in found if v.penetapan in (wanted, None)), None)


def load_archived(versi: Versi) -> Document | None:
    """The document as it was signed, from the archive's data snapshot (None when this
    version of the tool cannot read it)."""
    result = Loader().load([versi.data_file])
    if any(issue.is_error for issue in result.issues) or not result.documents:
        return None
    return result.documents[0]


def archive(document: Document, files: Sequence[tuple[str, bytes]]) -> Path:
    """Archive `files` and the data of `document` as a new version; returns its folder.

    Written into a hidden folder first and renamed into place, so a version is either
    complete or absent; a version is never overwritten.
    """
    base = archive_base(document)
    base.mkdir(parents=True, exist_ok=True)
    marker = base.parent / ARCHIVE_MARKER
    if not marker.is_file():
        marker.write_text(MARKER_TEXT, encoding="utf-8")
    numbers = [int(v.folder.name) for v in versions(document)]
    target = base / str(max(numbers, default=0) + 1)
    work = Path(tempfile.mkdtemp(prefix=".baru-", dir=base))
    try:
        for name, data in files:
            (work / name).write_bytes(data)
        sumber = _snapshot(document, work / DATA)
        info = {
            "dokumen": document.source.path.name,
            "sumber": sumber,
            "penetapan": penetapan(document).to_json(),
            "versi_program": __version__,
            "diarsipkan": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "berkas": {name: hashlib.sha256(data).hexdigest() for name, data in files},
        }
        text = json.dumps(info, ensure_ascii=False, indent=2) + "\n"
        (work / INFO).write_text(text, encoding="utf-8")
        os.rename(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return target


def _snapshot(document: Document, target: Path) -> str:
    """Copy the files `document` was printed from into `target`, keeping their layout
    from the data root; returns the data file's path inside `target`."""
    source = document.source.path.resolve()
    paths = {source, *(p.resolve() for p in document.records.files), *_instansi_files(document)}
    root = Path(os.path.commonpath([str(p.parent) for p in paths]))
    for path in paths:
        copy = target / path.relative_to(root)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, copy)
    if not (target / CATALOG_FILE).is_file():
        # The loader looks for records up to the first catalog: without one in the copy,
        # it would read the live record files above the archive.
        (target / CATALOG_FILE).write_text("regulasi: {}\n", encoding="utf-8")
    return source.relative_to(root).as_posix()


def _instansi_files(document: Document) -> list[Path]:
    """The logo and SK template named by the document's instansi, when they exist."""
    folder = document.instansi_folder
    named = [document.instansi.logo if document.has_logo else None]
    named.append(document.instansi.templat_keputusan)
    return [(folder / name).resolve() for name in named if name and (folder / name).is_file()]
