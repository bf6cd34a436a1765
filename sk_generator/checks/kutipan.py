"""Citations as the legal-reference rules see them: each resolved against the catalog.

An inline citation (a regulation written out) is matched against the regulasi catalog:
the entry it is (same kind, number, year and region), or the entry it was most likely
meant to be (another year, another kind, nearly the same title). The hierarchy order of
UU 12/2011 Lampiran II is here too, for the order rule.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sk_generator.diagnostics import DataPath
from sk_generator.document import Document, Record
from sk_generator.model import Catatan, Peraturan

#: Kinds printed with the region or issuer; two of them with the same number and year are
#: different regulations when the region differs.
_REGIONAL = {"Perda Provinsi", "Pergub", "Perda Kabupaten/Kota", "Perbup/Perwali"}

#: Hierarchy (UU 12/2011 Pasal 7-8, domain.md): a lower number comes first in Mengingat.
#: Kinds domain.md does not place: Keppres and Inpres rank with Perpres (the President's
#: other instruments, listed before the ministers'), Kepmen with Permen, and a non-ministerial
#: agency's Peraturan/Keputusan (Badan, Lembaga, Kepala) with Permen too (UU 12/2011 Pasal 8
#: names them beside the ministers'); a Pergub follows the Perda Provinsi it implements and
#: precedes the kabupaten's own Perda. A Keputusan of
#: another official has no fixed place and is left out of the order check.
RANK: dict[str, int] = {
    "UUD": 0,
    "Tap MPR": 1,
    "UU": 2,
    "Perppu": 2,
    "PP": 3,
    "Perpres": 4,
    "Keppres": 4,
    "Inpres": 4,
    "Permen": 5,
    "Kepmen": 5,
    "Peraturan Badan": 5,
    "Peraturan Lembaga": 5,
    "Peraturan Kepala": 5,
    "Keputusan Kepala": 5,
    "Perda Provinsi": 6,
    "Pergub": 7,
    "Perda Kabupaten/Kota": 8,
    "Perbup/Perwali": 9,
}


@dataclass(frozen=True)
class Citation:
    """One legal reference of a document, resolved as far as the catalog allows."""

    #: Path of the item in the file (``("mengingat", 2)``).
    path: DataPath
    #: The list it belongs to ("mengingat", "memperhatikan", "dasar_hukum") and its group
    #: (the SK's Mengingat and Memperhatikan form one group; each SOP's Dasar Hukum another).
    list_name: str
    group: DataPath
    #: 0-based position in its list.
    index: int
    peraturan: Peraturan
    #: The catalog record it is (an id, or an inline citation equal to a catalog entry).
    record: Record[Peraturan] | None
    inline: bool

    @property
    def key(self) -> tuple[Any, ...]:
        """What makes two citations the same regulation: the catalog id, or for an inline
        one its kind, number, year and region."""
        if self.record is not None:
            return ("id", self.record.id)
        p = self.peraturan
        return ("inline", p.jenis, norm(p.nomor), p.tahun, norm(p.daerah))

    @property
    def where(self) -> str:
        """The item as a message names it: "mengingat butir 3"."""
        return f"{self.list_name} butir {self.index + 1}"


def citations(document: Document) -> Iterator[Citation]:
    """Every legal reference of `document`, catalog ids and inline ones, in file order.

    Built on :meth:`Document.citation_items` (the one enumeration, which the loader uses
    to report unknown ids): notes are skipped, ids missing from the catalog too (the
    loader reported them), and an inline citation equal to a catalog entry is that entry.
    """
    catalog = document.records.regulasi
    for item in document.citation_items():
        value = item.item
        if isinstance(value, Catatan):
            continue
        where = (item.path, item.list_name, item.group, item.index)
        if isinstance(value, str):
            record = catalog.get(value)
            if record is not None:
                yield Citation(*where, record.value, record, False)
            continue
        found = match(document, value)
        exact = found.record if found.kind == "sama" else None
        yield Citation(*where, value, exact, True)


# --- matching an inline citation against the catalog ------------------------------------


@dataclass(frozen=True)
class Match:
    """How an inline citation relates to the catalog.

    `kind`: ``sama`` (same jenis, nomor, tahun and region), ``tahun`` (same jenis and
    nomor, other year), ``jenis`` (same nomor and year, other kind), ``judul`` (another
    number but nearly the same title), ``tidak`` (nothing close).
    """

    kind: str
    record: Record[Peraturan] | None = None


def norm(text: str | None) -> str:
    """Compare text without case, repeated spaces, spaces before commas, end punctuation."""
    text = re.sub(r"\s+", " ", (text or "").casefold()).strip()
    text = re.sub(r"\s+([,;:.])", r"\1", text)
    return text.rstrip(" ;:.,")


def _same_region(a: Peraturan, b: Peraturan) -> bool:
    if a.jenis not in _REGIONAL:
        return True
    return norm(a.daerah) == norm(b.daerah)


def match(document: Document, p: Peraturan) -> Match:
    """The catalog entry an inline citation is, or most likely meant to be."""
    catalog = list(document.records.regulasi.values())
    nomor = norm(p.nomor)
    same = [
        r
        for r in catalog
        if r.value.jenis == p.jenis
        and norm(r.value.nomor) == nomor
        and r.value.tahun == p.tahun
        and _same_region(p, r.value)
    ]
    if same:
        return Match("sama", same[0])
    other_year = [
        r
        for r in catalog
        if r.value.jenis == p.jenis and norm(r.value.nomor) == nomor and _same_region(p, r.value)
    ]
    # Numbers repeat every year and across kinds: only a resembling title makes the
    # catalogued entry the one meant.
    best = _closest_title(p, other_year, cutoff=_SAME_NUMBER_TITLE)
    if best is not None:
        return Match("tahun", best)
    other_kind = [r for r in catalog if norm(r.value.nomor) == nomor and r.value.tahun == p.tahun]
    best = _closest_title(p, other_kind, cutoff=_SAME_NUMBER_TITLE)
    if best is not None:
        return Match("jenis", best)
    by_title = _closest_title(p, catalog, cutoff=0.85)
    if by_title is not None:
        return Match("judul", by_title)
    return Match("tidak")


#: How alike titles must be for a citation with the same number (another year or kind)
#: to be a mistyped catalog entry.
_SAME_NUMBER_TITLE = 0.6


def _closest_title(
    p: Peraturan, records: Sequence[Record[Peraturan]], cutoff: float
) -> Record[Peraturan] | None:
    best: Record[Peraturan] | None = None
    best_ratio = cutoff
    for record in records:
        ratio = difflib.SequenceMatcher(None, norm(p.tentang), norm(record.value.tentang)).ratio()
        if ratio >= best_ratio and (best is None or ratio > best_ratio):
            best, best_ratio = record, ratio
    return best


# --- hierarchy and chronology -------------------------------------------------------------


def _chronology(a: Peraturan, b: Peraturan) -> int:
    """-1 when `a` was issued before `b`, 1 when after, 0 when unknown or equal."""
    if a.tanggal and b.tanggal and a.tanggal != b.tanggal:
        return -1 if a.tanggal < b.tanggal else 1
    if a.tahun != b.tahun:
        return -1 if a.tahun < b.tahun else 1
    if a.jenis == b.jenis and (a.nomor or "").isdigit() and (b.nomor or "").isdigit():
        na, nb = int(a.nomor or 0), int(b.nomor or 0)
        if na != nb:
            return -1 if na < nb else 1
    return 0


def must_precede(a: Peraturan, b: Peraturan) -> bool:
    """Whether `a` must be listed before `b` (hierarchy first, then chronology)."""
    ra, rb = RANK.get(a.jenis), RANK.get(b.jenis)
    if ra is None or rb is None:
        return False
    if ra != rb:
        return ra < rb
    return _chronology(a, b) < 0
