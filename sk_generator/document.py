"""A loaded document and the shared records it refers to (what :mod:`load` produces).

Every later stage (checks, render, build) reads a :class:`Document`: the validated model
with its instansi, pejabat and regulasi records resolved by id, and each SOP with the
values it inherits from its SK. The legal references of a document are enumerated here
once (:meth:`Document.citation_items`) for the loader's id check and the citation rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from sk_generator.diagnostics import DataPath
from sk_generator.logo import logo_problem
from sk_generator.model import Catatan, Instansi, Keputusan, Pejabat, Peraturan, Sop
from sk_generator.wording.isian import is_placeholder
from sk_generator.yaml_source import Source

T = TypeVar("T")


@dataclass(frozen=True)
class Record(Generic[T]):
    """A shared record and where it is defined (to report problems in the record itself)."""

    id: str
    value: T
    source: Source
    path: DataPath


@dataclass
class Records:
    """The records visible from one folder, by id."""

    instansi: dict[str, Record[Instansi]] = field(default_factory=dict)
    pejabat: dict[str, Record[Pejabat]] = field(default_factory=dict)
    regulasi: dict[str, Record[Peraturan]] = field(default_factory=dict)
    #: Record files read, nearest first (shown when an id is not found).
    files: list[Path] = field(default_factory=list)
    #: Ids of records that failed validation, by kind ("pejabat"): already reported in
    #: their own file, so a document citing one gets no follow-on "not found" error.
    failed: dict[str, set[str]] = field(default_factory=dict)

    def amendments(self, peraturan: Peraturan) -> list[Peraturan]:
        """The catalog's regulations that amended `peraturan`, in its `diubah_dengan` order
        (what :func:`sk_generator.wording.sitasi.sitasi` cites after it)."""
        return [self.regulasi[i].value for i in peraturan.diubah_dengan if i in self.regulasi]


@dataclass(frozen=True)
class SopEntry:
    """An SOP as rendered and checked: inherited values from the SK already filled in.

    `prefix` is the SOP's path inside the file (``("lampiran", 0)`` or ``()``) so that an
    issue about ``langkah[3]`` is located in the right place; `index` numbers lampiran.
    """

    sop: Sop
    prefix: DataPath
    index: int


@dataclass(frozen=True)
class CitationItem:
    """One item of a legal-reference list, as written in the file (id, inline or note)."""

    #: Path of the item in the file (``("mengingat", 2)``).
    path: DataPath
    #: The list it belongs to: "mengingat", "memperhatikan" or "dasar_hukum".
    list_name: str
    #: The SK's Mengingat and Memperhatikan form one group (``("keputusan",)``); each
    #: SOP's Dasar Hukum another (its own path).
    group: DataPath
    #: 0-based position in its list.
    index: int
    item: str | Peraturan | Catatan


@dataclass
class Document:
    """A validated SK or standalone SOP with its records."""

    source: Source
    model: Keputusan | Sop
    records: Records
    #: Position in the file of each lampiran in `model.lampiran` (a lampiran that failed
    #: validation is left out of the model; the others keep their place in messages).
    lampiran_index: list[int] = field(default_factory=list)
    #: Cites a record that failed validation: reported there; rules are not run.
    incomplete: bool = False

    @property
    def is_keputusan(self) -> bool:
        return isinstance(self.model, Keputusan)

    @property
    def instansi(self) -> Instansi:
        return self.records.instansi[self.instansi_id].value

    @property
    def instansi_id(self) -> str:
        model = self.model
        assert model.instansi is not None  # guaranteed by resolve()
        return model.instansi

    @property
    def instansi_folder(self) -> Path:
        """Folder of the instansi record (its logo path is relative to it)."""
        return self.records.instansi[self.instansi_id].source.path.parent

    @property
    def has_logo(self) -> bool:
        """Whether the instansi names a logo file (not yet: no `logo:`, or only a
        placeholder such as "[LOGO DAERAH]"); without one the kop prints a stand-in."""
        return not is_placeholder(self.instansi.logo) and bool(self.instansi.logo)

    def missing_logo(self) -> tuple[Record[Instansi], str] | None:
        """The instansi record and the problem when its `logo:` names no usable file (the
        logo is looked up beside instansi.yaml; see :func:`sk_generator.logo.logo_problem`);
        None when there is no logo or it can be printed.

        `check` reports it (INSTANSI-LOGO) and rendering refuses it, with this message.
        """
        logo = self.instansi.logo
        if not logo or not self.has_logo:
            return None
        message = logo_problem(self.instansi_folder / logo, logo)
        if message is None:
            return None
        return self.records.instansi[self.instansi_id], message

    def pejabat(self, pejabat_id: str, pada: dt.date | None = None) -> Pejabat:
        """The official as on `pada` (default: the document's date): a record with
        `menjabat` periods prints the jabatan and Plh./Plt. of the period covering it, so
        an old SK keeps the office its signer held then (see Pejabat.pada)."""
        record = self.records.pejabat[pejabat_id].value
        model = self.model
        when = pada or (model.tanggal if isinstance(model, Keputusan) else model.tanggal_efektif)
        return record.pada(when) if record.menjabat and when else record

    def peraturan(self, rujukan: str | Peraturan) -> Peraturan:
        """The regulation a citation means: the catalog entry for an id, or the inline one."""
        if isinstance(rujukan, str):
            return self.records.regulasi[rujukan].value
        return rujukan

    def sops(self) -> list[SopEntry]:
        """The SOPs of this document: the lampiran of an SK, or the standalone SOP."""
        model = self.model
        if isinstance(model, Sop):
            return [SopEntry(model, (), 0)]
        entries = []
        for index, sop in enumerate(model.lampiran):
            inherited: dict[str, Any] = {
                "instansi": sop.instansi or model.instansi,
                "nomor": sop.nomor or model.nomor,
                "tanggal_efektif": sop.tanggal_efektif or model.tanggal,
                "disahkan_oleh": sop.disahkan_oleh or model.penandatangan,
                "kertas": sop.kertas or model.kertas,
            }
            position = self.lampiran_index[index] if self.lampiran_index else index
            prefix: DataPath = ("lampiran", position)
            entries.append(SopEntry(sop.model_copy(update=inherited), prefix, index))
        return entries

    def citation_items(self) -> Iterator[CitationItem]:
        """Every item of Mengingat, Memperhatikan and each SOP's Dasar Hukum, in file order."""
        model = self.model
        if isinstance(model, Keputusan):
            for name in ("mengingat", "memperhatikan"):
                for index, item in enumerate(getattr(model, name)):
                    yield CitationItem((name, index), name, ("keputusan",), index, item)
        for entry in self.sops():
            path = (*entry.prefix, "dasar_hukum")
            for index, item in enumerate(entry.sop.dasar_hukum):
                yield CitationItem((*path, index), "dasar_hukum", path, index, item)

    def kertas(self, sop: Sop | None = None) -> str:
        """Paper of the SK (`sop` None) or of one of :meth:`sops`: the document's own, else
        its instansi's (a lampiran follows the SK unless it names its own)."""
        own = self.model.kertas if sop is None else sop.kertas
        if own is not None:
            return own
        instansi_id = (sop.instansi if sop is not None else None) or self.instansi_id
        return self.records.instansi[instansi_id].value.kertas

    def jam_kerja_per_hari(self, sop: Sop) -> float | None:
        """The working-day length for `sop`: its own, else its instansi's (a lampiran's
        instansi is the SK's unless it names another)."""
        if sop.jam_kerja_per_hari is not None:
            return sop.jam_kerja_per_hari
        instansi_id = sop.instansi or self.instansi_id
        return self.records.instansi[instansi_id].value.jam_kerja_per_hari
