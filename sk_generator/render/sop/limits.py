"""Texts too long for the one page they must share: which field, and where it is written.

Some parts of an SOP are printed whole on one page: the Lampiran heading (exact-height
rows at the top of the lampiran's first page), the title block with the top rows of the
identity table (the instansi block spans them), the procedure table's title line with the
table header and the first step, and the last step with the Jumlah Waktu row, the
Riwayat Revisi table and the closing signature. A text long enough to push such a part
past a page cannot be laid out, and LibreOffice would silently break it elsewhere
(the page count then differs from the prediction, and the build would look like a
LibreOffice failure). It is the data's problem instead: :class:`TooLong` names the
field, and :func:`too_long_issue` locates it in the file that holds it (the SK, the SOP,
instansi.yaml or pejabat.yaml) with the way out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sk_generator.diagnostics import DataPath, Issue
from sk_generator.document import Document, Record, SopEntry
from sk_generator.model import Keputusan
from sk_generator.render.flowchart import LayoutError
from sk_generator.yaml_source import Source

#: Where each kind of part is printed (completes "... tidak muat dalam satu halaman").
HEADING = "kepala Lampiran (di atas halaman pertama lampiran)"
IDENTITY = "judul SOP dan bagian atas tabel identitas (nomor, tanggal, pengesah, nama SOP)"
PROCEDURE_TITLE = "judul tabel prosedur (\u201cSOP : NAMA SOP\u201d) dengan kepala tabel"
LAST_PAGE = "halaman terakhir tabel prosedur (langkah terakhir, Jumlah Waktu, penutup)"

#: Where a text is written: its file, its path there, and the text as typed.
_Place = tuple[Source, DataPath, str]


class TooLong(LayoutError):
    """The text of `field` makes `place` taller than a page.

    Fields: ``tentang``, ``nomor``, ``penetap`` (the heading's KEPUTUSAN ... line),
    ``judul``, ``nama``, ``disahkan`` (the signer in the identity table), ``instansi``
    (the block with the logo), ``penutup`` (the lampiran's closing signer), ``revisi``.
    """

    def __init__(self, field: str, place: str) -> None:
        super().__init__(f"{field}: {place} tidak muat dalam satu halaman")
        self.field = field
        self.place = place


def tallest(candidates: Sequence[tuple[str, int]]) -> str:
    """The field of the tallest (height, in any unit) of `candidates`: the one to shorten."""
    return max(candidates, key=lambda pair: pair[1])[0]


def too_long_issue(document: Document, entry: SopEntry, exc: TooLong, paper: str) -> Issue:
    """The located TATA-LETAK issue for `exc`, in the file where the text is written."""
    source, path, text = _where(document, entry, exc.field)
    count = f"{len(text):,}".replace(",", ".")
    message = (
        f"teks ini terlalu panjang ({count} karakter): {exc.place} tidak muat dalam satu "
        f"halaman (kertas {paper} melintang); pendekkan teks ini"
    )
    return source.issue(path, "TATA-LETAK", message)


def _where(document: Document, entry: SopEntry, field: str) -> _Place:
    """(source, path, printed text) of `field` for the SOP of `entry`."""
    model, sop, prefix = document.model, entry.sop, entry.prefix
    own = document.source
    if field == "tentang" and isinstance(model, Keputusan):
        return own, ("tentang",), model.tentang
    if field == "nomor":
        in_sk = isinstance(model, Keputusan) and not _written(document, (*prefix, "nomor"))
        return own, ("nomor",) if in_sk else (*prefix, "nomor"), sop.nomor or ""
    if field == "penetap" and isinstance(model, Keputusan) and model.jabatan_penetap:
        return own, ("jabatan_penetap",), model.jabatan_penetap
    if field in ("penetap", "instansi", "judul") and not (field == "judul" and sop.judul):
        record = document.records.instansi[document.instansi_id]
        keys = ("judul_sop",) if field == "judul" else ("pemerintah", "nama")
        return _longest(record, keys)
    if field == "judul":
        return own, (*prefix, "judul"), " ".join(sop.judul or [])
    if field in ("disahkan", "penutup"):
        signer = sop.disahkan_oleh if field == "disahkan" else _closing_signer(document)
        assert signer is not None  # resolve() reports an SOP without one
        return _longest(document.records.pejabat[signer], ("jabatan", "nama", "pangkat"))
    if field == "revisi":
        return own, (*prefix, "revisi"), " ".join(r.uraian for r in sop.revisi)
    return own, (*prefix, "nama"), sop.nama


def _written(document: Document, path: DataPath) -> bool:
    """Whether `path` is written in the document's own file (not inherited)."""
    return tuple(path) in document.source.values


def _closing_signer(document: Document) -> str | None:
    model = document.model
    return model.penandatangan if isinstance(model, Keputusan) else model.disahkan_oleh


def _longest(record: Record[Any], keys: Sequence[str]) -> _Place:
    """(source, path, text) of the longest of the record's `keys` (a list joined)."""
    values = {}
    for key in keys:
        value = getattr(record.value, key) or ""
        values[key] = " ".join(value) if isinstance(value, list) else str(value)
    key = max(keys, key=lambda k: len(values[k]))
    return record.source, (*record.path, key), values[key]


__all__ = [
    "HEADING",
    "IDENTITY",
    "LAST_PAGE",
    "PROCEDURE_TITLE",
    "TooLong",
    "tallest",
    "too_long_issue",
]
