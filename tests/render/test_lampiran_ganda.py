"""An SK with two SOPs: Lampiran I and II, each heading derived from the SK."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
from ruamel.yaml import YAML

from sk_generator.load import load
from sk_generator.render import render_document
from tests.conftest import TESTDATA

MODEL = TESTDATA / "model"


def _two_lampiran(tmp_path: Path) -> Path:
    for name in ("regulasi.yaml", "instansi.yaml", "pejabat.yaml"):
        shutil.copy(MODEL / name, tmp_path / name)
    yaml = YAML(typ="safe", pure=True)
    data = yaml.load((MODEL / "ok" / "sk.yaml").read_text(encoding="utf-8"))
    second = dict(data["lampiran"][0], nama="Pelayanan Surat")
    data["lampiran"].append(second)
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
