"""Every rule of the registry: one failing and one passing case each (WAKTU-* are tested
with the durations code).

A failing case changes the correct base document of tests/data/checks/, runs every rule
and pins the exact issues that result: the rule under test's (where: the printed data
path, and the whole message) and any other the change rightly causes (`also`). A passing
case applies a change the rule must accept (or none).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from sk_generator import checks
from sk_generator.checks import REGISTRY
from sk_generator.diagnostics import Severity, format_path
from tests.checks.conftest import CheckRun

Data = dict[str, Any]


def lampiran(data: Data) -> Data:
    return data["lampiran"][0]


def sets(*path: str | int, value: Any) -> Callable[[Data], None]:
    """A change that sets the value at `path` (keys and 0-based list indexes)."""

    def change(data: Data) -> None:
        target: Any = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return change


def inserts(*path: str | int, value: Any) -> Callable[[Data], None]:
    """A change that inserts `value` into the list at `path[:-1]` before index `path[-1]`."""

    def change(data: Data) -> None:
        target: Any = data
        for part in path[:-1]:
            target = target[part]
        index = path[-1]
        assert isinstance(index, int)
        target.insert(index, value)

    return change


def deletes(*path: str | int) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        target: Any = data
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return change


def both(*changes: Callable[[Data], None]) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        for one in changes:
            one(data)

    return change


def inline(jenis: str, nomor: str, tahun: int, tentang: str, **extra: Any) -> Data:
    return {"jenis": jenis, "nomor": nomor, "tahun": tahun, "tentang": tentang, **extra}


BASARNAS_2010 = inline(
    "Peraturan Badan",
    "1",
    2010,
    "Pencarian dan Pertolongan",
    penerbit="Badan Nasional Pencarian dan Pertolongan",
)
PERKA_BKN_2015 = inline(
    "Peraturan Kepala", "7", 2015, "Kepegawaian", penerbit="Badan Kepegawaian Negara"
)
PP_8_2006 = "Pelaporan Keuangan dan Kinerja Instansi Pemerintah"
SAKIP = "Sistem Akuntabilitas Kinerja Instansi Pemerintah"
UU_28_1999 = "Penyelenggaraan Negara yang Bersih dan Bebas dari Korupsi, Kolusi, dan Nepotisme"
PENUTUP_3 = (
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
    "menetapkan Keputusan Kepala Dinas Contoh Kabupaten Contoh tentang Standar Operasional "
    "Prosedur Pengumpulan Data Kinerja;"
)
TIGA_MENIMBANG = [
    "bahwa untuk tertib pelaksanaan kegiatan diperlukan Standar Operasional Prosedur;",
    "bahwa Standar Operasional Prosedur perlu dibakukan;",
]


def promoted(since_2025: Data) -> Callable[[Data], None]:
    """The kadis in office since 2020, with a period from 2025 that sets `since_2025`."""
    return sets(
        "kadis",
        "menjabat",
        value=[
            {"dari": dt.date(2020, 1, 2), "sampai": dt.date(2024, 12, 31)},
            {"dari": dt.date(2025, 1, 1), **since_2025},
        ],
    )


@dataclass(frozen=True)
class Case:
    code: str
    base: str
    change: Callable[[Data], None] | None
    #: Printed data path of the issue, and its whole message.
    where: str
    says: str
    pejabat: bool = False
    #: Other issues the same change rightly causes, as (code, where, message).
    also: tuple[tuple[str, str, str], ...] = ()

    @property
    def id(self) -> str:
        return f"{self.code}:{self.says[:30]}"


def pejabat_nip(nip: str) -> Callable[[Data], None]:
    return sets("kadis", "nip", value=nip)


MASA_FIX = "pilih pejabat yang menjabat pada tanggal itu, atau perbaiki masa jabatannya"

FAILING = [
    # --- legal references
    Case(
        "HUKUM-KATALOG",
        "sk",
        sets("mengingat", 1, value=inline("PP", "8", 2005, PP_8_2006)),
        "mengingat[2]",
        "Peraturan Pemerintah Nomor 8 Tahun 2005 tidak ada di katalog; Peraturan "
        "Pemerintah Nomor 8 terbit tahun 2006: Peraturan Pemerintah Nomor 8 Tahun 2006 "
        "tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah (Tambahan Lembaran "
        "Negara Republik Indonesia Nomor 4614); tulis `pp-8-2006` (id katalog) atau "
        "perbaiki kutipannya",
    ),
    Case(
        "HUKUM-KATALOG",
        "sk",
        lambda d: lampiran(d)["dasar_hukum"].__setitem__(1, inline("PP", "29", 2014, SAKIP)),
        "lampiran[1].dasar_hukum[2]",
        "'Peraturan Pemerintah Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja "
        "Instansi Pemerintah' adalah Peraturan Presiden, bukan Peraturan Pemerintah: "
        "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja "
        "Instansi Pemerintah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 80); "
        "tulis `perpres-29-2014` (id katalog) atau perbaiki kutipannya",
    ),
    Case(
        # A resembling title alone is a hint (agencies regulate the subjects of laws).
        "HUKUM-TIDAK-DIKENAL",
        "sop",
        sets("dasar_hukum", 0, value=inline("PP", "60", 2008, PP_8_2006)),
        "dasar_hukum[1]",
        "Peraturan Pemerintah Nomor 60 Tahun 2008 belum ada di katalog regulasi, sehingga "
        "tahun, jenis dan judulnya tidak dapat diperiksa; tambahkan ke regulasi.yaml lalu "
        "kutip dengan id-nya; judulnya mirip dengan Peraturan Pemerintah Nomor 8 Tahun 2006: "
        "bila peraturan itu yang dimaksud, kutip `pp-8-2006`",
    ),
    Case(
        "HUKUM-KATALOG",
        "sop",
        inserts("dasar_hukum", 3, value=inline("Inpres", "7", 2006, "Akuntabilitas Kinerja")),
        "dasar_hukum[4]",
        "Instruksi Presiden Nomor 7 Tahun 2006 tidak ada di katalog; Instruksi Presiden "
        "Nomor 7 terbit tahun 1999: Instruksi Presiden Nomor 7 Tahun 1999 tentang "
        "Akuntabilitas Kinerja Instansi Pemerintah; peraturan itu sudah dicabut/diganti "
        "dengan Peraturan Presiden Nomor 29 Tahun 2014: kutip `perpres-29-2014`",
        also=(
            (
                "HUKUM-URUTAN",
                "dasar_hukum[4]",
                "Instruksi Presiden Nomor 7 Tahun 2006 harus ditulis sebelum butir 2 (Peraturan "
                "Presiden Nomor 29 Tahun 2014); urutkan menurut hierarki (UUD, UU/Perppu, PP, "
                "Perpres, Peraturan Menteri, Perda Provinsi, Pergub, Perda Kabupaten/Kota, "
                "Perbup/Perwali), lalu dari yang terlama",
            ),
        ),
    ),
    Case(
        "HUKUM-TIDAK-DIKENAL",
        "sop",
        inserts(
            "dasar_hukum",
            3,
            value=inline("Permen", "83", 2022, "Pedoman Arsip", penerbit="Dalam Negeri"),
        ),
        "dasar_hukum[4]",
        "Peraturan Menteri Dalam Negeri Nomor 83 Tahun 2022 belum ada di katalog "
        "regulasi, sehingga tahun, jenis dan judulnya tidak dapat diperiksa; tambahkan "
        "ke regulasi.yaml lalu kutip dengan id-nya",
    ),
    Case(
        "HUKUM-JUDUL",
        "sop",
        sets("dasar_hukum", 0, value=inline("PP", "8", 2006, "Pelaporan Kinerja")),
        "dasar_hukum[1].tentang",
        "judul Peraturan Pemerintah Nomor 8 Tahun 2006 menurut katalog adalah 'Pelaporan "
        "Keuangan dan Kinerja Instansi Pemerintah'; ganti `tentang` dengan judul itu atau "
        "tulis `pp-8-2006` (id katalog)",
    ),
    Case(
        "HUKUM-LEMBARAN",
        "sk",
        inserts(
            "mengingat",
            0,
            value=inline(
                "UU",
                "28",
                1999,
                UU_28_1999,
                lembaran={"tahun": 1999, "nomor": "75"},
                tambahan_lembaran="3051",
            ),
        ),
        "mengingat[1].tambahan_lembaran",
        "Tambahan Lembaran Negara/Daerah Undang-Undang Nomor 28 Tahun 1999 menurut "
        "katalog Nomor 3851, bukan Nomor 3051; perbaiki `tambahan_lembaran` atau tulis "
        "`uu-28-1999` (id katalog)",
    ),
    Case(
        "HUKUM-LEMBARAN",
        "sk",
        sets("mengingat", 0, value=inline("UU", "23", 2014, "Pemerintahan Daerah")),
        "mengingat[1]",
        "Undang-Undang Nomor 23 Tahun 2014 tanpa Lembaran Negara/Daerah Tahun 2014 "
        "Nomor 244, Tambahan Lembaran Negara/Daerah Nomor 5587 (menurut katalog); "
        "lengkapi atau tulis `uu-23-2014` (id katalog)",
    ),
    Case(
        "HUKUM-DICABUT",
        "sk",
        lambda d: lampiran(d)["dasar_hukum"].append("perbup-contoh-1-2017"),
        "lampiran[1].dasar_hukum[3]",
        "Peraturan Bupati Contoh Nomor 1 Tahun 2017 sudah dicabut/diganti dengan Peraturan "
        "Bupati Contoh Nomor 2 Tahun 2021 tentang Susunan Organisasi dan Tata Kerja Dinas "
        "Contoh; kutip `perbup-contoh-2-2021` sebagai gantinya",
    ),
    Case(
        "HUKUM-GANDA",
        "sk",
        lambda d: d["memperhatikan"].append("pp-8-2006"),
        "memperhatikan[2]",
        "Peraturan Pemerintah Nomor 8 Tahun 2006 sudah dikutip pada mengingat butir 2; hapus "
        "salah satunya",
    ),
    Case(
        "HUKUM-GANDA",
        "sop",
        inserts("dasar_hukum", 1, value=inline("PP", "8", 2006, PP_8_2006)),
        "dasar_hukum[2]",
        "Peraturan Pemerintah Nomor 8 Tahun 2006 sudah dikutip pada dasar_hukum butir "
        "1; hapus salah satunya",
    ),
    Case(
        "HUKUM-GANDA",
        "sk",
        inserts("mengingat", 1, value="uu-9-2015"),
        "mengingat[2]",
        "Undang-Undang Nomor 9 Tahun 2015 mengubah Undang-Undang Nomor 23 Tahun 2014 "
        "(mengingat butir 1), yang kutipannya sudah memuat perubahan ini ('sebagaimana "
        "telah diubah ...'); hapus butir ini",
    ),
    Case(
        "HUKUM-URUTAN",
        "sk",
        sets(
            "mengingat",
            value=["permenpanrb-53-2014", "uu-23-2014", "pp-8-2006", "perpres-29-2014"],
        ),
        "mengingat[2]",
        "Undang-Undang Nomor 23 Tahun 2014 harus ditulis sebelum butir 1 (Peraturan "
        "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun "
        "2014); urutkan menurut hierarki (UUD, UU/Perppu, PP, Perpres, Peraturan "
        "Menteri, Perda Provinsi, Pergub, Perda Kabupaten/Kota, Perbup/Perwali), lalu "
        "dari yang terlama",
        also=(
            (
                "HUKUM-URUTAN",
                "mengingat[3]",
                "Peraturan Pemerintah Nomor 8 Tahun 2006 harus ditulis sebelum butir 1 "
                "(Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor "
                "53 Tahun 2014); urutkan menurut hierarki (UUD, UU/Perppu, PP, Perpres, "
                "Peraturan Menteri, Perda Provinsi, Pergub, Perda Kabupaten/Kota, "
                "Perbup/Perwali), lalu dari yang terlama",
            ),
            (
                "HUKUM-URUTAN",
                "mengingat[4]",
                "Peraturan Presiden Nomor 29 Tahun 2014 harus ditulis sebelum butir 1 "
                "(Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor "
                "53 Tahun 2014); urutkan menurut hierarki (UUD, UU/Perppu, PP, Perpres, "
                "Peraturan Menteri, Perda Provinsi, Pergub, Perda Kabupaten/Kota, "
                "Perbup/Perwali), lalu dari yang terlama",
            ),
        ),
    ),
    # A non-ministerial agency's regulation ranks with the Peraturan Menteri: before it
    # when older, and after the Perpres.
    Case(
        "HUKUM-URUTAN",
        "sop",
        lambda d: d["dasar_hukum"].append(BASARNAS_2010),
        "dasar_hukum[4]",
        "Peraturan Badan Nasional Pencarian dan Pertolongan Nomor 1 Tahun 2010 harus ditulis "
        "sebelum butir 3 (Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi "
        "Birokrasi Nomor 53 Tahun 2014); urutkan menurut hierarki (UUD, UU/Perppu, PP, "
        "Perpres, Peraturan Menteri, Perda Provinsi, Pergub, Perda Kabupaten/Kota, "
        "Perbup/Perwali), lalu dari yang terlama",
        also=(
            (
                "HUKUM-TIDAK-DIKENAL",
                "dasar_hukum[4]",
                "Peraturan Badan Nasional Pencarian dan Pertolongan Nomor 1 Tahun 2010 belum "
                "ada di katalog regulasi, sehingga tahun, jenis dan judulnya tidak dapat "
                "diperiksa; tambahkan ke regulasi.yaml lalu kutip dengan id-nya",
            ),
        ),
    ),
    Case(
        "HUKUM-URUTAN",
        "sop",
        inserts("dasar_hukum", 1, value=PERKA_BKN_2015),
        "dasar_hukum[3]",
        "Peraturan Presiden Nomor 29 Tahun 2014 harus ditulis sebelum butir 2 (Peraturan "
        "Kepala Badan Kepegawaian Negara Nomor 7 Tahun 2015); urutkan menurut hierarki (UUD, "
        "UU/Perppu, PP, Perpres, Peraturan Menteri, Perda Provinsi, Pergub, Perda "
        "Kabupaten/Kota, Perbup/Perwali), lalu dari yang terlama",
        also=(
            (
                "HUKUM-URUTAN",
                "dasar_hukum[4]",
                "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor "
                "53 Tahun 2014 harus ditulis sebelum butir 2 (Peraturan Kepala Badan "
                "Kepegawaian Negara Nomor 7 Tahun 2015); urutkan menurut hierarki (UUD, "
                "UU/Perppu, PP, Perpres, Peraturan Menteri, Perda Provinsi, Pergub, Perda "
                "Kabupaten/Kota, Perbup/Perwali), lalu dari yang terlama",
            ),
            (
                "HUKUM-TIDAK-DIKENAL",
                "dasar_hukum[2]",
                "Peraturan Kepala Badan Kepegawaian Negara Nomor 7 Tahun 2015 belum ada di "
                "katalog regulasi, sehingga tahun, jenis dan judulnya tidak dapat diperiksa; "
                "tambahkan ke regulasi.yaml lalu kutip dengan id-nya",
            ),
        ),
    ),
    Case(
        "HUKUM-URUTAN",
        "sk",
        inserts("mengingat", 1, value="uu-28-1999"),
        "mengingat[2]",
        "Undang-Undang Nomor 28 Tahun 1999 harus ditulis sebelum butir 1 (Undang-Undang "
        "Nomor 23 Tahun 2014); urutkan menurut hierarki (UUD, UU/Perppu, PP, Perpres, "
        "Peraturan Menteri, Perda Provinsi, Pergub, Perda Kabupaten/Kota, "
        "Perbup/Perwali), lalu dari yang terlama",
    ),
    Case(
        "HUKUM-URUTAN",
        "sop",
        lambda d: d["dasar_hukum"].append("inpres-7-1999"),
        "dasar_hukum[4]",
        "Instruksi Presiden Nomor 7 Tahun 1999 harus ditulis sebelum butir 2 (Peraturan "
        "Presiden Nomor 29 Tahun 2014); urutkan menurut hierarki (UUD, UU/Perppu, PP, "
        "Perpres, Peraturan Menteri, Perda Provinsi, Pergub, Perda Kabupaten/Kota, "
        "Perbup/Perwali), lalu dari yang terlama",
        also=(
            (
                "HUKUM-DICABUT",
                "dasar_hukum[4]",
                "Instruksi Presiden Nomor 7 Tahun 1999 sudah dicabut/diganti dengan Peraturan "
                "Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
                "Pemerintah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 80); kutip "
                "`perpres-29-2014` sebagai gantinya",
            ),
        ),
    ),
    # --- menimbang
    Case(
        "MENIMBANG-BENTUK",
        "sk",
        sets("menimbang", 0, value="Untuk tertib pelaksanaan kegiatan diperlukan SOP."),
        "menimbang[1]",
        "butir Menimbang harus diawali 'bahwa' (huruf kecil) dan diakhiri ';' (titik "
        "koma, tanpa titik)",
    ),
    Case(
        "MENIMBANG-BENTUK",
        "sk",
        sets("menimbang", 0, value="bahwa untuk tertib pelaksanaan kegiatan diperlukan SOP.;"),
        "menimbang[1]",
        "butir Menimbang harus diakhiri ';' (titik koma, tanpa titik)",
    ),
    Case(
        "MENIMBANG-PENUTUP",
        "sk",
        sets("menimbang", value=[*TIGA_MENIMBANG, PENUTUP_3.replace("huruf b", "b")]),
        "menimbang[3]",
        f"rujukan huruf harus 'huruf a dan huruf b'; tulis: '{PENUTUP_3}'",
    ),
    Case(
        "MENIMBANG-PENUTUP",
        "sk",
        sets(
            "menimbang",
            1,
            value="bahwa berdasarkan pertimbangan sebagaimana dimaksud pada huruf a, perlu "
            "ditetapkan dengan Keputusan Kepala Dinas.",
        ),
        "menimbang[2]",
        "rujuk butir lain dengan 'sebagaimana dimaksud dalam huruf ...', bukan 'pada "
        "huruf'; tulis: 'bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam "
        "huruf a, perlu menetapkan Keputusan Kepala Dinas Contoh Kabupaten Contoh "
        "tentang Standar Operasional Prosedur Pengumpulan Data Kinerja;'",
    ),
    # --- dates and lampiran
    Case(
        "TANGGAL-BULAN",
        "sop",
        sets("tanggal_pembuatan", value="Januari 2024"),
        "tanggal_pembuatan",
        "tanggal pembuatan ditulis bulan dan tahun saja ('Januari 2024') dan dicetak "
        "demikian; tanggal lengkap lebih baik: tulis harinya bila diketahui, mis. "
        "'17 Januari 2024'",
    ),
    Case(
        "TANGGAL-BULAN",
        "sk",
        lambda d: lampiran(d).__setitem__("revisi", [{"tanggal": "2024-03", "uraian": "Waktu"}]),
        "lampiran[1].revisi[1].tanggal",
        "tanggal revisi ditulis bulan dan tahun saja ('Maret 2024') dan dicetak demikian; "
        "tanggal lengkap lebih baik: tulis harinya bila diketahui, mis. '17 Maret 2024'",
    ),
    Case(
        "TANGGAL-EFEKTIF",
        "sop",
        sets("tanggal_efektif", value=dt.date(2024, 1, 1)),
        "tanggal_efektif",
        "tanggal efektif 1 Januari 2024 sebelum tanggal pembuatan 2 Januari 2024; SOP "
        "berlaku setelah selesai disusun: perbaiki salah satu tanggal",
    ),
    Case(
        "TANGGAL-EFEKTIF",
        "sk",
        lambda d: lampiran(d).__setitem__("tanggal_pembuatan", dt.date(2024, 2, 12)),
        "lampiran[1].tanggal_pembuatan",
        "tanggal efektif 10 Februari 2024 (tanggal SK) sebelum tanggal pembuatan 12 "
        "Februari 2024; SOP berlaku setelah selesai disusun: perbaiki salah satu "
        "tanggal",
    ),
    Case(
        "TANGGAL-REVISI",
        "sop",
        sets("tanggal_revisi", value=[dt.date(2023, 12, 1)]),
        "tanggal_revisi[1]",
        "tanggal revisi 1 Desember 2023 sebelum tanggal pembuatan 2 Januari 2024; "
        "perbaiki tanggalnya (revisi selalu sesudah pembuatan)",
    ),
    Case(
        "TANGGAL-REVISI",
        "sop",
        both(
            deletes("tanggal_revisi"),
            sets(
                "revisi",
                value=[
                    {"tanggal": dt.date(2024, 5, 1), "uraian": "Waktu langkah 2"},
                    {"tanggal": dt.date(2024, 3, 1), "uraian": "Pelaksana langkah 1"},
                ],
            ),
        ),
        "revisi[2].tanggal",
        "tanggal revisi 1 Maret 2024 sebelum revisi sebelumnya 1 Mei 2024; urutkan tanggal "
        "revisi dari yang terlama",
    ),
    Case(
        "TANGGAL-REVISI",
        "sop",
        sets("tanggal_revisi", value=[dt.date(2024, 5, 1), dt.date(2024, 3, 1)]),
        "tanggal_revisi[2]",
        "tanggal revisi 1 Maret 2024 sebelum revisi sebelumnya 1 Mei 2024; urutkan "
        "tanggal revisi dari yang terlama",
    ),
    Case(
        "TANGGAL-LAMPIRAN",
        "sk",
        lambda d: lampiran(d).__setitem__("tanggal_efektif", dt.date(2024, 2, 5)),
        "lampiran[1].tanggal_efektif",
        "SOP lampiran berlaku 5 Februari 2024, sebelum SK ditetapkan 10 Februari 2024; "
        "hapus `tanggal_efektif` agar mengikuti tanggal SK",
    ),
    Case(
        "LAMPIRAN-BEDA-SK",
        "sk",
        lambda d: lampiran(d).__setitem__("nomor", "050/12/KPTS/II.08/2024"),
        "lampiran[1].nomor",
        "nomor SOP lampiran '050/12/KPTS/II.08/2024' berbeda dari nomor SK "
        "'700/12/DC.TU/2024'; hapus `nomor` agar mengikuti nomor SK",
    ),
    Case(
        "LAMPIRAN-BEDA-SK",
        "sk",
        lambda d: lampiran(d).__setitem__("tanggal_efektif", dt.date(2024, 3, 4)),
        "lampiran[1].tanggal_efektif",
        "tanggal SOP lampiran 4 Maret 2024 berbeda dari tanggal SK 10 Februari 2024; "
        "hapus `tanggal_efektif` agar mengikuti tanggal SK",
    ),
    # --- nomor
    Case(
        "NOMOR-BENTUK",
        "sop",
        sets("nomor", value="061.1 / SOP / Dirjenrasnas 2024"),
        "nomor",
        "nomor '061.1 / SOP / Dirjenrasnas 2024' tidak berbentuk kode klasifikasi/nomor "
        "urut/kode unit/tahun (mis. 700/109/DISNAKERTRANS.TU.1/2022): nomor hanya punya "
        "3 bagian yang dipisah '/'",
    ),
    Case(
        "NOMOR-BENTUK",
        "sk",
        sets("nomor", value="520/11 /KPTS/III.20/2024"),
        "nomor",
        "nomor '520/11 /KPTS/III.20/2024' tidak berbentuk kode klasifikasi/nomor "
        "urut/kode unit/tahun (mis. 700/109/DISNAKERTRANS.TU.1/2022): ada spasi di "
        "sekitar '/'; tulis '520/11/KPTS/III.20/2024'",
    ),
    Case(
        "NOMOR-BENTUK",
        "sk",
        sets("nomor", value="KEP/12/DC TU/2024"),
        "nomor",
        "nomor 'KEP/12/DC TU/2024' tidak berbentuk kode klasifikasi/nomor urut/kode "
        "unit/tahun (mis. 700/109/DISNAKERTRANS.TU.1/2022): kode klasifikasi 'KEP' "
        "harus angka klasifikasi arsip, mis. 700 atau 000.8.3.3; kode unit 'DC TU' "
        "hanya boleh huruf, angka, titik dan strip (tanpa spasi)",
    ),
    Case(
        "NOMOR-DRAF",
        "sk",
        sets("nomor", value="503/ /DPMPTSP/2024"),
        "nomor",
        "nomor '503/ /DPMPTSP/2024' belum punya nomor urut (draf); isi nomor urut dari "
        "buku agenda sebelum ditandatangani",
    ),
    Case(
        "STATUS-NOMOR-DRAF",
        "sk",
        both(sets("status", value="ditetapkan"), sets("nomor", value="503/ /DPMPTSP/2024")),
        "status",
        "dokumen berstatus ditetapkan, tetapi nomor '503/ /DPMPTSP/2024' belum punya nomor "
        "urut; isi nomor urut dari buku agenda, atau tulis `status: draf` sampai dokumen "
        "ditandatangani",
        also=(
            (
                "NOMOR-DRAF",
                "nomor",
                "nomor '503/ /DPMPTSP/2024' belum punya nomor urut (draf); isi nomor urut "
                "dari buku agenda sebelum ditandatangani",
            ),
        ),
    ),
    Case(
        "STATUS-LAMPIRAN",
        "sk",
        lambda d: lampiran(d).__setitem__("status", "ditetapkan"),
        "lampiran[1].status",
        "lampiran mengikuti status SK-nya; hapus baris ini dan tulis `status: ditetapkan` "
        "di bagian atas SK bila SK itu memang sudah ditandatangani",
    ),
    Case(
        "NOMOR-TAHUN",
        "sk",
        sets("nomor", value="700/12/DC.TU/2023"),
        "nomor",
        "tahun pada nomor '700/12/DC.TU/2023' (2023) tidak sama dengan tahun tanggal "
        "penetapan 10 Februari 2024; perbaiki tahun pada nomor atau tanggalnya",
    ),
    Case(
        "NOMOR-TAHUN",
        "sop",
        sets("nomor", value="061.1/3/DC.TU/2025"),
        "nomor",
        "tahun pada nomor '061.1/3/DC.TU/2025' (2025) tidak sama dengan tahun tanggal "
        "penetapan 6 Januari 2024; perbaiki tahun pada nomor atau tanggalnya",
    ),
    # --- NIP and pangkat (reported in pejabat.yaml)
    Case(
        "NIP-LAHIR",
        "sk",
        pejabat_nip("19671321 199003 1 006"),
        "pejabat.kadis.nip",
        "NIP 19671321 199003 1 006: '19671321' bukan tanggal lahir (tahun, bulan, "
        "tanggal) yang ada; periksa delapan angka pertama NIP",
        pejabat=True,
    ),
    Case(
        "NIP-PENGANGKATAN",
        "sk",
        pejabat_nip("19670621 199013 1 006"),
        "pejabat.kadis.nip",
        "NIP 19670621 199013 1 006: bulan pengangkatan '13' tidak ada (harus 01-12; NIP "
        "PPPK memakai kode 21); periksa angka ke-9 sampai ke-14 NIP",
        pejabat=True,
    ),
    Case(
        "NIP-PENGANGKATAN",
        "sop",
        pejabat_nip("19720319 198003 1 001"),
        "pejabat.kadis.nip",
        "NIP 19720319 198003 1 001: diangkat 198003 sebelum berumur 18 tahun (lahir "
        "19720319); periksa tanggal lahir dan tahun pengangkatan pada NIP",
        pejabat=True,
    ),
    Case(
        "NIP-PENGANGKATAN",
        "sop",
        pejabat_nip("19850312 209921 1 004"),
        "pejabat.kadis.nip",
        "NIP 19850312 209921 1 004: tahun/bulan pengangkatan 209921 belum terjadi; "
        "periksa angka ke-9 sampai ke-14 NIP",
        pejabat=True,
    ),
    # --- time in office: the SK is dated 10 Februari 2024
    Case(
        "PEJABAT-MASA",
        "sk",
        sets("kadis", "menjabat", value=[{"dari": dt.date(2024, 2, 11)}]),
        "tanggal",
        "SK bertanggal 10 Februari 2024, tetapi penandatangannya 'kadis' (Drs. SUBENDI) "
        "menjabat sejak 11 Februari 2024 (pejabat.yaml baris 7); " + MASA_FIX,
        pejabat=True,
    ),
    Case(
        "PEJABAT-MASA",
        "sk",
        sets(
            "kadis",
            "menjabat",
            value=[{"dari": dt.date(2020, 1, 2), "sampai": dt.date(2024, 2, 9)}],
        ),
        "tanggal",
        "SK bertanggal 10 Februari 2024, tetapi penandatangannya 'kadis' (Drs. SUBENDI) "
        "menjabat 2 Januari 2020 s.d. 9 Februari 2024 (pejabat.yaml baris 7); " + MASA_FIX,
        pejabat=True,
    ),
    Case(
        "PEJABAT-MASA",
        "sop",
        sets("kadis", "menjabat", value=[{"dari": dt.date(2030, 1, 1)}]),
        "tanggal_efektif",
        "SOP bertanggal 6 Januari 2024, tetapi penandatangannya 'kadis' (Drs. SUBENDI) "
        "menjabat sejak 1 Januari 2030 (pejabat.yaml baris 7); " + MASA_FIX,
        pejabat=True,
    ),
    Case(
        "NIP-KELAMIN",
        "sk",
        pejabat_nip("19670621 199003 3 006"),
        "pejabat.kadis.nip",
        "NIP 19670621 199003 3 006: angka ke-15 '3' harus 1 (pria) atau 2 (wanita); periksa NIP",
        pejabat=True,
    ),
    Case(
        "PANGKAT-GOLONGAN",
        "sk",
        sets("kadis", "pangkat", value="Pembina Utama Muda"),
        "pejabat.kadis.pangkat",
        "pangkat 'Pembina Utama Muda' tidak sesuai golongan IV/b (pangkat itu golongan "
        "IV/c); golongan IV/b berpangkat 'Pembina Tingkat I': perbaiki pangkat atau "
        "golongannya",
        pejabat=True,
    ),
    # A promotion recorded as a period: its golongan is checked with the record's pangkat.
    Case(
        "PANGKAT-GOLONGAN",
        "sk",
        promoted({"golongan": "IV/c"}),
        "pejabat.kadis.menjabat[2].pangkat",
        "pangkat 'Pembina TK. I' tidak sesuai golongan IV/c (pangkat itu golongan IV/b); "
        "golongan IV/c berpangkat 'Pembina Utama Muda': perbaiki pangkat atau golongannya",
        pejabat=True,
    ),
    # --- SOP flow
    Case(
        "SOP-PELAKSANA",
        "sk",
        lambda d: lampiran(d)["langkah"][2].__setitem__("pelaksana", "Sekertaris"),
        "lampiran[1].langkah[3].pelaksana",
        "'Sekertaris' bukan kolom pelaksana SOP ini; mungkin maksudnya 'Sekretaris'?",
        also=(
            (
                "SOP-KOLOM-KOSONG",
                "lampiran[1].pelaksana[2]",
                "kolom pelaksana 'Sekretaris' tidak dipakai oleh langkah mana pun; hapus kolom "
                "itu atau isi `pelaksana:` langkah yang dikerjakannya",
            ),
        ),
    ),
    Case(
        "SOP-CABANG",
        "sk",
        lambda d: lampiran(d)["langkah"][2].__setitem__("keputusan", {"tidak": 9}),
        "lampiran[1].langkah[3].keputusan.tidak",
        "cabang 'tidak' menunjuk langkah 9, padahal SOP ini hanya punya 4 langkah; isi "
        "nomor langkah 1 sampai 4",
    ),
    Case(
        "SOP-KOLOM-KOSONG",
        "sk",
        lambda d: lampiran(d)["pelaksana"].append("Bendahara"),
        "lampiran[1].pelaksana[4]",
        "kolom pelaksana 'Bendahara' tidak dipakai oleh langkah mana pun; hapus kolom "
        "itu atau isi `pelaksana:` langkah yang dikerjakannya",
    ),
    Case(
        "SOP-ALUR",
        "sop",
        sets("langkah", 1, "keputusan", value={"ya": 1, "tidak": 1}),
        "langkah[3]",
        "langkah 3 tidak dapat dicapai dari langkah 1 (tidak ada panah yang menuju langkah "
        "ini); arahkan `lanjut:` atau cabang keputusan ke langkah ini, atau hapus langkahnya",
        also=(
            (
                "SOP-ALUR",
                "langkah[1]",
                "dari langkah 1 alur tidak pernah sampai ke simbol Selesai; arahkan `lanjut:` "
                "atau salah satu cabang keputusan ke langkah yang berakhir, atau tulis "
                "`lanjut: []` pada langkah tempat alur berakhir",
            ),
            (
                "SOP-ALUR",
                "langkah[2]",
                "dari langkah 2 alur tidak pernah sampai ke simbol Selesai; arahkan `lanjut:` "
                "atau salah satu cabang keputusan ke langkah yang berakhir, atau tulis "
                "`lanjut: []` pada langkah tempat alur berakhir",
            ),
        ),
    ),
    Case(
        "SOP-NOMOR-LANGKAH",
        "sop",
        sets("langkah", 2, "no", value=4),
        "langkah[3].no",
        "nomor langkah 4 seharusnya 3 (langkah ke-3); perbaiki nomornya (dan nomor langkah "
        "sesudahnya) atau hapus semua `no:`; langkah dinomori menurut urutannya",
    ),
    # --- mutu baku
    Case(
        "MUTU-BAKU",
        "sop",
        both(deletes("langkah", 0, "kelengkapan"), sets("langkah", 0, "output", value="-")),
        "langkah[1].kelengkapan",
        "Mutu Baku langkah 1 belum memuat kelengkapan dan output; isi `kelengkapan:` "
        "dan `output:` (apa yang diperlukan dan apa yang dihasilkan langkah ini)",
    ),
    # --- text
    Case(
        "TEKS-GANDA",
        "sk",
        sets("diktum", 1, value="Keputusan ini ini berlaku sejak tanggal ditetapkan."),
        "diktum[2]",
        "'ini' tertulis dua kali berturut-turut; hapus salah satunya",
    ),
    Case(
        "TEKS-GANDA",
        "sop",
        lambda d: d.__setitem__(
            "kualifikasi_pelaksana",
            ["Memahami Pelaporan Kinerja, Pelaporan Kinerja dan Tata Cara Reviu"],
        ),
        "kualifikasi_pelaksana[1]",
        "'Pelaporan Kinerja' tertulis dua kali berturut-turut; hapus salah satunya",
    ),
    Case(
        "TEKS-SPASI",
        "sop",
        sets("nama", value="Pendataan  Kegiatan"),
        "nama",
        "ada spasi ganda di 'Pendataan  Kegiatan'; ganti dengan satu spasi",
    ),
    Case(
        "TEKS-ISIAN",
        "sop",
        sets("peringatan", value=["Hubungi [Nama Petugas] bila data belum lengkap"]),
        "peringatan[1]",
        "isian [Nama Petugas] belum diganti; tulis nilai sebenarnya sebelum dokumen "
        "dicetak untuk ditandatangani",
    ),
    Case(
        "TEKS-PELAKSANA",
        "sop",
        sets("langkah", 0, "kegiatan", value="Staf menyiapkan bahan pendataan"),
        "langkah[1].kegiatan",
        "kegiatan diawali nama pelaksananya 'Staf' (sudah ditunjukkan oleh kolomnya); tulis "
        "'Menyiapkan bahan pendataan'",
    ),
]


@pytest.mark.parametrize("case", FAILING, ids=lambda c: c.id)
def test_rule_fails(check: CheckRun, case: Case) -> None:
    """Every rule runs: the change causes exactly the expected issues, no more, no fewer."""
    if case.pejabat:
        issues = check(case.base, pejabat=case.change)
    else:
        issues = check(case.base, case.change)
    found = sorted((i.code, format_path(i.path), i.message) for i in issues)
    assert found == sorted([(case.code, case.where, case.says), *case.also])
    assert all(i.severity is REGISTRY[i.code].severity for i in issues)
    if case.pejabat:
        # A record's own problem is reported in pejabat.yaml; a document dated outside its
        # signer's time in office is reported at the document's date.
        expected = "sk.yaml" if case.code == "PEJABAT-MASA" else "pejabat.yaml"
        expected = "sop.yaml" if case.base == "sop" and case.code == "PEJABAT-MASA" else expected
        assert all(i.file.endswith(expected) for i in issues)


PASSING: list[tuple[str, str, Callable[[Data], None] | None]] = [
    # Inline citations equal to the catalog: case, spacing, end punctuation ignored.
    (
        "HUKUM-KATALOG",
        "sop",
        sets("dasar_hukum", 0, value=inline("PP", "8", 2006, PP_8_2006.upper() + ";")),
    ),
    ("HUKUM-TIDAK-DIKENAL", "sop", sets("dasar_hukum", 0, value=inline("PP", "8", 2006, "x"))),
    # Same number, another year, an unrelated title: another regulation, not a typo.
    ("HUKUM-KATALOG", "sop", sets("dasar_hukum", 0, value=inline("PP", "8", 2005, "Kehutanan"))),
    # Only a resembling title: never an error of HUKUM-KATALOG.
    ("HUKUM-KATALOG", "sop", sets("dasar_hukum", 0, value=inline("PP", "60", 2008, PP_8_2006))),
    (
        "HUKUM-JUDUL",
        "sop",
        sets(
            "dasar_hukum",
            0,
            value=inline("PP", "8", 2006, "pelaporan keuangan  dan kinerja instansi pemerintah."),
        ),
    ),
    # An SOP's Dasar Hukum may leave out LN/TLN.
    ("HUKUM-LEMBARAN", "sop", sets("dasar_hukum", 0, value=inline("PP", "8", 2006, PP_8_2006))),
    ("HUKUM-DICABUT", "sk", None),
    # The same regulation in the SK's Mengingat and in its lampiran's Dasar Hukum is fine.
    ("HUKUM-GANDA", "sk", None),
    # An official's Keputusan has no fixed place in the order.
    (
        "HUKUM-URUTAN",
        "sop",
        inserts(
            "dasar_hukum",
            0,
            value=inline("Keputusan", "1", 2030, "Tim", penerbit="Bupati Contoh"),
        ),
    ),
    ("MENIMBANG-BENTUK", "sk", None),
    ("MENIMBANG-PENUTUP", "sk", sets("menimbang", value=[*TIGA_MENIMBANG, PENUTUP_3])),
    # A single consideration has no closing item.
    ("MENIMBANG-PENUTUP", "sk", sets("menimbang", value=TIGA_MENIMBANG[:1])),
    ("TANGGAL-EFEKTIF", "sop", sets("tanggal_efektif", value=dt.date(2024, 1, 2))),
    ("TANGGAL-REVISI", "sop", sets("tanggal_revisi", value=[dt.date(2024, 1, 2)])),
    # The full date, in either form, is what the rule asks for.
    ("TANGGAL-BULAN", "sop", sets("tanggal_pembuatan", value="2 Januari 2024")),
    ("TANGGAL-BULAN", "sop", None),
    (
        "TANGGAL-LAMPIRAN",
        "sk",
        lambda d: lampiran(d).__setitem__("tanggal_efektif", dt.date(2024, 2, 10)),
    ),
    # Same rank as the Peraturan Menteri, later year: in its place after it.
    (
        "HUKUM-URUTAN",
        "sop",
        lambda d: d["dasar_hukum"].append({**BASARNAS_2010, "tahun": 2015}),
    ),
    ("LAMPIRAN-BEDA-SK", "sk", lambda d: lampiran(d).__setitem__("nomor", "700/12/DC.TU/2024")),
    ("NOMOR-BENTUK", "sk", sets("nomor", value="000.8.3.3/12/KPTS/III.20/2024")),
    ("NOMOR-BENTUK", "sk", sets("nomor", value="503/ /DPMPTSP/2024")),
    ("NOMOR-DRAF", "sk", None),
    # A draft may wait for its number; a signed document with its number passes.
    ("STATUS-NOMOR-DRAF", "sk", sets("nomor", value="503/ /DPMPTSP/2024")),
    ("STATUS-NOMOR-DRAF", "sk", sets("status", value="ditetapkan")),
    ("STATUS-LAMPIRAN", "sk", sets("status", value="ditetapkan")),
    ("NOMOR-TAHUN", "sk", None),
    ("NIP-LAHIR", "sk", None),
    # PPPK: code 21 in place of the month; only the year is checked.
    ("NIP-PENGANGKATAN", "sk", pejabat_nip("19850312 202121 2 004")),
    ("NIP-KELAMIN", "sk", pejabat_nip("19850312 201001 2 004")),
    # Both ends of a period are days in office.
    (
        "PEJABAT-MASA",
        "sk",
        sets(
            "kadis",
            "menjabat",
            value=[
                {"dari": dt.date(2020, 1, 2), "sampai": dt.date(2023, 12, 31)},
                {"dari": dt.date(2024, 2, 10), "sampai": dt.date(2024, 2, 10), "status": "Plh."},
            ],
        ),
    ),
    ("PANGKAT-GOLONGAN", "sk", sets("kadis", "pangkat", value="PEMBINA Tk.I")),
    ("PANGKAT-GOLONGAN", "sk", sets("kadis", "pangkat", value="Pembina Tingkat I")),
    (
        "PANGKAT-GOLONGAN",
        "sk",
        promoted({"pangkat": "Pembina Utama Muda", "golongan": "IV/c"}),
    ),
    ("SOP-PELAKSANA", "sk", None),
    ("SOP-CABANG", "sk", None),
    ("SOP-KOLOM-KOSONG", "sk", None),
    # A "tidak" branch looping back to an earlier step (seed 004's penilaian) is fine.
    ("SOP-ALUR", "sop", None),
    ("SOP-NOMOR-LANGKAH", "sop", lambda d: [step.pop("no") for step in d["langkah"]]),
    ("MUTU-BAKU", "sop", None),
    ("TEKS-GANDA", "sop", sets("nama", value="Pendataan masing-masing Bidang Nomor 7, Nomor 7")),
    ("TEKS-SPASI", "sop", sets("peringatan", value=["Satu:\n    indentasi bukan spasi ganda"])),
    (
        "TEKS-PELAKSANA",
        "sop",
        sets("langkah", 0, "kegiatan", value="Menyerahkan bahan kepada Staf"),
    ),
    ("TEKS-ISIAN", "sop", sets("peringatan", value=["Daftar hadir [lampiran 2] diarsipkan"])),
]

PEJABAT_CHANGES = {
    "PEJABAT-MASA",
    "NIP-LAHIR",
    "NIP-PENGANGKATAN",
    "NIP-KELAMIN",
    "PANGKAT-GOLONGAN",
}


@pytest.mark.parametrize(
    ("code", "base", "change"), PASSING, ids=[f"{c}:{i}" for i, (c, _, _) in enumerate(PASSING)]
)
def test_rule_passes(
    check: CheckRun, code: str, base: str, change: Callable[[Data], None] | None
) -> None:
    if code in PEJABAT_CHANGES:
        issues = check(base, pejabat=change, code=code)
    else:
        issues = check(base, change, code=code)
    assert [i.format() for i in issues] == []


@pytest.mark.parametrize("base", ["sk", "sop"])
def test_base_documents_pass_every_rule(check: CheckRun, base: str) -> None:
    assert [i.format() for i in check(base)] == []


def test_every_rule_has_a_failing_and_a_passing_case() -> None:
    # WAKTU-* are tested in tests/test_waktu.py; TEKS-KOMA needs flow-style YAML as typed,
    # which this harness does not write (tests/checks/test_teks_koma.py).
    # INSTANSI-* need files beside instansi.yaml (tests/checks/test_instansi.py).
    # TANGGAL-MASA-DEPAN needs a pinned today (tests/checks/test_new_rules.py).
    # NOMOR-GANDA compares documents checked together (tests/checks/test_new_rules.py).
    elsewhere = {"TEKS-KOMA", "INSTANSI-LOGO", "INSTANSI-TEMPLAT", "TANGGAL-MASA-DEPAN"}
    elsewhere |= {"NOMOR-GANDA", "INSTANSI-LOGO-KOSONG"}
    mine = {code for code in REGISTRY if not code.startswith("WAKTU-")} - elsewhere
    assert {case.code for case in FAILING} == mine
    assert {code for code, _, _ in PASSING} == mine


#: English function words that never occur in Indonesian prose: a penjelasan containing
#: one was most likely copied from a docstring.
_ENGLISH = re.compile(r"\b(the|is|are|of|and|must|when|which|should|not|with)\b", re.IGNORECASE)


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_every_rule_is_documented(code: str) -> None:
    rule = REGISTRY[code]
    assert rule.doc and rule.title and rule.wrong and rule.right
    assert rule.severity in (Severity.ERROR, Severity.WARNING)
    assert rule.code == rule.code.upper()
    # docs/checks.md is read by staff: each rule has its own Indonesian explanation, short
    # (one to three sentences), not the English docstring written for developers.
    assert rule.penjelasan.strip()
    assert _words(rule.penjelasan) != _words(rule.doc)
    assert _words(rule.doc)[:60] not in _words(rule.penjelasan)
    assert not _ENGLISH.findall(rule.penjelasan), "penjelasan is Indonesian"
    assert len(rule.penjelasan) <= 500, "penjelasan is one to three plain sentences"


def test_a_rule_needs_a_penjelasan() -> None:
    with pytest.raises(ValueError, match="penjelasan"):
        checks.rule(
            "X-KOSONG",
            Severity.WARNING,
            "judul",
            scope="dokumen",
            penjelasan=" \n ",
            wrong="a: 1",
            right="a: 2",
        )


def mulai_selesai(data: Data) -> None:
    """Numbered Mulai and Selesai rows around the steps, without Mutu Baku (as schools
    and puskesmas write them); the branches and numbers move along."""
    for step in data["langkah"]:
        step["no"] += 1
        if "keputusan" in step:
            step["keputusan"]["tidak"] += 1
    data["langkah"].insert(0, {"no": 1, "kegiatan": "Mulai", "pelaksana": "Staf", "jenis": "mulai"})
    end = len(data["langkah"]) + 1
    data["langkah"].append(
        {"no": end, "kegiatan": "Selesai", "pelaksana": "Staf", "jenis": "selesai"}
    )


def test_numbered_mulai_selesai_rows_check_clean(check: CheckRun) -> None:
    assert [i.format() for i in check("sop", mulai_selesai)] == []


@pytest.mark.parametrize("code", ["MUTU-BAKU", "WAKTU-KOSONG"])
def test_an_empty_kegiatan_row_is_still_reported(check: CheckRun, code: str) -> None:
    """The other side: the same empty rows as plain kegiatan draw the warnings."""

    def plain(data: Data) -> None:
        mulai_selesai(data)
        for step in data["langkah"]:
            step.pop("jenis", None)

    issues = check("sop", plain, code=code)
    assert sorted(format_path(i.path) for i in issues) == sorted(
        {
            "MUTU-BAKU": ["langkah[1].kelengkapan", "langkah[5].kelengkapan"],
            "WAKTU-KOSONG": ["langkah[1].waktu", "langkah[5].waktu"],
        }[code]
    )


def test_steps_after_a_numbered_mulai_row_are_checked(check: CheckRun) -> None:
    """A Mulai row first does not end the check: a kegiatan after it without output is
    reported, at its own row (the Mulai row is langkah 1)."""

    def without_output(data: Data) -> None:
        mulai_selesai(data)
        del data["langkah"][2]["output"]

    issues = check("sop", without_output, code="MUTU-BAKU")
    assert [(format_path(i.path), i.message) for i in issues] == [
        (
            "langkah[3].output",
            "Mutu Baku langkah 3 belum memuat output; isi `output:` (apa yang diperlukan dan "
            "apa yang dihasilkan langkah ini)",
        )
    ]
