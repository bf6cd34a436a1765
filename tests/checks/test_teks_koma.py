"""TEKS-KOMA: a bracket list split at a comma. Needs the YAML as typed (flow style), so it
is tested from raw text rather than through the block-style case harness."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sk_generator.checks import check as check_data
from tests.checks.conftest import CHECKS_DATA, RECORD_FILES

SOP = CHECKS_DATA / "sop.yaml"


def _koma_lines(tmp_path: Path, kelengkapan: str) -> list[str]:
    for name in RECORD_FILES:
        shutil.copy(CHECKS_DATA / name, tmp_path / name)
    text = SOP.read_text(encoding="utf-8")
    marker = "    kelengkapan:"
    start = text.index(marker)
    end = text.index("\n    waktu:", start)
    (tmp_path / "sop.yaml").write_text(
        text[:start] + f"    kelengkapan: {kelengkapan}" + text[end:], encoding="utf-8"
    )
    report = check_data([tmp_path / "sop.yaml"])
    return [i.message for i in report.issues if i.code == "TEKS-KOMA"]


@pytest.mark.parametrize(
    ("kelengkapan", "fragment"),
    [
        ("[Dokumen perencanaan, evaluasi, dan pelaporan data]", "dan pelaporan data"),
        # right after the first item
        ("[Dokumen perencanaan, dan evaluasi]", "dan evaluasi"),
        # a lower-case phrase without a conjunction
        ("[Dokumen perencanaan, evaluasi kinerja]", "evaluasi kinerja"),
        # only its first letter decides: "eKTP pemohon" starts in lower case
        ("[Dokumen kependudukan, eKTP pemohon]", "eKTP pemohon"),
    ],
)
def test_fragment_of_a_split_phrase_is_reported(
    tmp_path: Path, kelengkapan: str, fragment: str
) -> None:
    assert _koma_lines(tmp_path, kelengkapan) == [
        f"butir '{fragment}' tampaknya potongan dari butir sebelumnya: daftar [a, b] "
        "dipisah pada setiap koma; tulis butir yang memuat koma dalam tanda kutip, mis. "
        '["Dokumen perencanaan, evaluasi dan pelaporan"]'
    ]


def test_quoted_phrase_and_separate_items_pass(tmp_path: Path) -> None:
    assert _koma_lines(tmp_path, '["Dokumen perencanaan, evaluasi dan pelaporan", Renja]') == []
    assert _koma_lines(tmp_path, "[Surat tugas, kuesioner]") == []
