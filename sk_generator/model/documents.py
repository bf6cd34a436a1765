"""The two documents staff write: the Keputusan (SK) with its lampiran, and the SOP AP.

Field names are the documents' own words (menimbang, mengingat, diktum, langkah,
pelaksana). Shared records are referenced by id; a lampiran SOP may leave out what it
inherits from its SK (instansi, nomor, tanggal efektif, disahkan oleh), so nothing is typed
twice and nothing can disagree.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Discriminator, Field, Tag, ValidationInfo, field_validator

from sk_generator.model.common import Id, Model, Tanggal, TanggalBulan, Teks
from sk_generator.model.kertas import Kertas
from sk_generator.model.records import Peraturan


def _citation_kind(value: Any) -> str:
    return "id" if isinstance(value, str) else "inline"


#: A legal reference: a catalog id (``uu-23-2014``) or the regulation written out inline.
Rujukan = Annotated[
    Annotated[Id, Tag("id")] | Annotated[Peraturan, Tag("inline")],
    Discriminator(_citation_kind),
    Field(description="Id peraturan di katalog regulasi, atau peraturan ditulis lengkap"),
]


class Catatan(Model):
    """A free-text reference (e.g. a nota dinas) for Memperhatikan."""

    teks: Teks = Field(description="Teks rujukan apa adanya")


def _memperhatikan_kind(value: Any) -> str:
    if isinstance(value, str):
        return "id"
    if isinstance(value, dict) and set(value) == {"teks"}:
        return "teks"
    return "inline"


RujukanAtauCatatan = Annotated[
    Annotated[Id, Tag("id")]
    | Annotated[Peraturan, Tag("inline")]
    | Annotated[Catatan, Tag("teks")],
    Discriminator(_memperhatikan_kind),
]


class Diktum(Model):
    """One operative clause (KESATU, KEDUA, ...), optionally with lettered sub-items."""

    isi: Teks = Field(description="Isi diktum")
    butir: list[Teks] = Field(
        default_factory=list, description="Butir a., b., ... di bawah diktum (pilihan)"
    )


def _diktum_from_text(value: Any) -> Any:
    return {"isi": value} if isinstance(value, str) else value


DiktumItem = Annotated[
    Diktum, BeforeValidator(_diktum_from_text, json_schema_input_type=str | Diktum)
]


class Percabangan(Model):
    """The two exits of a decision step (diamond). Targets are step numbers (1-based)."""

    ya: int | None = Field(
        None, ge=1, description="Nomor langkah tujuan bila 'ya'; kosong = langkah berikutnya"
    )
    tidak: int = Field(ge=1, description="Nomor langkah tujuan bila 'tidak' (sering kembali)")
    label_ya: Teks = Field("Ya", description="Label cabang ya, mis. Ya, Lengkap, Benar")
    label_tidak: Teks = Field(
        "Tidak", description="Label cabang tidak, mis. Tidak, Tidak lengkap, Salah"
    )


def _number_or_list(value: Any) -> Any:
    """`lanjut: 5` is `lanjut: [5]`; an absent value stays None (the next step in order)."""
    return [value] if isinstance(value, int) and not isinstance(value, bool) else value


class Langkah(Model):
    """One row of the procedure table: an activity, its actor column and its mutu baku."""

    no: int | None = Field(None, ge=1, description="Nomor langkah (pilihan; harus berurutan)")
    jenis: Literal["kegiatan", "mulai", "selesai"] = Field(
        "kegiatan",
        description=(
            "mulai / selesai: baris Mulai atau Selesai bernomor (langkah pertama / terakhir) "
            "tanpa Mutu Baku, tidak diperingatkan MUTU-BAKU dan WAKTU-KOSONG; bawaan: kegiatan"
        ),
    )
    kegiatan: Teks = Field(
        description="Uraian kegiatan, diawali kata kerja aktif, tanpa menyebut pelaksananya"
    )
    pelaksana: Teks | Annotated[list[Teks], Field(min_length=1)] = Field(
        description=(
            "Pelaksana langkah: salah satu dari daftar `pelaksana`; kegiatan bersama: "
            "daftar beberapa kolom yang bersebelahan, mis. [Sekretaris, Kasubbag Umum] "
            "(satu kotak proses melintasi kolom-kolom itu)"
        )
    )
    kelengkapan: list[Teks] = Field(
        default_factory=list, description="Mutu baku: kelengkapan/persyaratan"
    )
    waktu: str | None = Field(
        None, description="Mutu baku: waktu seperti ditulis, mis. '15 menit', '1-5 hari'"
    )
    output: str | None = Field(None, description="Mutu baku: output langkah")
    keterangan: str | None = Field(None, description="Keterangan (pilihan)")
    keputusan: Percabangan | None = Field(
        None, description="Diisi bila langkah ini keputusan (belah ketupat) dengan dua cabang"
    )
    lanjut: Annotated[
        list[Annotated[int, Field(ge=1)]] | None,
        BeforeValidator(_number_or_list, json_schema_input_type=int | list[int] | None),
    ] = Field(
        None,
        description=(
            "Nomor langkah berikutnya (bukan untuk langkah keputusan): kosong = langkah "
            "sesudahnya; satu nomor = lompat ke langkah itu; beberapa nomor = alur bercabang; "
            "[] = alur berakhir di sini (simbol Selesai)"
        ),
    )
    simultan: bool = Field(
        False,
        description=(
            "Bila `lanjut` berisi beberapa langkah: true = semua cabang dikerjakan bersamaan "
            "(waktunya dihitung sekali, cabang terlama); false = salah satu cabang saja "
            "(Jumlah Waktu menjadi rentang)"
        ),
    )

    @property
    def para_pelaksana(self) -> list[str]:
        """The step's pelaksana as a list: one name, or every name of a shared step."""
        return [self.pelaksana] if isinstance(self.pelaksana, str) else list(self.pelaksana)

    @property
    def nama_pelaksana(self) -> str:
        """The step's pelaksana as one text ("Sekretaris, Kasubbag Umum" when shared)."""
        return ", ".join(self.para_pelaksana)


