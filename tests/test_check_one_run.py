"""`check` reports every problem of every file in one run, each root cause once, at the
line the user wrote, with a hint that leads to the right fix (issue 12)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sk_generator.checks import check as check_data
from tests.conftest import TESTDATA

MODEL = TESTDATA / "model"

SIX_MISTAKES = """\
tests/data/enam-kesalahan/pejabat.yaml:13:10: error[SKEMA] pejabat.sekretaris.nip: NIP \
'19700101.199503.2.01' harus 18 angka (boleh dipisah spasi atau titik, mis. 19670621 199003 1 \
006)
tests/data/enam-kesalahan/sk.yaml:22:16: error[REF] penandatangan: pejabat 'kadsi' tidak \
ditemukan di pejabat.yaml; mungkin maksudnya 'kadis'?
tests/data/enam-kesalahan/sop-kedua.yaml:12:1: error[YAML] karakter TAB tidak boleh dipakai \
untuk indentasi YAML; ganti dengan spasi
tests/data/enam-kesalahan/sop.yaml:10:1: error[SKEMA] peralatan: kunci 'peralatan' tidak \
dikenal; mungkin maksudnya 'peralatan_perlengkapan'?
tests/data/enam-kesalahan/sop.yaml:17:12: error[WAKTU-FORMAT] langkah[1].waktu: waktu '2 hr' \
tidak dapat dibaca: satuan 'hr' tidak dikenal, mungkin maksudnya 'hari'? Tulis angka lalu \
satuan (menit, jam, hari, hari kerja, minggu, bulan), mis. '15 menit', '1 jam 30 menit', \
'1-5 hari', '1,5 jam', '1 (satu) hari kerja', '± 30 menit', 'paling lambat 2 hari'.
tests/data/enam-kesalahan/sop.yaml:25:9: error[SOP-NOMOR-LANGKAH] langkah[3].no: nomor \
langkah 4 seharusnya 3 (langkah ke-3); perbaiki nomornya (dan nomor langkah sesudahnya) atau \
hapus semua `no:`; langkah dinomori menurut urutannya
"""


def test_six_mistakes_in_six_places_one_run(run_cli) -> None:
    """A TAB, a misspelled key, a pejabat id typo, an invalid NIP, a waktu "2 hr" and a
    numbering gap: all reported at once, each once, each at its line."""
    result = run_cli("check", "tests/data/enam-kesalahan")
    assert result.code == 1
    assert result.out == SIX_MISTAKES
    assert result.err == "6 berkas diperiksa: 6 kesalahan, 0 peringatan\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the valid model fixtures (records, SK with one lampiran, standalone SOP)."""
    for name in ("regulasi.yaml", "instansi.yaml", "pejabat.yaml"):
        shutil.copy(MODEL / name, tmp_path / name)
    for name in ("sk.yaml", "sop.yaml"):
        shutil.copy(MODEL / "ok" / name, tmp_path / name)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def messages(folder: Path) -> list[str]:
    report = check_data([folder])
    return [f"{Path(i.file).name}:{i.line}: {i.code} {i.message}" for i in report.issues]


def test_bad_field_does_not_hide_the_rest_of_the_sop(folder: Path) -> None:
    """A wrong tanggal_revisi (set aside) still lets the waktu rule see the SOP's steps."""
    edit(folder / "sop.yaml", "tanggal_revisi: 2024-01-04", "tanggal_revisi: 2024-14-04")
    edit(folder / "sop.yaml", "waktu: 5 menit", "waktu: 5 mnit")
    found = messages(folder)
    assert len(found) == 2
    assert found[0].startswith("sop.yaml:6: SKEMA tanggal '2024-14-04' tidak dapat dibaca")
    assert found[1].startswith("sop.yaml:14: WAKTU-FORMAT waktu '5 mnit' tidak dapat dibaca")


def test_invalid_record_gives_no_follow_on_error(folder: Path) -> None:
    """An invalid NIP is reported in pejabat.yaml once; documents using that pejabat get
    no "not found" error (the file exists) and the other records stay usable."""
    edit(folder / "pejabat.yaml", 'nip: "19670621 199003 1 006"', "nip: 1967")
    found = messages(folder)
    assert found == [
        "pejabat.yaml:9: SKEMA NIP '1967' harus 18 angka (boleh dipisah spasi atau titik, "
        "mis. 19670621 199003 1 006)"
    ]


def test_record_that_fails_whole_is_not_cited_as_missing(folder: Path) -> None:
    """A regulation whose required tahun is wrong is left out of the catalog; citing it
    gives no follow-on error, and the error is reported once, in regulasi.yaml."""
    edit(folder / "regulasi.yaml", "    tahun: 2006\n", "    tahun: dua ribu enam\n")
    found = messages(folder)
    assert found == ["regulasi.yaml:28: SKEMA harus berupa bilangan bulat, mis. 3"]


def test_signer_typo_reported_once_at_the_sk(folder: Path) -> None:
    """A lampiran inherits its signer: the typo is one mistake, at `penandatangan`."""
    edit(folder / "sk.yaml", "penandatangan: kadis", "penandatangan: kadsi")
    assert messages(folder) == [
        "sk.yaml:22: REF pejabat 'kadsi' tidak ditemukan di pejabat.yaml; mungkin "
        "maksudnya 'kadis'?"
    ]


