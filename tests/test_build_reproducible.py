"""Reproducible builds: the same data and tool version give byte-identical files, on
machines in any time zone, and a second build reports every document "tetap" and
rewrites nothing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sk_generator.build import build
from tests.conftest import DATA, files_and_times

Files = dict[str, tuple[bytes, int]]


def _bytes(files: Files) -> dict[str, bytes]:
    return {name: data for name, (data, _) in files.items()}


@pytest.mark.soffice
def test_seeds_built_twice_are_byte_identical_and_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build([DATA], tmp_path / "first")
    assert [d.change.status for d in first.documents] == ["baru"] * 4
    before = files_and_times(tmp_path / "first")
    assert sum(name.endswith(".pdf") for name in before) == 4 + 6  # bundles + parts
    # Another machine, seven hours east: the same bytes (LibreOffice runs in UTC).
    monkeypatch.setenv("TZ", "Asia/Jakarta")
    build([DATA], tmp_path / "second")
    assert _bytes(files_and_times(tmp_path / "second")) == _bytes(before)
    sop = next(data for name, (data, _) in before.items() if name.endswith("/sop.pdf"))
    dates = re.findall(rb"/CreationDate\s*\(D:(\d{14}[^)]*)\)", sop)
    assert dates and all(date.endswith((b"Z", b"Z'")) for date in dates), dates
    # The second build into the same folder: all "tetap", nothing written.
    again = build([DATA], tmp_path / "first")
    assert [d.change.status for d in again.documents] == ["tetap"] * 4
    assert again.conversions == 0
    assert files_and_times(tmp_path / "first") == before


@pytest.mark.soffice
def test_one_edited_waktu_changes_only_that_lampiran(tmp_path: Path) -> None:
    """After editing one waktu of the Sintang SOP, only the Sintang SK is made again,
    and only its lampiran, the bundle and the manifest are written."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    out = tmp_path / "out"
    build([data], out)
    before = files_and_times(out)
    sk = data / "sintang" / "sk-sop-data-kinerja.yaml"
    text = sk.read_text(encoding="utf-8")
    assert text.count("waktu: 30 Menit") >= 1
    sk.write_text(text.replace("waktu: 30 Menit", "waktu: 45 Menit", 1), encoding="utf-8")

    result = build([data], out)
    statuses = {d.folder.name: d.change for d in result.documents}
    name = next(n for n in statuses if n.startswith("700-109-"))
    assert {n: c.status for n, c in statuses.items()} == {
        n: ("berubah" if n == name else "tetap") for n in statuses
    }
    assert statuses[name].changed == ("lampiran-1.docx", "lampiran-1.pdf", f"{name}.pdf")
    # Which pages to read again: the step's page and the Jumlah Waktu page, in the
    # lampiran and in the bundle (after the SK's two pages).
    assert statuses[name].pages == (("lampiran-1.pdf", (3, 4)), (f"{name}.pdf", (5, 6)))
    after = files_and_times(out)
    differ = sorted(path for path in after if after[path] != before[path])
    assert differ == [
        f"{name}/{name}.manifest.json",
        f"{name}/{name}.pdf",
        f"{name}/lampiran-1.docx",
        f"{name}/lampiran-1.pdf",
    ]
