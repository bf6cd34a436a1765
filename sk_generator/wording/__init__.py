"""Indonesian wording: how numbers, dates, NIP, officials and regulations are written.

The layer just above :mod:`sk_generator.model`: pure functions from model values to the
words printed in the documents and used in check messages. Checks, render, build and the
CLI all word things through here, so a date or a citation reads the same everywhere.
Nothing here reads files or knows about loaded documents.
"""

from __future__ import annotations

from sk_generator.wording.bilangan import diktum_ordinal, huruf, romawi
from sk_generator.wording.judul import title_case
from sk_generator.wording.pejabat import (
    jabatan_penetap,
    jabatan_ttd,
    jabatan_with_status,
    nama_gelar,
    nip,
    pangkat_golongan,
    pecah_daerah,
)
from sk_generator.wording.sitasi import (
    JENIS_NAMA,
    jenis_nama,
    nama_peraturan,
    sitasi,
    sitasi_tunggal,
)
from sk_generator.wording.tanggal import tanggal

__all__ = [
    "JENIS_NAMA",
    "diktum_ordinal",
    "huruf",
    "jabatan_penetap",
    "jabatan_ttd",
    "jabatan_with_status",
    "jenis_nama",
    "nama_gelar",
    "nama_peraturan",
    "nip",
    "pangkat_golongan",
    "pecah_daerah",
    "romawi",
    "sitasi",
    "sitasi_tunggal",
    "tanggal",
    "title_case",
]
