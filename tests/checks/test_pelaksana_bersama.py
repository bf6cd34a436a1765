"""SOP-PELAKSANA for a step shared by several pelaksana (issue 17 item 2): the columns
exist, are adjacent (one box spans them) and distinct, and a decision has one actor.

The checks' SOP with four columns: Kepala Dinas | Sekretaris | Kasubbag PKP | Staf; its
step 2 is a decision of the Kepala Dinas.
"""

from __future__ import annotations

from typing import Any

import pytest

from sk_generator.diagnostics import format_path
from tests.checks.conftest import CheckRun

STAF = "Staf"
COLUMNS = ["Kepala Dinas", "Sekretaris", "Kasubbag PKP", STAF]


def found(issues: list[Any]) -> list[tuple[str, str]]:
    return [(format_path(i.path), i.message) for i in issues]


def _shared(step: int, names: Any) -> Any:
    def change(data: dict[str, Any]) -> None:
        data["pelaksana"] = COLUMNS
        data["langkah"][step]["pelaksana"] = names

    return change


@pytest.mark.parametrize(
    "names",
    [
        ["Kasubbag PKP", STAF],  # two adjacent columns
        ["Sekretaris", "Kasubbag PKP", STAF],  # three
        [STAF, "Sekretaris", "Kasubbag PKP"],  # in any order: the columns decide
        [STAF],  # a list of one is one pelaksana
    ],
)
def test_adjacent_columns_may_share_a_step(check: CheckRun, names: list[str]) -> None:
    assert found(check("sop", _shared(0, names), code="SOP-PELAKSANA")) == []


@pytest.mark.parametrize(
    ("names", "between"),
    [
        (["Kepala Dinas", "Kasubbag PKP"], "Sekretaris"),
        (["Sekretaris", STAF], "Kasubbag PKP"),  # the column before them is not between
        (["Kepala Dinas", "Sekretaris", STAF], "Kasubbag PKP"),  # the gap after the second
    ],
)
def test_a_column_between_the_shared_ones_is_named(
    check: CheckRun, names: list[str], between: str
) -> None:
    issues = check("sop", _shared(0, names), code="SOP-PELAKSANA")
    assert found(issues) == [
        (
            "langkah[1].pelaksana",
            "kegiatan bersama digambar sebagai satu kotak yang melintasi kolom-kolom "
            f"pelaksananya, tetapi kolom '{between}' ada di antaranya; urutkan daftar "
            "`pelaksana` SOP agar kolom-kolom ini bersebelahan",
        )
    ]


def test_an_unknown_name_in_the_list_is_located_at_its_item(check: CheckRun) -> None:
    issues = check("sop", _shared(0, ["Kasubbag PKP", "Sekertaris"]), code="SOP-PELAKSANA")
    assert found(issues) == [
        (
            "langkah[1].pelaksana[2]",
            "'Sekertaris' bukan kolom pelaksana SOP ini; mungkin maksudnya 'Sekretaris'?",
        )
    ]


def test_a_name_written_twice(check: CheckRun) -> None:
    issues = check("sop", _shared(0, ["Sekretaris", "Sekretaris"]), code="SOP-PELAKSANA")
    assert found(issues) == [
        (
            "langkah[1].pelaksana",
            "pelaksana yang sama tertulis dua kali; tulis setiap kolom sekali saja",
        )
    ]


@pytest.mark.parametrize(
    ("names", "fails"), [(["Kepala Dinas"], False), (["Kepala Dinas", "Sekretaris"], True)]
)
def test_a_decision_has_one_actor(check: CheckRun, names: list[str], fails: bool) -> None:
    issues = check("sop", _shared(1, names), code="SOP-PELAKSANA")
    expected = [
        (
            "langkah[2].pelaksana",
            "langkah keputusan hanya punya satu pelaksana (yang memutuskan); tulis satu "
            "kolom, atau jadikan kegiatan bersamanya langkah tersendiri sebelum keputusan",
        )
    ]
    assert found(issues) == (expected if fails else [])


def test_a_shared_step_uses_every_column_it_names(check: CheckRun) -> None:
    """SOP-KOLOM-KOSONG: Sekretaris and Kasubbag PKP act only in the shared step."""
    shared = _shared(0, ["Sekretaris", "Kasubbag PKP"])
    assert found(check("sop", shared, code="SOP-KOLOM-KOSONG")) == []
    alone = _shared(0, ["Sekretaris"])
    assert found(check("sop", alone, code="SOP-KOLOM-KOSONG")) == [
        (
            "pelaksana[3]",
            "kolom pelaksana 'Kasubbag PKP' tidak dipakai oleh langkah mana pun; hapus kolom "
            "itu atau isi `pelaksana:` langkah yang dikerjakannya",
        )
    ]


def test_the_actor_named_in_the_text_of_a_shared_step(check: CheckRun) -> None:
    def change(data: dict[str, Any]) -> None:
        _shared(0, ["Sekretaris", "Kasubbag PKP"])(data)
        data["langkah"][0]["kegiatan"] = "Kasubbag PKP menyusun jadwal pendataan"

    assert found(check("sop", change, code="TEKS-PELAKSANA")) == [
        (
            "langkah[1].kegiatan",
            "kegiatan diawali nama pelaksananya 'Kasubbag PKP' (sudah ditunjukkan oleh "
            "kolomnya); tulis 'Menyusun jadwal pendataan'",
        )
    ]
