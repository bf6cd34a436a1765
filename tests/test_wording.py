"""The wording layer: Indonesian forms shared by checks, render, build and the CLI."""

from __future__ import annotations

import datetime as dt

import pytest

from sk_generator.diagnostics import Issue, Severity, unique_issues
from sk_generator.model import Lembaran, Pejabat, Peraturan
from sk_generator.wording import (
    huruf,
    jabatan_ttd,
    jabatan_with_status,
    nip,
    romawi,
    tanggal,
    title_case,
)
from sk_generator.wording.sitasi import sitasi


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DINAS TENAGA KERJA DAN TRANSMIGRASI", "Dinas Tenaga Kerja dan Transmigrasi"),
        ("DAN LAIN", "Dan Lain"),  # the first word is never a small word
        ("DINAS eKTP A", "Dinas eKTP A"),  # mixed case and single letters kept
        ("DINAS PEKERJAAN UMUM & PENATAAN RUANG", "Dinas Pekerjaan Umum & Penataan Ruang"),
    ],
)
def test_title_case(text: str, expected: str) -> None:
    assert title_case(text) == expected


def _pejabat(status: str) -> Pejabat:
    return Pejabat.model_validate(
        {"nama": "SUBENDI", "jabatan": "Kepala Dinas Contoh", "status": status}
    )


def test_acting_prefix_keeps_its_case() -> None:
    assert jabatan_ttd(_pejabat("Plt.")) == "Plt. KEPALA DINAS CONTOH,"
    assert jabatan_with_status(_pejabat("Plh.")) == "Plh. Kepala Dinas Contoh"
    assert jabatan_ttd(_pejabat("definitif")) == "KEPALA DINAS CONTOH,"


def test_numbers_dates_nip() -> None:
    assert [huruf(n) for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert [romawi(n) for n in (1, 4, 9, 14)] == ["I", "IV", "IX", "XIV"]
    assert tanggal(dt.date(2022, 9, 1)) == "1 September 2022"
    assert nip("196706211990031006") == "19670621 199003 1 006"
    assert nip(None) == ""


def _issue(path: tuple[str | int, ...], message: str = "pesan") -> Issue:
    return Issue("a.yaml", 3, 5, Severity.ERROR, "KODE", path, message)


def test_unique_issues_keeps_what_differs_in_any_printed_field() -> None:
    same = [_issue(("langkah", 0)), _issue(("langkah", 0))]
    assert unique_issues(same) == [_issue(("langkah", 0))]
    # Same place, code and message, another data path: a different line when printed.
    assert len(unique_issues([_issue(("langkah", 0)), _issue(("langkah", 1))])) == 2
    assert len(unique_issues([_issue((), "satu"), _issue((), "dua")])) == 2


@pytest.mark.parametrize(
    ("jenis", "penerbit", "printed"),
    [
        # The agency's name starts with the kind's last word: printed once, however written.
        ("Peraturan Badan", "Badan Kepegawaian Negara", "Peraturan Badan Kepegawaian Negara"),
        ("Peraturan Badan", "Kepegawaian Negara", "Peraturan Badan Kepegawaian Negara"),
        (
            "Peraturan Lembaga",
            "Lembaga Administrasi Negara",
            "Peraturan Lembaga Administrasi Negara",
        ),
        (
            "Peraturan Kepala",
            "Badan Kepegawaian Negara",
            "Peraturan Kepala Badan Kepegawaian Negara",
        ),
        (
            "Keputusan Kepala",
            "Lembaga Administrasi Negara",
            "Keputusan Kepala Lembaga Administrasi Negara",
        ),
    ],
)
def test_non_ministerial_agency_citation(jenis: str, penerbit: str, printed: str) -> None:
    """Issue 17: a Badan's regulation is not a "Peraturan Menteri"; it is published in the
    Berita Negara."""
    p = Peraturan(
        jenis=jenis,
        penerbit=penerbit,
        nomor="5",
        tahun=2019,
        tentang="Tata Naskah Dinas",
        berita=Lembaran(tahun=2019, nomor="12"),
    )
    assert sitasi(p) == (
        f"{printed} Nomor 5 Tahun 2019 tentang Tata Naskah Dinas (Berita Negara Republik "
        "Indonesia Tahun 2019 Nomor 12)"
    )


def test_agency_kind_needs_its_penerbit() -> None:
    with pytest.raises(ValueError, match="Peraturan Badan harus menyebut penerbitnya"):
        Peraturan(jenis="Peraturan Badan", nomor="1", tahun=2020, tentang="X")
