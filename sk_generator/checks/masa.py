"""Time in office: a document is signed by someone who held the office on its date.

Officials change (a new Kepala Dinas, a Plh. for a few weeks). A pejabat record may list
its `menjabat` periods; an SK or SOP dated outside every period of its signer was either
given the wrong signer or the record was edited for a successor, which would reprint an
old document with a person who never signed it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sk_generator.checks.registry import Finding, rule
from sk_generator.diagnostics import DataPath, Severity
from sk_generator.document import Document
from sk_generator.model import Keputusan, Pejabat
from sk_generator.wording import nama_gelar, tanggal


def masa_teks(pejabat: Pejabat) -> str:
    """The periods as staff read them: "1 Januari 2020 s.d. 30 Juni 2024, sejak 1 Agustus 2024"."""
    parts = []
    for masa in pejabat.menjabat:
        if masa.sampai is None:
            parts.append(f"sejak {tanggal(masa.dari)}")
        else:
            parts.append(f"{tanggal(masa.dari)} s.d. {tanggal(masa.sampai)}")
    return ", ".join(parts)


def _outside(
    document: Document, pejabat_id: str, when: dt.date, what: str, path: DataPath
) -> Iterator[Finding]:
    record = document.records.pejabat[pejabat_id]
    pejabat = record.value
    if not pejabat.menjabat or pejabat.masa_pada(when) is not None:
        return
    line = record.source.locate((*record.path, "menjabat"))[0]
    yield (
        path,
        f"{what} bertanggal {tanggal(when)}, tetapi penandatangannya '{pejabat_id}' "
        f"({nama_gelar(pejabat)}) menjabat {masa_teks(pejabat)} "
        f"({record.source.path.name} baris {line}); pilih pejabat yang menjabat pada tanggal "
        "itu, atau "
        "perbaiki masa jabatannya",
    )


@rule(
    "PEJABAT-MASA",
    Severity.ERROR,
    "Dokumen ditandatangani pejabat yang menjabat pada tanggalnya",
    scope="dokumen",
    penjelasan=(
        "Dokumen yang sudah ditandatangani adalah arsip: mencetaknya ulang harus menghasilkan "
        "nama yang sama. Bila `pejabat.yaml` mencatat masa jabatan (`menjabat:` dengan `dari` "
        "dan `sampai`), tanggal SK atau tanggal efektif SOP harus berada di dalam masa jabatan "
        "penandatangannya. Pergantian pejabat dicatat dengan menambah pejabat baru (atau masa "
        "baru), bukan dengan mengubah nama pejabat lama."
    ),
    wrong="""
pejabat:
  kadis-baru:
    nama: BUDI
    menjabat:
      - dari: 2024-08-01
# SK: tanggal: 2024-07-15, penandatangan: kadis-baru
""",
    right="""
pejabat:
  kadis-lama:
    nama: SUBENDI
    menjabat:
      - dari: 2020-01-02
        sampai: 2024-07-31
# SK: tanggal: 2024-07-15, penandatangan: kadis-lama
""",
)
def signer_in_office(document: Document) -> Iterator[Finding]:
    """The SK's signer on the SK's date; a standalone SOP's approver on its tanggal
    efektif; a lampiran's approver only when the lampiran names its own approver or date
    (otherwise the SK's check covers it)."""
    model = document.model
    if isinstance(model, Keputusan):
        yield from _outside(document, model.penandatangan, model.tanggal, "SK", ("tanggal",))
    for entry in document.sops():
        sop = entry.sop
        if sop.disahkan_oleh is None or sop.tanggal_efektif is None:
            continue
        if entry.prefix:
            own = model.lampiran[entry.index] if isinstance(model, Keputusan) else sop
            if own.disahkan_oleh is None and own.tanggal_efektif is None:
                continue
            what = f"SOP lampiran {entry.index + 1}"
        else:
            what = "SOP"
        where = (*entry.prefix, "tanggal_efektif")
        yield from _outside(document, sop.disahkan_oleh, sop.tanggal_efektif, what, where)
