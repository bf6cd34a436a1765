"""An SK with two SOPs: Lampiran I and II, each heading derived from the SK."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from ruamel.yaml import YAML

from sk_generator.load import load
from sk_generator.render import render_document
from sk_generator.render.context import lampiran_heading, romawi
from sk_generator.render.sop import SopBuilder
from sk_generator.render.sop.cells import PAD_Y, text_height
from sk_generator.render.sop.columns import TEXT_PAD
from sk_generator.render.sop.identity import heading_label_width
from tests.conftest import TESTDATA, docx_to_pdf

MODEL = TESTDATA / "model"


def _two_lampiran(tmp_path: Path, count: int = 2) -> Path:
    for name in ("regulasi.yaml", "instansi.yaml", "pejabat.yaml"):
        shutil.copy(MODEL / name, tmp_path / name)
    yaml = YAML(typ="safe", pure=True)
    data = yaml.load((MODEL / "ok" / "sk.yaml").read_text(encoding="utf-8"))
    names = ["Pelayanan Surat", *(f"Layanan {k}" for k in range(3, count + 1))]
    for name in names[: count - 1]:
        data["lampiran"].append(dict(data["lampiran"][0], nama=name))
    target = tmp_path / "sk.yaml"
    with target.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    return target


def test_each_lampiran_is_numbered_and_derived_from_the_sk(tmp_path: Path) -> None:
    (document,) = load([_two_lampiran(tmp_path)]).documents
    parts = render_document(document)
    assert [(p.role, p.label, p.suffix) for p in parts] == [
        ("keputusan", "Keputusan", "keputusan"),
        ("lampiran", "Lampiran I: SOP Contoh", "lampiran-1"),
        ("lampiran", "Lampiran II: SOP Pelayanan Surat", "lampiran-2"),
    ]
    for part, numeral in zip(parts[1:], ("I", "II"), strict=True):
        text = "\n".join(
            p.text
            for t in docx.Document(io.BytesIO(part.docx)).tables[:1]
            for r in t.rows
            for c in r.cells
            for p in c.paragraphs
        )
        assert f"LAMPIRAN {numeral}" in text
        assert "KEPUTUSAN KEPALA DINAS CONTOH KABUPATEN CONTOH" in text
        assert "700/1/DC/2024" in text
        assert "10 FEBRUARI 2024" in text


@pytest.mark.soffice
def test_three_lampiran_labels_each_on_one_line(tmp_path: Path) -> None:
    """ "LAMPIRAN III" (and I, II) stand on one line before the colon, never "LAMPIRAN / III"."""
    (document,) = load([_two_lampiran(tmp_path, 3)]).documents
    parts = render_document(document)[1:]
    for part, numeral in zip(parts, ("I", "II", "III"), strict=True):
        pdf = docx_to_pdf(part.docx, tmp_path, part.suffix)
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", "1", "-l", "1", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        first = next(line for line in text.splitlines() if "LAMPIRAN" in line)
        assert re.match(rf"\s*LAMPIRAN {numeral}\s+: KEPUTUSAN KEPALA DINAS", first), first


@pytest.mark.parametrize("count", [1, 3, 8, 12])
def test_heading_label_column_holds_its_longest_label(tmp_path: Path, count: int) -> None:
    """Every label of every lampiran fits its column on one line, and the column is no
    wider than its longest label needs."""
    (document,) = load([_two_lampiran(tmp_path, count)]).documents
    entry = document.sops()[-1]
    builder = SopBuilder(document, entry)
    heading = lampiran_heading(document, entry)
    assert heading is not None
    width = heading_label_width(builder.sheet, heading)
    labels = [f"LAMPIRAN {romawi(k)}" for k in range(1, count + 1)] if count > 1 else []
    for label in [*labels, "LAMPIRAN", "TANGGAL", "TENTANG"]:
        assert text_height([("", label)], builder.base, width) == (
            builder.base.line_twips + 2 * PAD_Y
        ), label
    longest = {1: "LAMPIRAN", 3: "LAMPIRAN III", 8: "LAMPIRAN VIII", 12: "LAMPIRAN VIII"}[count]
    assert (
        builder.base.width(longest) * 20
        < width
        <= (builder.base.width(longest) + TEXT_PAD) * 20 + 1
    )
