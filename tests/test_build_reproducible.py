"""Reproducible builds: the same data and tool version give byte-identical files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sk_generator.build import build
from tests.conftest import DATA


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.soffice
def test_seeds_built_twice_are_byte_identical(tmp_path: Path) -> None:
    build([DATA], tmp_path / "first")
    build([DATA], tmp_path / "second")
    first, second = _files(tmp_path / "first"), _files(tmp_path / "second")
    assert sum(name.endswith(".pdf") for name in first) == 4 + 6  # bundles + parts
    assert first == second
