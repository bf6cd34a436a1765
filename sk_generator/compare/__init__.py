"""`sk-generator beda`: what changed between two versions of the data, in document terms.

Two files, two folders, or a path and a git revision. Documents are paired by their path
inside the compared folder (or as the two files given); each pair is compared as printed
(:mod:`sk_generator.compare.dokumen`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sk_generator.compare.changes import Perubahan
from sk_generator.compare.dokumen import compare_documents
from sk_generator.compare.sources import Sisi, check_pair, git_version, load_side
from sk_generator.diagnostics import display_path
from sk_generator.load import Document
from sk_generator.model import Keputusan
from sk_generator.wording import tanggal

Status = Literal["berubah", "tetap", "baru", "dihapus"]


@dataclass(frozen=True)
class HasilDokumen:
    """One document's comparison; `lama` or `baru` is None for a new or removed one."""

    kunci: str
    lama: Document | None
    baru: Document | None
    perubahan: tuple[Perubahan, ...]

    @property
    def status(self) -> Status:
        if self.lama is None:
            return "baru"
        if self.baru is None:
            return "dihapus"
        return "berubah" if self.perubahan else "tetap"

    @property
    def document(self) -> Document:
        found = self.baru or self.lama
        assert found is not None
        return found

    @property
    def nama(self) -> str:
        """The file as staff name it: the new version's path, else the old one's key."""
        return display_path(self.baru.source.path) if self.baru else self.kunci

    @property
    def judul(self) -> str:
        """ "Keputusan Nomor 700/109/... tentang ..." or "SOP Pengumpulan Data Kinerja"."""
        return judul_dokumen(self.document)


def judul_dokumen(document: Document) -> str:
    model = document.model
    if isinstance(model, Keputusan):
        tentang = " ".join(model.tentang.split())
        return f"Keputusan Nomor {model.nomor} tanggal {tanggal(model.tanggal)} tentang {tentang}"
    return f"SOP {model.nama} Nomor {model.nomor}"


@dataclass(frozen=True)
class Laporan:
    """The comparison of two sides: one result per document, sorted by key."""

    lama: str
    baru: str
    dokumen: tuple[HasilDokumen, ...]

    @property
    def jumlah(self) -> int:
        return sum(len(d.perubahan) for d in self.dokumen)


def compare_sides(lama: Sisi, baru: Sisi) -> Laporan:
    keys = sorted(set(lama.documents) | set(baru.documents))
    results = []
    for key in keys:
        a, b = lama.documents.get(key), baru.documents.get(key)
        changes = compare_documents(a, b) if a is not None and b is not None else []
        results.append(HasilDokumen(key, a, b, tuple(changes)))
    return Laporan(lama.nama, baru.nama, tuple(results))


def daftar_perubahan(perubahan: Sequence[Perubahan]) -> list[str]:
    """The numbered lines `beda` prints for one document's changes ("  1. Bagian: a -> b")."""
    width = len(str(len(perubahan)))
    return [
        f"  {str(number).rjust(width)}. {item.teks()}"
        for number, item in enumerate(perubahan, start=1)
    ]


def _single(side: Sisi) -> Sisi:
    """Two files are one pair whatever their names: one shared key."""
    documents = {"": next(iter(side.documents.values()))} if side.documents else {}
    return Sisi(documents, side.nama)


def beda(lama: Path, baru: Path) -> Laporan:
    """Compare two data files or two folders (each with the records it sees)."""
    check_pair(lama, baru)
    side_a = load_side(lama, display_path(lama))
    side_b = load_side(baru, display_path(baru))
    if lama.is_file() and baru.is_file():
        side_a, side_b = _single(side_a), _single(side_b)
    return compare_sides(side_a, side_b)


def beda_sejak(path: Path, revisi: str) -> Laporan:
    """Compare `path` now with the same path at git revision `revisi`."""
    with git_version(path, revisi) as (old_path, shown):
        side_a = load_side(old_path, shown, shown=shown)
        side_b = load_side(path, display_path(path))
        if path.is_file():
            side_a, side_b = _single(side_a), _single(side_b)
        return compare_sides(side_a, side_b)


__all__ = [
    "HasilDokumen",
    "Laporan",
    "Perubahan",
    "beda",
    "beda_sejak",
    "daftar_perubahan",
    "judul_dokumen",
]
