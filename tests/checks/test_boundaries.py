"""Both sides of every threshold of the rules: the last accepted value next to the first
refused one (dates a day apart, a month 12 next to 13, a year of four digits next to two,
a branch to the last step next to one past it ...).

Each case runs one rule on a base document of tests/data/checks/ changed a little, and
pins the whole list of issues: the printed data path and the exact message, or none.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from sk_generator.checks.kutipan import must_precede
from sk_generator.checks.nomor import parse_nomor
from sk_generator.diagnostics import format_path
from sk_generator.model import Peraturan
from tests.checks.conftest import CheckRun
from tests.checks.test_rules import (
    MASA_FIX,
    PENUTUP_3,
    TIGA_MENIMBANG,
    Data,
    both,
    deletes,
    inline,
    lampiran,
    pejabat_nip,
    sets,
)

#: The rules that look at "today" (a birth date or appointment in the future) are pinned
#: at today and at the day or month after it.
TODAY = dt.date.today()
TOMORROW = TODAY + dt.timedelta(days=1)
NEXT_YEAR = TODAY.year + 1
NEXT_MONTH = dt.date(TODAY.year + (TODAY.month == 12), TODAY.month % 12 + 1, 1)


@dataclass(frozen=True)
class Edge:
    id: str
    code: str
    base: str
    change: Callable[[Data], object] | None
    #: (printed data path, whole message) of every issue, in order; [] when accepted.
    expected: list[tuple[str, str]]
    #: The change edits pejabat.yaml rather than the document.
    pejabat: bool = False


def bentuk(ident: str, nomor: str, problem: str | None = None) -> Edge:
    """A NOMOR-BENTUK case: the SK's nomor set to `nomor`, refused for `problem` or accepted."""
    shape = "kode klasifikasi/nomor urut/kode unit/tahun (mis. 700/109/DISNAKERTRANS.TU.1/2022)"
    expected = [("nomor", f"nomor '{nomor}' tidak berbentuk {shape}: {problem}")]
    return Edge(
        ident, "NOMOR-BENTUK", "sk", sets("nomor", value=nomor), expected if problem else []
    )


