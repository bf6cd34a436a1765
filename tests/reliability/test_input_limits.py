"""Careless and hostile YAML input (issue 14): every case ends in a located Indonesian
message and exit code 1, never a traceback, a hang or exhausted memory."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from sk_generator.yaml_limits import strip_comment_lines
from tests.conftest import TESTDATA


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    model = TESTDATA / "model"
    for name in ("regulasi.yaml", "instansi.yaml", "pejabat.yaml"):
        shutil.copy(model / name, tmp_path / name)
    return tmp_path


def check_one(run_cli, path: Path) -> tuple[int, str]:
    result = run_cli("check", str(path))
    assert "Traceback" not in result.out + result.err
    return result.code, result.out


def test_alias_bomb_is_refused(run_cli, folder: Path) -> None:
    names = "abcdefghij"
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"{n}: &{n} [{', '.join(['*' + p] * 10)}]" for p, n in itertools.pairwise(names)]
    path = folder / "bom.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = check_one(run_cli, path)
    assert code == 1
    assert out.startswith(f"{path}:")
    assert out.rstrip().endswith(
        "error[YAML] berkas menghasilkan lebih dari 200.000 nilai (alias YAML '*' yang "
        "berlapis?); tulis datanya tanpa alias"
    )


@pytest.mark.parametrize("depth", [41, 20_000])
def test_deep_nesting_is_refused(run_cli, folder: Path, depth: int) -> None:
    path = folder / "dalam.yaml"
    path.write_text("jenis: sop\nnama: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    code, out = check_one(run_cli, path)
    assert code == 1
    assert out.rstrip().endswith(
        "error[YAML] susunan bertingkat terlalu dalam (lebih dari 40 tingkat); berkas data "
        "hanya perlu beberapa tingkat: periksa indentasi dan tanda kurung [ ] { }"
    )


def test_nesting_within_the_limit_is_data(run_cli, folder: Path) -> None:
    """39 levels below `nama`: read (and then refused by the model, not by the limit)."""
    path = folder / "dalam.yaml"
    path.write_text("jenis: sop\nnama: " + "[" * 39 + "]" * 39 + "\n", encoding="utf-8")
    code, out = check_one(run_cli, path)
    assert code == 1
    assert "YAML" not in out and "SKEMA" in out


def test_oversized_file_is_refused_before_reading(run_cli, folder: Path) -> None:
    path = folder / "besar.yaml"
    with path.open("wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: costs no disk
    code, out = check_one(run_cli, path)
    assert code == 1
    assert out == (
        f"{path}:1:1: error[YAML] berkas terlalu besar (51 MB; paling besar 50 MB); berkas "
        "data SK atau SOP biasanya hanya beberapa kB: periksa apakah berkas yang benar yang "
        "dipilih\n"
    )


def test_ten_megabytes_of_comments_load(run_cli, folder: Path) -> None:
    """Comment-only lines are blanked before parsing, so a long run of them costs linear
    time (benchmarks/ measures it; here: it loads, and the document is checked)."""
    text = (TESTDATA / "model" / "ok" / "sop.yaml").read_text(encoding="utf-8")
    comment = "# catatan staf tentang SOP ini, diulang untuk menguji berkas yang panjang\n"
    path = folder / "sop.yaml"
    path.write_text(text + comment * (10 * 1024 * 1024 // len(comment)), encoding="utf-8")
    code, out = check_one(run_cli, path)
    assert (code, out) == (0, "")


def test_comment_lines_blanked_but_not_inside_block_scalars() -> None:
    text = (
        "a: 1\n"
        "# catatan\n"
        "  # catatan berindentasi\n"
        "b: |\n"
        "  # baris teks, bukan catatan\n"
        "  isi\n"
        "# catatan lagi\n"
        "c: 2  # catatan di akhir baris tetap\n"
    )
    assert strip_comment_lines(text) == (
        "a: 1\n"
        "\n"
        "\n"
        "b: |\n"
        "  # baris teks, bukan catatan\n"
        "  isi\n"
        "\n"
        "c: 2  # catatan di akhir baris tetap\n"
    )


def test_quoted_text_across_lines_keeps_the_file_as_written() -> None:
    text = 'a: "baris satu\n  # bagian teks\n  akhir"\n# catatan\n'
    assert strip_comment_lines(text) == text


@pytest.mark.parametrize(
    ("escape", "code"), [("\\x01", "0001"), ("\\u0007", "0007"), ("\\x1b", "001B")]
)
def test_control_character_escape_refused_at_its_place(
    run_cli, folder: Path, escape: str, code: str
) -> None:
    path = folder / "sop.yaml"
    text = (TESTDATA / "model" / "ok" / "sop.yaml").read_text(encoding="utf-8")
    path.write_text(
        text.replace("nama: SOP Mandiri", f'nama: "SOP{escape}Mandiri"'), encoding="utf-8"
    )
    exit_code, out = check_one(run_cli, path)
    assert exit_code == 1
    assert out == (
        f"{path}:4:7: error[YAML] teks memuat karakter kendali U+{code} setelah 'SOP' "
        f"(ditulis sebagai \\x{code[2:]} atau \\u{code} dalam tanda kutip?); karakter ini tidak "
        "dapat dicetak: hapus\n"
    )


# --- logos: validated at check, refused the same way at build ---------------------------


def _png(size: tuple[int, int] = (60, 60)) -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, format="PNG")
    return buffer.getvalue()


def _webp() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (60, 60), "white").save(buffer, format="WEBP")
    return buffer.getvalue()


LOGO_CASES = [
    ("logo.txt", b"bukan gambar\n", "bukan gambar yang dapat dibaca (rusak atau terpotong)"),
    ("logo.png", b"", "kosong"),
    ("logo.png", _png()[:-30], "bukan gambar yang dapat dibaca (rusak atau terpotong)"),
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "berformat SVG"),
    ("logo.webp", _webp(), "berformat WEBP"),
    ("logo.png", _png((6000, 10)), "berukuran 6000 x 10 piksel (paling besar 5000)"),
]


@pytest.mark.parametrize(("name", "content", "says"), LOGO_CASES, ids=lambda c: str(c)[:20])
def test_unusable_logo_reported_at_check(
    run_cli, folder: Path, name: str, content: bytes, says: str
) -> None:
    (folder / name).write_bytes(content)
    instansi = folder / "instansi.yaml"
    instansi.write_text(
        instansi.read_text(encoding="utf-8") + f"    logo: {name}\n", encoding="utf-8"
    )
    shutil.copy(TESTDATA / "model" / "ok" / "sop.yaml", folder / "sop.yaml")
    code, out = check_one(run_cli, folder)
    assert code == 1
    (line,) = out.splitlines()
    assert line.startswith(
        f"{folder}/instansi.yaml:9:11: error[INSTANSI-LOGO] instansi.dinas-contoh.logo: "
    )
    assert says in line
    assert "simpan ulang" in line or "perkecil" in line


def test_usable_logo_passes(run_cli, folder: Path) -> None:
    (folder / "logo.png").write_bytes(_png())
    instansi = folder / "instansi.yaml"
    instansi.write_text(
        instansi.read_text(encoding="utf-8") + "    logo: logo.png\n", encoding="utf-8"
    )
    shutil.copy(TESTDATA / "model" / "ok" / "sop.yaml", folder / "sop.yaml")
    assert check_one(run_cli, folder) == (0, "")
