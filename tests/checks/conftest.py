"""Helpers for the rule tests: a correct base document, changed a little per case.

The records (catalog, instansi, pejabat) and the two base documents live in
tests/data/checks/. A case copies them into a temporary folder, changes the document
(or the pejabat record) with a small function, loads it and runs the rules.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from sk_generator.checks import REGISTRY, run_checks
from sk_generator.diagnostics import Issue
from sk_generator.document import Document
from sk_generator.load import Loader
from tests.conftest import TESTDATA

CHECKS_DATA = TESTDATA / "checks"
RECORD_FILES = ("regulasi.yaml", "instansi.yaml", "pejabat.yaml")

Mutation = Callable[[dict[str, Any]], object]


def _read(name: str) -> Any:
    return YAML(typ="safe", pure=True).load((CHECKS_DATA / name).read_text(encoding="utf-8"))


def _write(path: Path, data: Any) -> None:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)


CheckRun = Callable[..., list[Issue]]
LoadRun = Callable[..., Document]


@pytest.fixture
def load(tmp_path: Path) -> LoadRun:
    """`load("sk", change, pejabat=change, regulasi=change, header="# comment")` -> the
    loaded document.

    `change` edits the base document's data in place; `pejabat` and `regulasi` edit the
    records of those files. Loading must succeed without issues.
    """

    def run(
        base: str,
        change: Mutation | None = None,
        *,
        pejabat: Mutation | None = None,
        regulasi: Mutation | None = None,
        header: str = "",
    ) -> Document:
        folder = tmp_path / base
        folder.mkdir(exist_ok=True)
        for name in RECORD_FILES:
            shutil.copy(CHECKS_DATA / name, folder / name)
        for kind, edit in (("pejabat", pejabat), ("regulasi", regulasi)):
            if edit is not None:
                records = copy.deepcopy(_read(f"{kind}.yaml"))
                edit(records[kind])
                _write(folder / f"{kind}.yaml", records)
        data = copy.deepcopy(_read(f"{base}.yaml"))
        if change is not None:
            change(data)
        target = folder / f"{base}.yaml"
        _write(target, data)
        if header:
            target.write_text(header + "\n" + target.read_text(encoding="utf-8"), "utf-8")
        result = Loader().load([target])
        assert [i.format() for i in result.issues] == []
        (document,) = result.documents
        return document

    return run


@pytest.fixture
def check(load: LoadRun) -> CheckRun:
    """`check("sk", change, pejabat=..., regulasi=..., code="KODE", header=...)` -> issues:
    the document as :func:`load` makes it, checked by every rule or only by `code`."""

    def run(
        base: str,
        change: Mutation | None = None,
        *,
        pejabat: Mutation | None = None,
        regulasi: Mutation | None = None,
        code: str | None = None,
        header: str = "",
    ) -> list[Issue]:
        document = load(base, change, pejabat=pejabat, regulasi=regulasi, header=header)
        rules = [REGISTRY[code]] if code else None
        return run_checks(document, rules=rules)

    return run
