"""Line breaks inside step cells (issue 14 item 1), as typed or as a spreadsheet exports
them ("5 \\nMenit"): measured and printed as line breaks, never a crash in text
measurement, and `waktu` reads the value as if written on one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from sk_generator.render.measure import Face, line_count
from tests.conftest import TESTDATA

STEP = """  - kegiatan: "Menandatangani\\ndokumen"
    pelaksana: Kepala Dinas
    kelengkapan: ["Draf\\nsurat"]
    waktu: "5 \\nMenit"
    output: "Dokumen\\nbertanda tangan"
    keterangan: "Satu\\ndua"
"""


@pytest.fixture
def sop(tmp_path: Path) -> Path:
    model = TESTDATA / "model"
    for name in ("regulasi.yaml", "instansi.yaml", "pejabat.yaml"):
        shutil.copy(model / name, tmp_path / name)
    text = (model / "ok" / "sop.yaml").read_text(encoding="utf-8")
    head = text[: text.index("  - kegiatan:")]
    path = tmp_path / "sop.yaml"
    path.write_text(head + STEP, encoding="utf-8")
    return path


def test_a_line_break_is_measured_as_a_line() -> None:
    face = Face("Arial", 11)
    assert line_count("5 Menit", face, 100) == 1
    assert line_count("5 \nMenit", face, 100) == 2
    assert face.width("5 \nMenit") == face.width("Menit")
    assert face.width("a\tb\r") == face.width("a b ")


def test_waktu_shows_the_breaks_and_reads_the_value(run_cli, sop: Path) -> None:
    result = run_cli("waktu", str(sop))
    assert result.code == 0, result.out + result.err
    assert result.out.splitlines()[2:6] == [
        "No  Kegiatan        Pelaksana     Waktu  Jumlah berjalan",
        " 1  Menandatangani  Kepala Dinas  5      5 menit",
        "    dokumen                       Menit",
        "",
    ]
    assert "Jumlah Waktu Penyelesaian: 5 menit" in result.out


@pytest.mark.soffice
def test_step_with_line_breaks_builds_and_prints_them(run_cli, sop: Path, tmp_path: Path) -> None:
    assert run_cli("check", str(sop)).code == 0
    out = tmp_path / "keluaran"
    result = run_cli("build", str(sop), "-o", str(out), "--format", "pdf", "-q")
    assert result.code == 0, result.out + result.err
    (pdf,) = out.rglob("sop.pdf")
    # One step: the procedure fits under the identity table, on the one page.
    (page,) = PdfReader(pdf).pages
    lines = [" ".join(line.split()) for line in page.extract_text().splitlines()]
    row = lines[lines.index("1. Menandatangani") :]
    assert row[:6] == ["1. Menandatangani", "dokumen", "Draf", "surat", "5", "Menit"]
    assert row[6:10] == ["Dokumen", "bertanda tangan", "Satu", "dua"]
