"""The words an SOP prints in its identity section and procedure table, per instansi.

PermenPANRB 35/2012 fixes the *structure* (which rows and columns there are, in which
order), not every word: agencies print "Aktivitas" for Kegiatan, "Ket." for Keterangan,
"Judul SOP" for Nama SOP, "Persyaratan/Kelengkapan" for Kelengkapan (domain.md). So an
instansi may rename a label, never add, drop or move one: every field here is one label of
that structure, unknown keys are refused (``extra="forbid"``) at their line, and a label
is non-empty text of at most `MAX_LABEL` characters.

The defaults are what the renderer printed before labels could be changed, so an instansi
without `label:` prints exactly as before.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from sk_generator.model.common import Model

#: The longest label accepted: a label is a heading, not a sentence.
MAX_LABEL = 40

LabelTeks = Annotated[str, StringConstraints(min_length=1, max_length=MAX_LABEL)]


def _label(default: str, where: str) -> LabelTeks:
    """A label field whose description names its place and its default."""
    value: LabelTeks = Field(default, description=f"{where}; bawaan: '{default}'")
    return value


class Label(Model):
    """Labels of the SOP identity section and procedure table (see the module docstring)."""

    nomor_sop: LabelTeks = _label("Nomor SOP", "Identitas SOP, baris nomor")
    tanggal_pembuatan: LabelTeks = _label("Tanggal Pembuatan", "Identitas SOP")
    tanggal_revisi: LabelTeks = _label("Tanggal Revisi", "Identitas SOP")
    tanggal_efektif: LabelTeks = _label("Tanggal Efektif", "Identitas SOP")
    disahkan_oleh: LabelTeks = _label("Disahkan oleh", "Identitas SOP")
    nama_sop: LabelTeks = _label("Nama SOP", "Identitas SOP, mis. 'Judul SOP'")
    dasar_hukum: LabelTeks = _label("Dasar Hukum", "Identitas SOP, kotak (titik dua ditambahkan)")
    kualifikasi_pelaksana: LabelTeks = _label("Kualifikasi Pelaksana", "Identitas SOP, kotak")
    keterkaitan: LabelTeks = _label("Keterkaitan", "Identitas SOP, kotak")
    peralatan_perlengkapan: LabelTeks = _label("Peralatan/Perlengkapan", "Identitas SOP, kotak")
    peringatan: LabelTeks = _label("Peringatan", "Identitas SOP, kotak")
    pencatatan_pendataan: LabelTeks = _label(
        "Pencatatan dan Pendataan", "Identitas SOP, kotak, mis. 'Pencatatan dan Pendaftaran'"
    )
    no: LabelTeks = _label("No.", "Tabel prosedur, kolom nomor")
    kegiatan: LabelTeks = _label("Kegiatan", "Tabel prosedur, mis. 'Aktivitas'")
    pelaksana: LabelTeks = _label("Pelaksana", "Tabel prosedur, judul kolom-kolom pelaksana")
    mutu_baku: LabelTeks = _label("Mutu Baku", "Tabel prosedur")
    kelengkapan: LabelTeks = _label(
        "Kelengkapan", "Tabel prosedur, Mutu Baku, mis. 'Persyaratan/Kelengkapan'"
    )
    waktu: LabelTeks = _label("Waktu", "Tabel prosedur, Mutu Baku")
    output: LabelTeks = _label("Output", "Tabel prosedur, Mutu Baku")
    keterangan: LabelTeks | None = Field(
        None,
        description="Tabel prosedur, kolom terakhir, mis. 'Ket.'; bawaan: 'Keterangan', "
        "atau 'Ket.' bila kolomnya sempit",
    )
    jumlah_waktu: LabelTeks = _label("Jumlah Waktu Penyelesaian", "Tabel prosedur, baris akhir")


__all__ = ["MAX_LABEL", "Label", "LabelTeks"]
