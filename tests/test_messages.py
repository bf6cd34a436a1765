"""Every message a user can see is Indonesian, at the real line, and names the fix:
the YAML library's errors, click's usage errors, numbers YAML changed (issue 12)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sk_generator.checks import check as check_data
from sk_generator.cli.main import translate_usage
from sk_generator.yaml_source import YamlProblem, load_source
from tests.conftest import TESTDATA

#: Words of ruamel.yaml's and click's English messages; none may reach a user.
ENGLISH = re.compile(
    r"\b(found|expected|while|scanning|but|unacceptable|special|Invalid|does not|is a|"
    r"is not|Directory|File|undefined|document|stream|character #)\b"
)

YAML_CASES = [
    (
        "a: *x\n",
        1,
        4,
        "'*x' dibaca sebagai alias YAML yang belum didefinisikan; bila '*' bagian dari teks, "
        'beri tanda kutip pada teksnya, mis. "*) catatan"',
    ),
    (
        "a: b\x00c\n",
        1,
        5,
        "karakter U+0000 (karakter kendali) tidak boleh ada dalam berkas data; hapus karakter "
        "itu (sering terbawa saat menyalin dari PDF atau Excel)",
    ),
    (
        "a: b\x01c\n",
        1,
        5,
        "karakter U+0001 (karakter kendali) tidak boleh ada dalam berkas data; hapus karakter "
        "itu (sering terbawa saat menyalin dari PDF atau Excel)",
    ),
    (
        "a: 1\n---\nb: 2\n",
        2,
        1,
        "satu berkas hanya boleh berisi satu dokumen: hapus baris '---' ini (atau pindahkan "
        "dokumen berikutnya ke berkas sendiri)",
    ),
    (
        'a: "abc\nb: 1\nc: 2\nd: 3\ne: 4\nf: 5\ng: 6\n',
        1,
        4,
        'tanda kutip " dibuka di sini tetapi tidak ditutup; tambahkan " di akhir teks (tanda '
        "kutip di dalam teks ditulis dua kali: '' atau \\\")",
    ),
    (
        "items:\n  - A\n  -Stempel\n  - C\n",
        3,
        3,
        "butir daftar harus diawali '- ' (tanda strip lalu spasi); tambahkan spasi setelah '-'",
    ),
    (
        "a: {b: 1\nc: 2\n",
        2,
        2,
        "daftar [ ... ] atau pemetaan { ... } tidak ditutup dengan benar; periksa tanda kurung "
        "penutup dan koma di antara butir",
    ),
    (
        "a: @foo\n",
        1,
        4,
        "teks tidak boleh diawali '@' tanpa tanda kutip; beri tanda kutip pada seluruh teks, "
        'mis. "@..."',
    ),
    (
        "a: !!python/object x\n",
        1,
        4,
        "tanda '!' (tag YAML) tidak dipakai dalam berkas data; hapus tag itu, atau beri tanda "
        "kutip bila '!' bagian dari teks",
    ),
    (
        "a:\n  b: 1\n\tc: 2\n",
        3,
        1,
        "karakter TAB tidak boleh dipakai untuk indentasi YAML; ganti dengan spasi",
    ),
]


@pytest.mark.parametrize(("text", "line", "col", "message"), YAML_CASES)
def test_yaml_errors_are_indonesian_and_located(
    tmp_path: Path, text: str, line: int, col: int, message: str
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(YamlProblem) as info:
        load_source(path)
    issue = info.value.issue
    assert (issue.line, issue.col, issue.message) == (line, col, message)
    assert not ENGLISH.search(issue.message)


def test_not_utf8_is_located_with_how_to_save(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    with pytest.raises(YamlProblem) as info:
        load_source(path)
    issue = info.value.issue
    assert (issue.line, issue.col) == (2, 7)
    assert issue.message == (
        "berkas bukan teks UTF-8 (byte 0xE9 di sini); simpan ulang berkas sebagai UTF-8 "
        "(Notepad: File > Save As > Encoding: UTF-8; VS Code: klik nama pengodean di bilah "
        "bawah > Save with Encoding > UTF-8)"
    )


def test_reused_anchor_prints_no_library_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: &x 1\nb: &x 2\n", encoding="utf-8")
    assert load_source(path).data == {"a": 1, "b": 2}
    assert capsys.readouterr() == ("", "")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    model = TESTDATA / "model"
    for name in ("regulasi.yaml", "instansi.yaml", "pejabat.yaml"):
        shutil.copy(model / name, tmp_path / name)
    shutil.copy(model / "ok" / "sop.yaml", tmp_path / "sop.yaml")
    return tmp_path


def test_number_with_leading_zero_kept_as_typed_and_warned(folder: Path) -> None:
    """`telepon: 056523182` unquoted would print 56523182: it is kept as typed, and a
    warning asks for quotes."""
    path = folder / "instansi.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "    telepon: 056523182\n", encoding="utf-8")
    report = check_data([folder])
    (issue,) = report.issues
    assert issue.format().endswith(
        "instansi.yaml:9:14: warning[SKEMA] instansi.dinas-contoh.telepon: 056523182 tanpa "
        "tanda kutip dibaca sebagai angka 56523182; dipakai seperti tertulis, tetapi beri "
        'tanda kutip agar pasti: "056523182"'
    )
    (document,) = report.documents
    assert document.instansi.telepon == "056523182"


def test_number_yaml_keeps_is_not_warned(folder: Path) -> None:
    """`nomor: 5` for a regulation is read as 5 and printed as 5: nothing to say."""
    assert check_data([folder]).issues == []


def test_waktu_written_as_number_shows_what_was_typed(folder: Path) -> None:
    path = folder / "sop.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("waktu: 5 menit", "waktu: 1e3"),
        encoding="utf-8",
    )
    messages = [i.message for i in check_data([folder]).issues]
    assert any(m.startswith("waktu '1e3' tidak dapat dibaca") for m in messages)
    assert not any("1000.0'" in m for m in messages)


@pytest.mark.parametrize(
    ("english", "indonesian"),
    [
        (
            "Invalid value for '-o' / '--output': Directory 'hasil.pdf' is a file.",
            "--output: 'hasil.pdf' adalah berkas, padahal yang diminta folder; sebutkan folder",
        ),
        (
            "Invalid value for '--tulis': Directory 'x' is not writable.",
            "--tulis: folder 'x' tidak dapat ditulis; periksa izin aksesnya",
        ),
        (
            "Invalid value for 'BERKAS': File 'a.yaml' does not exist.",
            "BERKAS: berkas 'a.yaml' tidak ditemukan",
        ),
        (
            "Invalid value for '--lampiran': 99 is not in the range 0<=x<=20.",
            "nilai 99 untuk --lampiran di luar rentang 0 sampai 20",
        ),
        (
            "Invalid value for '--lampiran': 'abc' is not a valid integer range.",
            "nilai 'abc' untuk --lampiran harus berupa bilangan",
        ),
        ("Missing option '-o' / '--output'.", "opsi --output wajib diberikan"),
        ("Option '--format' requires an argument.", "opsi --format memerlukan nilai"),
    ],
)
def test_click_messages_translated(english: str, indonesian: str) -> None:
    assert translate_usage(english) == indonesian
    assert not ENGLISH.search(indonesian.replace("'hasil.pdf'", ""))


def test_output_folder_that_is_a_file_is_indonesian(run_cli) -> None:
    result = run_cli("build", "-o", "README.md", "tests/data/model/ok")
    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        "Galat: --output: 'README.md' adalah berkas, padahal yang diminta folder; sebutkan folder"
    )


def test_device_path_is_not_called_missing(run_cli) -> None:
    result = run_cli("check", "/dev/null")
    assert (result.code, result.err) == (
        2,
        "Galat: '/dev/null' bukan berkas biasa maupun folder; sebutkan berkas .yaml atau "
        "folder data\n",
    )


def test_folder_and_broken_link_named_yaml_are_reported(run_cli, folder: Path) -> None:
    (folder / "arsip.yaml").mkdir()
    (folder / "rusak.yaml").symlink_to(folder / "tidak-ada.yaml")
    result = run_cli("check", str(folder))
    assert result.code == 1
    assert result.out == (
        f"{folder}/arsip.yaml:1:1: error[BERKAS] 'arsip.yaml' adalah folder, bukan berkas "
        "data; ganti nama folder itu (nama berakhiran .yaml hanya untuk berkas data)\n"
        f"{folder}/rusak.yaml:1:1: error[BERKAS] 'rusak.yaml' adalah tautan ke berkas yang "
        "tidak ada; hapus tautan itu atau pulihkan berkas tujuannya\n"
    )
    assert "Traceback" not in result.err
