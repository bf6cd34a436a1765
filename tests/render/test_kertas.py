"""Paper sizes: named (F4, A4, Legal, Letter) and custom, per instansi or per document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError
from pypdf import PdfReader
from ruamel.yaml import YAML

from sk_generator.load import load
from sk_generator.model.kertas import Kertas, ukuran
from sk_generator.render import render_document
from tests.conftest import TESTDATA, docx_to_pdf

MODEL = TESTDATA / "model"
KERTAS = TypeAdapter(Kertas)
MM_PER_PT = 25.4 / 72


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("F4", "F4"),
        ("a4", "A4"),
        (" legal ", "Legal"),
        ("LETTER", "Letter"),
        ("210 x 330 mm", "210 x 330 mm"),
        ("330x210", "210 x 330 mm"),
        ("215,9 × 355,6 mm", "215.9 x 355.6 mm"),
        ("148 x 420", "148 x 420 mm"),
    ],
)
def test_accepted_paper_forms(typed: str, value: str) -> None:
    assert KERTAS.validate_python(typed) == value


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "A5",
            "ukuran kertas 'A5' tidak dikenal; tulis salah satu dari F4, A4, Legal, Letter, "
            "atau ukurannya dalam milimeter, mis. '210 x 330 mm'",
        ),
        (
            "147 x 300",
            "ukuran kertas '147 x 300' di luar batas: tiap sisi harus antara 148 dan 420 mm",
        ),
        (
            "200 x 421",
            "ukuran kertas '200 x 421' di luar batas: tiap sisi harus antara 148 dan 420 mm",
        ),
    ],
)
def test_refused_paper_forms(typed: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        KERTAS.validate_python(typed)
    assert info.value.errors()[0]["msg"] == f"Value error, {message}"


def test_sizes_in_millimetres() -> None:
    assert ukuran("Legal") == (215.9, 355.6)
    assert ukuran("Letter") == (215.9, 279.4)
    assert ukuran("210 x 330 mm") == (210.0, 330.0)


def _sk(tmp_path: Path, *, instansi_kertas: str | None, sk_kertas: str | None) -> Path:
    yaml = YAML(typ="safe", pure=True)
    for name in ("regulasi.yaml", "pejabat.yaml"):
        shutil.copy(MODEL / name, tmp_path / name)
    records = yaml.load((MODEL / "instansi.yaml").read_text(encoding="utf-8"))
    if instansi_kertas is not None:
        for record in records["instansi"].values():
            record["kertas"] = instansi_kertas
    with (tmp_path / "instansi.yaml").open("w", encoding="utf-8") as handle:
        yaml.dump(records, handle)
    data = yaml.load((MODEL / "ok" / "sk.yaml").read_text(encoding="utf-8"))
    if sk_kertas is not None:
        data["kertas"] = sk_kertas
    target = tmp_path / "sk.yaml"
    with target.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return target


def test_document_paper_overrides_the_instansi_and_lampiran_follow(tmp_path: Path) -> None:
    (document,) = load([_sk(tmp_path, instansi_kertas="A4", sk_kertas="Legal")]).documents
    assert [p.paper for p in render_document(document)] == ["Legal", "Legal"]
    (document,) = load([_sk(tmp_path, instansi_kertas="Letter", sk_kertas=None)]).documents
    assert [p.paper for p in render_document(document)] == ["Letter", "Letter"]


@pytest.mark.soffice
@pytest.mark.parametrize(
    ("paper", "portrait_mm"),
    [("Legal", (215.9, 355.6)), ("Letter", (215.9, 279.4)), ("200 x 300 mm", (200.0, 300.0))],
)
def test_pages_have_the_paper_size(
    tmp_path: Path, paper: str, portrait_mm: tuple[float, float]
) -> None:
    """The SK prints portrait and its SOP lampiran landscape, both on the chosen paper."""
    (document,) = load([_sk(tmp_path, instansi_kertas=None, sk_kertas=paper)]).documents
    for part in render_document(document):
        reader = PdfReader(docx_to_pdf(part.docx, tmp_path, part.suffix))
        for page in reader.pages:
            size = (float(page.mediabox.width) * MM_PER_PT, float(page.mediabox.height) * MM_PER_PT)
            expected = portrait_mm[::-1] if part.landscape else portrait_mm
            assert size == pytest.approx(expected, abs=0.5), (part.suffix, size)
        if part.expected_pages is not None:
            assert len(reader.pages) == part.expected_pages
