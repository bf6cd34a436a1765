"""Texts of unbounded length (issue 14 item 2): the lampiran's `tentang` and `nomor`, the
SOP's name and title lines, the instansi's names, the signer's jabatan.

Each one is printed in a part that must fit one page (the Lampiran heading, the title
block with the identity table's top rows, the last procedure page with the closing
signer). Long but fitting, the layout counts the page it takes (the identity table then
starts the next page) and LibreOffice's page count agrees; too long, it is a data
problem located where the text is written (exit 1), never a conversion failure (exit 3).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from sk_generator.errors import DataError
from sk_generator.load import load
from sk_generator.render import render_document
from tests.conftest import TESTDATA

MODEL = TESTDATA / "model"
TITLE = "Standar Operasional Prosedur Contoh"


def _words(characters: int) -> str:
    """About `characters` characters of different words (no repeated phrase)."""
    text = " ".join(f"Pelayanan{k}" for k in range(characters // 10 + 1))
    return text[:characters].rsplit(" ", 1)[0]


def _data(tmp_path: Path, *changes: tuple[str, str, str]) -> Path:
    """The model SK and its records, each change (file, old text, new text) applied."""
    folder = tmp_path / "data"
    folder.mkdir(parents=True)
    for name in ("regulasi.yaml", "instansi.yaml", "pejabat.yaml"):
        shutil.copy(MODEL / name, folder / name)
    shutil.copy(MODEL / "ok" / "sk.yaml", folder / "sk.yaml")
    for name, old, new in changes:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    return folder / "sk.yaml"


def _tentang(title: str) -> tuple[str, str, str]:
    """A new `tentang` (also in the Menimbang that cites it, so that `check` passes)."""
    return ("sk.yaml", TITLE, title)


def _jabatan(jabatan: str) -> tuple[str, str, str]:
    """A new jabatan for the signer of the SK, its lampiran and their closing."""
    return ("pejabat.yaml", "jabatan: Kepala Dinas Contoh Kabupaten Contoh", f"jabatan: {jabatan}")


def _count(text: str) -> str:
    return f"{len(text):,}".replace(",", ".")


def _line(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def _refused(path: Path) -> tuple[str, int, str]:
    (document,) = load([path]).documents
    with pytest.raises(DataError) as info:
        render_document(document)
    (issue,) = info.value.issues
    assert issue.code == "TATA-LETAK"
    return Path(issue.file).name, issue.line, issue.message


def _lampiran_pages(path: Path) -> int | None:
    (document,) = load([path]).documents
    (_sk, lampiran) = render_document(document)
    return lampiran.expected_pages


def _too_long(count: str, place: str) -> str:
    return (
        f"teks ini terlalu panjang ({count} karakter): {place} tidak muat dalam satu "
        "halaman (kertas F4 melintang); pendekkan teks ini"
    )


HEADING = "kepala Lampiran (di atas halaman pertama lampiran)"
IDENTITY = "judul SOP dan bagian atas tabel identitas (nomor, tanggal, pengesah, nama SOP)"
LAST_PAGE = "halaman terakhir tabel prosedur (langkah terakhir, Jumlah Waktu, penutup)"


def test_a_tentang_too_long_for_the_heading_is_located_at_tentang(tmp_path: Path) -> None:
    title = _words(2000)
    path = _data(tmp_path, _tentang(title))
    assert _refused(path) == (
        "sk.yaml",
        _line(path, "tentang:"),
        _too_long(_count(title), HEADING),
    )


def test_a_long_tentang_that_fits_moves_the_identity_table_to_page_2(tmp_path: Path) -> None:
    """The other side: the heading fills most of page 1, the identity starts page 2."""
    short = _lampiran_pages(_data(tmp_path / "a", _tentang(_words(200))))
    long = _lampiran_pages(_data(tmp_path / "b", _tentang(_words(900))))
    assert (short, long) == (2, 3)


def test_a_long_nomor_is_located_at_the_sk_nomor(tmp_path: Path) -> None:
    nomor = "700/" + "/".join(f"X{k}" for k in range(400))
    path = _data(tmp_path, ("sk.yaml", "nomor: 700/1/DC/2024", f'nomor: "{nomor}"'))
    file, line, message = _refused(path)
    assert (file, line) == ("sk.yaml", _line(path, "nomor:"))
    assert message == _too_long(_count(nomor), HEADING)


def test_a_long_sop_name_is_located_at_the_lampiran_nama(tmp_path: Path) -> None:
    name = _words(1500)
    path = _data(tmp_path, ("sk.yaml", "  - nama: Contoh", f"  - nama: {name}"))
    file, line, message = _refused(path)
    assert (file, line) == ("sk.yaml", _line(path, "  - nama: "))
    assert message == _too_long(_count(name), IDENTITY)


def test_long_sop_title_lines_are_located_at_judul(tmp_path: Path) -> None:
    lines = [_words(60) + f" Baris{k}" for k in range(40)]
    judul = "    judul:\n" + "".join(f"      - {line}\n" for line in lines)
    path = _data(tmp_path, ("sk.yaml", "    tanggal_pembuatan", judul + "    tanggal_pembuatan"))
    file, line, message = _refused(path)
    assert (file, line) == ("sk.yaml", _line(path, "      - Pelayanan0"))
    assert message == _too_long(_count(" ".join(lines)), IDENTITY)


def test_a_long_instansi_name_is_located_in_instansi_yaml(tmp_path: Path) -> None:
    name = _words(1500).upper()
    path = _data(tmp_path, ("instansi.yaml", "PEMERINTAH KABUPATEN CONTOH", name))
    records = path.parent / "instansi.yaml"
    file, line, message = _refused(path)
    assert (file, line) == ("instansi.yaml", _line(records, "pemerintah:"))
    assert message == _too_long(_count(name), IDENTITY)


def test_a_long_signer_jabatan_is_located_in_pejabat_yaml(tmp_path: Path) -> None:
    jabatan = _words(800)
    path = _data(tmp_path, _jabatan(jabatan))
    file, line, message = _refused(path)
    assert (file, line) == ("pejabat.yaml", _line(path.parent / "pejabat.yaml", "Pelayanan0"))
    assert message == _too_long(_count(jabatan), LAST_PAGE)


def test_a_long_jabatan_that_fits_still_renders(tmp_path: Path) -> None:
    assert _lampiran_pages(_data(tmp_path, _jabatan(_words(300)))) == 2


@pytest.mark.soffice
def test_build_of_a_long_tentang_has_the_counted_pages(run_cli, tmp_path: Path) -> None:
    """LibreOffice agrees with the count: the heading alone on page 1."""
    path = _data(tmp_path, _tentang(_words(900)))
    out = tmp_path / "keluaran"
    result = run_cli("build", str(path), "-o", str(out), "--format", "pdf")
    assert result.code == 0, result.out + result.err
    (pdf,) = out.glob("*/*lampiran-1.pdf")
    reader = PdfReader(pdf)
    assert len(reader.pages) == 3
    first = reader.pages[0].extract_text()
    assert first.startswith("LAMPIRAN") and "Nomor SOP" not in first
    assert "Nomor SOP" in reader.pages[1].extract_text()


@pytest.mark.soffice
def test_build_of_a_too_long_tentang_is_exit_1_and_leaves_the_output(
    run_cli, tmp_path: Path
) -> None:
    path = _data(tmp_path, _tentang(_words(300)))
    out = tmp_path / "keluaran"
    assert run_cli("build", str(path), "-o", str(out), "--format", "pdf").code == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(_words(300), _words(2000)), encoding="utf-8")
    result = run_cli("build", str(path), "-o", str(out), "--format", "pdf")
    output = result.out + result.err
    assert result.code == 1, output
    assert "Traceback" not in output and "LibreOffice" not in output
    assert f":{_line(path, 'tentang:')}:10: error[TATA-LETAK] tentang: teks ini terlalu" in output
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
