"""`sk-generator beda`: changes between two versions, in document terms."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import DATA

SK = Path("sintang") / "sk-sop-data-kinerja.yaml"
PLH = """\
  plh-kadis-budi:
    nama: BUDI SANTOSO
    gelar_belakang: S.Sos
    jabatan: Kepala Dinas Tenaga Kerja dan Transmigrasi Kabupaten Sintang
    status: Plh.
    pangkat: Pembina
    golongan: IV/a
    nip: 19700101 199503 1 002
"""


def _copy(target: Path) -> Path:
    shutil.copytree(DATA, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _waktu_and_signer(folder: Path) -> None:
    """One waktu (the second step, 30 -> 45 Menit) and one signer changed."""
    _edit(folder / SK, "waktu: 30 Menit", "waktu: 45 Menit")
    _edit(folder / SK, "penandatangan: kadis-subendi", "penandatangan: plh-kadis-budi")
    with (folder / "sintang" / "pejabat.yaml").open("a", encoding="utf-8") as handle:
        handle.write(PLH)


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    lama, baru = _copy(tmp_path / "lama"), _copy(tmp_path / "baru")
    _waktu_and_signer(baru)
    return lama, baru


EXPECTED_CHANGES = [
    "  1. Penandatangan: Drs. SUBENDI, M.Si -> BUDI SANTOSO, S.Sos (juga pada Disahkan oleh "
    "dan penutup lampiran)",
    "  2. Lampiran 1, langkah 2, Waktu: 30 Menit -> 45 Menit (Jumlah Waktu Penyelesaian: "
    "9 hari 3 jam 27 menit -> 9 hari 3 jam 42 menit)",
]
TITLE = (
    "  Keputusan Nomor 700/109/DISNAKERTRANS.TU.1/2022 tanggal 21 September 2022 tentang "
    "Standar Operasional Prosedur Pengumpulan Data Kinerja pada Dinas Tenaga Kerja dan "
    "Transmigrasi Kabupaten Sintang"
)


def test_two_files_show_exactly_the_two_changes(run_cli, versions) -> None:
    lama, baru = versions
    result = run_cli("beda", str(lama / SK), str(baru / SK))
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines() == [
        f"Semula : {lama / SK}",
        f"Menjadi: {baru / SK}",
        "",
        f"{baru / SK}: 2 perubahan",
        TITLE,
        *EXPECTED_CHANGES,
    ]


def test_two_folders_pair_documents_by_path(run_cli, versions) -> None:
    lama, baru = versions
    (baru / "kapuas-hulu" / "sop-pengumpulan-data-kinerja.yaml").unlink()
    result = run_cli("beda", str(lama), str(baru))
    assert result.code == 0
    assert result.out.splitlines()[3:] == [
        f"{baru}/disnakertrans/sop-pendataan-kegiatan.yaml: tidak ada perubahan",
        "kapuas-hulu/sop-pengumpulan-data-kinerja.yaml: dokumen dihapus",
        f"{baru}/lampung-barat/sk-sop-data-kinerja.yaml: tidak ada perubahan",
        f"{baru / SK}: 2 perubahan",
        TITLE,
        *EXPECTED_CHANGES,
    ]


def test_identical_copies_have_no_change(run_cli, tmp_path) -> None:
    lama, baru = _copy(tmp_path / "a"), _copy(tmp_path / "b")
    result = run_cli("beda", str(lama / SK), str(baru / SK))
    assert result.out.splitlines()[-1] == f"{baru / SK}: tidak ada perubahan"


def test_record_edit_shows_in_every_document_that_prints_it(run_cli, tmp_path) -> None:
    """Compared as printed: a catalog title edited changes the SK's Mengingat item."""
    lama, baru = _copy(tmp_path / "a"), _copy(tmp_path / "b")
    _edit(
        baru / "regulasi.yaml",
        'lembaran: {tahun: 1959, nomor: "72"}',
        'lembaran: {tahun: 1959, nomor: "73"}',
    )
    result = run_cli("beda", str(lama / SK), str(baru / SK))
    changes = [line for line in result.out.splitlines() if line.startswith("  1.")]
    assert len(changes) == 1 and changes[0].startswith(
        "  1. Mengingat angka 1: Undang-Undang Nomor 27 Tahun 1959 tentang Penetapan Undang-"
    )
    assert result.out.count("Tahun 1959 Nomor 72") == 1  # semula
    assert result.out.count("Tahun 1959 Nomor 73") == 1  # menjadi


