"""`sk-generator baru`: skeletons that check clean but for their placeholders, and render."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from sk_generator.checks import check as check_data
from sk_generator.errors import UserError
from sk_generator.load import load
from sk_generator.render import render_document
from sk_generator.skeleton import DinasBaru, DokumenBaru, new_dinas, new_keputusan, new_sop
from tests.conftest import DATA, CliResult

TODAY = dt.date(2026, 3, 2)
_KEY = re.compile(r"^(\s*)(?:- )?([a-z_][a-z0-9_.-]*):(?:\s|$)")


@pytest.fixture
def folder(run_cli: Callable[..., CliResult], tmp_path: Path) -> Path:
    """A Dinas, an SK with one SOP lampiran and a standalone SOP, made through the CLI."""
    dinas = tmp_path / "dinkes"
    steps = [
        ("dinas", str(dinas), "--nama", "Dinas Kesehatan", "--daerah", "Kabupaten Sintang"),
        ("sk", str(dinas / "sk-pelayanan.yaml"), "--tanggal", "2 Maret 2026"),
        ("sop", str(dinas / "sop-arsip.yaml"), "--nama", "Pengelolaan Arsip"),
    ]
    for step in steps:
        result = run_cli("baru", *step)
        assert result.code == 0, result.err
        assert "Berkas dibuat:" in result.out
    return dinas


def test_skeletons_check_with_only_placeholder_warnings(
    folder: Path, run_cli: Callable[..., CliResult]
) -> None:
    report = check_data([folder])
    assert {issue.code for issue in report.issues} == {"TEKS-ISIAN"}
    assert report.errors == 0
    assert run_cli("check", str(folder)).code == 0
    assert run_cli("check", "--strict", str(folder)).code == 1
    # The user's values are in, not reported: only the unknown ones are placeholders.
    messages = [i.format() for i in report.issues]
    assert not any("Kesehatan" in m or "Sintang" in m for m in messages)
    assert any("instansi.yaml" in m and "[Kota tempat penetapan]" in m for m in messages)


def test_every_key_has_a_comment_and_schemas_are_beside_the_data(folder: Path) -> None:
    for path in sorted(folder.glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines()
        schema = lines[0].removeprefix("# yaml-language-server: $schema=")
        assert schema != lines[0], path
        assert (path.parent / schema).is_file(), schema
        for number, line in enumerate(lines):
            match = _KEY.match(line)
            if not match:
                continue
            comments = _comment_above(lines, number)
            assert comments, f"{path.name}:{number + 1}: key without comment: {line}"
    instansi = (folder / "instansi.yaml").read_text(encoding="utf-8")
    assert 'logo: "[LOGO DAERAH]"' in instansi
    assert sorted(p.name for p in (folder / "skema").iterdir()) == [
        "instansi.schema.json",
        "keputusan.schema.json",
        "pejabat.schema.json",
        "regulasi.schema.json",
        "sop.schema.json",
    ]


def _comment_above(lines: list[str], number: int) -> str:
    """The comment directly above line `number`, else the one above the list or mapping
    that holds it (the items of `langkah` share the comment that explains their keys)."""
    if number > 0 and lines[number - 1].lstrip().startswith("#"):
        return lines[number - 1]
    indent = len(lines[number]) - len(lines[number].lstrip(" -"))
    for probe in range(number - 1, -1, -1):
        own = len(lines[probe]) - len(lines[probe].lstrip(" -"))
        if _KEY.match(lines[probe]) and own < indent:
            return _comment_above(lines, probe)
    return ""


def test_build_renders_the_skeletons(folder: Path) -> None:
    documents = load([folder]).documents
    assert len(documents) == 2
    for document in documents:
        parts = render_document(document)
        assert parts, document.source.name


@pytest.mark.soffice
def test_build_makes_the_bundles(
    folder: Path, run_cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    out = tmp_path / "hasil"
    result = run_cli("build", str(folder), "-o", str(out), "--format", "bundle")
    assert result.code == 0, result.err
    bundles = sorted(out.glob("*/*.pdf"))
    assert len(bundles) == 2
    text = " ".join(page.extract_text() for page in PdfReader(bundles[0]).pages)
    assert "DINAS KESEHATAN" in text
    assert "[Kegiatan pertama, diawali kata kerja]" in " ".join(text.split())


def test_nothing_is_overwritten_and_nothing_half_written(tmp_path: Path) -> None:
    new_dinas(tmp_path / "d", DinasBaru(nama="Dinas Sosial"))
    before = (tmp_path / "d" / "pejabat.yaml").read_text(encoding="utf-8")
    with pytest.raises(UserError, match=r"berkas sudah ada dan tidak ditimpa: .*instansi\.yaml"):
        new_dinas(tmp_path / "d", DinasBaru(nama="Dinas Lain"))
    assert (tmp_path / "d" / "pejabat.yaml").read_text(encoding="utf-8") == before
    new_keputusan(tmp_path / "d" / "sk.yaml", today=TODAY)
    with pytest.raises(UserError, match="berkas sudah ada"):
        new_sop(tmp_path / "d" / "sk.yaml", today=TODAY)


def test_document_needs_an_instansi_and_a_yaml_name(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"belum ada instansi.yaml di folder .*baru dinas"):
        new_keputusan(tmp_path / "sk.yaml", today=TODAY)
    new_dinas(tmp_path)
    with pytest.raises(UserError, match=r"harus berakhiran \.yaml"):
        new_sop(tmp_path / "sop.txt", today=TODAY)
    with pytest.raises(UserError, match="pejabat 'kadis' tidak ditemukan; yang tersedia: "):
        new_sop(tmp_path / "sop.yaml", DokumenBaru(pejabat="kadis"), today=TODAY)


def test_inside_a_data_tree_the_catalog_and_schemas_are_shared(tmp_path: Path) -> None:
    root = tmp_path / "data"
    new_dinas(root / "dinkes", DinasBaru(nama="Dinas Kesehatan", daerah="Kota Pontianak"))
    (root / "dinkes" / "regulasi.yaml").rename(root / "regulasi.yaml")
    written = new_dinas(root / "dinsos", DinasBaru(nama="Dinas Sosial"))
    names = sorted(p.relative_to(root).as_posix() for p in written)
    assert names == ["dinsos/instansi.yaml", "dinsos/pejabat.yaml"] + [
        f"dinsos/skema/{kind}.schema.json"
        for kind in ("instansi", "keputusan", "pejabat", "regulasi", "sop")
    ]
    written = new_sop(root / "dinkes" / "sop.yaml", DokumenBaru(judul="Arsip"), today=TODAY)
    assert written == [root / "dinkes" / "sop.yaml"]
    text = written[0].read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=skema/sop.schema.json\n")
    assert 'nama: "Arsip"' in text
    assert "tanggal_efektif: 2026-03-02" in text


def test_seed_catalog_is_used_without_a_new_catalog(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    written = new_dinas(folder)
    assert folder / "regulasi.yaml" in written
    catalog = (folder / "regulasi.yaml").read_text(encoding="utf-8")
    seed = (DATA / "regulasi.yaml").read_text(encoding="utf-8")
    for rid in ("uu-23-2014", "uu-2-2015", "uu-9-2015", "permenpanrb-35-2012"):
        assert f"  {rid}:" in catalog and f"  {rid}:" in seed
