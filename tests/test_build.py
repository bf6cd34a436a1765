"""`build()`: check first, render, one conversion call, bundles, names, nothing half-written.

The pipeline tests replace the renderers by small python-docx documents and LibreOffice by
the fake soffice (conftest), so they test this module alone; the seed test at the end
runs everything for real.
"""

from __future__ import annotations

import io
import json
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from benchmarks.synth import write_dataset
from sk_generator.build import FORMATS, Progress, build, output_names, rendering, short_title
from sk_generator.bundle import fonts
from sk_generator.checks import check as check_data
from sk_generator.errors import ConversionError, DataError, EnvironmentProblem, UserError
from sk_generator.load import load
from sk_generator.pdf import runner
from tests.conftest import DATA, SK_PAGES, SOP_PAGES, FakeSoffice


def test_synthetic_benchmark_data_passes_the_checks(tmp_path: Path) -> None:
    write_dataset(tmp_path, 2)
    report = check_data([tmp_path])
    assert not report.issues, [i.format() for i in report.issues]


def test_build_writes_every_format_in_one_conversion_call(
    dataset: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    fake_render({})
    out = tmp_path / "output"
    events: list[Progress] = []
    result = build([dataset], out, soffice=fake_soffice.path, processes=1, progress=events.append)
    assert fake_soffice.calls() == [6]  # 3 SK + 3 SOP, one soffice call
    assert result.conversions == 1
    assert [d.nomor for d in result.documents] == [
        f"800/{i}/DISNAKERTRANS.TU/2024" for i in (1, 2, 3)
    ]
    first = result.documents[0]
    name = "800-1-DISNAKERTRANS.TU-2024_Data-Kinerja-1-pada-Dinas-Tenaga-Kerja"
    assert first.folder == out / name
    assert sorted(p.name for p in first.folder.iterdir()) == sorted(
        [
            "keputusan.docx",
            "keputusan.pdf",
            "lampiran-1.docx",
            "lampiran-1.pdf",
            f"{name}.pdf",
            f"{name}.manifest.json",
        ]
    )
    assert first.bundle == first.folder / f"{name}.pdf"
    assert first.pages == SK_PAGES + SOP_PAGES
    assert result.pages == 3 * (SK_PAGES + SOP_PAGES)
    reader = PdfReader(first.bundle)
    assert [item["/Title"] for item in reader.outline] == [
        "Keputusan",
        "Lampiran: SOP Data Kinerja 1",
    ]
    meta = reader.metadata
    assert meta is not None
    assert meta.subject == "800/1/DISNAKERTRANS.TU/2024"
    assert meta.author == "Dinas Tenaga Kerja dan Transmigrasi Kabupaten Uji Coba"
    assert meta.title.startswith(
        "Keputusan Kepala Dinas Tenaga Kerja dan Transmigrasi Kabupaten Uji Coba Nomor "
        "800/1/DISNAKERTRANS.TU/2024 tentang Standar Operasional Prosedur"
    )
    assert "SOP Data Kinerja 1" in meta["/Keywords"]
    manifest = json.loads(first.manifest.read_text())  # type: ignore[union-attr]
    assert [p["file"] for p in manifest["parts"]] == ["keputusan.pdf", "lampiran-1.pdf"]
    assert [p["orientation"] for p in manifest["pages"]] == ["portrait"] * 2 + ["landscape"] * 3
    # progress: monotonic, ends at its total
    done = [e.done for e in events]
    assert done == sorted(done)
    assert events[-1].done == events[-1].total == 3 + 6 + 3
    assert {e.stage for e in events} == {"render", "convert", "bundle"}
    # nothing but the documents' folders in the output
    assert sorted(p.name for p in out.iterdir()) == sorted(d.folder.name for d in result.documents)


def test_duplex_build(
    dataset: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    fake_render({})
    result = build(
        [dataset / "sk-0001.yaml"], tmp_path / "out", soffice=fake_soffice.path, duplex=True
    )
    (document,) = result.documents
    assert document.pages == SK_PAGES + SOP_PAGES  # SK has 2 pages: no padding needed
    assert PdfReader(document.bundle).page_labels[:3] == ["1", "2", "Lampiran-1"]  # type: ignore[arg-type]


def test_formats_docx_only_needs_no_soffice(
    dataset: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_render: Callable[..., list[str]],
) -> None:
    fake_render({})
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = build([dataset], tmp_path / "out", formats=["docx"])
    assert {p.suffix for p in result.files} == {".docx"}
    assert len(result.files) == 6
    assert result.pages == 0


def test_formats_bundle_only(
    dataset: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    fake_render({})
    result = build([dataset], tmp_path / "out", formats=["bundle"], soffice=fake_soffice.path)
    for document in result.documents:
        assert sorted(p.suffix for p in document.folder.iterdir()) == [".json", ".pdf"]
        manifest = json.loads(document.manifest.read_text())  # type: ignore[union-attr]
        assert [p["file"] for p in manifest["parts"]] == [None, None]


def test_data_errors_refuse_the_build_before_rendering(
    dataset: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    rendered = fake_render({})
    broken = dataset / "sk-0002.yaml"
    broken.write_text(broken.read_text().replace("penandatangan: kadis-uji", "penandatangan: x"))
    out = tmp_path / "out"
    with pytest.raises(DataError) as caught:
        build([dataset], out, soffice=fake_soffice.path)
    assert any(i.code == "REF" and i.file.endswith("sk-0002.yaml") for i in caught.value.issues)
    assert "tidak ada berkas yang dibuat" in str(caught.value)
    assert rendered == []
    assert fake_soffice.calls() == []
    assert not out.exists()


def test_missing_soffice_fails_before_rendering(
    dataset: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_render: Callable[..., list[str]],
) -> None:
    rendered = fake_render({})
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(EnvironmentProblem, match="apt-get install libreoffice-writer-nogui"):
        build([dataset], tmp_path / "out")
    assert rendered == []


def test_no_documents_is_a_usage_error(tmp_path: Path) -> None:
    write_dataset(tmp_path, 0)
    with pytest.raises(UserError, match="tidak ada dokumen"):
        build([tmp_path], tmp_path / "out", formats=["docx"])


def test_soffice_killed_mid_batch_leaves_earlier_outputs_and_no_partial_file(
    dataset: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    configure = fake_render
    configure({})
    out = tmp_path / "out"
    first = build([dataset], out, soffice=fake_soffice.path, processes=1)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    victim = first.documents[1]

    configure({"800/2/DISNAKERTRANS.TU/2024": "CRASH"})
    with pytest.raises(ConversionError) as caught:  # force: the data did not change
        build([dataset], out, soffice=fake_soffice.path, processes=1, force=True)
    message = str(caught.value)
    assert "sk-0002.yaml" in message
    assert "LibreOffice berhenti mendadak (sinyal 9)" in message
    assert "2 dokumen lain berhasil dibuat" in message
    assert caught.value.exit_code == 3
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert set(after) == set(before)  # no partial, no temporary file left behind
    for path in victim.files:
        assert after[path] == before[path]  # the failed document's files are untouched
    assert not [p for p in out.rglob("*") if p.name.startswith(".") or p.suffix == ".tmp"]


def test_names_never_create_folders_nor_collide(tmp_path: Path) -> None:
    write_dataset(tmp_path, 2)
    one, two = tmp_path / "sk-0001.yaml", tmp_path / "sk-0002.yaml"
    text = one.read_text()
    two.write_text(text)  # the same nomor and tentang twice
    (tmp_path / "SK-0001.yaml").write_text(text.replace("800/1/", "800/1/"))
    documents = load([tmp_path]).documents
    names = output_names(documents)
    assert len(names) == 3
    assert len({n.lower() for n in names}) == 3
    assert names[0] == "800-1-DISNAKERTRANS.TU-2024_Data-Kinerja-1-pada-Dinas-Tenaga-Kerja"
    assert all("/" not in n and not n.startswith(".") for n in names)
    assert names[1].startswith(names[0] + "_")


def test_hostile_nomor_stays_inside_the_output(
    dataset: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    fake_render({})
    sk = dataset / "sk-0001.yaml"
    sk.write_text(sk.read_text().replace("nomor: 800/1/DISNAKERTRANS.TU/2024", "nomor: ../../etc"))
    out = tmp_path / "out"
    result = build([sk], out, formats=["docx"], soffice=fake_soffice.path)
    assert all(out.resolve() in f.resolve().parents for f in result.files)
    assert result.documents[0].folder.name.startswith("etc_")


@pytest.mark.parametrize(
    ("title", "short"),
    [
        (
            "Standar Operasional Prosedur Pengumpulan Data Kinerja pada Dinas Tenaga Kerja",
            "Pengumpulan-Data-Kinerja-pada-Dinas",
        ),
        ("Penetapan Standar Operasional Prosedur (SOP) Pelayanan", "Pelayanan"),
        ("Standar Operasional Prosedur", "Standar-Operasional-Prosedur"),
        ("Pengelolaan Arsip Dinamis", "Pengelolaan-Arsip-Dinamis"),
        ("Supercalifragilisticexpialidocious-and-more-than-forty-characters", None),
    ],
)
def test_short_title(title: str, short: str | None) -> None:
    result = short_title(title)
    assert len(result) <= 40
    if short is not None:
        assert result == short


def test_default_formats() -> None:
    assert FORMATS == ("docx", "pdf", "bundle")


# ---------------------------------------------------------------- the seeds, for real

SEEDS = ["sintang", "lampung-barat", "kapuas-hulu", "disnakertrans"]


@pytest.mark.soffice
def test_the_four_seeds_build_into_bundles(tmp_path: Path) -> None:
    result = build([DATA / seed for seed in SEEDS], tmp_path / "out", formats=["bundle"])
    assert len(result.documents) == 4
    for document in result.documents:
        assert document.bundle is not None and document.manifest is not None
        manifest = json.loads(document.manifest.read_text())
        reader = PdfReader(io.BytesIO(document.bundle.read_bytes()))
        assert [item["/Title"] for item in reader.outline] == [
            p["label"] for p in manifest["parts"]
        ]
        assert reader.metadata is not None and reader.metadata.subject == document.nomor
        used = fonts(reader)
        assert used and all(used.values()), used
        for page in manifest["pages"]:
            role = manifest["parts"][page["part"]]["role"]
            expected = "portrait" if role == "keputusan" else "landscape"
            assert (page["paper"], page["orientation"]) == ("F4", expected), page
    roles = sorted(
        tuple(p["role"] for p in json.loads(d.manifest.read_text())["parts"])  # type: ignore[union-attr]
        for d in result.documents
    )
    assert roles == [("keputusan", "lampiran")] * 2 + [("sop",)] * 2


def test_rebuild_removes_parts_the_document_no_longer_has(
    dataset: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    """A lampiran removed in a revision must not linger beside the new files; files that
    are not ours, and formats not built this time, are left alone."""
    fake_render({})
    out = tmp_path / "output"
    first = build([dataset], out, soffice=fake_soffice.path, processes=1).documents[0]
    for name in ("lampiran-2.docx", "lampiran-2.pdf", "catatan.txt"):
        (first.folder / name).write_bytes(b"lama")
    build([dataset], out, soffice=fake_soffice.path, processes=1, formats=["docx"])
    names = sorted(p.name for p in first.folder.iterdir())
    assert "lampiran-2.docx" not in names
    assert "lampiran-2.pdf" in names  # PDFs were not built in this run
    assert "catatan.txt" in names
    build([dataset], out, soffice=fake_soffice.path, processes=1)
    assert not (first.folder / "lampiran-2.pdf").exists()


@pytest.mark.parametrize(
    ("umask", "file_mode", "dir_mode"), [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700)]
)
def test_outputs_follow_the_umask(
    dataset: Path,
    tmp_path: Path,
    fake_soffice: FakeSoffice,
    fake_render: Callable[..., list[str]],
    umask: int,
    file_mode: int,
    dir_mode: int,
) -> None:
    """Colleagues on a shared folder can open the outputs (0644 under umask 022); a
    private umask keeps them private."""
    fake_render({})
    old = os.umask(umask)
    try:
        result = build([dataset], tmp_path / "out", soffice=fake_soffice.path)
    finally:
        os.umask(old)
    out = tmp_path / "out"
    files = [p for p in out.rglob("*") if p.is_file()]
    folders = [p for p in out.rglob("*") if p.is_dir()]
    assert len(files) >= len(result.files) > 0 and folders
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {file_mode}
    assert {stat.S_IMODE(p.stat().st_mode) for p in folders} == {dir_mode}


def test_conversion_overlaps_rendering_and_commits_wait_for_every_render(
    dataset: Path,
    tmp_path: Path,
    fake_soffice: FakeSoffice,
    fake_render: Callable[..., list[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake_render({})
    monkeypatch.setattr(runner, "BATCH_FILES", 2)
    inner = rendering.render_document

    def render_last_after_soffice_started(document: Any) -> Any:
        if document.model.nomor == "800/3/DISNAKERTRANS.TU/2024":
            # In stages one after the other, soffice could not start before this returns.
            deadline = time.monotonic() + 60
            while not fake_soffice.calls():
                assert time.monotonic() < deadline, "no conversion while rendering"
                time.sleep(0.05)
        return inner(document)

    monkeypatch.setattr(rendering, "render_document", render_last_after_soffice_started)
    events: list[Progress] = []
    result = build(
        [dataset], tmp_path / "out", soffice=fake_soffice.path, processes=1, progress=events.append
    )
    assert len(result.documents) == 3
    assert fake_soffice.calls() == [2, 2, 2]
    stages = [e.stage for e in events]
    last_render = len(stages) - 1 - stages[::-1].index("render")
    assert stages.index("bundle") > last_render  # nothing written before all rendered
    assert [e.done for e in events] == sorted(e.done for e in events)
    assert events[-1].done == events[-1].total == 3 + 6 + 3
