"""Issue 14, item 7: the build as on Windows and macOS: render workers started with the
spawn method (nothing inherited from the parent), soffice found where LibreOffice's
installers put it when it is not on PATH."""

from __future__ import annotations

import io
import multiprocessing
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from pypdf import PdfReader

from benchmarks.synth import write_dataset
from sk_generator.build import build
from sk_generator.build.rendering import stage_document
from sk_generator.errors import EnvironmentProblem
from sk_generator.load import load
from sk_generator.pdf import find_soffice
from sk_generator.pdf import soffice as soffice_module
from sk_generator.pdf.soffice import install_hint, standard_locations
from tests.conftest import DATA, FakeSoffice


def _body(docx: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")


def test_the_render_step_runs_in_a_spawned_worker(tmp_path: Path) -> None:
    """A spawned worker gets only what is pickled: the document and the folder."""
    write_dataset(tmp_path / "data", 1)
    (document,) = load([tmp_path / "data"]).documents
    here = stage_document(document, tmp_path / "here")
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        there = pool.submit(stage_document, document, tmp_path / "there").result()
    assert [(p.role, p.label, p.suffix, p.expected_pages) for p in there] == [
        (p.role, p.label, p.suffix, p.expected_pages) for p in here
    ]
    assert [_body(p.docx.read_bytes()) for p in there] == [_body(p.docx.read_bytes()) for p in here]


def test_build_with_the_spawn_start_method(tmp_path: Path) -> None:
    write_dataset(tmp_path / "data", 3)
    spawned = build(
        [tmp_path / "data"],
        tmp_path / "spawn",
        formats=["docx"],
        processes=2,
        start_method="spawn",
    )
    alone = build([tmp_path / "data"], tmp_path / "alone", formats=["docx"], processes=1)
    assert [d.folder.name for d in spawned.documents] == [d.folder.name for d in alone.documents]
    assert [_body(f.read_bytes()) for f in spawned.files] == [
        _body(f.read_bytes()) for f in alone.files
    ]
    assert len(spawned.files) == 6


def test_usual_install_locations() -> None:
    assert standard_locations("win32", Path("/home/ani")) == [
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ]
    assert standard_locations("darwin", Path("/Users/ani")) == [
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
        "/Users/ani/Applications/LibreOffice.app/Contents/MacOS/soffice",
    ]
    assert standard_locations("linux", Path("/home/ani")) == []
    assert (
        install_hint("win32")
        == install_hint("darwin")
        == ("unduh dan pasang dari https://www.libreoffice.org/download/")
    )
    assert install_hint("linux").startswith("sudo apt-get install libreoffice-writer-nogui")


def test_soffice_found_at_its_usual_location_when_not_on_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_soffice: FakeSoffice
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    missing = str(tmp_path / "Program Files" / "soffice.exe")
    locations = [missing, str(fake_soffice.path)]
    monkeypatch.setattr(soffice_module, "standard_locations", lambda *_: locations)
    assert find_soffice() == str(fake_soffice.path)
    locations.pop()
    with pytest.raises(EnvironmentProblem, match="LibreOffice \\(soffice\\) tidak ditemukan"):
        find_soffice()


@pytest.mark.soffice
def test_the_seeds_build_completely_with_the_spawn_start_method(tmp_path: Path) -> None:
    """The whole pipeline (render in spawned workers, LibreOffice, bundle, commit) gives
    what the default start method gives."""
    seeds = [DATA / "sintang", DATA / "kapuas-hulu"]
    spawned = build(seeds, tmp_path / "spawn", processes=2, start_method="spawn")
    default = build(seeds, tmp_path / "default", processes=2)
    assert [(d.folder.name, d.pages) for d in spawned.documents] == [
        (d.folder.name, d.pages) for d in default.documents
    ]
    for one, other in zip(spawned.documents, default.documents, strict=True):
        assert sorted(p.name for p in one.folder.iterdir()) == sorted(
            p.name for p in other.folder.iterdir()
        )
        assert one.bundle is not None and other.bundle is not None
        assert [i["/Title"] for i in PdfReader(one.bundle).outline] == [
            i["/Title"] for i in PdfReader(other.bundle).outline
        ]
