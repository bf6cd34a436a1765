"""The staff guide's YAML examples work, and its key reference is current (issue 12).

Every ```yaml block of docs/panduan.md is a fragment of an SK or an SOP: it is put into
a correct base document (tests/data/model/ok/) in place of the keys it shows, and the
result must pass `check` without errors and validate against the JSON Schema that editors
use. docs/kunci.md is generated from the model (`python -m sk_generator.keys_doc`).
"""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from sk_generator import keys_doc
from sk_generator.checks import check as check_data
from sk_generator.model import Keputusan, Sop
from sk_generator.schema_gen import schema_for
from sk_generator.yaml_source import load_source
from tests.conftest import ROOT, TESTDATA

PANDUAN = ROOT / "docs" / "panduan.md"
MODEL = TESTDATA / "model"
_BLOCK = re.compile(r"^(?P<indent>[ \t]*)```yaml\n(?P<body>.*?)^(?P=indent)```", re.M | re.S)


def examples() -> list[str]:
    text = PANDUAN.read_text(encoding="utf-8")
    return [textwrap.dedent(m.group("body")) for m in _BLOCK.finditer(text)]


def test_guide_has_yaml_examples() -> None:
    assert len(examples()) >= 4


def _base_for(keys: set[str]) -> str:
    """The base document an example belongs to: an SOP when its keys are SOP keys."""
    if keys <= set(Sop.model_fields):
        return "sop.yaml"
    assert keys <= set(Keputusan.model_fields), f"keys of no document: {sorted(keys)}"
    return "sk.yaml"


@pytest.mark.parametrize("example", examples(), ids=lambda e: e.split(":", 1)[0])
def test_guide_example_checks_clean(tmp_path: Path, example: str) -> None:
    yaml = YAML(typ="rt")
    fragment = yaml.load(example)
    for name in ("regulasi.yaml", "instansi.yaml", "pejabat.yaml"):
        shutil.copy(MODEL / name, tmp_path / name)
    if set(fragment) in ({"pejabat"}, {"instansi"}):
        # A pejabat.yaml or instansi.yaml example: its records join those the base SK sees.
        kind = next(iter(fragment))
        records = yaml.load((MODEL / f"{kind}.yaml").read_text(encoding="utf-8"))
        records[kind].update(fragment[kind])
        with (tmp_path / f"{kind}.yaml").open("w", encoding="utf-8") as handle:
            yaml.dump(records, handle)
        fragment = {}
    base = _base_for(set(fragment))
    document = yaml.load((MODEL / "ok" / base).read_text(encoding="utf-8"))
    if "revisi" in fragment:
        del document["tanggal_revisi"]  # the older form of `revisi:`; never both
    document.update(fragment)
    target = tmp_path / base
    with target.open("w", encoding="utf-8") as handle:
        yaml.dump(document, handle)
    report = check_data([target])
    assert [i.format() for i in report.issues if i.is_error] == []
    data: Any = load_source(target).data
    schema = json.loads(json.dumps(schema_for(str(data["jenis"]))))
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


def test_key_reference_is_current() -> None:
    """docs/kunci.md is generated: run `python -m sk_generator.keys_doc` after a model
    change."""
    assert keys_doc.DOC.read_text(encoding="utf-8") == keys_doc.render(), (
        "docs/kunci.md is stale: run `python -m sk_generator.keys_doc`"
    )


@pytest.mark.parametrize(("heading", "model", "where"), keys_doc.SECTIONS)
def test_key_reference_lists_every_key(heading: str, model: Any, where: str) -> None:
    page = keys_doc.render()
    section = page.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `([a-z_]+)` \|", section, re.M)
    assert listed == list(model.model_fields)


def test_guide_links_the_key_reference() -> None:
    assert "](kunci.md)" in PANDUAN.read_text(encoding="utf-8")
