"""Signed documents are frozen: archived beside the data at the first build after signing,
refused (with the changes `beda` lists) when their data would print something else."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sk_generator.build import build, pipeline
from sk_generator.build.arsip import MARKER_TEXT
from sk_generator.build.assemble import OutputFile, OutputSet
from sk_generator.build.frozen import freeze
from sk_generator.errors import DataError
from sk_generator.load import load
from tests.conftest import DATA, CliResult

SK = Path("sintang") / "sk-sop-data-kinerja.yaml"
ARSIP = Path("sintang") / "arsip" / "sk-sop-data-kinerja"
CHANGE = (
    "  1. Penandatangan, pangkat: Pembina Tingkat I (IV/b) -> Pembina Utama Muda (IV/c) "
    "(juga pada Disahkan oleh dan penutup lampiran)"
)


def _sums(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _promote(data: Path) -> None:
    """Edit the signer's record as if promoted (instead of adding a period)."""
    pejabat = data / "sintang" / "pejabat.yaml"
    _edit(pejabat, "pangkat: Pembina Tingkat I\n", "pangkat: Pembina Utama Muda\n")
    _edit(pejabat, "golongan: IV/b", "golongan: IV/c")


def _folders(out: Path) -> dict[str, dict[str, str]]:
    return {p.name: _sums(p) for p in sorted(out.iterdir()) if p.is_dir()}


def _sintang(out: Path) -> Path:
    (folder,) = out.glob("700-109-*")
    return folder