def test_failed_lampiran_does_not_hide_the_sk(folder: Path) -> None:
    """A lampiran whose required date is wrong is reported; the SK's own references and
    rules still run (here: its unknown regulation)."""
    edit(folder / "sk.yaml", "tanggal_pembuatan: 10 Februari 2024", "tanggal_pembuatan: kemarin")
    edit(folder / "sk.yaml", "  - pp-8-2006\n", "  - pp-8-2005\n")
    found = messages(folder)
    assert [f.split(" ", 2)[:2] for f in found] == [
        ["sk.yaml:11:", "REF"],
        ["sk.yaml:25:", "SKEMA"],
    ]


def test_misspelled_required_key_does_not_hide_the_rest(folder: Path) -> None:
    """`menimbng:` is read as `menimbang:` for the other checks: the SK's unknown
    regulation id is still reported in the same run."""
    edit(folder / "sk.yaml", "menimbang:", "menimbng:")
    edit(folder / "sk.yaml", "  - pp-8-2006\n", "  - pp-8-2005\n")
    found = messages(folder)
    assert found[0] == (
        "sk.yaml:6: SKEMA kunci 'menimbng' tidak dikenal; mungkin maksudnya 'menimbang'?"
    )
    assert [f.split(" ", 2)[:2] for f in found] == [["sk.yaml:6:", "SKEMA"], ["sk.yaml:11:", "REF"]]


def test_misspelled_required_key_is_one_mistake(folder: Path) -> None:
    edit(folder / "sk.yaml", "menimbang:", "menimbng:")
    assert messages(folder) == [
        "sk.yaml:6: SKEMA kunci 'menimbng' tidak dikenal; mungkin maksudnya 'menimbang'?"
    ]


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("peralatan", "mungkin maksudnya 'peralatan_perlengkapan'?"),
        ("perlengkapan", "mungkin maksudnya 'peralatan_perlengkapan'?"),
        ("pencatatan", "mungkin maksudnya 'pencatatan_pendataan'?"),
        ("peringatn", "mungkin maksudnya 'peringatan'?"),
    ],
)
def test_key_hint_from_keys_valid_here(folder: Path, typed: str, hint: str) -> None:
    edit(
        folder / "sop.yaml", "pelaksana: [Kepala Dinas]", f"{typed}: [A]\npelaksana: [Kepala Dinas]"
    )
    (found,) = messages(folder)
    assert found == f"sop.yaml:9: SKEMA kunci '{typed}' tidak dikenal; {hint}"


def test_key_hint_is_never_an_existing_sibling(folder: Path) -> None:
    """`peringatn` next to an existing `peringatan` must not be told to become it."""
    edit(
        folder / "sop.yaml",
        "pelaksana: [Kepala Dinas]",
        "peringatan: [A]\nperingatn: [B]\npelaksana: [Kepala Dinas]",
    )
    (found,) = messages(folder)
    assert "mungkin maksudnya" not in found
    assert found.startswith("sop.yaml:10: SKEMA kunci 'peringatn' tidak dikenal; kunci yang boleh")
    assert found.endswith(
        "kunci yang boleh di sini: dasar_hukum, jam_kerja_per_hari, judul, jumlah_waktu, "
        "kertas, "
        "keterkaitan, kualifikasi_pelaksana, pencatatan_pendataan, peralatan_perlengkapan, "
        "revisi, riwayat_revisi, status, teks_mulai, teks_selesai"
    )


def test_unknown_regulation_says_how_to_add_it(folder: Path) -> None:
    edit(folder / "sk.yaml", "  - pp-8-2006\n", "  - permendikbud-14-2017\n")
    (found,) = messages(folder)
    assert found == (
        "sk.yaml:11: REF regulasi 'permendikbud-14-2017' tidak ditemukan di regulasi.yaml; "
        "bila peraturan ini belum ada di katalog, tambahkan di bawah `regulasi:` dalam "
        f'{folder / "regulasi.yaml"}: permendikbud-14-2017: {{jenis: Permen, nomor: "14", '
        'tahun: 2017, penerbit: "[kementerian atau pejabat penerbit]", tentang: '
        '"[judul peraturan]"}'
    )


def test_invisible_character_is_named(folder: Path) -> None:
    edit(folder / "sk.yaml", "penandatangan: kadis", 'penandatangan: "kadis\u200b"')
    (found,) = messages(folder)
    assert found == (
        "sk.yaml:22: SKEMA 'kadis\u200b' bukan id yang sah: ada karakter tak terlihat U+200B "
        "setelah 'kadis'; hapus lalu ketik ulang"
    )


def test_look_alike_letter_is_named(folder: Path) -> None:
    edit(folder / "sop.yaml", "pelaksana: [Kepala Dinas]", "pеlaksana: [Kepala Dinas]")
    found = messages(folder)
    assert found[0] == (
        "sop.yaml:9: SKEMA kunci 'pеlaksana' tidak dikenal: huruf 'е' setelah 'p' adalah huruf "
        "Cyrillic (U+0435), bukan huruf Latin; ketik ulang huruf itu"
    )


def test_summary_counts_files_checked(run_cli, folder: Path) -> None:
    result = run_cli("check", str(folder))
    assert result.err == "5 berkas diperiksa: 0 kesalahan, 0 peringatan\n"
    result = run_cli("check", str(folder / "sk.yaml"))
    assert result.err == (
        "1 berkas diperiksa (ditambah 3 berkas rujukan di folder atasnya): "
        "0 kesalahan, 0 peringatan\n"
    )
