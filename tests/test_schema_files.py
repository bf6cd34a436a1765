"""Every data file points its editor at the right schema, and the schema accepts it.

This is what staff see in VS Code: a file that `check` accepts must not be underlined by
the editor, and vice versa for the shapes the schema can express.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from tests.conftest import DATA, TESTDATA

FILES = sorted([*DATA.rglob("*.yaml"), *(TESTDATA / "as_printed").rglob("*.yaml")])


def _yaml() -> YAML:
    yaml = YAML(typ="safe")
    yaml.version = (1, 2)
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda c, n: c.construct_scalar(n)
    )
    return yaml


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(DATA.parent)))
def test_data_file_matches_its_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema="), "first line names no schema"
    schema_path = (path.parent / first.split("$schema=", 1)[1]).resolve()
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    errors = [
        e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(_yaml().load(path))
    ]
    assert errors == []
