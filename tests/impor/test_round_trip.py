"""Round trip: each seed's SOP DOCX, as this toolkit renders it, imports back to data
equal to the original after resolving (steps, pelaksana, mutu baku, decisions, identity)."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from sk_generator.document import Document, SopEntry
from sk_generator.impor import import_files
from sk_generator.load import load
from sk_generator.model import BulanTahun
from sk_generator.render.sop import render_sop
from sk_generator.render.sop.hints import hints_xml, parse
from tests.conftest import DATA, TESTDATA

SEEDS = sorted(p for p in DATA.rglob("*.yaml") if p.name.startswith(("sk-", "sop-")))
_FIELDS = (
    "nomor",
    "nama",
    "tanggal_pembuatan",
    "tanggal_revisi",
    "tanggal_efektif",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "peringatan",
    "pencatatan_pendataan",
    "pelaksana",
    "langkah",
)


def _entries(path: Path) -> list[tuple[Document, SopEntry]]:
    result = load([path])
    assert not [i for i in result.issues if i.is_error]
    return [(doc, entry) for doc in result.documents for entry in doc.sops()]


def _imported(tmp_path: Path, docx: bytes) -> tuple[Document, SopEntry, list[str]]:
    root = tmp_path / "data"
    root.mkdir()
    shutil.copy(DATA / "regulasi.yaml", root / "regulasi.yaml")
    source = tmp_path / "sop.docx"
    source.write_bytes(docx)
    [result] = import_files([source], root / "impor")
    assert result.ok, result.problem
    assert result.output is not None
    [(doc, entry)] = _entries(result.output)
    return doc, entry, [n.message for n in result.notes]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.parent.name)
def test_seed_sop_docx_imports_back_to_the_original(seed: Path, tmp_path: Path) -> None:
    [(original_doc, original)] = _entries(seed)
    docx, _pages = render_sop(original_doc, original)
    doc, entry, notes = _imported(tmp_path, docx)
    want, got = original.sop, entry.sop
    for name in _FIELDS:
        assert getattr(got, name) == getattr(want, name), name
    assert [original_doc.peraturan(r) for r in want.dasar_hukum] == [
        doc.peraturan(r) for r in got.dasar_hukum
    ]
    assert got.dasar_hukum == want.dasar_hukum  # catalog ids, not inline copies
    assert want.disahkan_oleh is not None and got.disahkan_oleh is not None
    assert doc.pejabat(got.disahkan_oleh) == original_doc.pejabat(want.disahkan_oleh)
    assert doc.instansi.pemerintah == original_doc.instansi.pemerintah.upper()
    assert doc.instansi.nama == original_doc.instansi.nama.upper()
    # Only the records' unprinted parts (address, kota) are reported as guesses.
    assert all("kota penetapan" in n or "NIP" in n for n in notes), notes


def _edit_docx(docx: bytes, old: str, new: str) -> bytes:
    """The DOCX with one text changed in document.xml, as an edit in Word would."""
    source = io.BytesIO(docx)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            blob = zin.read(item.filename)
            if item.filename == "word/document.xml":
                assert old.encode() in blob
                blob = blob.replace(old.encode(), new.encode())
            zout.writestr(item, blob)
    return out.getvalue()


def test_a_step_edited_after_rendering_is_read_from_the_table(tmp_path: Path) -> None:
    [(original_doc, original)] = _entries(DATA / "disnakertrans" / "sop-pendataan-kegiatan.yaml")
    docx, _pages = render_sop(original_doc, original)
    edited = _edit_docx(docx, "Menjumpai sumber", "Menemui sumber")
    _doc, entry, notes = _imported(tmp_path, edited)
    got = entry.sop.langkah
    assert got[3].kegiatan.startswith("Menemui sumber dan mengumpulkan")
    # Its Pelaksana comes from the only flowchart picture in its row; the others, and the
    # decision of step 7, still from the hints.
    assert [s.pelaksana for s in got] == [s.pelaksana for s in original.sop.langkah]
    assert got[6].keputusan == original.sop.langkah[6].keputusan
    assert (
        "pelaksana langkah 4 ditebak dari gambar di sel di kolom 4 dari kolom pelaksana yang "
        "bertanda: 4"
    ) in notes
    assert (
        "petunjuk alur dari sk-generator cocok untuk 7 dari 8 langkah; langkah yang "
        "diubah sesudahnya dibaca dari tabel" in notes
    )


def test_hints_are_not_part_of_the_document_text() -> None:
    [(original_doc, original)] = _entries(
        DATA / "kapuas-hulu" / "sop-pengumpulan-data-kinerja.yaml"
    )
    docx, _pages = render_sop(original_doc, original)
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        body = archive.read("word/document.xml").decode()
        parts = [n for n in archive.namelist() if re.fullmatch(r"customXml/item\d+\.xml", n)]
        hints = [archive.read(n).decode() for n in parts if "alur-sop" in archive.read(n).decode()]
    assert "urn:sk-generator" not in body
    assert len(hints) == 1 and 'nama="Mekanisme Pengumpulan Data Kinerja"' in hints[0]


def test_a_graph_sop_imports_back_exactly(tmp_path: Path) -> None:
    """A flow written as a graph (jumps, a simultaneous fork, a choice, two ends, a
    decision waiting on itself) comes back with every `lanjut` and `simultan` as written."""
    source = TESTDATA / "alur" / "sop-alur.yaml"
    [(original_doc, original)] = _entries(source)
    docx, _pages = render_sop(original_doc, original)
    _doc, entry, notes = _imported(tmp_path, docx)
    want, got = original.sop, entry.sop
    assert [(s.lanjut, s.simultan) for s in got.langkah] == [
        (None, False),
        (None, False),
        ([4, 5], True),
        ([6], False),
        ([6], False),
        ([7, 8], False),
        ([], False),
        (None, False),
    ]
    for name in _FIELDS:
        assert getattr(got, name) == getattr(want, name), name
    assert got.model_dump(exclude={"instansi", "disahkan_oleh", "dasar_hukum"}) == want.model_dump(
        exclude={"instansi", "disahkan_oleh", "dasar_hukum"}
    )
    assert all("kota penetapan" in n or "NIP" in n for n in notes), notes


def test_hints_without_a_graph_write_no_flow_attributes() -> None:
    """A linear SOP's hints stay as they were: no `lanjut`, no `simultan`."""
    [(_document, entry)] = _entries(DATA / "disnakertrans" / "sop-pendataan-kegiatan.yaml")
    xml = hints_xml(entry.sop).decode()
    assert "lanjut=" not in xml and "simultan=" not in xml
    [(_document, entry)] = _entries(TESTDATA / "alur" / "sop-alur.yaml")
    parsed = parse(hints_xml(entry.sop))
    assert parsed is not None
    assert [(h.jenis, h.lanjut, h.simultan) for h in parsed.steps][2:] == [
        ("process", (4, 5), True),
        ("process", (6,), False),
        ("process", (6,), False),
        ("process", (7, 8), False),
        ("terminator", (), False),
        ("terminator", None, False),
    ]


