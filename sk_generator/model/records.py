"""Shared records, written once and referenced by id: instansi, pejabat, regulasi.

Each lives in its own file (`instansi.yaml`, `pejabat.yaml`, `regulasi.yaml`) as a mapping
from id to record, so a new Kepala Dinas is one edit that every document follows.
"""

from __future__ import annotations

import datetime as dt
import typing
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from sk_generator.model.common import Id, Model, Nip, Tanggal, Teks
from sk_generator.model.kertas import Kertas
from sk_generator.model.label import Label

Golongan = Literal[
    "I/a",
    "I/b",
    "I/c",
    "I/d",
    "II/a",
    "II/b",
    "II/c",
    "II/d",
    "III/a",
    "III/b",
    "III/c",
    "III/d",
    "IV/a",
    "IV/b",
    "IV/c",
    "IV/d",
    "IV/e",
]
#: Every golongan ruang, lowest first (the order matters to the pangkat table).
GOLONGAN: tuple[str, ...] = typing.get_args(Golongan)


class Huruf(Model):
    """Typeface of the printed documents."""

    nama: Teks = Field("Arial", description="Nama huruf, mis. Arial atau Bookman Old Style")
    ukuran: float = Field(12, ge=8, le=16, description="Ukuran huruf dalam poin (pt)")


class Instansi(Model):
    """The agency that issues the documents: its kop (letterhead) and printing defaults."""

    pemerintah: Teks = Field(
        description="Baris pertama kop: pemerintah daerah, kementerian atau lembaga, mis. "
        "PEMERINTAH KABUPATEN SINTANG atau KEMENTERIAN SOSIAL (dicetak kapital)"
    )
    nama: Teks = Field(
        description="Nama dinas atau unit pada kop, mis. DINAS TENAGA KERJA DAN TRANSMIGRASI "
        "atau DEPUTI BIDANG PELAYANAN PUBLIK (dicetak kapital)"
    )
    sub_unit: list[Teks] = Field(
        default_factory=list,
        description="Baris kop di bawah nama dinas/unit, satu baris masing-masing, dicetak "
        "persis seperti ditulis: sub-unit (bidang, direktorat, UPT), mis. [DIREKTORAT "
        "PELAYANAN, SUBDIREKTORAT ADMINISTRASI]; kosong = tanpa baris tambahan",
    )
    daerah: Teks = Field(
        description="Daerah yang mengikuti nama dinas dalam judul, mis. Kabupaten Sintang"
    )
    alamat: Teks = Field(description="Alamat kantor pada kop")
    telepon: str | None = Field(None, description="Nomor telepon, mis. (0565) 23182")
    faks: str | None = Field(None, description="Nomor faksimile")
    email: str | None = Field(None, description="Alamat surel")
    laman: str | None = Field(None, description="Alamat situs web")
    kode_pos: str | None = Field(None, description="Kode pos")
    kota: Teks = Field(description="Tempat penetapan ('Ditetapkan di'), mis. Sintang")
    logo: str | None = Field(
        None, description="Berkas logo (PNG/JPG) relatif terhadap berkas instansi.yaml"
    )
    templat_keputusan: str | None = Field(
        None,
        description="Templat SK milik instansi ini (DOCX docxtpl, salinan "
        "templates/sk/keputusan.docx yang gayanya diubah di Word), relatif terhadap berkas "
        "instansi.yaml; kosong = templat bawaan",
    )
    judul_sop: list[Teks] = Field(
        default_factory=list,
        description=(
            "Baris judul di atas identitas setiap SOP, mis. [PROSEDUR BAKU PELAKSANAAN "
            "KEGIATAN, STANDAR OPERASIONAL PROSEDUR (SOP)]; nama SOP dicetak sebagai baris "
            "terakhir; kosong: tanpa judul"
        ),
    )
    label: Label = Field(
        default_factory=Label,
        description="Label identitas dan tabel prosedur SOP yang ditulis lain oleh instansi "
        "ini, mis. {kegiatan: Aktivitas, keterangan: Ket., nama_sop: Judul SOP}; hanya "
        "label yang ada dalam susunan PermenPANRB 35/2012; yang tidak diisi memakai bawaan",
    )
    kertas: Kertas = Field(
        "F4",
        description="Ukuran kertas bawaan: F4 (215 x 330 mm), A4, Legal, Letter, atau ukuran "
        "sendiri dalam milimeter, mis. '210 x 330 mm'",
    )
    huruf: Huruf = Field(default_factory=Huruf, description="Huruf bawaan dokumen")
    jam_kerja_per_hari: float | None = Field(
        None,
        gt=0,
        le=24,
        description="Lama satu hari kerja dalam jam (mis. 7.5 menurut Perpres 21/2023); "
        "bila diisi, jam dalam Jumlah Waktu dibulatkan ke hari",
    )


StatusJabatan = Literal["definitif", "Plh.", "Plt."]