EDGES = [
    # draft: (id, code, base, change, pejabat?)
    # NIP-LAHIR: calendar, 1900, the future
    Edge("lahir-1900", "NIP-LAHIR", "sk", pejabat_nip("19000101 199003 1 006"), [], pejabat=True),
    Edge(
        "lahir-1899",
        "NIP-LAHIR",
        "sk",
        pejabat_nip("18991231 199003 1 006"),
        [
            (
                "pejabat.kadis.nip",
                "NIP 18991231 199003 1 006: '18991231' bukan tanggal lahir (tahun, bulan, "
                "tanggal) yang ada; periksa delapan angka pertama NIP",
            )
        ],
        pejabat=True,
    ),
    Edge(
        "lahir-today",
        "NIP-LAHIR",
        "sk",
        pejabat_nip(f"{TODAY:%Y%m%d} 199003 1 006"),
        [],
        pejabat=True,
    ),
    Edge(
        "lahir-tomorrow",
        "NIP-LAHIR",
        "sk",
        pejabat_nip(f"{TOMORROW:%Y%m%d} 199003 1 006"),
        [
            (
                "pejabat.kadis.nip",
                f"NIP {TOMORROW:%Y%m%d} 199003 1 006: '{TOMORROW:%Y%m%d}' bukan tanggal lahir "
                "(tahun, bulan, tanggal) yang ada; periksa delapan angka pertama NIP",
            )
        ],
        pejabat=True,
    ),
    Edge("lahir-feb29", "NIP-LAHIR", "sk", pejabat_nip("19680229 199003 1 006"), [], pejabat=True),
    Edge(
        "lahir-feb29-noleap",
        "NIP-LAHIR",
        "sk",
        pejabat_nip("19670229 199003 1 006"),
        [
            (
                "pejabat.kadis.nip",
                "NIP 19670229 199003 1 006: '19670229' bukan tanggal lahir (tahun, bulan, "
                "tanggal) yang ada; periksa delapan angka pertama NIP",
            )
        ],
        pejabat=True,
    ),
    # NIP-PENGANGKATAN: month 00/01/12/13, future, age 18
    Edge(
        "angkat-00",
        "NIP-PENGANGKATAN",
        "sk",
        pejabat_nip("19670621 199000 1 006"),
        [
            (
                "pejabat.kadis.nip",
                "NIP 19670621 199000 1 006: bulan pengangkatan '00' tidak ada (harus 01-12; NIP "
                "PPPK memakai kode 21); periksa angka ke-9 sampai ke-14 NIP",
            )
        ],
        pejabat=True,
    ),
    Edge(
        "angkat-01",
        "NIP-PENGANGKATAN",
        "sk",
        pejabat_nip("19670621 199001 1 006"),
        [],
        pejabat=True,
    ),
    Edge(
        "angkat-12",
        "NIP-PENGANGKATAN",
        "sk",
        pejabat_nip("19670621 199012 1 006"),
        [],
        pejabat=True,
    ),
    Edge(
        "angkat-this-month",
        "NIP-PENGANGKATAN",
        "sk",
        pejabat_nip(f"19670621 {TODAY:%Y%m} 1 006"),
        [],
        pejabat=True,
    ),
    Edge(
        "angkat-next-month",
        "NIP-PENGANGKATAN",
        "sk",
        pejabat_nip(f"19670621 {NEXT_MONTH:%Y%m} 1 006"),
        [
            (
                "pejabat.kadis.nip",
                f"NIP 19670621 {NEXT_MONTH:%Y%m} 1 006: tahun/bulan pengangkatan "
                f"{NEXT_MONTH:%Y%m} belum terjadi; periksa angka ke-9 sampai ke-14 NIP",
            )
        ],
        pejabat=True,
    ),
    Edge(
        "angkat-pppk-this-year",
        "NIP-PENGANGKATAN",
        "sk",
        pejabat_nip(f"19670621 {TODAY.year}21 1 006"),
        [],
        pejabat=True,
    ),
    Edge(
        "angkat-pppk-next-year",
        "NIP-PENGANGKATAN",
        "sk",
        pejabat_nip(f"19670621 {NEXT_YEAR}21 1 006"),
        [
            (
                "pejabat.kadis.nip",
                f"NIP 19670621 {NEXT_YEAR}21 1 006: tahun/bulan pengangkatan {NEXT_YEAR}21 belum "
                "terjadi; periksa angka ke-9 sampai ke-14 NIP",
            )
        ],
        pejabat=True,
    ),
    Edge(
        "angkat-umur-18",
        "NIP-PENGANGKATAN",
        "sk",
        pejabat_nip("19720319 199003 1 001"),
        [],
        pejabat=True,
    ),
    Edge(
        "angkat-umur-17",
        "NIP-PENGANGKATAN",
        "sk",
        pejabat_nip("19720319 199002 1 001"),
        [
            (
                "pejabat.kadis.nip",
                "NIP 19720319 199002 1 001: diangkat 199002 sebelum berumur 18 tahun (lahir "
                "19720319); periksa tanggal lahir dan tahun pengangkatan pada NIP",
            )
        ],
        pejabat=True,
    ),
    Edge(
        "angkat-pppk-umur-18",
        "NIP-PENGANGKATAN",
        "sk",
        pejabat_nip("19721219 199021 1 001"),
        [],
        pejabat=True,
    ),
    Edge(
        "angkat-pppk-umur-17",
        "NIP-PENGANGKATAN",
        "sk",
        pejabat_nip("19721219 198921 1 001"),
        [
            (
                "pejabat.kadis.nip",
                "NIP 19721219 198921 1 001: diangkat 198921 sebelum berumur 18 tahun (lahir "
                "19721219); periksa tanggal lahir dan tahun pengangkatan pada NIP",
            )
        ],
        pejabat=True,
    ),
    Edge(
        "angkat-lahir-salah",
        "NIP-PENGANGKATAN",
        "sk",
        pejabat_nip("19671321 198003 1 006"),
        [],
        pejabat=True,
    ),
    # NIP-KELAMIN
    Edge(
        "kelamin-0",
        "NIP-KELAMIN",
        "sk",
        pejabat_nip("19670621 199003 0 006"),
        [
            (
                "pejabat.kadis.nip",
                "NIP 19670621 199003 0 006: angka ke-15 '0' harus 1 (pria) atau 2 (wanita); "
                "periksa NIP",
            )
        ],
        pejabat=True,
    ),
    Edge("kelamin-2", "NIP-KELAMIN", "sk", pejabat_nip("19670621 199003 2 006"), [], pejabat=True),
    # PANGKAT-GOLONGAN
    Edge(
        "pangkat-tak-dikenal",
        "PANGKAT-GOLONGAN",
        "sk",
        sets("kadis", "pangkat", value="Pembina Muda"),
        [
            (
                "pejabat.kadis.pangkat",
                "pangkat 'Pembina Muda' tidak sesuai golongan IV/b; golongan IV/b berpangkat "
                "'Pembina Tingkat I': perbaiki pangkat atau golongannya",
            )
        ],
        pejabat=True,
    ),
    Edge("pangkat-kosong", "PANGKAT-GOLONGAN", "sk", deletes("kadis", "pangkat"), [], pejabat=True),
    Edge(
        "pangkat-tk-titik-spasi",
        "PANGKAT-GOLONGAN",
        "sk",
        sets("kadis", "pangkat", value="pembina  tk . i"),
        [],
        pejabat=True,
    ),
    # NOMOR-BENTUK
    bentuk(
        "nomor-tahun-2-angka", "700/12/DC.TU/24", "bagian terakhir '24' harus tahun empat angka"
    ),
    bentuk(
        "nomor-tahun-5-angka",
        "700/12/DC.TU/20245",
        "bagian terakhir '20245' harus tahun empat angka",
    ),
    bentuk(
        "nomor-kode-2-angka",
        "70/12/DC.TU/2024",
        "kode klasifikasi '70' harus angka klasifikasi arsip, mis. 700 atau 000.8.3.3",
    ),
    bentuk(
        "nomor-kode-4-angka",
        "7000/12/DC.TU/2024",
        "kode klasifikasi '7000' harus angka klasifikasi arsip, mis. 700 atau 000.8.3.3",
    ),
    bentuk(
        "nomor-kode-titik-akhir",
        "700./12/DC.TU/2024",
        "kode klasifikasi '700.' harus angka klasifikasi arsip, mis. 700 atau 000.8.3.3",
    ),
    bentuk("nomor-urut-huruf", "700/12a/DC.TU/2024"),
    bentuk("nomor-urut-2-huruf", "700/12ab/DC.TU/2024", "nomor urut '12ab' harus angka"),
    bentuk("nomor-urut-titik", "700/12.1/DC.TU/2024"),
    bentuk("nomor-unit-strip", "700/12/DC-TU/2024"),
    bentuk(
        "nomor-unit-diawali-titik",
        "700/12/.DC/2024",
        "kode unit '.DC' hanya boleh huruf, angka, titik dan strip (tanpa spasi)",
    ),
    bentuk(
        "nomor-unit-kosong",
        "700/12//2024",
        "kode unit '' hanya boleh huruf, angka, titik dan strip (tanpa spasi)",
    ),
    Edge("nomor-draf-rusak", "NOMOR-DRAF", "sk", sets("nomor", value="70/ /DC.TU/2024"), []),
    Edge("nomor-draf-tiga-bagian", "NOMOR-DRAF", "sk", sets("nomor", value="700/ /2024"), []),
    Edge("nomor-tahun-draf", "NOMOR-TAHUN", "sk", sets("nomor", value="700/ /DC.TU/2023"), []),
    Edge("nomor-tahun-rusak", "NOMOR-TAHUN", "sk", sets("nomor", value="700/12/DC TU/2023"), []),
    Edge(
        "nomor-tahun-sop-sama", "NOMOR-TAHUN", "sop", sets("nomor", value="061.1/3/DC.TU/2024"), []
    ),
    # TANGGAL: a month-year date is neither before nor after a day of its own month
    Edge(
        "efektif-bulan-yang-sama",
        "TANGGAL-EFEKTIF",
        "sop",
        sets("tanggal_efektif", value="Januari 2024"),
        [],
    ),
    Edge(
        "efektif-bulan-sebelumnya",
        "TANGGAL-EFEKTIF",
        "sop",
        sets("tanggal_efektif", value="Desember 2023"),
        [
            (
                "tanggal_efektif",
                "tanggal efektif Desember 2023 sebelum tanggal pembuatan 2 Januari 2024; SOP "
                "berlaku setelah selesai disusun: perbaiki salah satu tanggal",
            )
        ],
    ),
    Edge(
        "revisi-bulan-yang-sama",
        "TANGGAL-REVISI",
        "sop",
        sets("tanggal_revisi", value=["Januari 2024"]),
        [],
    ),
    Edge(
        "pembuatan-bulan-sesudah-revisi",
        "TANGGAL-REVISI",
        "sop",
        sets("tanggal_pembuatan", value="April 2024"),
        [
            (
                "tanggal_revisi[1]",
                "tanggal revisi 1 Maret 2024 sebelum tanggal pembuatan April 2024; perbaiki "
                "tanggalnya (revisi selalu sesudah pembuatan)",
            )
        ],
    ),
    # TANGGAL
    Edge(
        "revisi-sama",
        "TANGGAL-REVISI",
        "sop",
        sets("tanggal_revisi", value=[dt.date(2024, 3, 1), dt.date(2024, 3, 1)]),
        [],
    ),
    Edge(
        "revisi-sehari-sebelum",
        "TANGGAL-REVISI",
        "sop",
        sets("tanggal_revisi", value=[dt.date(2024, 3, 1), dt.date(2024, 2, 29)]),
        [
            (
                "tanggal_revisi[2]",
                "tanggal revisi 29 Februari 2024 sebelum revisi sebelumnya 1 Maret 2024; urutkan "
                "tanggal revisi dari yang terlama",
            )
        ],
    ),
    Edge(
        "revisi-dua-salah",
        "TANGGAL-REVISI",
        "sop",
        sets("tanggal_revisi", value=[dt.date(2024, 3, 1), dt.date(2023, 3, 1)]),
        [
            (
                "tanggal_revisi[2]",
                "tanggal revisi 1 Maret 2023 sebelum tanggal pembuatan 2 Januari 2024; perbaiki "
                "tanggalnya (revisi selalu sesudah pembuatan)",
            )
        ],
    ),
    Edge(
        "revisi-sebelum-pembuatan-sehari",
        "TANGGAL-REVISI",
        "sop",
        sets("tanggal_revisi", value=[dt.date(2024, 1, 1)]),
        [
            (
                "tanggal_revisi[1]",
                "tanggal revisi 1 Januari 2024 sebelum tanggal pembuatan 2 Januari 2024; "
                "perbaiki tanggalnya (revisi selalu sesudah pembuatan)",
            )
        ],
    ),
    Edge(
        "efektif-sama-lampiran",
        "TANGGAL-EFEKTIF",
        "sk",
        lambda d: lampiran(d).__setitem__("tanggal_pembuatan", dt.date(2024, 2, 10)),
        [],
    ),
    Edge(
        "efektif-lampiran-sendiri",
        "TANGGAL-EFEKTIF",
        "sk",
        both(
            lambda d: lampiran(d).__setitem__("tanggal_pembuatan", dt.date(2024, 2, 12)),
            lambda d: lampiran(d).__setitem__("tanggal_efektif", dt.date(2024, 2, 11)),
        ),
        [
            (
                "lampiran[1].tanggal_efektif",
                "tanggal efektif 11 Februari 2024 sebelum tanggal pembuatan 12 Februari 2024; "
                "SOP berlaku setelah selesai disusun: perbaiki salah satu tanggal",
            )
        ],
    ),
    Edge(
        "lampiran-sehari-sebelum-sk",
        "TANGGAL-LAMPIRAN",
        "sk",
        lambda d: lampiran(d).__setitem__("tanggal_efektif", dt.date(2024, 2, 9)),
        [
            (
                "lampiran[1].tanggal_efektif",
                "SOP lampiran berlaku 9 Februari 2024, sebelum SK ditetapkan 10 Februari 2024; "
                "hapus `tanggal_efektif` agar mengikuti tanggal SK",
            )
        ],
    ),
    Edge(
        "lampiran-sesudah-sk",
        "TANGGAL-LAMPIRAN",
        "sk",
        lambda d: lampiran(d).__setitem__("tanggal_efektif", dt.date(2024, 2, 11)),
        [],
    ),
    Edge(
        "beda-sk-sehari-sesudah",
        "LAMPIRAN-BEDA-SK",
        "sk",
        lambda d: lampiran(d).__setitem__("tanggal_efektif", dt.date(2024, 2, 11)),
        [
            (
                "lampiran[1].tanggal_efektif",
                "tanggal SOP lampiran 11 Februari 2024 berbeda dari tanggal SK 10 Februari 2024; "
                "hapus `tanggal_efektif` agar mengikuti tanggal SK",
            )
        ],
    ),
    Edge(
        "beda-sk-sehari-sebelum",
        "LAMPIRAN-BEDA-SK",
        "sk",
        lambda d: lampiran(d).__setitem__("tanggal_efektif", dt.date(2024, 2, 9)),
        [],
    ),
    Edge(
        "beda-sk-nomor-spasi",
        "LAMPIRAN-BEDA-SK",
        "sk",
        lambda d: lampiran(d).__setitem__("nomor", " 700/12/DC.TU/2024  "),
        [],
    ),
    Edge("beda-sk-sop-sendiri", "LAMPIRAN-BEDA-SK", "sop", None, []),
    Edge(
        "beda-sk-tanggal-sama",
        "LAMPIRAN-BEDA-SK",
        "sk",
        lambda d: lampiran(d).__setitem__("tanggal_efektif", dt.date(2024, 2, 10)),
        [],
    ),
    # a run of spaces (a line folded in the YAML) inside the lampiran's nomor
    Edge(
        "beda-sk-nomor-spasi-di-dalam",
        "LAMPIRAN-BEDA-SK",
        "sk",
        both(
            sets("nomor", value="700/12/DC TU/2024"),
            lambda d: lampiran(d).__setitem__("nomor", "700/12/DC  TU/2024"),
        ),
        [],
    ),
    # TANGGAL-BULAN: each date of the SOP, at its own place
    Edge(
        "bulan-tanggal-efektif-dan-revisi",
        "TANGGAL-BULAN",
        "sop",
        both(
            sets("tanggal_efektif", value="Januari 2024"),
            sets("tanggal_revisi", value=["2024-03-01", "April 2024"]),
        ),
        [
            (
                "tanggal_efektif",
                "tanggal efektif ditulis bulan dan tahun saja ('Januari 2024') dan dicetak "
                "demikian; tanggal lengkap lebih baik: tulis harinya bila diketahui, mis. "
                "'17 Januari 2024'",
            ),
            (
                "tanggal_revisi[2]",
                "tanggal revisi ditulis bulan dan tahun saja ('April 2024') dan dicetak "
                "demikian; tanggal lengkap lebih baik: tulis harinya bila diketahui, mis. "
                "'17 April 2024'",
            ),
        ],
    ),
    # SOP flow
    Edge(
        "cabang-ke-langkah-terakhir",
        "SOP-CABANG",
        "sk",
        lambda d: lampiran(d)["langkah"][2].__setitem__("keputusan", {"tidak": 4}),
        [],
    ),
    Edge(
        "cabang-lewat-terakhir",
        "SOP-CABANG",
        "sk",
        lambda d: lampiran(d)["langkah"][2].__setitem__("keputusan", {"tidak": 5}),
        [
            (
                "lampiran[1].langkah[3].keputusan.tidak",
                "cabang 'tidak' menunjuk langkah 5, padahal SOP ini hanya punya 4 langkah; isi "
                "nomor langkah 1 sampai 4",
            )
        ],
    ),
    Edge(
        "cabang-ke-diri-sendiri",
        "SOP-CABANG",
        "sk",
        # A decision may wait on itself ("tidak" back to the same step, issue 17).
        lambda d: lampiran(d)["langkah"][2].__setitem__("keputusan", {"tidak": 3}),
        [],
    ),
    Edge(
        "cabang-ya-ke-diri-sendiri",
        "SOP-CABANG",
        "sk",
        lambda d: lampiran(d)["langkah"][2].__setitem__("keputusan", {"ya": 3, "tidak": 1}),
        [],
    ),
    Edge(
        "cabang-terakhir-tanpa-ya",
        "SOP-CABANG",
        "sop",
        sets("langkah", 2, "keputusan", value={"tidak": 1}),
        [
            (
                "langkah[3].keputusan",
                "langkah keputusan terakhir tidak punya langkah berikutnya untuk cabang 'ya'; "
                "isi `ya:` dengan nomor langkah tujuan",
            )
        ],
    ),
    Edge(
        "cabang-terakhir-dengan-ya",
        "SOP-CABANG",
        "sop",
        sets("langkah", 2, "keputusan", value={"ya": 1, "tidak": 2}),
        [],
    ),
    Edge(
        "alur-ke-langkah-terakhir",
        "SOP-ALUR",
        "sop",
        sets("langkah", 1, "keputusan", value={"tidak": 3}),
        [],
    ),
    Edge(
        "alur-ya-ke-terakhir",
        "SOP-ALUR",
        "sop",
        sets("langkah", 0, "keputusan", value={"ya": 3, "tidak": 2}),
        [],
    ),
    Edge(
        "alur-ya-lewati",
        "SOP-ALUR",
        "sop",
        sets("langkah", 0, "keputusan", value={"ya": 3, "tidak": 3}),
        [
            (
                "langkah[2]",
                "langkah 2 tidak dapat dicapai dari langkah 1 (tidak ada panah yang menuju "
                "langkah ini); arahkan `lanjut:` atau cabang keputusan ke langkah ini, atau "
                "hapus langkahnya",
            )
        ],
    ),
    Edge(
        "nomor-langkah-1",
        "SOP-NOMOR-LANGKAH",
        "sop",
        sets("langkah", 0, "no", value=2),
        [
            (
                "langkah[1].no",
                "nomor langkah 2 seharusnya 1 (langkah ke-1); perbaiki nomornya (dan nomor "
                "langkah sesudahnya) atau hapus semua `no:`; langkah dinomori menurut urutannya",
            )
        ],
    ),
    # SOP-PELAKSANA: a column is suggested from a similarity of 0.5 (difflib's ratio) on:
    # "Staf Teknis" is 0.53 like "Staf", "Kadis" 0.47 like "Kepala Dinas"
    Edge(
        "pelaksana-mirip-0.53",
        "SOP-PELAKSANA",
        "sop",
        sets("langkah", 0, "pelaksana", value="Staf Teknis"),
        [
            (
                "langkah[1].pelaksana",
                "'Staf Teknis' bukan kolom pelaksana SOP ini; mungkin maksudnya 'Staf'?",
            )
        ],
    ),
    Edge(
        "pelaksana-mirip-0.47",
        "SOP-PELAKSANA",
        "sop",
        sets("langkah", 0, "pelaksana", value="Kadis"),
        [
            (
                "langkah[1].pelaksana",
                "'Kadis' bukan kolom pelaksana SOP ini; pilih salah satu: Kepala Dinas, Staf, "
                "atau tambahkan kolom itu ke `pelaksana`",
            )
        ],
    ),
    # SOP-ALUR: a flow with two ends (`lanjut: []` and the last step); each branch reaches
    # its own end
    Edge(
        "alur-dua-akhir",
        "SOP-ALUR",
        "sop",
        both(
            sets("langkah", 0, "lanjut", value=[2, 3]),
            sets("langkah", 0, "simultan", value=True),
            deletes("langkah", 1, "keputusan"),
            sets("langkah", 1, "lanjut", value=[]),
        ),
        [],
    ),
    Edge(
        "pelaksana-tanpa-mirip",
        "SOP-PELAKSANA",
        "sop",
        sets("langkah", 0, "pelaksana", value="Bendahara"),
        [
            (
                "langkah[1].pelaksana",
                "'Bendahara' bukan kolom pelaksana SOP ini; pilih salah satu: Kepala Dinas, "
                "Staf, atau tambahkan kolom itu ke `pelaksana`",
            )
        ],
    ),
    # MENIMBANG
    Edge(
        "menimbang-huruf-besar",
        "MENIMBANG-BENTUK",
        "sk",
        sets("menimbang", 0, value="Bahwa untuk tertib pelaksanaan kegiatan diperlukan SOP;"),
        [("menimbang[1]", "butir Menimbang harus diawali 'bahwa' (huruf kecil)")],
    ),
    Edge(
        "menimbang-titik",
        "MENIMBANG-BENTUK",
        "sk",
        sets("menimbang", 0, value="bahwa untuk tertib pelaksanaan kegiatan diperlukan SOP."),
        [("menimbang[1]", "butir Menimbang harus diakhiri ';' (titik koma, tanpa titik)")],
    ),
    Edge(
        "menimbang-spasi-akhir",
        "MENIMBANG-BENTUK",
        "sk",
        sets("menimbang", 0, value="bahwa untuk tertib pelaksanaan kegiatan diperlukan SOP;  "),
        [],
    ),
    Edge(
        "menimbang-bahwanya",
        "MENIMBANG-BENTUK",
        "sk",
        sets("menimbang", 0, value="bahwanya untuk tertib pelaksanaan kegiatan diperlukan SOP;"),
        [("menimbang[1]", "butir Menimbang harus diawali 'bahwa' (huruf kecil)")],
    ),
    Edge(
        "menimbang-satu-butir",
        "MENIMBANG-BENTUK",
        "sk",
        sets("menimbang", value=["bahwa satu-satunya pertimbangan."]),
        [("menimbang[1]", "butir Menimbang harus diakhiri ';' (titik koma, tanpa titik)")],
    ),
    Edge(
        "menimbang-penutup-salah-dicek-penutup",
        "MENIMBANG-BENTUK",
        "sk",
        sets("menimbang", value=[*TIGA_MENIMBANG, "Bahwa lain."]),
        [],
    ),
    Edge(
        "penutup-empat",
        "MENIMBANG-PENUTUP",
        "sk",
        sets(
            "menimbang",
            value=[
                *TIGA_MENIMBANG,
                "bahwa ketiga;",
                "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, "
                "perlu menetapkan x;",
            ],
        ),
        [
            (
                "menimbang[4]",
                "rujukan huruf harus 'huruf a, huruf b, dan huruf c'; tulis: 'bahwa berdasarkan "
                "pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c, perlu "
                "menetapkan Keputusan Kepala Dinas Contoh Kabupaten Contoh tentang Standar "
                "Operasional Prosedur Pengumpulan Data Kinerja;'",
            )
        ],
    ),
    Edge(
        "penutup-dua",
        "MENIMBANG-PENUTUP",
        "sk",
        sets("menimbang", value=[TIGA_MENIMBANG[0], "bahwa penutup yang lain;"]),
        [
            (
                "menimbang[2]",
                "butir terakhir Menimbang tidak memakai rumusan penutup; tulis: 'bahwa "
                "berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
                "Keputusan Kepala Dinas Contoh Kabupaten Contoh tentang Standar Operasional "
                "Prosedur Pengumpulan Data Kinerja;'",
            )
        ],
    ),
    Edge(
        "penutup-huruf-besar",
        "MENIMBANG-PENUTUP",
        "sk",
        sets("menimbang", value=[*TIGA_MENIMBANG, PENUTUP_3.upper().replace("  ", " ")]),
        [],
    ),
    # the closing formula names the SK's own jabatan penetap when it has one
    Edge(
        "penutup-jabatan-penetap",
        "MENIMBANG-PENUTUP",
        "sk",
        sets("jabatan_penetap", value="Bupati Contoh"),
        [
            (
                "menimbang[2]",
                "butir terakhir Menimbang tidak memakai rumusan penutup; tulis: 'bahwa "
                "berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
                "Keputusan Bupati Contoh tentang Standar Operasional Prosedur Pengumpulan Data "
                "Kinerja;'",
            )
        ],
    ),
    # line breaks and runs of spaces inside the closing item do not matter
    Edge(
        "penutup-baris-baru",
        "MENIMBANG-PENUTUP",
        "sk",
        sets("menimbang", value=[*TIGA_MENIMBANG, PENUTUP_3.replace(" perlu ", "\n  perlu  ")]),
        [],
    ),
    # a number after an unnumbered step is compared with the position
    Edge(
        "nomor-langkah-sesudah-tanpa-nomor",
        "SOP-NOMOR-LANGKAH",
        "sop",
        both(deletes("langkah", 1, "no"), sets("langkah", 2, "no", value=1)),
        [
            (
                "langkah[3].no",
                "nomor langkah 1 seharusnya 3 (langkah ke-3); perbaiki nomornya (dan nomor "
                "langkah sesudahnya) atau hapus semua `no:`; langkah dinomori menurut urutannya",
            )
        ],
    ),
    # TEKS-PELAKSANA: a later step is checked after an earlier one that is fine
    Edge(
        "pelaksana-di-langkah-terakhir",
        "TEKS-PELAKSANA",
        "sop",
        sets("langkah", 2, "kegiatan", value="Staf mengarsipkan dokumen pendataan"),
        [
            (
                "langkah[3].kegiatan",
                "kegiatan diawali nama pelaksananya 'Staf' (sudah ditunjukkan oleh kolomnya); "
                "tulis 'Mengarsipkan dokumen pendataan'",
            )
        ],
    ),
    # MUTU-BAKU
    Edge(
        "mutu-output-saja",
        "MUTU-BAKU",
        "sop",
        sets("langkah", 1, "output", value=" - "),
        [
            (
                "langkah[2].output",
                "Mutu Baku langkah 2 belum memuat output; isi `output:` (apa yang diperlukan dan "
                "apa yang dihasilkan langkah ini)",
            )
        ],
    ),
    Edge(
        "mutu-kelengkapan-strip",
        "MUTU-BAKU",
        "sop",
        sets("langkah", 1, "kelengkapan", value=["–"]),
        [
            (
                "langkah[2].kelengkapan",
                "Mutu Baku langkah 2 belum memuat kelengkapan; isi `kelengkapan:` (apa yang "
                "diperlukan dan apa yang dihasilkan langkah ini)",
            )
        ],
    ),
    Edge(
        "mutu-kelengkapan-satu-isi",
        "MUTU-BAKU",
        "sop",
        sets("langkah", 1, "kelengkapan", value=["-", "Rekapitulasi"]),
        [],
    ),
    # HUKUM-LEMBARAN: neither a catalog id before an inline citation nor a right Lembaran
    # hides a wrong Tambahan Lembaran after it
    Edge(
        "lembaran-benar-tambahan-salah",
        "HUKUM-LEMBARAN",
        "sk",
        sets(
            "mengingat",
            1,
            value=inline(
                "UU",
                "23",
                2014,
                "Pemerintahan Daerah",
                lembaran={"tahun": 2014, "nomor": "244"},
                tambahan_lembaran="5588",
            ),
        ),
        [
            (
                "mengingat[2].tambahan_lembaran",
                "Tambahan Lembaran Negara/Daerah Undang-Undang Nomor 23 Tahun 2014 menurut "
                "katalog Nomor 5587, bukan Nomor 5588; perbaiki `tambahan_lembaran` atau tulis "
                "`uu-23-2014` (id katalog)",
            )
        ],
    ),
    # HUKUM-TIDAK-DIKENAL: an unknown inline citation after a catalog id and after an
    # inline citation equal to a catalog entry
    Edge(
        "tidak-dikenal-setelah-yang-dikenal",
        "HUKUM-TIDAK-DIKENAL",
        "sk",
        sets(
            "mengingat",
            value=[
                "pp-8-2006",
                inline("UU", "23", 2014, "Pemerintahan Daerah"),
                inline("PP", "99", 2030, "Peraturan yang Tidak Ada"),
            ],
        ),
        [
            (
                "mengingat[3]",
                "Peraturan Pemerintah Nomor 99 Tahun 2030 belum ada di katalog regulasi, "
                "sehingga tahun, jenis dan judulnya tidak dapat diperiksa; tambahkan ke "
                "regulasi.yaml lalu kutip dengan id-nya",
            )
        ],
    ),
    # HUKUM-URUTAN: each lampiran's Dasar Hukum is ordered on its own
    Edge(
        "urutan-per-lampiran",
        "HUKUM-URUTAN",
        "sk",
        lambda d: d["lampiran"].append(
            {**copy.deepcopy(lampiran(d)), "dasar_hukum": ["pp-8-2006"]}
        ),
        [],
    ),
    # PEJABAT-MASA: a signing date in the gap between two periods names both
    Edge(
        "masa-di-antara-dua-masa",
        "PEJABAT-MASA",
        "sk",
        sets(
            "kadis",
            "menjabat",
            value=[
                {"dari": dt.date(2020, 1, 2), "sampai": dt.date(2024, 2, 9)},
                {"dari": dt.date(2024, 2, 11)},
            ],
        ),
        [
            (
                "tanggal",
                "SK bertanggal 10 Februari 2024, tetapi penandatangannya 'kadis' (Drs. SUBENDI) "
                "menjabat 2 Januari 2020 s.d. 9 Februari 2024, sejak 11 Februari 2024 "
                "(pejabat.yaml baris 7); " + MASA_FIX,
            )
        ],
        pejabat=True,
    ),
    # HUKUM-GANDA: two regions' Perbup with one number and year are two regulations
    Edge(
        "ganda-dua-daerah",
        "HUKUM-GANDA",
        "sk",
        sets(
            "memperhatikan",
            value=[
                inline("Perbup/Perwali", "7", 2022, "Tata Naskah Dinas", daerah="Bupati Lain"),
                inline("Perbup/Perwali", "7", 2022, "Tata Naskah Dinas", daerah="Bupati Jauh"),
            ],
        ),
        [],
    ),
    # HUKUM-GANDA: every repeated citation, not only the first
    Edge(
        "ganda-dua-butir",
        "HUKUM-GANDA",
        "sk",
        sets("memperhatikan", value=["pp-8-2006", "perpres-29-2014"]),
        [
            (
                "memperhatikan[1]",
                "Peraturan Pemerintah Nomor 8 Tahun 2006 sudah dikutip pada mengingat butir 2; "
                "hapus salah satunya",
            ),
            (
                "memperhatikan[2]",
                "Peraturan Presiden Nomor 29 Tahun 2014 sudah dikutip pada mengingat butir 3; "
                "hapus salah satunya",
            ),
        ],
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=lambda e: f"{e.code}:{e.id}")
def test_rule_boundary(check: CheckRun, edge: Edge) -> None:
    if edge.pejabat:
        issues = check(edge.base, pejabat=edge.change, code=edge.code)
    else:
        issues = check(edge.base, edge.change, code=edge.code)
    assert [(format_path(i.path), i.message) for i in issues] == edge.expected


def test_case_ids_are_unique() -> None:
    ids = [edge.id for edge in EDGES]
    assert len(ids) == len(set(ids))


# --- the helpers behind the rules, where a document cannot reach an edge --------------------


def uu(nomor: str, tahun: int, tanggal: dt.date | None = None) -> Peraturan:
    return Peraturan(jenis="UU", nomor=nomor, tahun=tahun, tentang="Contoh", tanggal=tanggal)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # dates decide when both are known
        (uu("9", 2015, dt.date(2015, 3, 1)), uu("2", 2015, dt.date(2015, 3, 2)), True),
        (uu("2", 2015, dt.date(2015, 3, 2)), uu("9", 2015, dt.date(2015, 3, 1)), False),
        # one date missing: the year, then the number
        (uu("9", 2015, dt.date(2015, 3, 1)), uu("2", 2015), False),
        (uu("2", 2015), uu("9", 2015, dt.date(2015, 3, 1)), True),
        (uu("2", 2014), uu("1", 2015), True),
        (uu("2", 2015), uu("2", 2015), False),
        # a higher rank comes first, whatever the years
        (uu("1", 2020), Peraturan(jenis="PP", nomor="8", tahun=2006, tentang="x"), True),
        # the same rank and year, another kind: numbers of two kinds are not compared
        (uu("3", 2020), Peraturan(jenis="Perppu", nomor="5", tahun=2020, tentang="x"), False),
        (uu("3", 2020), uu("5", 2020), True),
        (uu("3a", 2020), uu("5", 2020), False),
    ],
)
def test_must_precede(first: Peraturan, second: Peraturan, expected: bool) -> None:
    assert must_precede(first, second) is expected


