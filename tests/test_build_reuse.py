"""Reused checks (issue 15 item 1): an unchanged document is not even loaded again.

With the test renderer and the fake soffice (tests/conftest.py). What is counted is
which data files are parsed (`load_source`); what is compared is the report a user sees
(the warnings and the change report), which must be the same as with every file loaded.
"""

from __future__ import annotations

import importlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from sk_generator.build import build
from sk_generator.build import reuse as reuse_module
from sk_generator.checks import Known, Seen, check
from sk_generator.diagnostics import Issue, Severity
from sk_generator.errors import DataError
from sk_generator.yaml_source import load_source
from tests.conftest import DATA, FakeSoffice, files_and_times

RECORDS = ["instansi.yaml", "pejabat.yaml", "regulasi.yaml"]


@dataclass
class Rig:
    """Builds into one output folder with the test renderer and the fake soffice, and
    records the files the loader parses (in order)."""

    out: Path
    soffice: FakeSoffice
    render: Callable[..., list[str]]
    rendered: list[str]
    parsed: list[Path] = field(default_factory=list)

    def build(self, data: Path, **options: Any) -> Any:
        return build([data], self.out, soffice=self.soffice.path, processes=1, **options)


@pytest.fixture
def rig(
    tmp_path: Path,
    fake_soffice: FakeSoffice,
    fake_render: Callable[..., list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> Rig:
    found = Rig(tmp_path / "out", fake_soffice, fake_render, fake_render({}))

    def spy(path: Path) -> object:
        found.parsed.append(path)
        return load_source(path)

    # The package exports a function named `load`: take the module itself.
    monkeypatch.setattr(importlib.import_module("sk_generator.load"), "load_source", spy)
    return found


def _documents(parsed: list[Path]) -> list[str]:
    """The names of the data files parsed, records left out."""
    return [path.name for path in parsed if path.name not in RECORDS]


def _statuses(result: Any) -> list[str]:
    return [d.change.status for d in result.documents]


def _warnings(result: Any) -> list[str]:
    return [issue.format() for issue in result.warnings]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A copy of the four seeds' data."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    return data


def test_a_no_op_rebuild_parses_only_the_record_files_and_reports_the_same(
    seeds: Path, rig: Rig
) -> None:
    data = seeds
    rendered = rig.rendered
    out = rig.out
    first = rig.build(data)
    assert len(_documents(rig.parsed)) == 4
    assert len(_warnings(first)) == 9  # the seeds' placeholders and drafts
    before = files_and_times(out)
    rig.parsed.clear()
    rendered.clear()

    second = rig.build(data)
    assert sorted({path.name for path in rig.parsed}) == RECORDS  # not one data file
    assert rendered == []
    assert _statuses(second) == ["tetap"] * 4
    assert _warnings(second) == _warnings(first)
    assert [(d.source, d.nomor, d.title, d.files, d.pages) for d in second.documents] == [
        (d.source, d.nomor, d.title, d.files, d.pages) for d in first.documents
    ]
    assert files_and_times(out) == before


def test_one_edited_document_is_the_only_one_parsed(
    dataset: Path,
    rig: Rig,
) -> None:
    rendered = rig.rendered
    rig.build(dataset)
    _edit(dataset / "sk-0002.yaml", "waktu: 1 hari", "waktu: 2 hari")
    # The test renderer prints the nomor only: make the lampiran show the edit.
    rig.render({"800/2/DISNAKERTRANS.TU/2024": "versi baru"})
    rig.parsed.clear()
    rendered.clear()
    second = rig.build(dataset)
    assert _documents(rig.parsed) == ["sk-0002.yaml"]
    assert rendered == ["800/2/DISNAKERTRANS.TU/2024"]
    assert _statuses(second) == ["tetap", "berubah", "tetap"]


def test_a_duplicate_nomor_is_found_between_an_edited_and_an_unchanged_document(
    dataset: Path,
    rig: Rig,
) -> None:
    """NOMOR-GANDA compares the edited document with what the others' manifests keep:
    the later document (by date) is the one in error, loaded or not."""
    rig.build(dataset)
    edited = dataset / "sk-0003.yaml"
    _edit(edited, "nomor: 800/3/", "nomor: 800/1/")
    rig.parsed.clear()
    with pytest.raises(DataError) as later:
        rig.build(dataset)
    assert _documents(rig.parsed) == ["sk-0003.yaml"]
    assert [i.format() for i in later.value.issues if i.is_error] == [
        f"{_name(edited)}:3:8: error[NOMOR-GANDA] nomor: nomor '800/1/DISNAKERTRANS.TU/2024' "
        f"sudah dipakai oleh {_name(dataset / 'sk-0001.yaml')}:3; beri nomor urut baru "
        "(setiap naskah dinas bernomor sendiri)"
    ]
    # Dated before the unchanged one, the edited document comes first: the error is at
    # the unchanged document, located from its manifest.
    _edit(edited, "tanggal: 2024-03-11", "tanggal: 2024-03-04")
    with pytest.raises(DataError) as earlier:
        rig.build(dataset)
    assert [i.format() for i in earlier.value.issues if i.is_error] == [
        f"{_name(dataset / 'sk-0001.yaml')}:3:8: error[NOMOR-GANDA] nomor: nomor "
        f"'800/1/DISNAKERTRANS.TU/2024' sudah dipakai oleh {_name(edited)}:3; beri nomor "
        "urut baru (setiap naskah dinas bernomor sendiri)"
    ]
    # The same report as a check of every file.
    assert [i.format() for i in check([dataset]).issues if i.is_error] == [
        i.format() for i in earlier.value.issues if i.is_error
    ]


def _name(path: Path) -> str:
    return load_source(path).name


def test_an_edited_record_file_loads_every_document_beside_it(
    dataset: Path,
    rig: Rig,
) -> None:
    """The check key covers whole record files: a comment in pejabat.yaml loads the
    documents again, and the input fingerprint still builds none of them."""
    rendered = rig.rendered
    rig.build(dataset)
    _edit(dataset / "pejabat.yaml", "pejabat:\n", "# catatan staf\npejabat:\n")
    rig.parsed.clear()
    rendered.clear()
    second = rig.build(dataset)
    assert sorted(_documents(rig.parsed)) == [
        "sk-0001.yaml",
        "sk-0002.yaml",
        "sk-0003.yaml",
    ]
    assert rendered == []
    assert _statuses(second) == ["tetap"] * 3


def test_a_changed_logo_loads_and_rebuilds_the_documents_of_its_instansi(
    dataset: Path,
    rig: Rig,
) -> None:
    logo = dataset / "lambang.png"
    Image.new("RGB", (120, 140), "green").save(logo)
    _edit(dataset / "instansi.yaml", "    kertas: F4\n", "    kertas: F4\n    logo: lambang.png\n")
    rendered = rig.rendered
    out = rig.out
    rig.build(dataset)
    manifest = next(out.glob("*/*.manifest.json"))
    # Sorted by path: where the checkout and the temporary folder lie decides the order.
    assert json.loads(manifest.read_text())["check"]["other_files"] == sorted(
        [
            str(logo.resolve()),
            str((Path(__file__).parents[1] / "templates" / "sk" / "keputusan.docx").resolve()),
        ]
    )
    rig.parsed.clear()
    rig.build(dataset)
    assert _documents(rig.parsed) == []
    Image.new("RGB", (120, 140), "blue").save(logo)
    # The test renderer prints the nomor only: make the new logo show.
    rig.render({f"800/{n}/DISNAKERTRANS.TU/2024": "lambang baru" for n in (1, 2, 3)})
    rendered.clear()
    third = rig.build(dataset)
    assert len(_documents(rig.parsed)) == 3
    assert len(rendered) == 3
    assert _statuses(third) == ["berubah"] * 3


def test_a_new_day_force_and_a_broken_manifest_load_the_documents_again(
    dataset: Path,
    rig: Rig,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Checks compare dates with today: tomorrow every document is checked again."""
    out = rig.out
    rig.build(dataset)

    def documents_parsed() -> int:
        count = len(_documents(rig.parsed))
        rig.parsed.clear()
        return count

    documents_parsed()
    rig.build(dataset)
    assert documents_parsed() == 0
    rig.build(dataset, force=True)
    assert documents_parsed() == 3
    monkeypatch.setattr(reuse_module, "today", lambda: "2099-01-01")
    rig.build(dataset)
    assert documents_parsed() == 3
    rig.build(dataset)
    assert documents_parsed() == 0
    manifest = next(out.glob("*/*.manifest.json"))
    content = json.loads(manifest.read_text())
    content["check"]["issues"] = [["only", "four", "fields", "here"]]
    manifest.write_text(json.dumps(content))
    rig.build(dataset)
    assert documents_parsed() == 1


def test_a_reused_document_whose_folder_name_changes_is_loaded_and_moved(
    dataset: Path,
    rig: Rig,
) -> None:
    """Two drafts with one nomor and title: the first by file name keeps the plain name.
    A new draft sorted before a built one takes its name; the built one is loaded after
    all, and moves to the name with its file's name appended."""
    out = rig.out
    draft = dataset / "sk-0002.yaml"
    _edit(draft, "nomor: 800/2/", "nomor: 800/ /")
    first = rig.build(dataset)
    old = first.documents[1].folder.name
    shutil.copy(draft, dataset / "sk-0001a.yaml")  # sorts before sk-0002.yaml
    rig.parsed.clear()
    second = rig.build(dataset)
    assert sorted(_documents(rig.parsed)) == [
        "sk-0001a.yaml",
        "sk-0002.yaml",
    ]
    folders = [d.folder.name for d in second.documents]
    assert folders[1:3] == [old, f"{old}_sk-0002"]
    # (sk-0001a.yaml, in the old folder of sk-0002.yaml, is tetap or berubah as the
    # test renderer's DOCX are equal or not: they are not byte-reproducible.)
    statuses = _statuses(second)
    assert statuses[0] == statuses[3] == "tetap" and statuses[2] == "baru"
    assert sorted(p.name for p in out.iterdir()) == sorted(folders)


def test_a_signed_document_is_always_loaded(seeds: Path, rig: Rig) -> None:
    """Its data is compared with its archive at every build (frozen.py)."""
    data = seeds
    seed = data / "sintang" / "sk-sop-data-kinerja.yaml"
    _edit(seed, "tanggal:", "status: ditetapkan\ntanggal:")
    out = rig.out
    rig.build(data)
    signed = [m for m in out.glob("*/*.manifest.json") if "check" not in json.loads(m.read_text())]
    assert [m.parent.name for m in signed] == [
        "700-109-DISNAKERTRANS.TU.1-2022_Pengumpulan-Data-Kinerja-pada-Dinas"
    ]
    rig.parsed.clear()
    rig.build(data)
    # The data file, and its copy in the archive it is compared with.
    documents = [p for p in rig.parsed if p.name not in RECORDS]
    assert documents[0] == seed.resolve()
    assert [p.name for p in documents] == [seed.name] * 2
    assert (data / "sintang" / "arsip").resolve() in documents[1].parents


def test_known_findings_survive_their_json_form() -> None:
    known = Known(
        [Issue("a.yaml", 3, 8, Severity.WARNING, "NOMOR-DRAF", ("lampiran", 0, "nomor"), "pesan")],
        {"NOMOR-GANDA": [Seen("a.yaml", 3, 8, ("nomor",), {"nomor": "1/2/X/2024"}, off=True)]},
    )
    again = Known.from_json(json.loads(json.dumps(known.to_json())))
    assert again == known
    assert again.issues[0].path == ("lampiran", 0, "nomor")


def test_a_document_with_a_validation_warning_is_built_and_keeps_its_warning(
    dataset: Path, rig: Rig
) -> None:
    """A number typed without quotes is used as written, with a warning: the document is
    whole (it used to be left out of the build, silently), and a rebuild that reuses its
    check shows the warning again."""
    _edit(
        dataset / "sk-0001.yaml",
        "kelengkapan: [Permohonan, Format isian]",
        "kelengkapan: [Permohonan, 0812]",
    )
    first = rig.build(dataset)
    warning = (
        f"{_name(dataset / 'sk-0001.yaml')}:28:35: warning[SKEMA] "
        "lampiran[1].langkah[1].kelengkapan[2]: 0812 tanpa tanda kutip dibaca sebagai angka "
        '812; dipakai seperti tertulis, tetapi beri tanda kutip agar pasti: "0812"'
    )
    assert _warnings(first) == [warning]
    assert _statuses(first) == ["baru"] * 3
    rig.parsed.clear()
    second = rig.build(dataset)
    assert _documents(rig.parsed) == []
    assert _warnings(second) == [warning]
    assert _statuses(second) == ["tetap"] * 3
