"""Each file of the corpus (tests/data/impor/, made by buat_korpus.py the way agencies
make SOPs) imports to data that passes `check`, with the steps, pelaksana, waktu total
and decision targets the file shows."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from sk_generator.checks import check
from sk_generator.document import Document
from sk_generator.impor import FileResult, import_files
from sk_generator.load import load
from sk_generator.waktu import compute_sop
from tests.conftest import DATA, TESTDATA
from tests.data.impor.buat_korpus import CORPUS, DUA_SOP
from tests.data.impor.spesifikasi import SURAT, Spec

KORPUS = TESTDATA / "impor"


def _import(tmp_path: Path, *names: str) -> list[FileResult]:
    root = tmp_path / "data"
    root.mkdir(exist_ok=True)
    shutil.copy(DATA / "regulasi.yaml", root / "regulasi.yaml")
    return import_files([KORPUS / n for n in names], root / "contoh")


def _document(result: FileResult) -> Document:
    assert result.ok, result.problem
    assert result.output is not None
    [document] = load([result.output]).documents
    return document


def _decisions(spec: Spec, how: str) -> dict[int, tuple[int, str, str]]:
    """Decisions as the file shows them: drawn diamonds, or "kembali ke langkah N"."""
    if how in ("excel-warna",):
        return {}
    out = {}
    for i, step in enumerate(spec.steps):
        if step.tidak is not None:
            out[i] = (step.tidak + 1, step.label_ya, step.label_tidak)
        elif "kembali ke langkah" in step.ket:
            out[i] = (int(step.ket.rsplit(" ", 1)[1]), "Ya", "Tidak")
    return out


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_file_imports_as_the_file_shows_it(name: str, tmp_path: Path) -> None:
    spec, how = CORPUS[name]
    [result] = _import(tmp_path, name)
    document = _document(result)
    assert not [i for i in check([result.output]).issues if i.is_error]
    sop = document.model
    assert sop.pelaksana == list(spec.pelaksana) or how == "excel-kolom"
    assert [s.kegiatan for s in sop.langkah] == [s.kegiatan for s in spec.steps]
    assert [s.pelaksana for s in sop.langkah] == [spec.pelaksana[s.col] for s in spec.steps]
    assert [s.waktu for s in sop.langkah] == [" ".join(s.waktu.split()) for s in spec.steps]
    assert [s.kelengkapan for s in sop.langkah] == [list(s.kelengkapan) for s in spec.steps]
    assert compute_sop(sop).text_max == spec.jumlah
    assert sop.jumlah_waktu is None  # the printed total agrees with the steps
    found = {
        i: (s.keputusan.tidak, s.keputusan.label_ya, s.keputusan.label_tidak)
        for i, s in enumerate(sop.langkah)
        if s.keputusan is not None
    }
    assert found == _decisions(spec, how)
    identity = dict(spec.identity)
    assert sop.nomor == identity.get("Nomor SOP", identity.get("No. SOP"))
    assert sop.nama.upper() == identity["Nama SOP"].upper()
    signer = document.pejabat(sop.disahkan_oleh)
    assert (signer.gelar_depan, signer.nama, signer.gelar_belakang) == (
        "Dr.",
        "AGUS SALIM",
        "S.Kom., M.T.",
    )
    assert signer.jabatan == "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN CONTOH"
    assert (signer.pangkat, signer.golongan, signer.nip) == (
        "Pembina Tingkat I",
        "IV/b",
        "197501012000031002",
    )
    assert sop.dasar_hukum[0] == "permenpanrb-35-2012"


def test_label_variants_dates_and_gaps_are_read_and_reported(tmp_path: Path) -> None:
    [result] = _import(tmp_path, "word-bentuk-di-sel.docx")
    sop = _document(result).model
    assert (sop.tanggal_pembuatan, sop.tanggal_revisi, sop.tanggal_efektif) == (
        dt.date(2023, 1, 5),
        [dt.date(2024, 3, 12)],
        dt.date(2023, 1, 10),
    )
    assert sop.pencatatan_pendataan == ["Buku register permohonan informasi"]
    assert sop.peralatan_perlengkapan == ["Komputer", "Buku register", "ATK"]
    assert sop.nama == "Pelayanan Permohonan Informasi Publik"
    notes = [n.format("x.docx") for n in result.notes]
    assert (
        "x.docx: tabel 2, baris 10: tebakan: nomor tercetak 5 sesudah 3: penomoran tidak "
        "berurutan; dianggap langkah 4" in notes
    )
    assert (
        "x.docx: tabel 1, baris 6, kolom 4: tebakan: Nama SOP tercetak kapital; huruf "
        "besar-kecilnya ditebak" in notes
    )
    text = result.output.read_text(encoding="utf-8")
    assert (
        "  # DITEBAK: nomor tercetak 5 sesudah 3: penomoran tidak berurutan; dianggap langkah 4\n"
        "  - kegiatan: Memverifikasi kelengkapan dan kewenangan\n"
    ) in text


def test_marks_without_shapes_and_decision_from_text_are_reported(tmp_path: Path) -> None:
    [result] = _import(tmp_path, "word-tanda.docx")
    notes = [n.format("x.docx") for n in result.notes]
    assert (
        "x.docx: tabel 2, baris 4: tebakan: langkah 2 dianggap keputusan karena teksnya "
        "menyebut 'kembali ke langkah 1'; cabang tidak ke langkah 1"
    ) in notes


def test_not_an_sop_and_a_damaged_file_get_a_message(tmp_path: Path) -> None:
    results = _import(tmp_path, "bukan-sop.docx", "rusak.docx", "excel-bentuk.xlsx")
    messages = [str(r.problem) if r.problem else "ok" for r in results]
    assert messages == [
        "bukan SOP: dokumen ini tidak memuat tabel prosedur (baris judul dengan 'No' dan "
        "'Kegiatan'/'Aktivitas')",
        "berkas tidak dapat dibuka sebagai .docx (rusak?): File is not a zip file",
        "ok",
    ]


def test_a_workbook_with_a_sheet_per_sop_gives_one_data_file_each(tmp_path: Path) -> None:
    results = _import(tmp_path, DUA_SOP)
    names = [_document(r).model.nama for r in results]
    assert names == ["Penerbitan Izin Reklame", "Penerbitan Surat Keluar"]
    second = _document(results[1]).model
    assert [s.pelaksana for s in second.langkah] == [SURAT.pelaksana[s.col] for s in SURAT.steps]
    assert [n.place for n in results[1].notes if "kolom pelaksana disusun" in n.message] == [
        "SOP 2!baris 16"
    ]


def test_records_are_appended_to_staff_files_and_found_again(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "sintang"
    shutil.copytree(DATA / "sintang", folder)
    original = (folder / "pejabat.yaml").read_text(encoding="utf-8")
    shutil.copy(DATA / "regulasi.yaml", tmp_path / "data" / "regulasi.yaml")
    first, second = import_files(
        [KORPUS / "word-tanda.docx", KORPUS / "word-bentuk-melayang.docx"], folder
    )
    text = (folder / "pejabat.yaml").read_text(encoding="utf-8")
    assert text.startswith(original)
    assert text[len(original) :].count("pejabat-agus-salim:") == 1
    ids = [_document(r).model.disahkan_oleh for r in (first, second)]
    assert ids == ["pejabat-agus-salim", "pejabat-agus-salim"]
    assert not [i for i in check([folder]).issues if i.is_error]
