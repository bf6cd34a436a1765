"""Formatting the SK needs (context.py): ordinals, kop lines, rows, signature lines."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sk_generator.load import Document, load
from sk_generator.render.context import (
    Baris,
    baris_diktum,
    baris_pertimbangan,
    judul_keputusan,
    kop,
    penutup_lampiran,
    tembusan,
    ttd_keputusan,
)
from sk_generator.wording import diktum_ordinal, pecah_daerah

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "render" / "sintang"

ORDINALS = [
    "KESATU",
    "KEDUA",
    "KETIGA",
    "KEEMPAT",
    "KELIMA",
    "KEENAM",
    "KETUJUH",
    "KEDELAPAN",
    "KESEMBILAN",
    "KESEPULUH",
    "KESEBELAS",
    "KEDUA BELAS",
    "KETIGA BELAS",
    "KEEMPAT BELAS",
    "KELIMA BELAS",
    "KEENAM BELAS",
    "KETUJUH BELAS",
    "KEDELAPAN BELAS",
    "KESEMBILAN BELAS",
    "KEDUA PULUH",
    "KEDUA PULUH SATU",
    "KEDUA PULUH DUA",
    "KEDUA PULUH TIGA",
    "KEDUA PULUH EMPAT",
    "KEDUA PULUH LIMA",
]


def _load(name: str) -> Document:
    result = load([FIXTURES / name])
    (document,) = result.documents
    return document


@pytest.fixture(scope="module")
def sintang() -> Document:
    return _load("sk-sop-data-kinerja.yaml")


@pytest.fixture(scope="module")
def khusus() -> Document:
    return _load("sk-khusus.yaml")


@pytest.mark.parametrize(("n", "expected"), list(enumerate(ORDINALS, start=1)))
def test_diktum_ordinals_1_to_25(n: int, expected: str) -> None:
    assert diktum_ordinal(n) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (30, "KETIGA PULUH"),
        (31, "KETIGA PULUH SATU"),
        (99, "KESEMBILAN PULUH SEMBILAN"),
        (100, "KESERATUS"),
        (111, "KESERATUS SEBELAS"),
        (200, "KEDUA RATUS"),
    ],
)
def test_diktum_ordinals_beyond(n: int, expected: str) -> None:
    assert diktum_ordinal(n) == expected


def test_kop_lines(sintang: Document, khusus: Document) -> None:
    lines = kop(sintang)
    assert lines.pemerintah == "PEMERINTAH KABUPATEN SINTANG"
    assert lines.dinas == "DINAS TENAGA KERJA DAN TRANSMIGRASI"
    assert lines.kontak == "Telp. (0565) 23182, Faks. (0565) 24520"
    other = kop(khusus)
    assert other.alamat.endswith(" Kode Pos 12345")
    assert other.kontak == (
        "Telp. (021) 1234567, Pos-el: dpupr@uji.go.id, Laman: https://dpupr.uji.go.id"
    )


def test_title_block(sintang: Document) -> None:
    judul = judul_keputusan(sintang)
    assert judul.keputusan == (
        "KEPUTUSAN KEPALA DINAS TENAGA KERJA DAN TRANSMIGRASI\nKABUPATEN SINTANG"
    )
    assert judul.nomor == "NOMOR : 700/109/DISNAKERTRANS.TU.1/2022"
    assert judul.tentang.startswith("STANDAR OPERASIONAL PROSEDUR PENGUMPULAN DATA KINERJA")
    assert judul.jabatan == "KEPALA DINAS TENAGA KERJA DAN TRANSMIGRASI\nKABUPATEN SINTANG,"


@pytest.mark.parametrize(
    ("text", "lebar", "expected"),
    [
        ("KEPALA DINAS X KABUPATEN SINTANG,", None, "KEPALA DINAS X\nKABUPATEN SINTANG,"),
        ("KEPALA DINAS KOTA KOTA BARU,", None, "KEPALA DINAS KOTA\nKOTA BARU,"),
        ("SEKRETARIS DAERAH,", None, "SEKRETARIS DAERAH,"),
        (
            "Plh. KEPALA DINAS TENAGA KERJA DAN PERINDUSTRIAN KABUPATEN LAMPUNG BARAT,",
            42,
            "Plh. KEPALA DINAS TENAGA\nKERJA DAN PERINDUSTRIAN\nKABUPATEN LAMPUNG BARAT,",
        ),
        (
            "KEPALA DINAS TENAGA KERJA DAN TRANSMIGRASI KABUPATEN SINTANG,",
            42,
            "KEPALA DINAS TENAGA KERJA DAN TRANSMIGRASI\nKABUPATEN SINTANG,",
        ),
    ],
)
def test_pecah_daerah(text: str, lebar: int | None, expected: str) -> None:
    assert pecah_daerah(text, lebar) == expected


def test_pertimbangan_rows(sintang: Document) -> None:
    rows = baris_pertimbangan(sintang)
    assert [(r.label, r.titik_dua, r.nomor) for r in rows[:2]] == [
        ("Menimbang", ":", "a."),
        ("", "", "b."),
    ]
    assert rows[2] == Baris("", "", "", "")
    assert (rows[3].label, rows[3].nomor) == ("Mengingat", "1.")
    assert rows[3].teks.startswith("Undang-Undang Nomor 27 Tahun 1959 tentang")
    assert all(r.teks.endswith(";") for r in rows[3:9])
    assert "sebagaimana telah diubah beberapa kali terakhir dengan Undang-Undang Nomor 9" in (
        rows[4].teks
    )
    # one Memperhatikan item stands unnumbered
    assert (rows[-1].label, rows[-1].nomor) == ("Memperhatikan", "")


def test_single_items_are_unnumbered(khusus: Document) -> None:
    rows = baris_pertimbangan(khusus)
    assert (rows[0].label, rows[0].nomor) == ("Menimbang", "")
    assert (rows[2].label, rows[2].nomor) == ("Mengingat", "")
    assert [r.nomor for r in rows[4:]] == ["1.", "2."]


def test_diktum_rows(sintang: Document) -> None:
    rows = baris_diktum(sintang)
    assert [r.label for r in rows] == ["Menetapkan", "KESATU", "KEDUA", "KETIGA"]
    assert rows[0].isi == (
        "KEPUTUSAN KEPALA DINAS TENAGA KERJA DAN TRANSMIGRASI KABUPATEN SINTANG TENTANG "
        "STANDAR OPERASIONAL PROSEDUR PENGUMPULAN DATA KINERJA PADA DINAS TENAGA KERJA DAN "
        "TRANSMIGRASI KABUPATEN SINTANG"
    )
    assert [(b.huruf, b.teks[:5]) for b in rows[3].butir] == [("a.", "biaya"), ("b.", "apabi")]


@pytest.mark.parametrize(
    ("menetapkan", "expected"),
    [("", ""), ("Keputusan Kepala Dinas tentang SOP", "Keputusan Kepala Dinas tentang SOP")],
)
def test_menetapkan_text_from_the_data(sintang: Document, menetapkan: str, expected: str) -> None:
    """A document's own text is printed as written; "" leaves the line empty."""
    model = sintang.model.model_copy(update={"menetapkan": menetapkan})
    document = dataclasses.replace(sintang, model=model)
    assert baris_diktum(document)[0].isi == expected


def test_tembusan_numbering(khusus: Document, sintang: Document) -> None:
    assert [(t.nomor, t.teks) for t in tembusan(khusus)] == [
        ("1.", 'Yth. Wali Kota "Uji" & <Wakil>;'),
        ("2.", "Arsip."),
    ]
    assert tembusan(sintang) == []


def test_signature_and_lampiran_closing(sintang: Document, khusus: Document) -> None:
    ttd = ttd_keputusan(sintang)
    assert ttd.jabatan == "KEPALA DINAS TENAGA KERJA DAN TRANSMIGRASI\nKABUPATEN SINTANG,"
    assert ttd.nama == "Drs. SUBENDI, M.Si"
    assert ttd.pangkat == "Pembina Tingkat I (IV/b)"
    assert ttd.nip == "NIP. 19670621 199003 1 006"
    closing = penutup_lampiran(khusus)
    assert closing.jabatan == "Plt. KEPALA DINAS PEKERJAAN UMUM & PENATAAN RUANG KOTA UJI,"
    assert closing.nama == "A & B <SIAPA>, S.T."