@pytest.mark.parametrize("text", ["061.1/SOP/2024", "700/12/DC.TU/2024", "700/12/DC TU/2024"])
def test_parse_nomor_keeps_the_text(text: str) -> None:
    assert parse_nomor(text).text == text


@pytest.mark.parametrize(
    ("text", "tahun"),
    [
        ("700/12/DC.TU/2024", 2024),
        ("700/ /DC.TU/2024", 2024),  # a draft still has its year
        ("700/12/DC.TU/24", None),  # malformed: no year is read from it
        ("700/2024", None),
    ],
)
def test_tahun_of_a_nomor(text: str, tahun: int | None) -> None:
    assert parse_nomor(text).tahun == tahun


def test_catalog_entry_listing_itself_as_its_amendment(check: CheckRun) -> None:
    """A catalog slip (uu-23-2014 amended by uu-23-2014) never makes a citation "amend"
    itself; the real amendment after it is still reported."""

    def amends_itself(regulasi: Data) -> None:
        regulasi["uu-23-2014"]["diubah_dengan"] = ["uu-23-2014", "uu-9-2015"]

    issues = check(
        "sk",
        sets("mengingat", value=["uu-23-2014", "uu-9-2015"]),
        regulasi=amends_itself,
        code="HUKUM-GANDA",
    )
    assert [(format_path(i.path), i.message) for i in issues] == [
        (
            "mengingat[2]",
            "Undang-Undang Nomor 9 Tahun 2015 mengubah Undang-Undang Nomor 23 Tahun 2014 "
            "(mengingat butir 1), yang kutipannya sudah memuat perubahan ini ('sebagaimana "
            "telah diubah ...'); hapus butir ini",
        )
    ]


