"""Signed documents are frozen: archived at the first build after signing, refused when a
later build would print something else, unless the data records a revision."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sk_generator.build import build
from sk_generator.errors import DataError
from tests.conftest import DATA, CliResult

SK = Path("sintang") / "sk-sop-data-kinerja.yaml"


def _sums(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def signed(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of data/ whose Sintang SK is signed and built once (archived)."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    _edit(data / SK, "jenis: keputusan\n", "jenis: keputusan\nstatus: ditetapkan\n")
    out = tmp_path / "out"
    build([data], out, formats=["docx"])
    return data, out


def test_first_build_after_signing_archives_outputs_and_data(signed) -> None:
    _, out = signed
    (version,) = (out / "arsip").glob("*/0")
    names = sorted(p.relative_to(version).as_posix() for p in version.rglob("*") if p.is_file())
    assert names == [
        ".sk-generator.json",
        "data/regulasi.yaml",
        "data/sintang/instansi.yaml",
        "data/sintang/pejabat.yaml",
        "data/sintang/sk-sop-data-kinerja.yaml",
        "keputusan.docx",
        "lampiran-1.docx",
    ]


def test_record_edit_is_refused_with_the_difference(signed) -> None:
    data, out = signed
    archive = out / "arsip"
    sums = _sums(archive)
    folders = {p.name: _sums(p) for p in out.iterdir() if p.is_dir() and p.name != "arsip"}
    _edit(
        data / "sintang" / "pejabat.yaml",
        "pangkat: Pembina Tingkat I",
        "pangkat: Pembina Utama Muda",
    )
    _edit(data / "sintang" / "pejabat.yaml", "golongan: IV/b", "golongan: IV/c")
    with pytest.raises(DataError) as refused:
        build([data], out, formats=["docx"])
    message = str(refused.value)
    assert message.splitlines() == [
        "1 dokumen yang sudah ditetapkan tidak dibuat ulang karena hasilnya akan berbeda dari "
        "arsipnya (3 dokumen lain dibuat):",
        f"{data / SK}:",
        "  1. Penandatangan, pangkat: Pembina Tingkat I (IV/b) -> Pembina Utama Muda (IV/c) "
        "(juga pada Disahkan oleh dan penutup lampiran)",
    ]
    (issue,) = refused.value.issues
    assert (issue.code, issue.line, issue.path) == ("DITETAPKAN", 7, ("status",))
    assert _sums(archive) == sums  # the archive is untouched
    sintang = next(name for name in folders if name.startswith("700-109"))
    assert _sums(out / sintang) == folders[sintang]  # and so is the signed SK's folder


def test_cli_exit_1_lists_the_changes(signed, run_cli: Callable[..., CliResult]) -> None:
    data, out = signed
    _edit(data / SK, "waktu: 30 Menit", "waktu: 45 Menit")
    result = run_cli("build", str(data), "-o", str(out), "--format", "docx")
    assert result.code == 1
    assert "error[DITETAPKAN] status: dokumen ini sudah ditetapkan" in result.err
    assert "  1. Lampiran 1, langkah 2, Waktu: 30 Menit -> 45 Menit" in result.err


def test_a_recorded_revision_is_built_and_archived_beside(signed) -> None:
    data, out = signed
    _edit(data / SK, "waktu: 30 Menit", "waktu: 45 Menit")
    _edit(
        data / SK,
        "    tanggal_pembuatan:",
        "    revisi:\n      - tanggal: 2023-03-01\n"
        "        uraian: Waktu langkah 2 menjadi 45 menit\n"
        "    tanggal_pembuatan:",
    )
    result = build([data], out, formats=["docx"])
    assert sorted(p.name for p in next((out / "arsip").iterdir()).iterdir()) == ["0", "1"]
    assert {d.change.split(":")[0] for d in result.documents} == {"tetap", "berubah"}
