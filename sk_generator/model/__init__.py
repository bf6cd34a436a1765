"""Pure pydantic v2 models of the data files: no I/O, no formatting."""

from sk_generator.model.common import BULAN, BulanTahun, Nip, Tanggal, TanggalBulan, normalize_nip
from sk_generator.model.documents import (
    Catatan,
    Diktum,
    Keputusan,
    Langkah,
    Percabangan,
    Revisi,
    Rujukan,
    Sop,
)
from sk_generator.model.label import Label
from sk_generator.model.records import (
    GOLONGAN,
    Huruf,
    Instansi,
    InstansiFile,
    Lembaran,
    Masa,
    Pejabat,
    PejabatFile,
    Peraturan,
    RegulasiFile,
)

__all__ = [
    "BULAN",
    "GOLONGAN",
    "BulanTahun",
    "Catatan",
    "Diktum",
    "Huruf",
    "Instansi",
    "InstansiFile",
    "Keputusan",
    "Label",
    "Langkah",
    "Lembaran",
    "Masa",
    "Nip",
    "Pejabat",
    "PejabatFile",
    "Peraturan",
    "Percabangan",
    "RegulasiFile",
    "Revisi",
    "Rujukan",
    "Sop",
    "Tanggal",
    "TanggalBulan",
    "normalize_nip",
]
