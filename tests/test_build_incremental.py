"""Incremental builds and the change report (issue 15 item 1, issue 13 item 3).

These run with the test renderer and the fake soffice (tests/conftest.py): the report and
the skipping depend on the inputs and on the bytes, not on LibreOffice. The real seeds
built twice are in test_build_reproducible.py.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from benchmarks.synth import write_dataset
from sk_generator.build import build
from sk_generator.build.fingerprint import Fingerprinter
from sk_generator.load import load
from sk_generator.model import Pejabat
from tests.conftest import DATA, CliResult, FakeSoffice, files_and_times


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _statuses(result: object) -> list[str]:
    return [d.change.status for d in result.documents]  # type: ignore[attr-defined]


def test_unchanged_documents_are_neither_rendered_nor_converted_nor_written(
    dataset: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    rendered = fake_render({})
    out = tmp_path / "out"
    first = build([dataset], out, soffice=fake_soffice.path, processes=1)
    assert _statuses(first) == ["baru"] * 3
    assert len(rendered) == 3 and len(fake_soffice.calls()) == 1
    before = files_and_times(out)

    second = build([dataset], out, soffice=fake_soffice.path, processes=1)
    assert _statuses(second) == ["tetap"] * 3
    assert len(rendered) == 3 and len(fake_soffice.calls()) == 1  # nothing made again
    assert files_and_times(out) == before  # same bytes, same modification times
    # The result still describes every document (the web editor lists its files).
    assert [d.files for d in second.documents] == [d.files for d in first.documents]
    assert second.pages == first.pages == 3 * 5
    assert second.conversions == 0


def test_one_edited_waktu_rebuilds_only_that_document_and_only_its_changedfiles_and_times(
    dataset: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    rendered = fake_render({})
    out = tmp_path / "out"
    first = build([dataset], out, soffice=fake_soffice.path, processes=1)
    before = files_and_times(out)
    _edit(dataset / "sk-0002.yaml", "waktu: 1 hari", "waktu: 2 hari")
    # The test renderer prints the nomor only: make the lampiran show the edit.
    fake_render({"800/2/DISNAKERTRANS.TU/2024": "versi baru"})
    rendered.clear()

    second = build([dataset], out, soffice=fake_soffice.path, processes=1)
    assert rendered == ["800/2/DISNAKERTRANS.TU/2024"]
    assert fake_soffice.calls()[-1] == 2  # its two parts only
    assert _statuses(second) == ["tetap", "berubah", "tetap"]
    name = first.documents[1].folder.name
    changed = second.documents[1].change.changed
    # The fake soffice prints blank pages, so only the DOCX differ (and the manifest).
    assert changed == ("keputusan.docx", "lampiran-1.docx")
    after = files_and_times(out)
    differ = sorted(path for path in after if after[path] != before.get(path))
    assert differ == sorted(f"{name}/{file}" for file in (*changed, f"{name}.manifest.json"))


def test_a_changed_shared_record_rebuilds_the_documents_that_use_it(
    tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    rendered = fake_render({})
    out = tmp_path / "out"
    build([data], out, formats=["bundle"], soffice=fake_soffice.path, processes=1)
    assert len(rendered) == 4
    rendered.clear()
    # A comment, and a record no document uses, change nothing.
    pejabat = data / "lampung-barat" / "pejabat.yaml"
    _edit(pejabat, "pejabat:\n", "# catatan staf\npejabat:\n")
    sintang = data / "sintang" / "pejabat.yaml"
    spare = "  kasubbag-baru:\n    nama: ANI\n    jabatan: Kepala Subbagian Umum\n"
    sintang.write_text(sintang.read_text(encoding="utf-8") + spare, encoding="utf-8")
    build([data], out, formats=["bundle"], soffice=fake_soffice.path, processes=1)
    assert rendered == []
    # The signer of seed 003 changes its SK only.
    _edit(pejabat, "gelar_belakang: M.M.", "gelar_belakang: M.Si.")
    build([data], out, formats=["bundle"], soffice=fake_soffice.path, processes=1)
    assert rendered == ["520/11/KPTS/III.20/2024"]
    # A regulation rebuilds the documents citing it; an amendment, those citing the
    # regulation it amends (uu-2-2015 amends uu-23-2014: seeds 000 and 003).
    rendered.clear()
    catalog = data / "regulasi.yaml"
    _edit(catalog, "Jangka Menengah Daerah Kabupaten Kapuas Hulu", "Jangka Menengah Kapuas Hulu")
    build([data], out, formats=["bundle"], soffice=fake_soffice.path, processes=1)
    assert rendered == ["050/ /DISNAKERPERINTRANS/2023"]
    rendered.clear()
    _edit(catalog, 'lembaran: {tahun: 2015, nomor: "24"}', 'lembaran: {tahun: 2015, nomor: "25"}')
    build([data], out, formats=["bundle"], soffice=fake_soffice.path, processes=1)
    assert sorted(rendered) == ["520/11/KPTS/III.20/2024", "700/109/DISNAKERTRANS.TU.1/2022"]


def test_force_rebuilds_everything_and_still_rewrites_nothing_unchanged(tmp_path: Path) -> None:
    """`--semua` renders again; the renderer is reproducible, so nothing is written."""
    out = tmp_path / "out"
    build([DATA], out, formats=["docx"])
    before = files_and_times(out)
    again = build([DATA], out, formats=["docx"], force=True)
    assert _statuses(again) == ["tetap"] * 4
    assert files_and_times(out) == before


def test_hand_edited_or_missing_output_is_made_again(
    dataset: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    rendered = fake_render({})
    out = tmp_path / "out"
    # PDFs only: the test renderer's DOCX carry the time they were made.
    pdf_only: dict[str, Any] = {"formats": ["pdf", "bundle"], "processes": 1}
    pdf_only["soffice"] = fake_soffice.path
    first = build([dataset], out, **pdf_only).documents
    pdf = first[0].folder / "lampiran-1.pdf"
    original = pdf.read_bytes()
    pdf.write_bytes(original[:-1] + b" ")  # same size, other bytes, newer than the manifest
    (first[2].folder / "keputusan.pdf").unlink()
    rendered.clear()
    second = build([dataset], out, **pdf_only)
    assert rendered == ["800/1/DISNAKERTRANS.TU/2024", "800/3/DISNAKERTRANS.TU/2024"]
    assert [(d.change.status, d.change.changed) for d in second.documents] == [
        ("berubah", ("lampiran-1.pdf",)),
        ("tetap", ()),
        ("berubah", ("keputusan.pdf",)),
    ]
    assert pdf.read_bytes() == original
    # A copy of the folder (newer times, same bytes) is still current.
    os.utime(pdf)
    rendered.clear()
    build([dataset], out, **pdf_only)
    assert rendered == []


def test_a_format_the_folder_lacks_builds_the_document(
    dataset: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    rendered = fake_render({})
    out = tmp_path / "out"
    build([dataset], out, formats=["bundle"], soffice=fake_soffice.path, processes=1)
    build([dataset], out, formats=["bundle", "pdf"], soffice=fake_soffice.path, processes=1)
    assert len(rendered) == 6
    report = build([dataset], out, soffice=fake_soffice.path, processes=1)
    assert len(rendered) == 9  # the DOCX were never made
    assert [d.change.changed[:2] for d in report.documents] == [
        ("keputusan.docx", "lampiran-1.docx")
    ] * 3
    docx = build([dataset], out, formats=["docx"], soffice=fake_soffice.path, processes=1)
    assert len(rendered) == 9  # every format asked for is there and current
    # Described as a DOCX build describes its documents.
    assert [p.name for p in docx.documents[0].files] == ["keputusan.docx", "lampiran-1.docx"]
    assert (docx.pages, docx.documents[0].bundle) == (0, None)
    pdf = build([dataset], out, formats=["pdf"], soffice=fake_soffice.path, processes=1)
    assert [p.name for p in pdf.documents[0].files] == ["keputusan.pdf", "lampiran-1.pdf"]
    assert pdf.pages == 3 * 5


def test_removed_data_file_removes_its_folder_and_nothing_else(
    dataset: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    fake_render({})
    out = tmp_path / "out"
    other = tmp_path / "lain"
    write_dataset(other, 1)
    (other / "sk-0001.yaml").rename(other / "sk-lain.yaml")
    _edit(other / "sk-lain.yaml", "800/1/", "900/1/")
    built = build([dataset, other], out, soffice=fake_soffice.path, processes=1).documents
    folders = {d.source.rsplit("/", 1)[-1]: d.folder for d in built}
    (out / "catatan-staf").mkdir()
    (out / "catatan-staf" / "catatan-staf.manifest.json").write_text("{}")
    (folders["sk-0003.yaml"] / "catatan.txt").write_text("catatan staf")
    (dataset / "sk-0002.yaml").unlink()
    (dataset / "sk-0003.yaml").unlink()

    result = build([dataset], out, soffice=fake_soffice.path, processes=1)
    assert [(s.folder, s.reason, s.removed, s.others) for s in result.stale] == [
        (folders["sk-0002.yaml"], "hilang", True, ()),
        (folders["sk-0003.yaml"], "hilang", False, ("catatan.txt",)),
    ]
    assert result.stale[0].source.endswith("data/sk-0002.yaml")
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [
            folders["sk-0001.yaml"].name,
            folders["sk-0003.yaml"].name,
            folders["sk-lain.yaml"].name,
            "catatan-staf",
        ]
    )
    assert (folders["sk-0003.yaml"] / "keputusan.pdf").is_file()  # never emptied by halves


def test_a_document_renamed_by_its_nomor_moves_to_its_new_folder(
    dataset: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    fake_render({})
    out = tmp_path / "out"
    first = build([dataset], out, soffice=fake_soffice.path, processes=1).documents[1]
    _edit(dataset / "sk-0002.yaml", "800/2/", "800/22/")
    result = build([dataset], out, soffice=fake_soffice.path, processes=1)
    assert _statuses(result) == ["tetap", "baru", "tetap"]
    assert [(s.folder.name, s.reason, s.removed) for s in result.stale] == [
        (first.folder.name, "pindah", True)
    ]
    assert not first.folder.exists()
    assert result.documents[1].folder.name.startswith("800-22-DISNAKERTRANS.TU-2024_")
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_manifest_records_inputs_andfiles_and_times(
    dataset: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    fake_render({})
    out = tmp_path / "out"
    document = build([dataset], out, soffice=fake_soffice.path, processes=1).documents[0]
    assert document.manifest is not None
    manifest = json.loads(document.manifest.read_text(encoding="utf-8"))
    assert manifest["source"] == "../data/sk-0001.yaml"
    assert len(manifest["input_fingerprint"]) == 64
    name = document.folder.name
    assert list(manifest["files"]) == [
        "keputusan.docx",
        "lampiran-1.docx",
        "keputusan.pdf",
        "lampiran-1.pdf",
        f"{name}.pdf",
    ]
    pdf = document.folder / "keputusan.pdf"
    assert manifest["files"]["keputusan.pdf"]["bytes"] == pdf.stat().st_size
    # No other file of ours in the folder: the fingerprint lives in the manifest.
    assert sorted(p.name for p in document.folder.iterdir()) == sorted(
        [*manifest["files"], f"{name}.manifest.json"]
    )


def test_fingerprint_serialises_each_shared_record_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Linear cost: N documents sharing one signer serialise that record once, not N
    times; and the fingerprint follows what a document resolves."""
    write_dataset(tmp_path / "data", 12)
    documents = load([tmp_path / "data"]).documents
    calls: list[str] = []
    original = Pejabat.model_dump_json

    def counting(self: Pejabat, **kwargs: object) -> str:
        calls.append(self.nama)
        return original(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Pejabat, "model_dump_json", counting)
    fingerprinter = Fingerprinter({"duplex": False, "pdfa": False})
    prints = [fingerprinter.fingerprint(document) for document in documents]
    assert calls == ["SUBENDI"]
    assert len(set(prints)) == 12
    other = Fingerprinter({"duplex": True, "pdfa": False})
    assert other.fingerprint(documents[0]) != prints[0]