@pytest.fixture
def signed(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of data/ whose Sintang SK is signed and built once (so archived)."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    _edit(data / SK, "jenis: keputusan\n", "jenis: keputusan\nstatus: ditetapkan\n")
    out = tmp_path / "out"
    result = build([data], out, formats=["docx"])
    assert [d.arsip for d in result.documents if d.arsip] == [data / ARSIP / "1"]
    return data, out


def test_first_build_after_signing_archives_outputs_and_data(signed) -> None:
    data, out = signed
    version = data / ARSIP / "1"
    assert sorted(_sums(version)) == [
        "arsip.json",
        "data/regulasi.yaml",
        "data/sintang/instansi.yaml",
        "data/sintang/pejabat.yaml",
        "data/sintang/sk-sop-data-kinerja.yaml",
        "keputusan.docx",
        "lampiran-1.docx",
    ]
    # The archived outputs are the files of that build, and the data its own copy.
    assert (version / "keputusan.docx").read_bytes() == (
        _sintang(out) / "keputusan.docx"
    ).read_bytes()
    assert (version / "data" / SK).read_bytes() == (data / SK).read_bytes()
    assert (data / "sintang" / "arsip" / "ARSIP-SK-GENERATOR.txt").read_text() == MARKER_TEXT
    # The archive lives with the data: deleting output/ loses nothing signed.
    assert not any("arsip" in p.parts for p in out.rglob("*"))


def test_data_folder_commands_skip_the_archive(signed) -> None:
    data, _ = signed
    result = load([data])
    assert len(result.files) == len(load([DATA]).files)  # none of the copies
    assert not any("arsip" in p.parts for p in result.files)
    # A copy named on its own is still read (this is what `beda` with the archive does).
    (copy,) = load([data / ARSIP / "1" / "data" / SK]).documents
    assert copy.model.status == "ditetapkan"


def test_record_edit_is_refused_with_the_changes_others_build(signed) -> None:
    data, out = signed
    archive, before = _sums(data / "sintang" / "arsip"), _folders(out)
    others = [name for name in before if not name.startswith("700-109")]
    for name in others:  # the other documents are made again by the refused build
        shutil.rmtree(out / name)
    _promote(data)
    with pytest.raises(DataError) as refused:
        build([data], out, formats=["docx"])
    shown = data / ARSIP / "1"
    assert str(refused.value).splitlines() == [
        "1 dokumen yang sudah ditetapkan tidak dibuat ulang karena datanya kini berbeda dari "
        "yang ditandatangani (3 dokumen lain dibuat):",
        f"{data / SK} (dibanding arsip {shown}):",
        CHANGE,
        f"  (rinciannya: sk-generator beda {shown / 'data' / SK} {data / SK})",
    ]
    (issue,) = refused.value.issues
    assert (issue.file, issue.line, issue.code, issue.path) == (
        str(data / SK),
        7,
        "DITETAPKAN",
        ("status",),
    )
    assert issue.message.startswith(
        f"dokumen ini sudah ditetapkan dan diarsipkan di {shown}; datanya kini dicetak "
        "berbeda, jadi tidak dibuat ulang (berkas keluaran dan arsipnya tidak diubah). "
        "Perbaiki: kembalikan perubahan itu (pergantian pejabat atau kenaikan pangkat "
        "dicatat sebagai pejabat baru atau masa baru di `menjabat`, bukan dengan mengubah "
        "data lama), catat perubahannya sebagai revisi"
    )
    assert _sums(data / "sintang" / "arsip") == archive  # the archive is untouched
    assert _folders(out) == before  # the signed SK's folder too; the others were rebuilt


def test_cli_refuses_with_exit_1_and_the_beda_lines(
    signed, run_cli: Callable[..., CliResult]
) -> None:
    data, out = signed
    _edit(data / SK, "waktu: 30 Menit", "waktu: 45 Menit")
    result = run_cli("build", str(data), "-o", str(out), "--format", "docx")
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[0].startswith(f"{data / SK}:7:9: error[DITETAPKAN] status: dokumen ini")
    assert lines[1].startswith("Galat: 1 dokumen yang sudah ditetapkan tidak dibuat ulang")
    assert lines[3] == (
        "  1. Lampiran 1, langkah 2, Waktu: 30 Menit -> 45 Menit (Jumlah Waktu "
        "Penyelesaian: 9 hari 3 jam 27 menit -> 9 hari 3 jam 42 menit)"
    )
    # The same change list as `beda` between the archived data and the data now.
    beda = run_cli("beda", str(data / ARSIP / "1" / "data" / SK), str(data / SK))
    assert beda.out.splitlines()[5:] == [lines[3]]


def test_unchanged_signed_document_is_written_from_its_archive(signed, monkeypatch) -> None:
    """A newer tool may render other bytes: the signed files are still the archived ones."""
    data, out = signed
    assemble = pipeline.assemble

    def rendered_differently(*args, **kwargs):  # type: ignore[no-untyped-def]
        outputs = assemble(*args, **kwargs)
        outputs.files = [OutputFile(f.name, f.data + b"\0") for f in outputs.files]
        return outputs

    monkeypatch.setattr(pipeline, "assemble", rendered_differently)
    archive = _sums(data / "sintang" / "arsip")
    result = build([data], out, formats=["docx"])
    assert all(d.arsip is None for d in result.documents)
    assert _sums(data / "sintang" / "arsip") == archive
    version = data / ARSIP / "1"
    for name in ("keputusan.docx", "lampiran-1.docx"):
        assert (_sintang(out) / name).read_bytes() == (version / name).read_bytes()
    other = next(p for p in out.iterdir() if p.name.startswith("520-"))
    assert (other / "keputusan.docx").read_bytes().endswith(b"\0")  # not signed: as rendered


def test_recorded_revision_is_archived_beside_the_signed_version(signed) -> None:
    data, out = signed
    first = _sums(data / ARSIP / "1")
    _edit(data / SK, "waktu: 30 Menit", "waktu: 45 Menit")
    _edit(
        data / SK,
        "    tanggal_pembuatan:",
        "    revisi:\n      - tanggal: 2023-03-01\n"
        "        uraian: Waktu langkah 2 menjadi 45 menit\n"
        "    tanggal_pembuatan:",
    )
    result = build([data], out, formats=["docx"])
    assert [d.arsip for d in result.documents if d.arsip] == [data / ARSIP / "2"]
    assert sorted(p.name for p in (data / ARSIP).iterdir()) == ["1", "2"]
    assert _sums(data / ARSIP / "1") == first
    info = json.loads((data / ARSIP / "2" / "arsip.json").read_text(encoding="utf-8"))
    assert info["penetapan"]["revisi"] == ["2023-03-01"]
    # Editing the record now is refused against the revision, the newest penetapan.
    _promote(data)
    with pytest.raises(DataError, match=r"dibanding arsip .*/2\)"):
        build([data], out, formats=["docx"])


def test_draft_is_built_freely_and_archive_kept(signed) -> None:
    data, out = signed
    archive = _sums(data / "sintang" / "arsip")
    _edit(data / SK, "status: ditetapkan\n", "status: draf\n")
    _promote(data)
    result = build([data], out, formats=["docx"])
    assert len(result.documents) == 4 and all(d.arsip is None for d in result.documents)
    assert _sums(data / "sintang" / "arsip") == archive


def test_damaged_archive_is_not_served(signed) -> None:
    """The archive is the record: a file changed in it is reported, never printed."""
    data, out = signed
    before = _sums(_sintang(out))
    (data / ARSIP / "1" / "lampiran-1.docx").write_bytes(b"PK")
    with pytest.raises(DataError) as refused:
        build([data], out, formats=["docx"])
    assert str(refused.value).splitlines()[2] == (
        "  berkas arsip lampiran-1.docx hilang atau berubah setelah diarsipkan (SHA-256-nya "
        "tidak sama dengan arsip.json); pulihkan dari cadangan"
    )
    assert _sums(_sintang(out)) == before


@pytest.mark.soffice
def test_full_build_archives_every_format_and_refuses_with_exit_1(
    tmp_path: Path, run_cli: Callable[..., CliResult]
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    _edit(data / SK, "jenis: keputusan\n", "jenis: keputusan\nstatus: ditetapkan\n")
    out = tmp_path / "out"
    first = run_cli("build", str(data / "sintang"), "-o", str(out))
    assert first.code == 0, first.err
    assert f"Diarsipkan (dokumen ditetapkan): {data / SK} -> {data / ARSIP / '1'}/" in first.err
    version, folder = data / ARSIP / "1", _sintang(out)
    made = _sums(folder)
    assert {n for n in _sums(version) if "/" not in n} == {*made, "arsip.json"}
    assert all(_sums(version)[name] == digest for name, digest in made.items())
    archive = _sums(data / "sintang" / "arsip")
    again = run_cli("build", str(data / "sintang"), "-o", str(out))  # unchanged: built again
    assert again.code == 0 and "Diarsipkan" not in again.err
    _promote(data)
    refused = run_cli("build", str(data / "sintang"), "-o", str(out))
    assert refused.code == 1
    assert CHANGE in refused.err.splitlines()
    assert "(0 dokumen lain dibuat)" in refused.err
    assert _sums(data / "sintang" / "arsip") == archive
    assert _sums(folder) == made


def test_signed_document_without_archive_is_archived_even_when_up_to_date(signed) -> None:
    """Archiving does not depend on the outputs being rebuilt: an up-to-date signed SK
    whose archive is missing (restored data without its arsip/) is archived again."""
    data, out = signed
    shutil.rmtree(data / "sintang" / "arsip")
    result = build([data], out, formats=["docx"])
    assert [d.arsip for d in result.documents if d.arsip] == [data / ARSIP / "1"]
    archived = _sums(data / ARSIP / "1")
    assert all(archived[name] == digest for name, digest in _sums(_sintang(out)).items())


def test_unreadable_archive_record_is_reported(signed) -> None:
    data, out = signed
    info = data / ARSIP / "1" / "arsip.json"
    info.write_text("{", encoding="utf-8")
    with pytest.raises(DataError) as refused:
        build([data], out, formats=["docx"])
    assert str(refused.value).splitlines()[2] == (
        f"  {info} tidak dapat dibaca (rusak atau diubah); pulihkan dari cadangan"
    )


def test_archived_meanwhile_by_another_build_is_not_archived_twice(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    _edit(data / SK, "jenis: keputusan\n", "jenis: keputusan\nstatus: ditetapkan\n")
    (document,) = load([data / SK]).documents
    frozen = freeze([document])  # decided: to archive
    build([data / SK], tmp_path / "other", formats=["docx"])  # archives it first
    outputs = OutputSet("x", frozenset({"docx"}), [OutputFile("keputusan.docx", b"x")])
    assert frozen.keep(document, outputs) is None
    assert sorted(p.name for p in (data / ARSIP).iterdir()) == ["1"]


def test_promotion_recorded_as_a_period_keeps_the_signed_sk_buildable(signed) -> None:
    """The fix the refusal names: a promotion is a new period, not an edited record."""
    data, out = signed
    pejabat = data / "sintang" / "pejabat.yaml"
    _edit(
        pejabat,
        "    nip: 19670621 199003 1 006\n",
        "    nip: 19670621 199003 1 006\n    menjabat:\n      - dari: 2019-01-02\n"
        "        sampai: 2024-12-31\n      - dari: 2025-01-02\n"
        "        pangkat: Pembina Utama Muda\n        golongan: IV/c\n",
    )
    archive = _sums(data / "sintang" / "arsip")
    result = build([data], out, formats=["docx"])
    assert len(result.documents) == 4
    assert _sums(data / "sintang" / "arsip") == archive


def test_standalone_sop_is_frozen_like_an_sk(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    sop = data / "disnakertrans" / "sop-pendataan-kegiatan.yaml"
    _edit(sop, "jenis: sop\n", "jenis: sop\nstatus: ditetapkan\n")
    out = tmp_path / "out"
    build([sop], out, formats=["docx"])
    version = data / "disnakertrans" / "arsip" / "sop-pendataan-kegiatan" / "1"
    info = json.loads((version / "arsip.json").read_text(encoding="utf-8"))
    assert info["penetapan"] == {
        "nomor": "061.1/SOP/Disnakertrans/2024",
        "tanggal": "2024-01-06",
        "revisi": [],
    }
    assert sorted(info["berkas"]) == ["sop.docx"]
    _edit(sop, "waktu: 1 Jam", "waktu: 2 Jam")
    with pytest.raises(DataError) as refused:
        build([sop], out, formats=["docx"])
    assert str(refused.value).splitlines()[2] == (
        "  1. Langkah 1, Waktu: 1 Jam -> 2 Jam (Jumlah Waktu Penyelesaian: 14 jam 43 menit "
        "-> 15 jam 43 menit)"
    )
    assert refused.value.issues[0].line == 8
