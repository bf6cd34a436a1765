"""The JSON Schema accepts exactly what the tool accepts (issue 12): every YAML file of
the repository (data, fixtures) is valid for its schema if and only if `check` finds no
schema error in it. The guide's examples are checked in tests/test_panduan_examples.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from sk_generator.load import Loader
from sk_generator.schema_gen import schema_for
from sk_generator.yaml_source import YamlProblem, load_source
from tests.conftest import DATA, ROOT, TESTDATA

RECORDS = {"instansi.yaml": "instansi", "pejabat.yaml": "pejabat", "regulasi.yaml": "regulasi"}


def schema_kind(path: Path, data: Any) -> str | None:
    if path.name in RECORDS:
        return RECORDS[path.name]
    if isinstance(data, dict) and data.get("jenis") in ("keputusan", "sop"):
        return str(data["jenis"])
    return None


def schema_errors(kind: str, data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(json.loads(json.dumps(schema_for(kind))))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


def tool_errors(path: Path) -> list[str]:
    """Schema errors the tool reports in `path` itself (not references, not rules)."""
    result = Loader().load([path])
    name = result.issues[0].file if result.issues else ""
    return [
        i.format()
        for i in result.issues
        if i.is_error and i.code == "SKEMA" and Path(i.file).name == path.name and name
    ]


def yaml_files() -> list[Path]:
    found = []
    for path in sorted([*DATA.rglob("*.yaml"), *TESTDATA.rglob("*.yaml")]):
        try:
            load_source(path)
        except YamlProblem:
            continue  # not YAML at all: neither the schema nor the tool can read it
        found.append(path)
    return found


@pytest.mark.parametrize("path", yaml_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_schema_verdict_equals_tool_verdict(path: Path) -> None:
    data = load_source(path).data
    kind = schema_kind(path, data)
    if kind is None:
        pytest.skip("no jenis: neither a document nor a record file")
    by_schema = schema_errors(kind, data)
    by_tool = tool_errors(path)
    assert bool(by_schema) == bool(by_tool), (by_schema, by_tool)


@pytest.mark.parametrize(
    ("kind", "data", "valid"),
    [
        # The guide's inline regulation writes `nomor: 5`: a number where the model keeps text.
        (
            "regulasi",
            {
                "regulasi": {
                    "pp-5-2020": {"jenis": "PP", "nomor": 5, "tahun": 2020, "tentang": "Contoh"}
                }
            },
            True,
        ),
        ("regulasi", {"regulasi": {"pp-x": {"jenis": "PP", "tahun": 2020, "tentang": "C"}}}, False),
        (
            "regulasi",
            {"regulasi": {"uud": {"jenis": "UUD", "tahun": 1945, "tentang": "UUD"}}},
            True,
        ),
        (
            "regulasi",
            {"regulasi": {"p": {"jenis": "Permen", "nomor": "1", "tahun": 2020, "tentang": "C"}}},
            False,
        ),
        (
            "regulasi",
            {
                "regulasi": {
                    "p": {
                        "jenis": "Perbup/Perwali",
                        "nomor": "1",
                        "tahun": 2020,
                        "tentang": "C",
                        "daerah": "Bupati Sintang",
                    }
                }
            },
            True,
        ),
    ],
)
def test_schema_expresses_model_validators(kind: str, data: Any, valid: bool) -> None:
    assert (schema_errors(kind, data) == []) is valid
