"""A non-ministerial agency's regulation (issue 17 item 6) prints under its own name in the
SK's Mengingat and the SOP's Dasar Hukum, ranked with the Peraturan Menteri."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sk_generator.load import Document, load
from sk_generator.render.keputusan import render_keputusan
from sk_generator.render.sop import render_sop
from tests.render.test_keputusan import dump as dump_sk
from tests.render.test_keputusan import open_docx
from tests.render.test_sop import dump as dump_sop

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "data" / "checks"

BASARNAS = """\
  basarnas-1-2020:
    jenis: Peraturan Badan
    penerbit: Badan Nasional Pencarian dan Pertolongan
    nomor: "1"
    tahun: 2020
    tentang: Standar Operasional Prosedur Pencarian dan Pertolongan
    berita: {tahun: 2020, nomor: "210"}
"""
PRINTED = (
    "Peraturan Badan Nasional Pencarian dan Pertolongan Nomor 1 Tahun 2020 tentang Standar "
    "Operasional Prosedur Pencarian dan Pertolongan (Berita Negara Republik Indonesia Tahun "
    "2020 Nomor 210)"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The checks' correct SK and SOP, each citing the Basarnas regulation after the
    Peraturan Menteri PANRB of 2014 (same rank, later year: the right place)."""
    target = tmp_path_factory.mktemp("lembaga") / "data"
    shutil.copytree(CHECKS, target)
    regulasi = target / "regulasi.yaml"
    regulasi.write_text(regulasi.read_text(encoding="utf-8") + BASARNAS, encoding="utf-8")
    for name in ("sk.yaml", "sop.yaml"):
        path = target / name
        text = path.read_text(encoding="utf-8")
        cited = "  - permenpanrb-53-2014\n"
        assert text.count(cited) == 1
        path.write_text(text.replace(cited, cited + "  - basarnas-1-2020\n"), encoding="utf-8")
    return target


def load_clean(path: Path) -> Document:
    result = load([path])
    assert [i.format() for i in result.issues] == []
    (document,) = result.documents
    return document


def test_mengingat_prints_the_badan_by_its_name(folder: Path) -> None:
    text = dump_sk(open_docx(render_keputusan(load_clean(folder / "sk.yaml"))))
    assert f" | 5. | {PRINTED};\n" in text


def test_dasar_hukum_prints_the_badan_by_its_name(folder: Path) -> None:
    document = load_clean(folder / "sop.yaml")
    text = dump_sop(render_sop(document, document.sops()[0])[0])
    assert f" ¶ 4.⇥{PRINTED}; |" in text