def test_list_items_added_and_removed(run_cli, tmp_path) -> None:
    lama, baru = _copy(tmp_path / "a"), _copy(tmp_path / "b")
    _edit(baru / SK, "  - uu-27-1959\n", "")
    _edit(baru / SK, "  - perda-sintang-7-2016\n", "  - perda-sintang-7-2016\n  - uu-27-1959\n")
    result = run_cli("beda", str(lama / SK), str(baru / SK))
    lines = result.out.splitlines()[5:]
    assert lines == [
        "  1. Mengingat: - Undang-Undang Nomor 27 Tahun 1959 (semula angka 1)",
        "  2. Mengingat angka 6: + Undang-Undang Nomor 27 Tahun 1959",
    ]


def test_json_for_tools(run_cli, versions) -> None:
    lama, baru = versions
    result = run_cli("beda", str(lama / SK), str(baru / SK), "--format", "json")
    data = json.loads(result.out)
    (document,) = data["dokumen"]
    assert document["status"] == "berubah"
    assert data["jumlah_perubahan"] == 2
    assert document["perubahan"][1] == {
        "no": 2,
        "bagian": "Lampiran 1, langkah 2, Waktu",
        "jenis": "ubah",
        "semula": "30 Menit",
        "menjadi": "45 Menit",
        "keterangan": "Jumlah Waktu Penyelesaian: 9 hari 3 jam 27 menit -> 9 hari 3 jam 42 menit",
    }
    assert document["perubahan"][0]["menjadi"] == (
        "BUDI SANTOSO, S.Sos\nPlh. Kepala Dinas Tenaga Kerja dan Transmigrasi Kabupaten "
        "Sintang\nPembina (IV/a)\nNIP. 19700101 199503 1 002"
    )


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@t", "-c", "user.name=t", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def _repo(tmp_path: Path) -> Path:
    """A git repository whose one commit holds a copy of data/."""
    repo = tmp_path / "repo"
    _copy(repo / "data")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "awal")
    return repo


def test_sejak_reads_the_old_version_from_git(run_cli, tmp_path) -> None:
    repo = _repo(tmp_path)
    _waktu_and_signer(repo / "data")
    result = run_cli("beda", str(repo / "data" / "sintang"), "--sejak", "HEAD")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "Semula : HEAD:data/sintang"
    assert result.out.splitlines()[-2:] == EXPECTED_CHANGES
    assert not list(Path("/tmp").glob("sk-generator-beda-*"))


def test_sejak_unknown_revision(run_cli, tmp_path) -> None:
    repo = _repo(tmp_path)
    result = run_cli("beda", str(repo / "data"), "--sejak", "v9")
    assert result.code == 2
    assert result.err == (
        f"Galat: revisi 'v9' tidak dikenal di repositori {repo}; lihat daftarnya dengan: "
        "git log --oneline\n"
    )