class Revisi(Model):
    """One revision of an SOP: when and what changed (the Riwayat Revisi table)."""

    tanggal: TanggalBulan = Field(description="Tanggal revisi")
    uraian: Teks = Field(description="Apa yang diubah, mis. 'Waktu langkah 3 menjadi 45 menit'")


#: Whether a document is signed. A signed (`ditetapkan`) document is archived at its first
#: build and never printed differently afterwards (sk_generator.build.frozen).
Status = Literal["draf", "ditetapkan"]

_STATUS_HELP = (
    "draf (bawaan) atau ditetapkan: sudah ditandatangani; build berikutnya mengarsipkan "
    "hasilnya di folder arsip/ di samping berkas ini dan sejak itu menolak membuatnya "
    "berbeda tanpa revisi"
)


def _one_or_many(value: Any) -> Any:
    return [] if value is None else value if isinstance(value, list) else [value]


class Sop(Model):
    """A Standar Operasional Prosedur AP (PermenPANRB 35/2012): identity and procedure."""

    jenis: Literal["sop"] = Field("sop", description="Jenis dokumen: sop")
    status: Status | None = Field(
        None, description=f"SOP mandiri: {_STATUS_HELP}. Lampiran: ikut status SK"
    )
    instansi: Id | None = Field(None, description="Id instansi (lampiran: ikut SK)")
    nomor: str | None = Field(None, description="Nomor SOP (lampiran: bawaan nomor SK)")
    nama: Teks = Field(description="Nama SOP, mis. Pengumpulan Data Kinerja")
    judul: list[Teks] | None = Field(
        None,
        description=(
            "Baris judul di atas identitas SOP ini (nama SOP dicetak sebagai baris "
            "terakhir); bawaan: `judul_sop` instansi; [] tanpa judul"
        ),
    )
    teks_mulai: str = Field("Mulai", description="Teks di dalam simbol awal bagan alir")
    teks_selesai: str = Field("Selesai", description="Teks di dalam simbol akhir bagan alir")
    tanggal_pembuatan: TanggalBulan = Field(description="Tanggal pembuatan (penyusunan selesai)")
    tanggal_revisi: Annotated[
        list[TanggalBulan],
        BeforeValidator(_one_or_many, json_schema_input_type=list[TanggalBulan] | TanggalBulan),
    ] = Field(
        default_factory=list,
        description="Bentuk lama: tanggal revisi saja (satu atau beberapa); tetap diterima, "
        "tetapi lebih baik `revisi:` dengan tanggal dan uraian",
    )
    revisi: list[Revisi] = Field(
        default_factory=list,
        description="Riwayat revisi: setiap revisi dengan `tanggal` dan `uraian`; yang terakhir "
        "dicetak sebagai Tanggal Revisi",
    )
    riwayat_revisi: bool = Field(
        True,
        description="Cetak tabel Riwayat Revisi di akhir lampiran bila `revisi:` diisi",
    )
    tanggal_efektif: TanggalBulan | None = Field(
        None, description="Tanggal efektif = tanggal disahkan (lampiran: bawaan tanggal SK)"
    )
    disahkan_oleh: Id | None = Field(
        None, description="Id pejabat yang mengesahkan (lampiran: bawaan penandatangan SK)"
    )
    dasar_hukum: list[Rujukan] = Field(default_factory=list, description="Dasar hukum")
    kualifikasi_pelaksana: list[Teks] = Field(
        default_factory=list, description="Kualifikasi pelaksana"
    )
    keterkaitan: list[Teks] = Field(default_factory=list, description="SOP yang terkait")
    peralatan_perlengkapan: list[Teks] = Field(
        default_factory=list, description="Peralatan/perlengkapan"
    )
    peringatan: list[Teks] = Field(default_factory=list, description="Peringatan")
    pencatatan_pendataan: list[Teks] = Field(
        default_factory=list, description="Pencatatan dan pendataan"
    )
    pelaksana: list[Teks] = Field(
        min_length=1, description="Kolom pelaksana (jabatan, bukan nama orang), urut kiri-kanan"
    )
    langkah: list[Langkah] = Field(min_length=1, description="Langkah-langkah prosedur")
    jumlah_waktu: str | None = Field(
        None, description="Jumlah waktu yang tertulis (pilihan); diperiksa terhadap langkah"
    )
    jam_kerja_per_hari: float | None = Field(
        None, gt=0, le=24, description="Lama satu hari kerja (jam); bawaan dari instansi"
    )
    kertas: Kertas | None = Field(
        None, description="Ukuran kertas SOP ini (lampiran: bawaan kertas SK); bawaan: instansi"
    )

    @field_validator("revisi")
    @classmethod
    def _one_revision_form(cls, value: list[Revisi], info: ValidationInfo) -> list[Revisi]:
        # Reported at `revisi:` (validated after `tanggal_revisi`, declared before it).
        if value and info.data.get("tanggal_revisi"):
            raise ValueError(
                "`tanggal_revisi` dan `revisi` tidak boleh diisi bersamaan; pindahkan setiap "
                "tanggal ke `revisi:` sebagai '- tanggal: ...' dengan `uraian:` lalu hapus "
                "`tanggal_revisi`"
            )
        return value

    def tanggal_revisi_semua(self) -> list[dt.date]:
        """Every revision date, from `revisi:` or the older `tanggal_revisi:` list."""
        return [r.tanggal for r in self.revisi] if self.revisi else list(self.tanggal_revisi)

    def revisi_terakhir(self) -> dt.date | None:
        """The latest revision date: the one the identity box prints as Tanggal Revisi
        (PermenPANRB 35/2012 shows one date; the history is the Riwayat Revisi table)."""
        dates = self.tanggal_revisi_semua()
        return max(dates) if dates else None


