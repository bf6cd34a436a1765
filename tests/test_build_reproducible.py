"""Reproducible builds and the change report: the same data gives the same bytes, and a
second build reports every document "tetap" and rewrites nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sk_generator.build import build
from sk_generator.fingerprint import FINGERPRINT_FILE
from tests.conftest import DATA


def _files(out: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(out)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


@pytest.mark.soffice
def test_seeds_built_twice_are_identical_and_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build([DATA], out)
    assert [d.change for d in first.documents] == ["baru"] * 4
    before = _files(out)
    assert sum(name.endswith(".pdf") for name in before) == 4 + 6  # bundles + parts
    second = build([DATA], out)
    assert [d.change for d in second.documents] == ["tetap"] * 4
    after = _files(out)
    assert after == before  # same bytes, same modification times: nothing rewritten
    # A fresh output folder gets byte-identical files too.
    again = tmp_path / "again"
    build([DATA], again)
    assert {k: v[0] for k, v in _files(again).items()} == {k: v[0] for k, v in before.items()}


@pytest.mark.soffice
def test_change_report_names_files_and_pages(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    out = tmp_path / "out"
    build([data / "sintang"], out, formats=["docx", "pdf"])
    sk = data / "sintang" / "sk-sop-data-kinerja.yaml"
    sk.write_text(sk.read_text(encoding="utf-8").replace("waktu: 30 Menit", "waktu: 45 Menit", 1))
    (document,) = build([data / "sintang"], out, formats=["docx", "pdf"]).documents
    # The step and the total are on page 3 of the lampiran (pages 1-2: identity section).
    assert document.change == "berubah: lampiran-1.docx, lampiran-1.pdf (halaman 3)"
    assert (document.folder / FINGERPRINT_FILE).is_file()


def test_draft_folder_is_removed_when_the_nomor_is_filled(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    out = tmp_path / "out"
    sop = data / "kapuas-hulu" / "sop-pengumpulan-data-kinerja.yaml"
    (draft,) = build([sop], out, formats=["docx"]).documents
    text = sop.read_text(encoding="utf-8")
    sop.write_text(text.replace("050/ /DISNAKERPERINTRANS", "050/17/DISNAKERPERINTRANS"), "utf-8")
    (final,) = build([sop], out, formats=["docx"]).documents
    assert final.folder != draft.folder
    assert final.moved_from == [draft.folder.name]
    assert not draft.folder.exists()
    assert [p.name for p in out.iterdir() if not p.name.startswith(".")] == [final.folder.name]