def test_sejak_outside_a_repository(run_cli, tmp_path) -> None:
    folder = _copy(tmp_path / "data")
    result = run_cli("beda", str(folder), "--sejak", "HEAD")
    assert result.code == 2
    assert result.err == (
        f"Galat: '{folder}' tidak berada di dalam repositori git, jadi tidak ada versi lama "
        "untuk --sejak; bandingkan dua salinan dengan: sk-generator beda LAMA BARU\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["data"], "berikan dua berkas atau folder (LAMA BARU), atau satu dengan --sejak REVISI"),
        (
            ["data", "data", "--format", "pdf"],
            "--format pdf memerlukan -o BERKAS, mis. -o matriks.pdf",
        ),
        (
            ["data/sintang/pejabat.yaml", "data/sintang/pejabat.yaml"],
            "'data/sintang/pejabat.yaml' adalah berkas rujukan; bandingkan folder yang "
            "memuatnya agar terlihat dokumen mana yang berubah",
        ),
        (
            ["data", str(SK)],
            "berkas atau folder 'sintang/sk-sop-data-kinerja.yaml' tidak ditemukan",
        ),
    ],
)
def test_usage_errors(run_cli, args, message) -> None:
    result = run_cli("beda", *args)
    assert (result.code, result.err) == (2, f"Galat: {message}\n")


def test_data_error_in_one_version_is_located(run_cli, versions) -> None:
    lama, baru = versions
    _edit(baru / SK, "penandatangan: plh-kadis-budi", "penandatangan: plh-kadis")
    result = run_cli("beda", str(lama / SK), str(baru / SK))
    assert result.code == 1
    assert f"{baru / SK}:" in result.err and "error[REF] penandatangan" in result.err
    assert result.err.splitlines()[-1] == (
        f"Galat: {baru / SK} memuat kesalahan data; perbaiki dulu agar dapat dibandingkan"
    )


def test_matriks_docx_holds_semula_and_menjadi(run_cli, versions, tmp_path) -> None:
    import docx

    lama, baru = versions
    target = tmp_path / "matriks.docx"
    result = run_cli("beda", str(lama / SK), str(baru / SK), "--format", "docx", "-o", str(target))
    assert result.out == f"Matriks Perubahan ditulis ke {target} (2 perubahan).\n"
    document = docx.Document(str(target))
    kop, table = document.tables
    assert [c.text for c in kop.rows[0].cells][1].startswith(
        "PEMERINTAH KABUPATEN SINTANG\nDINAS TENAGA KERJA DAN TRANSMIGRASI"
    )
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["No", "Bagian", "Semula", "Menjadi", "Keterangan"]
    assert rows[2] == [
        "2.",
        "Lampiran 1, langkah 2, Waktu",
        "30 Menit",
        "45 Menit",
        "Diubah; Jumlah Waktu Penyelesaian: 9 hari 3 jam 27 menit -> 9 hari 3 jam 42 menit",
    ]
    assert rows[1][:4] == [
        "1.",
        "Penandatangan",
        "Drs. SUBENDI, M.Si\nKepala Dinas Tenaga Kerja dan Transmigrasi Kabupaten Sintang\n"
        "Pembina Tingkat I (IV/b)\nNIP. 19670621\u00a0199003\u00a01\u00a0006",
        "BUDI SANTOSO, S.Sos\nPlh. Kepala Dinas Tenaga Kerja dan Transmigrasi Kabupaten "
        "Sintang\nPembina (IV/a)\nNIP. 19700101\u00a0199503\u00a01\u00a0002",
    ]
    assert [p.text for p in document.paragraphs if p.text][:1] == ["MATRIKS PERUBAHAN"]


@pytest.mark.soffice
def test_matriks_pdf(run_cli, versions, tmp_path) -> None:
    lama, baru = versions
    target = tmp_path / "matriks.pdf"
    result = run_cli("beda", str(lama / SK), str(baru / SK), "--format", "pdf", "-o", str(target))
    assert result.code == 0, result.err
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for expected in (
        "MATRIKS PERUBAHAN",
        "PEMERINTAH KABUPATEN SINTANG",
        "No Bagian Semula Menjadi Keterangan",
        "Drs. SUBENDI, M.Si",
        "BUDI SANTOSO, S.Sos",
        "30 Menit 45 Menit",
    ):
        assert expected in text, expected
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (215, 330)
