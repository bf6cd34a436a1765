"""The seeds' mistakes, as a user sees them, and the corrected data passing.

tests/data/as_printed/ holds the seed documents as printed, mistakes included (its README
lists each planted mistake); data/ holds the corrected ones. `sk-generator check` must
report every seed mistake of docs/domain.md ("Mistakes in the seeds") that the data model
can represent, with the exact line below, and pass the corrected data without errors.

Not representable (README "Not representable in the model"): 000's Mengingat numbering
"5. / 5.", its lampiran TANGGAL without a day and the nomor's third spelling in the
lampiran heading (the heading and numbers are generated from the SK); 003's "signed by a
Plh." is not a mistake (rendered as "Plh." from `status`). 004's decision step whose
"tidak" branch goes back is modelled correctly and must raise no flow issue.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sk_generator.checks import run_checks
from sk_generator.load import Loader
from tests.conftest import ROOT, CliResult

AP = "tests/data/as_printed/"

SEEN = {
    "000: Mengingat cites Peraturan Pemerintah Nomor 8 Tahun 2005 (PP 8/2006)": (
        f"{AP}sintang/sk-sop-data-kinerja.yaml:39:5: error[HUKUM-KATALOG] "
        "mengingat[3]: Peraturan Pemerintah Nomor 8 Tahun 2005 tidak ada di katalog; "
        "Peraturan Pemerintah Nomor 8 terbit tahun 2006: Peraturan Pemerintah Nomor 8 "
        "Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah "
        "(Tambahan Lembaran Negara Republik Indonesia Nomor 4614); tulis `pp-8-2006` "
        "(id katalog) atau perbaiki kutipannya"
    ),
    "000: SOP dasar hukum calls Perpres 29/2014 a Peraturan Pemerintah": (
        f"{AP}sintang/sk-sop-data-kinerja.yaml:74:9: error[HUKUM-KATALOG] "
        "lampiran[1].dasar_hukum[2]: 'Peraturan Pemerintah Nomor 29 Tahun 2014 "
        "tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah' adalah Peraturan "
        "Presiden, bukan Peraturan Pemerintah: Peraturan Presiden Nomor 29 Tahun 2014 "
        "tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah (Lembaran Negara "
        "Republik Indonesia Tahun 2014 Nomor 80); tulis `perpres-29-2014` (id "
        "katalog) atau perbaiki kutipannya"
    ),
    "000: the SOP cites Perbup 116/2017, superseded by the SK's Perbup 132/2021": (
        f"{AP}sintang/sk-sop-data-kinerja.yaml:91:9: error[HUKUM-DICABUT] "
        "lampiran[1].dasar_hukum[5]: Peraturan Bupati Sintang Nomor 116 Tahun 2017 "
        "sudah dicabut/diganti dengan Peraturan Bupati Sintang Nomor 132 Tahun 2021 "
        "tentang Susunan Organisasi dan Tata Kerja Dinas Tenaga Kerja dan "
        "Transmigrasi Kabupaten Sintang; kutip `perbup-sintang-132-2021` sebagai "
        "gantinya"
    ),
    "000: SK and lampiran SOP write the nomor differently": (
        f"{AP}sintang/sk-sop-data-kinerja.yaml:68:12: error[LAMPIRAN-BEDA-SK] "
        "lampiran[1].nomor: nomor SOP lampiran '700/109 /Disnakertrans TU.1/2022' "
        "berbeda dari nomor SK '700/109/DISNAKERTRANS.TU.1/2022'; hapus `nomor` agar "
        "mengikuti nomor SK"
    ),
    "000 (planted): closing Menimbang item without the formula": (
        f"{AP}sintang/sk-sop-data-kinerja.yaml:24:5: error[MENIMBANG-PENUTUP] "
        "menimbang[2]: butir terakhir Menimbang tidak memakai rumusan penutup; tulis: "
        "'bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu "
        "menetapkan Keputusan Kepala Dinas Tenaga Kerja dan Transmigrasi Kabupaten "
        "Sintang tentang Standar Operasional Prosedur Pengumpulan Data Kinerja pada "
        "Dinas Tenaga Kerja dan Transmigrasi Kabupaten Sintang;'"
    ),
    "000 (planted): Permenpanrb 53/2014 with a shortened title": (
        f"{AP}sintang/sk-sop-data-kinerja.yaml:83:18: error[HUKUM-JUDUL] "
        "lampiran[1].dasar_hukum[3].tentang: judul Peraturan Menteri Pendayagunaan "
        "Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 menurut katalog "
        "adalah 'Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara "
        "Reviu atas Laporan Kinerja Instansi Pemerintah'; ganti `tentang` dengan "
        "judul itu atau tulis `permenpanrb-53-2014` (id katalog)"
    ),
    "000 (planted): Perda Sintang 7/2016 with another title": (
        f"{AP}sintang/sk-sop-data-kinerja.yaml:89:18: error[HUKUM-JUDUL] "
        "lampiran[1].dasar_hukum[4].tentang: judul Peraturan Daerah Kabupaten Sintang "
        "Nomor 7 Tahun 2016 menurut katalog adalah 'Pembentukan dan Susunan Perangkat "
        "Daerah Kabupaten Sintang'; ganti `tentang` dengan judul itu atau tulis "
        "`perda-sintang-7-2016` (id katalog)"
    ),
    "003: lampiran nomor differs from the SK's": (
        f"{AP}lampung-barat/sk-sop-data-kinerja.yaml:91:12: error[LAMPIRAN-BEDA-SK] "
        "lampiran[1].nomor: nomor SOP lampiran '050/12/KPTS/II.08/2024' berbeda dari "
        "nomor SK '520/11/KPTS/III.20/2024'; hapus `nomor` agar mengikuti nomor SK"
    ),
    "003: lampiran tanggal differs from the SK's": (
        f"{AP}lampung-barat/sk-sop-data-kinerja.yaml:92:22: error[LAMPIRAN-BEDA-SK] "
        "lampiran[1].tanggal_efektif: tanggal SOP lampiran 4 Maret 2024 berbeda dari "
        "tanggal SK 10 Februari 2024; hapus `tanggal_efektif` agar mengikuti tanggal "
        "SK"
    ),
    "003 (planted): 'Dinas Dinas' in the title": (
        f"{AP}lampung-barat/sk-sop-data-kinerja.yaml:16:10: error[TEKS-GANDA] tentang: "
        "'Dinas' tertulis dua kali berturut-turut; hapus salah satunya"
    ),
    "003 (planted): Menimbang item ending with '.;'": (
        f"{AP}lampung-barat/sk-sop-data-kinerja.yaml:21:5: error[MENIMBANG-BENTUK] "
        "menimbang[1]: butir Menimbang harus diakhiri ';' (titik koma, tanpa titik)"
    ),
    "003 (planted): closing item with 'pada huruf a', no formula": (
        f"{AP}lampung-barat/sk-sop-data-kinerja.yaml:29:5: error[MENIMBANG-PENUTUP] "
        "menimbang[2]: rujuk butir lain dengan 'sebagaimana dimaksud dalam huruf "
        "...', bukan 'pada huruf'; tulis: 'bahwa berdasarkan pertimbangan sebagaimana "
        "dimaksud dalam huruf a, perlu menetapkan Keputusan Kepala Dinas Tenaga Kerja "
        "dan Perindustrian Kabupaten Lampung Barat tentang Standar Operasional "
        "Prosedur Pengumpulan dan Pengukuran Data Kinerja Dinas Dinas Tenaga Kerja "
        "dan Perindustrian Kabupaten Lampung Barat;'"
    ),
    "003 (planted): UU 28/1999 with a wrong title": (
        f"{AP}lampung-barat/sk-sop-data-kinerja.yaml:45:14: error[HUKUM-JUDUL] "
        "mengingat[2].tentang: judul Undang-Undang Nomor 28 Tahun 1999 menurut "
        "katalog adalah 'Penyelenggaraan Negara yang Bersih dan Bebas dari Korupsi, "
        "Kolusi, dan Nepotisme'; ganti `tentang` dengan judul itu atau tulis "
        "`uu-28-1999` (id katalog)"
    ),
    "003 (planted): UU 28/1999 with TLN 3051 (3851)": (
        f"{AP}lampung-barat/sk-sop-data-kinerja.yaml:47:24: error[HUKUM-LEMBARAN] "
        "mengingat[2].tambahan_lembaran: Tambahan Lembaran Negara/Daerah "
        "Undang-Undang Nomor 28 Tahun 1999 menurut katalog Nomor 3851, bukan Nomor "
        "3051; perbaiki `tambahan_lembaran` atau tulis `uu-28-1999` (id katalog)"
    ),
    "003 (planted): UU 23/2014 without its LN/TLN": (
        f"{AP}lampung-barat/sk-sop-data-kinerja.yaml:50:5: error[HUKUM-LEMBARAN] "
        "mengingat[3]: Undang-Undang Nomor 23 Tahun 2014 tanpa Lembaran Negara/Daerah "
        "Tahun 2014 Nomor 244, Tambahan Lembaran Negara/Daerah Nomor 5587 (menurut "
        "katalog); lengkapi atau tulis `uu-23-2014` (id katalog)"
    ),
    "004: PP 8/2006 given a wrong title": (
        f"{AP}disnakertrans/sop-pendataan-kegiatan.yaml:24:14: error[HUKUM-JUDUL] "
        "dasar_hukum[1].tentang: judul Peraturan Pemerintah Nomor 8 Tahun 2006 "
        "menurut katalog adalah 'Pelaporan Keuangan dan Kinerja Instansi Pemerintah'; "
        "ganti `tentang` dengan judul itu atau tulis `pp-8-2006` (id katalog)"
    ),
    "004 (planted): Inpres 7/2006 (7/1999, revoked by Perpres 29/2014)": (
        f"{AP}disnakertrans/sop-pendataan-kegiatan.yaml:29:5: error[HUKUM-KATALOG] "
        "dasar_hukum[4]: Instruksi Presiden Nomor 7 Tahun 2006 tidak ada di katalog; "
        "Instruksi Presiden Nomor 7 terbit tahun 1999: Instruksi Presiden Nomor 7 "
        "Tahun 1999 tentang Akuntabilitas Kinerja Instansi Pemerintah; peraturan itu "
        "sudah dicabut/diganti dengan Peraturan Presiden Nomor 29 Tahun 2014: kutip "
        "`perpres-29-2014`"
    ),
    "004 (planted): 'Pelaporan Kinerja, Pelaporan Kinerja'": (
        f"{AP}disnakertrans/sop-pendataan-kegiatan.yaml:35:5: error[TEKS-GANDA] "
        "kualifikasi_pelaksana[1]: 'Pelaporan Kinerja' tertulis dua kali "
        "berturut-turut; hapus salah satunya"
    ),
    "004 (planted): implausible NIP, appointed at 8": (
        f"{AP}disnakertrans/pejabat.yaml:17:10: error[NIP-PENGANGKATAN] "
        "pejabat.kadis-disnakertrans.nip: NIP 19720319 198003 1 001: diangkat 198003 "
        "sebelum berumur 18 tahun (lahir 19720319); periksa tanggal lahir dan tahun "
        "pengangkatan pada NIP"
    ),
    "002 (planted): the step starts with its actor": (
        f"{AP}kapuas-hulu/sop-pengumpulan-data-kinerja.yaml:54:15: "
        "warning[TEKS-PELAKSANA] langkah[1].kegiatan: kegiatan diawali nama "
        "pelaksananya 'Kepala Dinas' (sudah ditunjukkan oleh kolomnya); tulis "
        "'Memerintahkan Sekretaris untuk mengumpulkan data kinerja triwulan'"
    ),
}

HIDDEN = {
    "000: 'sebagaimana telah diubah sebagaimana telah diubah'": (
        f"{AP}sintang/sk-sop-data-kinerja.yaml:31:14: error[TEKS-GANDA] "
        "mengingat[2].tentang: 'sebagaimana telah diubah' tertulis dua kali "
        "berturut-turut; hapus salah satunya"
    ),
    "003 (planted): 'Kabupaten Lampung Barat Kabupaten Lampung Barat'": (
        f"{AP}lampung-barat/sk-sop-data-kinerja.yaml:29:5: error[TEKS-GANDA] "
        "menimbang[2]: 'Kabupaten Lampung Barat' tertulis dua kali berturut-turut; "
        "hapus salah satunya"
    ),
    "004 (planted): the Inpres is listed after the Permen": (
        f"{AP}disnakertrans/sop-pendataan-kegiatan.yaml:29:5: error[HUKUM-URUTAN] "
        "dasar_hukum[4]: Instruksi Presiden Nomor 7 Tahun 2006 harus ditulis sebelum "
        "butir 2 (Peraturan Presiden Nomor 29 Tahun 2014); urutkan menurut hierarki "
        "(UUD, UU/Perppu, PP, Perpres, Peraturan Menteri, Perda Provinsi, Pergub, "
        "Perda Kabupaten/Kota, Perbup/Perwali), lalu dari yang terlama"
    ),
}


@pytest.fixture
def as_printed_lines(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the registry finds in the as-printed copies, before `check` merges issues."""
    monkeypatch.chdir(ROOT)  # file names as the CLI prints them
    result = Loader().load([Path(AP)])
    return [i.format() for document in result.documents for i in run_checks(document)]