class Keputusan(Model):
    """A Keputusan Kepala Dinas with its lampiran SOPs."""

    jenis: Literal["keputusan"] = Field(description="Jenis dokumen: keputusan")
    status: Status = Field("draf", description=f"Status SK: {_STATUS_HELP}")
    instansi: Id = Field(description="Id instansi penerbit (lihat instansi.yaml)")
    nomor: Teks = Field(description="Nomor keputusan, mis. 700/109/DISNAKERTRANS.TU.1/2022")
    tanggal: Tanggal = Field(description="Tanggal penetapan")
    tempat: str | None = Field(None, description="Tempat penetapan; bawaan: kota instansi")
    tentang: Teks = Field(description="Judul setelah TENTANG (ditulis biasa, dicetak kapital)")
    jabatan_penetap: str | None = Field(
        None,
        description="Jabatan penetap di judul; bawaan: 'Kepala' + nama dinas + daerah instansi",
    )
    menetapkan: str | None = Field(
        None,
        description=(
            "Teks setelah 'Menetapkan :', dicetak apa adanya; bawaan: KEPUTUSAN <JABATAN "
            "PENETAP> TENTANG <TENTANG> dalam huruf kapital (UU 12/2011 Lampiran II); "
            'tulis "" untuk mengosongkannya bila KESATU mengulang judulnya'
        ),
    )
    menimbang: list[Teks] = Field(min_length=1, description="Pertimbangan a., b., ...")
    mengingat: list[Rujukan] = Field(min_length=1, description="Dasar hukum yang diingat")
    memperhatikan: list[RujukanAtauCatatan] = Field(
        default_factory=list, description="Rujukan tambahan (pilihan)"
    )
    diktum: list[DiktumItem] = Field(min_length=1, description="Diktum KESATU, KEDUA, ...")
    penandatangan: Id = Field(description="Id pejabat penanda tangan (lihat pejabat.yaml)")
    tembusan: list[Teks] = Field(default_factory=list, description="Tembusan (pilihan)")
    tanda_tangan_elektronik: bool = Field(
        False, description="Cetak catatan tanda tangan elektronik BSrE di kaki halaman"
    )
    kertas: Kertas | None = Field(
        None, description="Ukuran kertas SK ini dan lampirannya; bawaan: kertas instansi"
    )
    lampiran: list[Sop] = Field(default_factory=list, description="SOP yang dilampirkan")