def test_cli_prints_the_change_report(
    run_cli: Callable[..., CliResult],
    dataset: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_soffice: FakeSoffice,
    fake_render: Callable[..., list[str]],
) -> None:
    monkeypatch.setenv("SK_GENERATOR_SOFFICE", str(fake_soffice.path))
    fake_render({})
    out = tmp_path / "out"
    first = run_cli("build", str(dataset), "-o", str(out))
    assert first.code == 0, first.err
    names = sorted(p.name for p in out.iterdir())
    lines = first.err.splitlines()
    start = lines.index("Laporan pembangunan (3 baru):")
    assert lines[start + 1 : start + 4] == [f"  baru     {name}" for name in names]
    _edit(dataset / "sk-0002.yaml", "waktu: 1 hari", "waktu: 2 hari")
    fake_render({"800/2/DISNAKERTRANS.TU/2024": "versi baru"})
    (dataset / "sk-0003.yaml").unlink()
    second = run_cli("build", str(dataset), "-o", str(out))
    assert second.code == 0, second.err
    lines = second.err.splitlines()
    start = lines.index("Laporan pembangunan (1 berubah, 1 tetap):")
    assert lines[start + 1 : start + 4] == [
        f"  tetap    {names[0]}",
        f"  berubah  {names[1]}: keputusan.docx, lampiran-1.docx",
        f"  dihapus  {names[2]} (berkas datanya ../data/sk-0003.yaml tidak ada lagi)",
    ]
    assert "--semua" in run_cli("build", "--help").out