@pytest.mark.parametrize("label", sorted(SEEN))
def test_seed_mistake_is_reported(run_cli: Callable[..., CliResult], label: str) -> None:
    result = run_cli("check", AP)
    assert result.code == 1
    assert SEEN[label] in result.out.splitlines()


@pytest.mark.parametrize("label", sorted(HIDDEN))
def test_seed_mistake_is_found_by_its_rule(as_printed_lines: list[str], label: str) -> None:
    assert HIDDEN[label] in as_printed_lines


def test_issues_at_one_place_all_reach_the_user(run_cli: Callable[..., CliResult]) -> None:
    lines = run_cli("check", AP).out.splitlines()
    assert [line for line in HIDDEN.values() if line not in lines] == []


def test_decision_looping_back_is_a_proper_flow(as_printed_lines: list[str]) -> None:
    """Seed 004's penilaian: the "tidak" branch goes back to step 6 for corrections."""
    flow = ("SOP-ALUR", "SOP-CABANG", "SOP-PELAKSANA", "SOP-NOMOR-LANGKAH")
    assert [line for line in as_printed_lines if any(f"[{c}]" in line for c in flow)] == []


#: Errors on the corrected data that the data itself acknowledges (tests/data/as_printed/
#: README.md): seed 004's NIP cannot be a real one (first appointment at age 8) and its
#: correct value is unknown. Remove once data/ fixes it or switches the rule off there.
KNOWN_DATA_ERRORS = {("data/disnakertrans/pejabat.yaml", "NIP-PENGANGKATAN")}

