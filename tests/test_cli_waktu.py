"""`sk-generator waktu`: tables, JSON, exit codes, and no traceback on bad data."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from sk_generator.cli.waktu import shorten
from tests.conftest import CliResult
from tests.test_waktu import SEED_003, waktu_line, write_sop

Run = Callable[..., CliResult]
SEED_003_FILE = "data/lampung-barat/sk-sop-data-kinerja.yaml"


def test_table_and_total_of_seed_003(run_cli: Run) -> None:
    result = run_cli("waktu", SEED_003_FILE)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == f"{SEED_003_FILE} (lampiran 1): Pengumpulan Data Kinerja"
    assert lines[2].split() == ["No", "Kegiatan", "Pelaksana", "Waktu", "Jumlah", "berjalan"]
    rows = lines[3:14]
    assert [row.split()[0] for row in rows] == [str(n) for n in range(1, 12)]
    assert rows[0].endswith("05 menit  5 menit")
    assert rows[3].endswith("1-5 hari  1–5 hari 40 menit")
    assert rows[10].endswith("10 menit  3–15 hari 1 jam 25 menit")
    assert "Jumlah Waktu Penyelesaian: 15 hari 1 jam 25 menit" in lines
    assert "Rentang (terkecil–terbesar): 3–15 hari 1 jam 25 menit" in lines
    assert "Jumlah tertulis: 15 hari 1 jam 25 menit (sesuai)" in lines
    assert result.err == ""


def test_json_for_other_programs(run_cli: Run) -> None:
    result = run_cli("waktu", SEED_003_FILE, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    (sop,) = data["sop"]
    assert sop["lampiran"] == 1
    assert sop["bagian"] == "lampiran[1]"
    assert [step["waktu"] for step in sop["langkah"]] == SEED_003
    assert sop["langkah"][3]["min"]["hari"] == 1
    assert sop["langkah"][3]["max"]["hari"] == 5
    assert sop["jumlah"]["teks"] == "15 hari 1 jam 25 menit"
    assert sop["jumlah"]["rentang"] == "3–15 hari 1 jam 25 menit"
    assert sop["jumlah"]["max"] == {
        "bulan": 0,
        "minggu": 0,
        "hari": 15,
        "hari_kerja": 0,
        "jam": 1,
        "menit": 25,
    }
    assert sop["jumlah"]["lengkap"] is True
    assert sop["jumlah_tertulis"] == {"teks": "15 hari 1 jam 25 menit", "sesuai": True}
    assert data["masalah"] == []


def test_bad_waktu_is_a_located_data_error_without_traceback(run_cli: Run, tmp_path: Path) -> None:
    path = write_sop(tmp_path, ["5 menit", "2 jm", ""], jumlah="5 menit")
    result = run_cli("waktu", str(path))
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    err = result.err.splitlines()
    line = waktu_line(1, jumlah=True)
    assert err[0].startswith(
        f"{path}:{line}:12: error[WAKTU-FORMAT] langkah[2].waktu: waktu '2 jm'"
    )
    assert err[1].startswith(f"{path}:{line + 3}:12: warning[WAKTU-KOSONG] langkah[3].waktu:")
    assert "2 jm (tidak terbaca)" in result.out
    assert "belum dapat dihitung (1 langkah tidak terbaca)" in result.out
    assert "Jumlah tertulis: 5 menit (tidak dapat diperiksa)" in result.out


def test_bad_waktu_in_json_is_listed_and_fails(run_cli: Run, tmp_path: Path) -> None:
    path = write_sop(tmp_path, ["2 jm"])
    result = run_cli("waktu", str(path), "--format", "json")
    assert result.code == 1
    data = json.loads(result.out)
    (problem,) = data["masalah"]
    assert (problem["kode"], problem["baris"], problem["bagian"]) == (
        "WAKTU-FORMAT",
        waktu_line(0),
        "langkah[1].waktu",
    )
    assert data["sop"][0]["langkah"][0]["status"] == "galat"
    assert data["sop"][0]["jumlah"]["lengkap"] is False


def test_stated_total_mismatch_fails(run_cli: Run, tmp_path: Path) -> None:
    path = write_sop(tmp_path, list(SEED_003), jumlah="15 hari")
    result = run_cli("waktu", str(path))
    assert result.code == 1
    assert "Jumlah tertulis: 15 hari (TIDAK SESUAI)" in result.out
    assert "error[WAKTU-JUMLAH] jumlah_waktu:" in result.err


def test_warning_fails_only_with_strict(run_cli: Run, tmp_path: Path) -> None:
    path = write_sop(tmp_path, ["5 menit", "-"])
    assert run_cli("waktu", str(path)).code == 0
    assert run_cli("waktu", str(path), "--strict").code == 1


def test_working_day_length_is_shown_and_used(run_cli: Run, tmp_path: Path) -> None:
    path = write_sop(tmp_path, ["4 jam", "4 jam"], jam_kerja="    jam_kerja_per_hari: 7.5")
    result = run_cli("waktu", str(path))
    assert result.code == 0
    assert "Jumlah Waktu Penyelesaian: 1 hari kerja 30 menit" in result.out
    assert "Jam kerja per hari: 7,5 jam (jam dibulatkan ke hari kerja)" in result.out


def test_units_that_could_not_be_added_are_reported(run_cli: Run, tmp_path: Path) -> None:
    path = write_sop(tmp_path, ["1 hari", "2 hari kerja"])
    result = run_cli("waktu", str(path))
    assert result.code == 0
    assert "Jumlah Waktu Penyelesaian: 1 hari 2 hari kerja" in result.out
    assert "Tidak dapat dijumlahkan satu sama lain (tanpa kalender): hari, hari kerja" in (
        result.out
    )
    assert "warning[WAKTU-CAMPUR]" in result.err


def test_yaml_error_is_a_data_error(run_cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "rusak.yaml"
    path.write_text("jenis: sop\nlangkah: [\n", encoding="utf-8")
    result = run_cli("waktu", str(path))
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    assert "error[YAML]" in result.err
    assert result.out == "Tidak ada SOP yang dapat dihitung.\n"


@pytest.mark.parametrize(
    "args",
    [
        ("waktu", "tidak-ada.yaml"),
        ("waktu", SEED_003_FILE, "--format", "xml"),
        ("waktu",),
    ],
)
def test_usage_errors_exit_2(run_cli: Run, args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    assert result.code == 2
    assert "Traceback" not in result.err
    assert result.err.splitlines()[-1].startswith("Galat: ")


def test_help_is_indonesian(run_cli: Run) -> None:
    result = run_cli("waktu", "--help")
    assert result.code == 0
    assert result.out.startswith("Pemakaian: sk-generator waktu [OPSI] BERKAS_ATAU_FOLDER...")
    assert "Menjumlahkan waktu (Mutu Baku)" in result.out
    assert "Bentuk keluaran: teks (tabel untuk dibaca) atau json" in result.out
    assert "waktu" in run_cli("--help").out


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("Mengolah data", "Mengolah data"),
        ("  Mengolah   data\n dari bidang ", "Mengolah data dari bidang"),
        (
            "Memerintahkan kepada sekretaris untuk melakukan penyusunan dokumen",
            "Memerintahkan kepada sekretaris untuk…",
        ),
        ("x" * 60, "x" * 43 + "…"),
    ],
)
def test_shorten(text: str, short: str) -> None:
    assert shorten(text) == short
    assert len(shorten(text)) <= 44