def test_month_year_dates_and_agency_labels_import_back(tmp_path: Path) -> None:
    """The agency fixture prints its own labels (Aktivitas, Judul SOP, Ket., ...) and
    dates as month and year: they come back as written, the flow graph too."""
    [(original_doc, original)] = _entries(TESTDATA / "lembaga" / "sk-sop-logistik.yaml")
    docx, _pages = render_sop(original_doc, original)
    doc, entry, notes = _imported(tmp_path, docx)
    want, got = original.sop, entry.sop
    # The kop's four lines: an agency (not "PEMERINTAH ..."), its unit and two sub-units.
    kop = (doc.instansi.pemerintah, doc.instansi.nama, *doc.instansi.sub_unit)
    assert kop == (
        "BADAN CONTOH PENANGGULANGAN BENCANA",
        "DEPUTI BIDANG PENANGANAN DARURAT",
        "DIREKTORAT DUKUNGAN SUMBER DAYA DARURAT",
        "Subdirektorat Logistik dan Peralatan",
    )
    assert (
        "baris kop di bawah 'DEPUTI BIDANG PENANGANAN DARURAT' dibaca sebagai sub_unit "
        "(DIREKTORAT DUKUNGAN SUMBER DAYA DARURAT; Subdirektorat Logistik dan Peralatan): "
        "periksa instansi.yaml"
    ) in notes
    assert [got.tanggal_pembuatan, *got.tanggal_revisi] == [
        BulanTahun(2024, 10, 1),
        BulanTahun(2024, 12, 1),
    ]
    assert all(isinstance(d, BulanTahun) for d in [got.tanggal_pembuatan, *got.tanggal_revisi])
    [written] = (tmp_path / "data" / "impor").glob("sop-*.yaml")
    text = written.read_text(encoding="utf-8")
    assert "tanggal_pembuatan: Oktober 2024\n" in text
    assert "tanggal_revisi: Desember 2024\n" in text
    for name in ("nama", "pelaksana", "langkah", "kualifikasi_pelaksana", "pencatatan_pendataan"):
        assert getattr(got, name) == getattr(want, name), name


def test_a_shared_step_imports_back_with_every_pelaksana(tmp_path: Path) -> None:
    """The 15-column fixture's step 10, shared by three pelaksana, comes back as the
    list it was written as (the hints name every column, not only the first)."""
    source = TESTDATA / "bencana" / "sop-tanggap-darurat.yaml"
    [(original_doc, original)] = _entries(source)
    docx, _pages = render_sop(original_doc, original)
    _doc, entry, _notes = _imported(tmp_path, docx)
    got = [s.pelaksana for s in entry.sop.langkah]
    assert got == [s.pelaksana for s in original.sop.langkah]
    assert [p for p in got if isinstance(p, list)] == [original.sop.langkah[9].pelaksana]
    assert len(original.sop.langkah[9].para_pelaksana) == 3
