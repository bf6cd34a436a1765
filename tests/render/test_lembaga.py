"""Issue 17 items 6 and 7: a kop with the lines an agency needs, SOP labels an instansi
writes its own way, and dates written as month and year (tests/data/lembaga).

Reference dumps: tests/render/reference/keputusan-lembaga.txt and sop-lembaga.txt
(regenerate with `pytest tests/render --update-testdata` and review the diff).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sk_generator.load import Document
from sk_generator.render.keputusan import render_keputusan
from sk_generator.render.sop import render_sop
from tests.conftest import TESTDATA
from tests.render import test_keputusan, test_sop

REFERENCE = Path(__file__).resolve().parent / "reference"
LEMBAGA = TESTDATA / "lembaga" / "sk-sop-logistik.yaml"
KOP = (
    "BADAN CONTOH PENANGGULANGAN BENCANA",
    "DEPUTI BIDANG PENANGANAN DARURAT",
    "DIREKTORAT DUKUNGAN SUMBER DAYA DARURAT",
    "Subdirektorat Logistik dan Peralatan",
)


@pytest.fixture(scope="module")
def lembaga() -> Document:
    return test_keputusan.load_one(LEMBAGA)


@pytest.fixture(scope="module")
def sk_text(lembaga: Document) -> str:
    return test_keputusan.dump(test_keputusan.open_docx(render_keputusan(lembaga)))


@pytest.fixture(scope="module")
def sop_text(lembaga: Document) -> str:
    data, _pages = render_sop(lembaga, lembaga.sops()[0])
    return test_sop.dump(data)


def test_sk_dump(sk_text: str, reference: Callable[[Path, str], None]) -> None:
    reference(REFERENCE / "keputusan-lembaga.txt", sk_text)


def test_sop_dump(sop_text: str, reference: Callable[[Path, str], None]) -> None:
    reference(REFERENCE / "sop-lembaga.txt", sop_text)


def test_the_sk_kop_prints_four_lines_as_written(sk_text: str) -> None:
    first = sk_text.splitlines()[0]
    assert first == (
        "T | [gambar] | " + " ¶ ".join(KOP) + " ¶ Jalan Contoh Raya Nomor 38, Jakarta Timur "
        "Kode Pos 13120 ¶ Telp. (021) 2982 7444, Faks. (021) 2982 7455, Pos-el: "
        "kontak@contoh.go.id, Laman: www.contoh.go.id"
    )


def test_the_sop_identity_prints_the_same_four_lines(sop_text: str) -> None:
    block = "T | [gambar] ¶ " + " ¶ ".join(KOP) + " | Nomor SOP | 300.2/15/DEPUTI-PD/2025"
    assert block in sop_text.splitlines()


def test_a_kop_without_sub_units_prints_as_before() -> None:
    """The seeds' kop (two name lines) has no empty line where the sub-units would be:
    the seed reference dumps hold that; here the line count itself."""
    document = test_keputusan.load_one(test_keputusan.SEEDS["000-sintang"])
    text = test_keputusan.dump(test_keputusan.open_docx(render_keputusan(document)))
    # two names, the address and the contacts: four paragraphs beside the logo
    assert text.splitlines()[0].count(" ¶ ") == 3


def test_the_labels_print_as_the_instansi_writes_them(sop_text: str) -> None:
    lines = sop_text.splitlines()
    assert "T | No. | Aktivitas | Pelaksana | Mutu Baku | Ket." in lines
    assert (
        "T | Pemohon | Petugas Gudang | Kepala Subdirektorat | Direktur | "
        "Persyaratan/Kelengkapan | Waktu | Output"
    ) in lines
    assert "T | Judul SOP | PENYALURAN BANTUAN LOGISTIK DARURAT" in lines
    assert any(line.startswith("T | Peringatan: ¶ ") for line in lines)
    assert any("| Pencatatan dan Pendaftaran: ¶ 1.⇥Buku register" in line for line in lines)
    assert "Kegiatan" not in sop_text and "Nama SOP" not in sop_text
    assert "Keterangan" not in sop_text and "Pencatatan dan Pendataan" not in sop_text


def test_month_year_dates_print_as_written(sop_text: str) -> None:
    lines = sop_text.splitlines()
    assert "T | Tanggal Pembuatan | Oktober 2024" in lines
    assert "T | Tanggal Revisi | Desember 2024" in lines
    assert "T | Tanggal Efektif | 15 Januari 2025" in lines
    assert (
        "T | 1. | Desember 2024 | Penerimaan barang dan penerbitan surat jalan dikerjakan bersamaan"
    ) in lines
