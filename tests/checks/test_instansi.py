"""INSTANSI-LOGO, INSTANSI-LOGO-KOSONG and INSTANSI-TEMPLAT: the files named in instansi.yaml
(or their absence), reported there."""

from __future__ import annotations

import shutil
from pathlib import Path

from sk_generator.checks import check as check_data
from tests.conftest import DATA
from tests.render.test_keputusan_templat import _edited_template


def _sintang(tmp_path: Path, extra: str) -> Path:
    shutil.copytree(DATA / "sintang", tmp_path / "sintang")
    shutil.copy(DATA / "regulasi.yaml", tmp_path / "regulasi.yaml")
    instansi = tmp_path / "sintang" / "instansi.yaml"
    anchor = "    kota: Sintang\n"
    text = instansi.read_text(encoding="utf-8")
    instansi.write_text(text.replace(anchor, anchor + extra), encoding="utf-8")
    return tmp_path / "sintang"


def _lines(folder: Path, code: str) -> list[str]:
    report = check_data([folder])
    return [
        i.format().replace(str(folder.parent) + "/", "") for i in report.issues if i.code == code
    ]


def test_missing_logo_is_reported_at_its_line(tmp_path: Path) -> None:
    folder = _sintang(tmp_path, "    logo: lambang.png\n")
    (line,) = _lines(folder, "INSTANSI-LOGO")
    assert line.startswith("sintang/instansi.yaml:14:11: error[INSTANSI-LOGO] ")
    assert "berkas logo 'lambang.png' tidak ditemukan" in line


def test_present_logo_passes(tmp_path: Path) -> None:
    folder = _sintang(tmp_path, "    logo: lambang.png\n")
    from sk_generator.render.kop import placeholder_emblem_png

    (folder / "lambang.png").write_bytes(placeholder_emblem_png())
    assert _lines(folder, "INSTANSI-LOGO") == []


def test_template_with_misspelt_placeholder(tmp_path: Path) -> None:
    folder = _sintang(tmp_path, "    templat_keputusan: kep.docx\n")
    _edited_template(folder / "kep.docx", "{{ kop.alamat }}", "{{ kop_alamat }}")
    (line,) = _lines(folder, "INSTANSI-TEMPLAT")
    assert line == (
        "sintang/instansi.yaml:14:24: error[INSTANSI-TEMPLAT] "
        "instansi.disnakertrans-sintang.templat_keputusan: templat 'kep.docx' memakai isian "
        "yang tidak dikenal: {{ kop_alamat }}; perbaiki ejaannya sesuai templat bawaan "
        "templates/sk/keputusan.docx"
    )


def test_template_with_two_misspelt_placeholders(tmp_path: Path) -> None:
    folder = _sintang(tmp_path, "    templat_keputusan: kep.docx\n")
    _edited_template(folder / "kep.docx", "{{ kop.alamat }}", "{{ kop_alamat }} {{ kop_kontak }}")
    (line,) = _lines(folder, "INSTANSI-TEMPLAT")
    assert line.endswith(
        "memakai isian yang tidak dikenal: {{ kop_alamat }}, {{ kop_kontak }}; perbaiki "
        "ejaannya sesuai templat bawaan templates/sk/keputusan.docx"
    )


def test_missing_template_and_good_template(tmp_path: Path) -> None:
    folder = _sintang(tmp_path, "    templat_keputusan: kep.docx\n")
    (line,) = _lines(folder, "INSTANSI-TEMPLAT")
    assert line == (
        "sintang/instansi.yaml:14:24: error[INSTANSI-TEMPLAT] "
        "instansi.disnakertrans-sintang.templat_keputusan: templat 'kep.docx' tidak ditemukan "
        "(dicari di sintang/kep.docx); periksa nama berkas atau hapus "
        "`templat_keputusan:` untuk memakai templat bawaan"
    )
    _edited_template(folder / "kep.docx", "{{ kop.alamat }}", "{{ kop.alamat }} ")
    assert _lines(folder, "INSTANSI-TEMPLAT") == []


