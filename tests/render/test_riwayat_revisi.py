"""Revisions as data: the identity box shows the latest Tanggal Revisi, and `revisi:`
entries print a Riwayat Revisi table at the end of the SOP (before a lampiran's closing)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from sk_generator.render.sop import render_sop
from tests.conftest import DATA, docx_to_pdf
from tests.render.test_sop import dump, first_sop

SOP = Path("kapuas-hulu") / "sop-pengumpulan-data-kinerja.yaml"
REVISI = """\
revisi:
  - tanggal: 2023-06-12
    uraian: Waktu verifikasi data (langkah 3) diubah dari 1 hari menjadi 2 hari
  - tanggal: 2024-02-05
    uraian: Kasubbag Perencanaan ditambahkan sebagai pelaksana penyusunan laporan
"""


def _sop(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    path = folder / SOP
    text = path.read_text(encoding="utf-8")
    anchor = "tanggal_efektif: 2023-01-02\n"
    path.write_text(text.replace(anchor, anchor + extra, 1), encoding="utf-8")
    return path


def _render(path: Path) -> tuple[str, bytes, int | None]:
    document, entry = first_sop(path)
    data, pages = render_sop(document, entry)
    return dump(data), data, pages


def test_revisi_list_prints_latest_date_and_history(tmp_path: Path) -> None:
    text, _, _ = _render(_sop(tmp_path, REVISI))
    lines = text.splitlines()
    assert "T | Tanggal Revisi | 5 Februari 2024" in lines
    assert lines[-4:] == [
        "P RIWAYAT REVISI",
        "T | No. | Tanggal | Uraian Revisi",
        "T | 1. | 12 Juni 2023 | Waktu verifikasi data (langkah 3) diubah dari 1 hari menjadi "
        "2 hari",
        "T | 2. | 5 Februari 2024 | Kasubbag Perencanaan ditambahkan sebagai pelaksana "
        "penyusunan laporan",
    ]


def test_history_can_be_switched_off(tmp_path: Path) -> None:
    text, _, _ = _render(_sop(tmp_path, REVISI + "riwayat_revisi: false\n"))
    assert "T | Tanggal Revisi | 5 Februari 2024" in text.splitlines()
    assert "RIWAYAT REVISI" not in text


def test_older_tanggal_revisi_list_stays_valid(tmp_path: Path) -> None:
    """Old data files keep working: the latest date shows, no history table (no uraian)."""
    text, _, _ = _render(_sop(tmp_path, "tanggal_revisi: [2023-03-01, 2023-08-17]\n"))
    assert "T | Tanggal Revisi | 17 Agustus 2023" in text.splitlines()
    assert "RIWAYAT REVISI" not in text


def test_without_revisions_the_box_shows_a_dash(tmp_path: Path) -> None:
    text, _, _ = _render(_sop(tmp_path, ""))
    assert "T | Tanggal Revisi | -" in text.splitlines()


@pytest.mark.soffice
def test_history_keeps_the_predicted_page_count(tmp_path: Path) -> None:
    _, data, pages = _render(_sop(tmp_path, REVISI))
    pdf = PdfReader(docx_to_pdf(data, tmp_path))
    assert len(pdf.pages) == pages == 3
    assert "RIWAYAT REVISI" in pdf.pages[-1].extract_text()
