"""Round trip: each seed's SOP DOCX, as this toolkit renders it, imports back to data
equal to the original after resolving (steps, pelaksana, mutu baku, decisions, identity)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sk_generator.document import Document, SopEntry
from sk_generator.impor import import_files
from sk_generator.load import load
from sk_generator.render.sop import render_sop
from tests.conftest import DATA

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
