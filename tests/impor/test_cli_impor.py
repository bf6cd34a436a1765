"""`sk-generator impor` on a folder of mixed files: one line per file, never a traceback."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from sk_generator.load import load
from sk_generator.render.sop import render_sop
from tests.conftest import DATA, CliResult


def _seed_docx(folder: Path) -> Path:
    [document] = load([DATA / "disnakertrans" / "sop-pendataan-kegiatan.yaml"]).documents
    [entry] = document.sops()
    path = folder / "SOP Pendataan.docx"
    path.write_bytes(render_sop(document, entry)[0])
    return path


def test_mixed_folder_reports_per_file_and_goes_on(
    tmp_path: Path, run_cli: Callable[..., CliResult]
) -> None:
    inbox = tmp_path / "masuk"
    inbox.mkdir()
    (inbox / "a-rusak.docx").write_bytes(b"bukan zip")
    (inbox / "b-catatan.txt").write_text("catatan", encoding="utf-8")
    (inbox / "c-lama.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (inbox / "~$SOP Pendataan.docx").write_bytes(b"kunci Word")
    _seed_docx(inbox)
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(DATA / "regulasi.yaml", data / "regulasi.yaml")
    result = run_cli("impor", str(inbox), "-o", str(data / "dinas"), "--laporan")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0] == (
        f"{inbox / 'a-rusak.docx'}: gagal: berkas tidak dapat dibuka sebagai .docx (rusak?): "
        "File is not a zip file"
    )
    assert lines[1] == (
        f"{inbox / 'b-catatan.txt'}: gagal: bukan berkas .docx atau .xlsx; lewati atau simpan "
        "ulang sebagai .docx"
    )
    assert lines[2] == (
        f"{inbox / 'c-lama.doc'}: gagal: format lama .doc tidak didukung; buka di Word/Excel "
        "lalu simpan sebagai .docx"
    )
    output = data / "dinas" / "sop-pelaksanaan-pengumpulan-data-atau-pendataan-kegiatan.yaml"
    assert lines[3] == f"{inbox / 'SOP Pendataan.docx'} -> {output}"
    assert "Traceback" not in result.out + result.err
    assert f"  {inbox / 'SOP Pendataan.docx'}: 8 langkah, 4 kolom pelaksana, 1 keputusan" in (
        result.out
    )
    assert result.err.strip().endswith("4 berkas: 1 SOP diimpor, 3 gagal")
    assert output.is_file() and (data / "dinas" / "pejabat.yaml").is_file()


def test_missing_path_is_a_usage_error(tmp_path: Path, run_cli: Callable[..., CliResult]) -> None:
    result = run_cli("impor", str(tmp_path / "tidak-ada.docx"), "-o", str(tmp_path / "o"))
    assert result.code == 2
    assert (
        result.err.strip()
        == f"Galat: berkas atau folder '{tmp_path / 'tidak-ada.docx'}' tidak ditemukan"
    )
