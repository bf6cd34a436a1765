"""Issue 17 item 6: SOP labels overridden per instansi (only known labels, located
messages) and dates written as month and year (accepted on the SOP's dates only)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from sk_generator.checks import check as check_data
from sk_generator.model import BulanTahun, Label, Sop
from sk_generator.wording.tanggal import tanggal
from tests.conftest import TESTDATA


@pytest.fixture
def lembaga(tmp_path: Path) -> Path:
    for path in (TESTDATA / "lembaga").iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _errors(folder: Path) -> list[str]:
    issues = check_data([folder]).issues
    return [i.format().removeprefix(f"{folder}/") for i in issues if i.is_error]


def test_an_unknown_label_is_refused_at_its_line(lembaga: Path) -> None:
    _replace(lembaga / "instansi.yaml", "kegiatan: Aktivitas", "aktivitas: Kegiatan")
    [message] = _errors(lembaga)
    assert message.startswith(
        "instansi.yaml:24:7: error[SKEMA] instansi.badan-contoh.label.aktivitas: "
    )
    # The keys not written yet are listed (kegiatan among them: "Aktivitas" is its label).
    assert message.endswith(
        "kunci 'aktivitas' tidak dikenal; kunci yang boleh di sini: dasar_hukum, "
        "disahkan_oleh, jumlah_waktu, kegiatan, keterkaitan, kualifikasi_pelaksana, mutu_baku, "
        "no, nomor_sop, output, pelaksana, peralatan_perlengkapan, peringatan, tanggal_efektif, "
        "tanggal_pembuatan, tanggal_revisi, waktu"
    )


def test_an_empty_or_overlong_label_is_refused_at_its_line(lembaga: Path) -> None:
    _replace(lembaga / "instansi.yaml", "keterangan: Ket.", 'keterangan: ""')
    _replace(lembaga / "instansi.yaml", "nama_sop: Judul SOP", "nama_sop: " + "Judul " * 7)
    errors = _errors(lembaga)
    assert [e.split(": error")[0] for e in errors] == ["instansi.yaml:25:19", "instansi.yaml:26:17"]
    assert errors[0].endswith("label.keterangan: tidak boleh kosong")
    assert errors[1].endswith(
        "label.nama_sop: teks terlalu panjang (41 huruf); paling banyak 40 huruf"
    )


def test_labels_default_to_what_was_printed_before() -> None:
    label = Label()
    assert (label.kegiatan, label.nama_sop, label.keterangan, label.no) == (
        "Kegiatan",
        "Nama SOP",
        None,  # "Keterangan", or "Ket." when the column is narrow
        "No.",
    )


def _sop(**dates: object) -> Sop:
    data = {
        "nama": "Uji",
        "tanggal_pembuatan": "2 Januari 2024",
        "pelaksana": ["Staf"],
        "langkah": [{"kegiatan": "Mengerjakan", "pelaksana": "Staf"}],
    }
    data.update(dates)
    return Sop.model_validate(data)


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("Oktober 2024", "Oktober 2024"),
        ("oktober 2024", "Oktober 2024"),
        ("Nopember 2024", "November 2024"),
        ("2024-10", "Oktober 2024"),
        ("14 Oktober 2024", "14 Oktober 2024"),
        ("2024-10-14", "14 Oktober 2024"),
    ],
)
def test_sop_dates_may_be_month_and_year(written: str, printed: str) -> None:
    sop = _sop(tanggal_pembuatan=written, tanggal_efektif=written, tanggal_revisi=written)
    for value in (sop.tanggal_pembuatan, sop.tanggal_efektif, sop.tanggal_revisi[0]):
        assert value is not None
        assert tanggal(value) == printed
        assert isinstance(value, BulanTahun) == (printed.count(" ") == 1)


@pytest.mark.parametrize("written", ["Oktober", "Okt 2024", "2024-13", "Oktober 24"])
def test_what_is_not_a_month_stays_refused(written: str) -> None:
    with pytest.raises(ValueError, match="tidak"):
        _sop(tanggal_pembuatan=written)


def test_the_sk_date_stays_a_full_date(lembaga: Path) -> None:
    """An SK is decided on a day: its `tanggal` refuses month and year."""
    _replace(lembaga / "sk-sop-logistik.yaml", "tanggal: 2025-01-15", "tanggal: Januari 2025")
    [message] = _errors(lembaga)
    assert message == (
        "sk-sop-logistik.yaml:10:10: error[SKEMA] tanggal: tanggal 'Januari 2025' tidak dapat "
        "dibaca; tulis sebagai 2022-09-21 atau '21 September 2022' (hari, bulan, tahun lengkap)"
    )


def test_a_month_is_ordered_by_month_only() -> None:
    month = BulanTahun(2024, 10, 1)
    day = dt.date(2024, 10, 14)
    assert not month < day and not day < month and month <= day and day >= month
    assert month < dt.date(2024, 11, 1) and dt.date(2024, 9, 30) < month
    assert month == dt.date(2024, 10, 1) and hash(month) == hash(dt.date(2024, 10, 1))
