"""Layout limits (issue 14 item 2): a step that cannot fit one page, even in the
smallest table type, is a data problem located at that step (exit 1), never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sk_generator.errors import DataError
from sk_generator.load import load
from sk_generator.render import render_document
from tests.conftest import TESTDATA

MODEL = TESTDATA / "model"


def _sop(tmp_path: Path, kegiatan: str, *, columns: int = 1) -> Path:
    for name in ("regulasi.yaml", "instansi.yaml", "pejabat.yaml"):
        shutil.copy(MODEL / name, tmp_path / name)
    text = (MODEL / "ok" / "sop.yaml").read_text(encoding="utf-8")
    head = text[: text.index("pelaksana:")]
    names = ["Kepala Dinas", *(f"Petugas {k}" for k in range(2, columns + 1))]
    body = "pelaksana:\n" + "".join(f"  - {name}\n" for name in names)
    body += "langkah:\n  - kegiatan: Menerima berkas\n    pelaksana: Kepala Dinas\n"
    body += "    kelengkapan: [Berkas]\n    waktu: 5 menit\n    output: Berkas\n"
    body += f"  - kegiatan: {kegiatan}\n    pelaksana: Kepala Dinas\n"
    body += "    kelengkapan: [Berkas]\n    waktu: 5 menit\n    output: Surat\n"
    path = tmp_path / "sop.yaml"
    path.write_text(head + body, encoding="utf-8")
    return path


def _long(words: int) -> str:
    """A step text of `words` different words (a repeated phrase would be TEKS-GANDA)."""
    return "Memeriksa " + " ".join(f"dokumen{k}" for k in range(words))


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_a_step_taller_than_a_page_is_a_located_data_problem(tmp_path: Path) -> None:
    path = _sop(tmp_path, _long(900))
    (document,) = load([path]).documents
    with pytest.raises(DataError) as info:
        render_document(document)
    (issue,) = info.value.issues
    assert (issue.code, issue.line, issue.path) == (
        "TATA-LETAK",
        _line_of(path, "- kegiatan: Memeriksa"),
        ("langkah", 1),
    )
    assert issue.format().split("/sop.yaml:")[1] == (
        f"{issue.line}:5: error[TATA-LETAK] langkah[2]: langkah 2 tidak muat dalam "
        "satu halaman tabel prosedur (1 kolom pelaksana, kertas F4, huruf terkecil 8 pt); "
        "pendekkan uraian, kelengkapan atau output langkah ini, kurangi kolom pelaksana, "
        "atau pakai kertas yang lebih besar (`kertas:` Legal atau F4)"
    )


def test_a_long_step_that_still_fits_renders(tmp_path: Path) -> None:
    """The other side of the boundary: a long step that fits a page is laid out."""
    path = _sop(tmp_path, _long(80))
    (document,) = load([path]).documents
    parts = render_document(document)
    assert [p.role for p in parts] == ["sop"]


@pytest.mark.soffice
def test_build_reports_it_with_exit_1_and_no_traceback(run_cli, tmp_path: Path) -> None:
    path = _sop(tmp_path, _long(900))
    result = run_cli("build", str(path), "-o", str(tmp_path / "keluaran"))
    assert result.code == 1, result.out + result.err
    output = result.out + result.err
    assert "Traceback" not in output
    assert "error[TATA-LETAK] langkah[2]: langkah 2 tidak muat" in output
    assert not (tmp_path / "keluaran").exists() or not any((tmp_path / "keluaran").iterdir())


@pytest.mark.parametrize(("columns", "fits"), [(21, True), (22, False)])
def test_too_many_columns_name_the_limit_and_the_ways_out(
    tmp_path: Path, columns: int, fits: bool
) -> None:
    """Pelaksana columns go narrow (names printed vertically) down to 8.5 mm each, with
    Kegiatan at 30 mm: 21 fit F4 landscape here, 22 are located at `pelaksana:` with
    the limit and the ways out (issue 17 item 4; Mutu Baku words are short here, so
    shortening one is no way out)."""
    path = _sop(tmp_path, "Memeriksa berkas permohonan", columns=columns)
    (document,) = load([path]).documents
    if fits:
        assert [p.role for p in render_document(document)] == ["sop"]
        return
    with pytest.raises(DataError) as info:
        render_document(document)
    (issue,) = info.value.issues
    assert (issue.code, issue.line, issue.path) == (
        "TATA-LETAK",
        _line_of(path, "  - Kepala Dinas"),  # the list's first item: where its value starts
        ("pelaksana",),
    )
    assert issue.message == (
        "22 kolom pelaksana tidak muat pada kertas F4 melintang: setiap kolom pelaksana "
        "paling sempit 8,5 mm dan kolom Kegiatan 30 mm, sehingga hanya muat 21 kolom; "
        "pakai kertas yang lebih lebar (`kertas:` Legal) atau kurangi kolom pelaksana"
    )
