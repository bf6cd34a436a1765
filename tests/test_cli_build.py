"""`sk-generator build`: options, messages, exit codes, progress and summary."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from benchmarks.synth import write_dataset
from sk_generator.cli.build import SOFFICE_ENV
from tests.conftest import CliResult, FakeSoffice


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    write_dataset(folder, 2)
    return folder


@pytest.fixture
def with_fake_soffice(monkeypatch: pytest.MonkeyPatch, fake_soffice: FakeSoffice) -> FakeSoffice:
    monkeypatch.setenv(SOFFICE_ENV, str(fake_soffice.path))
    return fake_soffice


def test_help_is_indonesian(run_cli: Callable[..., CliResult]) -> None:
    result = run_cli("build", "--help")
    assert result.code == 0
    assert "Pemakaian: sk-generator build [OPSI] BERKAS_ATAU_FOLDER..." in result.out
    for option in ("--output", "--format", "--duplex", "--pdfa", "--quiet"):
        assert option in result.out
    assert "halaman kanan" in result.out


def test_build_prints_bundles_and_a_summary(
    run_cli: Callable[..., CliResult],
    dataset: Path,
    tmp_path: Path,
    with_fake_soffice: FakeSoffice,
    fake_render: Callable[..., list[str]],
) -> None:
    fake_render({})
    out = tmp_path / "out"
    result = run_cli("build", str(dataset), "-o", str(out))
    assert result.code == 0, result.err
    bundles = result.out.split()
    assert len(bundles) == 2
    assert all(Path(b).is_file() and b.endswith(".pdf") for b in bundles)
    assert "Selesai: 2 dokumen, 12 berkas, 10 halaman" in result.err
    assert f"Berkas ada di {out}" in result.err
    assert "Membuat PDF" not in result.err  # no progress bar when not a terminal
    assert with_fake_soffice.calls() == [4] or sorted(with_fake_soffice.calls()) == [2, 2]


def test_quiet(
    run_cli: Callable[..., CliResult],
    dataset: Path,
    tmp_path: Path,
    with_fake_soffice: FakeSoffice,
    fake_render: Callable[..., list[str]],
) -> None:
    fake_render({})
    result = run_cli("build", str(dataset), "-o", str(tmp_path / "out"), "--quiet")
    assert result.code == 0
    assert result.out == result.err == ""


def test_progress_bar_on_a_terminal(
    run_cli: Callable[..., CliResult],
    dataset: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    with_fake_soffice: FakeSoffice,
    fake_render: Callable[..., list[str]],
) -> None:
    fake_render({})
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    result = run_cli("build", str(dataset), "-o", str(tmp_path / "out"))
    assert result.code == 0
    assert "Menggabungkan" in result.err
    assert "100%" in result.err


def test_formats_and_duplex(
    run_cli: Callable[..., CliResult],
    dataset: Path,
    tmp_path: Path,
    with_fake_soffice: FakeSoffice,
    fake_render: Callable[..., list[str]],
) -> None:
    fake_render({})
    out = tmp_path / "out"
    args = ("--format", "docx", "--format", "pdf", "--duplex")
    result = run_cli("build", str(dataset / "sk-0001.yaml"), "-o", str(out), *args)
    assert result.code == 0, result.err
    (folder,) = out.iterdir()
    assert sorted(p.name for p in folder.iterdir()) == [
        "keputusan.docx",
        "keputusan.pdf",
        "lampiran-1.docx",
        "lampiran-1.pdf",
    ]


def test_unknown_format_is_exit_2(run_cli: Callable[..., CliResult], dataset: Path) -> None:
    result = run_cli("build", str(dataset), "--format", "odt")
    assert result.code == 2
    assert "nilai 'odt' untuk --format tidak dikenal" in result.err


def test_missing_path_is_exit_2(run_cli: Callable[..., CliResult], tmp_path: Path) -> None:
    result = run_cli("build", str(tmp_path / "tidak-ada"), "-o", str(tmp_path / "out"))
    assert result.code == 2
    assert "tidak ditemukan" in result.err


def test_data_error_is_exit_1_and_writes_nothing(
    run_cli: Callable[..., CliResult],
    dataset: Path,
    tmp_path: Path,
    with_fake_soffice: FakeSoffice,
) -> None:
    sk = dataset / "sk-0001.yaml"
    sk.write_text(sk.read_text().replace("instansi: dinas-uji", "instansi: dinas-lain"))
    out = tmp_path / "out"
    result = run_cli("build", str(dataset), "-o", str(out))
    assert result.code == 1
    assert "sk-0001.yaml:2:11: error[REF] instansi: instansi 'dinas-lain'" in result.err
    assert "tidak ada berkas yang dibuat" in result.err
    assert not out.exists()


def test_missing_soffice_is_exit_3_with_the_install_command(
    run_cli: Callable[..., CliResult],
    dataset: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(SOFFICE_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = run_cli("build", str(dataset), "-o", str(tmp_path / "out"))
    assert result.code == 3
    assert "Galat: LibreOffice (soffice) tidak ditemukan" in result.err
    assert "sudo apt-get install libreoffice-writer-nogui fonts-liberation2" in result.err
    assert not (tmp_path / "out").exists()


def test_soffice_killed_mid_batch_is_exit_3_naming_the_document(
    run_cli: Callable[..., CliResult],
    dataset: Path,
    tmp_path: Path,
    with_fake_soffice: FakeSoffice,
    fake_render: Callable[..., list[str]],
) -> None:
    fake_render({"800/2/DISNAKERTRANS.TU/2024": "CRASH"})
    out = tmp_path / "out"
    result = run_cli("build", str(dataset), "-o", str(out))
    assert result.code == 3
    assert "Galat: 2 berkas DOCX gagal diubah menjadi PDF oleh LibreOffice:" in result.err
    assert "sk-0002.yaml (Keputusan): LibreOffice berhenti mendadak (sinyal 9)" in result.err
    assert "1 dokumen lain berhasil dibuat" in result.err
    assert len(list(out.iterdir())) == 1  # only the good document; no partial file
    assert not [p for p in out.rglob("*") if p.name.startswith(".")]


def test_hang_uses_the_timeout_from_the_environment(
    run_cli: Callable[..., CliResult],
    dataset: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    with_fake_soffice: FakeSoffice,
    fake_render: Callable[..., list[str]],
) -> None:
    fake_render({"800/1/DISNAKERTRANS.TU/2024": "HANG"})
    monkeypatch.setenv("SK_GENERATOR_TIMEOUT", "1")
    result = run_cli("build", str(dataset / "sk-0001.yaml"), "-o", str(tmp_path / "out"))
    assert result.code == 3
    assert "LibreOffice macet, dihentikan setelah 1 detik" in result.err


def test_bad_timeout_is_exit_2(
    run_cli: Callable[..., CliResult],
    dataset: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SK_GENERATOR_TIMEOUT", "lama")
    result = run_cli("build", str(dataset), "-o", str(tmp_path / "out"))
    assert result.code == 2
    assert "SK_GENERATOR_TIMEOUT harus berupa jumlah detik > 0, bukan 'lama'" in result.err