def test_template_refused_by_the_sandbox(tmp_path: Path) -> None:
    folder = _sintang(tmp_path, "    templat_keputusan: kep.docx\n")
    _edited_template(folder / "kep.docx", "{{ kop.alamat }}", "{{ self }}")
    (line,) = _lines(folder, "INSTANSI-TEMPLAT")
    assert line == (
        "sintang/instansi.yaml:14:24: error[INSTANSI-TEMPLAT] "
        "instansi.disnakertrans-sintang.templat_keputusan: templat kep.docx: `self` tidak "
        "tersedia di templat; hanya data SK; hapus bagian itu di Word atau salin ulang "
        "templat bawaan templates/sk/keputusan.docx"
    )


def test_damaged_template_file(tmp_path: Path) -> None:
    folder = _sintang(tmp_path, "    templat_keputusan: kep.docx\n")
    (folder / "kep.docx").write_text("bukan docx", encoding="utf-8")
    (line,) = _lines(folder, "INSTANSI-TEMPLAT")
    assert line == (
        "sintang/instansi.yaml:14:24: error[INSTANSI-TEMPLAT] "
        "instansi.disnakertrans-sintang.templat_keputusan: templat 'kep.docx' tidak dapat "
        "dibaca (BadZipFile: File is not a zip file); buka di Word dan simpan ulang sebagai "
        ".docx, atau salin ulang templat bawaan"
    )


def _without_switch(folder: Path) -> None:
    """The seed's instansi.yaml switches INSTANSI-LOGO-KOSONG off (it has no emblem)."""
    instansi = folder / "instansi.yaml"
    lines = instansi.read_text(encoding="utf-8").splitlines(keepends=True)
    instansi.write_text("".join(x for x in lines if "abaikan" not in x), encoding="utf-8")


def test_no_logo_warns_that_the_stand_in_prints(tmp_path: Path) -> None:
    folder = _sintang(tmp_path, "")
    _without_switch(folder)
    assert _lines(folder, "INSTANSI-LOGO-KOSONG") == [
        "sintang/instansi.yaml:6:5: warning[INSTANSI-LOGO-KOSONG] "
        "instansi.disnakertrans-sintang: instansi 'disnakertrans-sintang' belum punya `logo:`, "
        "sehingga kop dicetak dengan lambang pengganti; simpan lambang daerah (PNG/JPG) di "
        "samping instansi.yaml lalu tambahkan `logo: nama-berkas.png`"
    ]
    # A warning: --strict fails on it.
    assert check_data([folder]).failed(strict=True)


def test_logo_given_no_warning(tmp_path: Path) -> None:
    from sk_generator.render.kop import placeholder_emblem_png

    folder = _sintang(tmp_path, "    logo: lambang.png\n")
    _without_switch(folder)
    (folder / "lambang.png").write_bytes(placeholder_emblem_png())
    assert _lines(folder, "INSTANSI-LOGO-KOSONG") == []


def test_placeholder_logo_is_a_fill_in_not_a_missing_file(tmp_path: Path) -> None:
    """A new Dinas (`baru dinas`) writes `logo: "[LOGO DAERAH]"`: TEKS-ISIAN asks for it;
    neither INSTANSI-LOGO (no such file) nor INSTANSI-LOGO-KOSONG repeat it."""
    folder = _sintang(tmp_path, '    logo: "[LOGO DAERAH]"\n')
    _without_switch(folder)
    assert _lines(folder, "INSTANSI-LOGO") == []
    assert _lines(folder, "INSTANSI-LOGO-KOSONG") == []
    (line,) = _lines(folder, "TEKS-ISIAN")
    assert line.startswith(
        "sintang/instansi.yaml:13:11: warning[TEKS-ISIAN] instansi.disnakertrans-sintang.logo: "
        "isian [LOGO DAERAH] belum diganti"
    )