class Masa(Model):
    """A period in office: from when to when the official held a jabatan (and how).

    An official who is Sekretaris and for three weeks Plh. Kepala Dinas has two periods;
    the one covering a document's date says what its signature block prints.
    """

    dari: Tanggal = Field(description="Mulai menjabat (tanggal pelantikan atau surat perintah)")
    sampai: Tanggal | None = Field(
        None, description="Akhir masa jabatan (tanggal terakhir); kosong = masih menjabat"
    )
    jabatan: str | None = Field(
        None, description="Jabatan selama masa ini; kosong = `jabatan` pejabat ini"
    )
    status: StatusJabatan | None = Field(
        None, description="'Plh.' atau 'Plt.' selama masa ini; kosong = `status` pejabat ini"
    )
    pangkat: str | None = Field(
        None,
        description="Pangkat selama masa ini (kenaikan pangkat: masa baru); kosong = "
        "`pangkat` pejabat ini",
    )
    golongan: Golongan | None = Field(
        None, description="Golongan ruang selama masa ini; kosong = `golongan` pejabat ini"
    )

    @model_validator(mode="after")
    def _ordered(self) -> Masa:
        if self.sampai is not None and self.sampai < self.dari:
            raise ValueError(
                f"`sampai` ({self.sampai.isoformat()}) sebelum `dari` ({self.dari.isoformat()}); "
                "tukar kedua tanggal atau perbaiki salah satunya"
            )
        return self

    def meliputi(self, tanggal: dt.date) -> bool:
        """Whether `tanggal` falls within this period (both ends included)."""
        return self.dari <= tanggal and (self.sampai is None or tanggal <= self.sampai)


class Pejabat(Model):
    """An official who signs or approves; referenced by id from documents."""

    nama: Teks = Field(description="Nama tanpa gelar, mis. SUBENDI")
    gelar_depan: str | None = Field(None, description="Gelar di depan nama, mis. Drs.")
    gelar_belakang: str | None = Field(None, description="Gelar di belakang nama, mis. M.Si")
    jabatan: Teks = Field(
        description="Jabatan lengkap, mis. Kepala Dinas Tenaga Kerja dan Transmigrasi "
        "Kabupaten Sintang"
    )
    pangkat: str | None = Field(None, description="Pangkat, mis. Pembina Tingkat I")
    golongan: Golongan | None = Field(None, description="Golongan ruang, mis. IV/b")
    nip: Nip | None = Field(None, description="NIP 18 angka (boleh dengan spasi atau titik)")
    status: StatusJabatan = Field(
        "definitif",
        description="'Plh.' (Pelaksana Harian) atau 'Plt.' (Pelaksana Tugas) bila menjabat "
        "sementara; dicetak di depan jabatan pada tanda tangan",
    )
    menjabat: list[Masa] = Field(
        default_factory=list,
        description="Masa jabatan (dari, sampai, jabatan, status, pangkat, golongan); kosong = "
        "tidak diperiksa. "
        "Dokumen yang bertanggal di luar masa ini ditolak oleh pemeriksaan PEJABAT-MASA",
    )

    def masa_pada(self, tanggal: dt.date) -> Masa | None:
        """The period covering `tanggal` (the last listed wins when periods overlap)."""
        found = [masa for masa in self.menjabat if masa.meliputi(tanggal)]
        return found[-1] if found else None

    def pada(self, tanggal: dt.date) -> Pejabat:
        """This official as on `tanggal`: the jabatan, status, pangkat and golongan of the
        period covering it (a promotion does not reprint older documents).

        Without periods, or outside every period (a check reports that), the record as
        written.
        """
        masa = self.masa_pada(tanggal)
        if masa is None:
            return self
        fields = ("jabatan", "status", "pangkat", "golongan")
        update = {name: getattr(masa, name) for name in fields if getattr(masa, name)}
        return self.model_copy(update=update) if update else self


JenisPeraturan = Literal[
    "UUD",
    "Tap MPR",
    "UU",
    "Perppu",
    "PP",
    "Perpres",
    "Inpres",
    "Keppres",
    "Permen",
    "Kepmen",
    "Peraturan Badan",
    "Peraturan Lembaga",
    "Peraturan Kepala",
    "Keputusan Kepala",
    "Perda Provinsi",
    "Pergub",
    "Perda Kabupaten/Kota",
    "Perbup/Perwali",
    "Keputusan",
]


class Lembaran(Model):
    """A publication record: Lembaran Negara/Daerah or Berita Negara/Daerah, year and number."""

    tahun: int = Field(description="Tahun terbit lembaran")
    nomor: Teks = Field(description="Nomor lembaran")