def test_revocation_chain_with_a_loop_ends_at_its_last_new_entry(check: CheckRun) -> None:
    """perbup 1/2017 -> 2/2021 -> 3/2023 -> back to 2/2021 (a catalog slip): the chain is
    followed to the last entry not seen before, and the check ends."""

    def loop(regulasi: Data) -> None:
        regulasi["perbup-contoh-2-2021"]["dicabut_oleh"] = "perbup-contoh-3-2023"
        regulasi["perbup-contoh-3-2023"] = {
            **regulasi["perbup-contoh-2-2021"],
            "nomor": "3",
            "tahun": 2023,
            "dicabut_oleh": "perbup-contoh-2-2021",
        }

    issues = check(
        "sk",
        lambda d: lampiran(d)["dasar_hukum"].append("perbup-contoh-1-2017"),
        regulasi=loop,
        code="HUKUM-DICABUT",
    )
    tail = (
        "sudah dicabut/diganti dengan Peraturan Bupati Contoh Nomor 3 Tahun 2023 tentang "
        "Susunan Organisasi dan Tata Kerja Dinas Contoh; kutip `perbup-contoh-3-2023` sebagai "
        "gantinya"
    )
    assert [(format_path(i.path), i.message) for i in issues] == [
        ("memperhatikan[1]", f"Peraturan Bupati Contoh Nomor 2 Tahun 2021 {tail}"),
        ("lampiran[1].dasar_hukum[3]", f"Peraturan Bupati Contoh Nomor 1 Tahun 2017 {tail}"),
    ]