#: Warnings on the corrected data, each reviewed:
#: - 004's SOP is numbered "061.1/SOP/Disnakertrans/2024": "SOP" where the nomor urut goes
#:   (as printed); the number is the agency's, so it stays and the warning says so.
#: - 004's Sekretaris column has no step: the OCR lost the flowchart and every step's
#:   actor was inferred; the warning is a real point for whoever checks the original.
#: - 002's nomor has no nomor urut: the OCR kept no identity block, the nomor is a
#:   placeholder, and the draft warning is exactly right.
REVIEWED_DATA_WARNINGS = {
    ("data/disnakertrans/sop-pendataan-kegiatan.yaml", "NOMOR-BENTUK", "nomor"),
    ("data/disnakertrans/sop-pendataan-kegiatan.yaml", "SOP-KOLOM-KOSONG", "pelaksana[2]"),
    ("data/kapuas-hulu/sop-pengumpulan-data-kinerja.yaml", "NOMOR-DRAF", "nomor"),
    # Placeholders where the OCR lost the value (seed 002's signer, seed 004's region).
    ("data/disnakertrans/instansi.yaml", "TEKS-ISIAN", "instansi.disnakertrans.pemerintah"),
    ("data/disnakertrans/instansi.yaml", "TEKS-ISIAN", "instansi.disnakertrans.daerah"),
    ("data/disnakertrans/instansi.yaml", "TEKS-ISIAN", "instansi.disnakertrans.alamat"),
    ("data/disnakertrans/instansi.yaml", "TEKS-ISIAN", "instansi.disnakertrans.kota"),
    ("data/disnakertrans/pejabat.yaml", "TEKS-ISIAN", "pejabat.kadis-disnakertrans.jabatan"),
    ("data/kapuas-hulu/pejabat.yaml", "TEKS-ISIAN", "pejabat.kadis-kapuas-hulu.nama"),
}


def _parse(line: str) -> tuple[str, str, str, str]:
    where, rest = line.split(": ", 1)
    kind, rest = rest.split(" ", 1)
    severity, code = kind.rstrip("]").split("[")
    path = rest.split(": ", 1)[0]
    return where.split(":", 1)[0], severity, code, path


def test_corrected_data_has_no_errors(run_cli: Callable[..., CliResult]) -> None:
    result = run_cli("check", "data/")
    found = [_parse(line) for line in result.out.splitlines()]
    errors = {(file, code) for file, severity, code, _ in found if severity == "error"}
    assert errors <= KNOWN_DATA_ERRORS, result.out
    assert result.code == (1 if errors else 0)


def test_corrected_data_warnings_are_reviewed(run_cli: Callable[..., CliResult]) -> None:
    result = run_cli("check", "data/")
    found = [_parse(line) for line in result.out.splitlines()]
    warnings = {(file, code, path) for file, severity, code, path in found if severity == "warning"}
    assert warnings == REVIEWED_DATA_WARNINGS, result.out