#: Kinds of regulation that must name their region (`daerah`) or their issuer (`penerbit`).
REGIONAL: tuple[str, ...] = ("Perda Provinsi", "Pergub", "Perda Kabupaten/Kota", "Perbup/Perwali")
#: Non-ministerial agencies' kinds (Peraturan Badan/Lembaga, of their Kepala) name the agency
#: in `penerbit` in full, e.g. "Badan Nasional Pencarian dan Pertolongan".
AGENCY: tuple[str, ...] = (
    "Peraturan Badan",
    "Peraturan Lembaga",
    "Peraturan Kepala",
    "Keputusan Kepala",
)
ISSUED: tuple[str, ...] = ("Permen", "Kepmen", "Keputusan", *AGENCY)

#: The same requirements as `Peraturan._needs_fields`, for editors (JSON Schema).
_NEEDS_FIELDS_SCHEMA: dict[str, Any] = {
    "allOf": [
        {
            "if": {"properties": {"jenis": {"not": {"const": "UUD"}}}},
            "then": {"required": ["nomor"], "properties": {"nomor": {"minLength": 1}}},
        },
        {
            "if": {"properties": {"jenis": {"enum": list(REGIONAL)}}},
            "then": {"required": ["daerah"], "properties": {"daerah": {"minLength": 1}}},
        },
        {
            "if": {"properties": {"jenis": {"enum": list(ISSUED)}}},
            "then": {"required": ["penerbit"], "properties": {"penerbit": {"minLength": 1}}},
        },
    ]
}


class Peraturan(Model):
    """A legal instrument, as cited in Mengingat or Dasar Hukum."""

    model_config = ConfigDict(json_schema_extra=_NEEDS_FIELDS_SCHEMA)

    jenis: JenisPeraturan = Field(
        description="Jenis peraturan, mis. UU, PP, Perpres, Permen; untuk lembaga pemerintah "
        "nonkementerian: Peraturan Badan, Peraturan Lembaga, Peraturan Kepala, Keputusan Kepala"
    )
    nomor: str | None = Field(None, description="Nomor peraturan (kosong hanya untuk UUD 1945)")
    tahun: int = Field(ge=1945, le=2100, description="Tahun peraturan")
    tentang: Teks = Field(description="Judul peraturan setelah kata 'tentang'")
    penerbit: str | None = Field(
        None,
        description="Untuk Permen/Kepmen/Keputusan: kementerian atau pejabat, mis. "
        "'Pendayagunaan Aparatur Negara dan Reformasi Birokrasi'; untuk Peraturan Badan/"
        "Lembaga/Kepala dan Keputusan Kepala: nama lengkap badan atau lembaganya, mis. "
        "'Badan Nasional Pencarian dan Pertolongan'",
    )
    daerah: str | None = Field(
        None,
        description="Untuk peraturan daerah: daerahnya, mis. 'Kabupaten Sintang' atau "
        "'Provinsi Kalimantan Barat'; untuk Perbup/Perwali 'Bupati Sintang'",
    )
    lembaran: Lembaran | None = Field(
        None, description="Lembaran Negara/Daerah (tahun, nomor) tempat diundangkan"
    )
    tambahan_lembaran: str | None = Field(None, description="Nomor Tambahan Lembaran Negara/Daerah")
    berita: Lembaran | None = Field(
        None, description="Berita Negara/Daerah (tahun, nomor), untuk Permen dan Perbup"
    )
    diubah_dengan: list[Id] = Field(
        default_factory=list,
        description="Id peraturan yang mengubahnya, urut dari yang pertama sampai terakhir",
    )
    dicabut_oleh: Id | None = Field(
        None, description="Id peraturan yang mencabut atau menggantinya"
    )
    tanggal: Tanggal | None = Field(None, description="Tanggal penetapan (pilihan)")

    @model_validator(mode="after")
    def _needs_fields(self) -> Peraturan:
        if self.jenis != "UUD" and not self.nomor:
            raise ValueError(f"{self.jenis} harus punya nomor; isi `nomor:`")
        if self.jenis in REGIONAL and not self.daerah:
            raise ValueError(
                f"{self.jenis} harus menyebut daerahnya; isi `daerah:` (mis. Kabupaten Sintang "
                "atau Bupati Sintang)"
            )
        if self.jenis in ISSUED and not self.penerbit:
            raise ValueError(
                f"{self.jenis} harus menyebut penerbitnya; isi `penerbit:` (mis. Pendayagunaan "
                "Aparatur Negara dan Reformasi Birokrasi)"
            )
        return self


class InstansiFile(Model):
    """Contents of `instansi.yaml`: one or more agencies by id."""

    instansi: dict[Id, Instansi] = Field(description="Daftar instansi menurut id")


class PejabatFile(Model):
    """Contents of `pejabat.yaml`: officials by id."""

    pejabat: dict[Id, Pejabat] = Field(description="Daftar pejabat menurut id")


class RegulasiFile(Model):
    """Contents of `regulasi.yaml`: the catalog of regulations by id."""

    regulasi: dict[Id, Peraturan] = Field(description="Katalog peraturan menurut id")
