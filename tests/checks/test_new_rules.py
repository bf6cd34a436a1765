"""Rules added by issue 12, each pinned on both sides of its boundary: TANGGAL-MASA-DEPAN,
SOP-PELAKSANA duplicate columns, SOP-NOMOR-LANGKAH reported once at the gap."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sk_generator.checks import tanggal as tanggal_rules
from sk_generator.diagnostics import format_path
from tests.checks.conftest import CheckRun

Data = dict[str, Any]


def found(issues: list[Any]) -> list[tuple[str, str]]:
    return [(format_path(i.path), i.message) for i in issues]


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Any:
    def pin(day: dt.date) -> None:
        monkeypatch.setattr(tanggal_rules, "hari_ini", lambda: day)

    return pin


@pytest.mark.parametrize(
    ("hari_ini", "tanggal", "fails"),
    [
        (dt.date(2024, 2, 10), dt.date(2025, 2, 10), False),  # exactly one year ahead
        (dt.date(2024, 2, 10), dt.date(2025, 2, 11), True),  # one day more
        (dt.date(2024, 2, 29), dt.date(2025, 2, 28), False),  # a leap day's year ends 28 Feb
        (dt.date(2024, 2, 29), dt.date(2025, 3, 1), True),
        (dt.date(2024, 2, 10), dt.date(2020, 1, 1), False),  # the past is never "ahead"
    ],
)
def test_sk_date_more_than_a_year_ahead(
    check: CheckRun, today: Any, hari_ini: dt.date, tanggal: dt.date, fails: bool
) -> None:
    today(hari_ini)

    def change(data: Data) -> None:
        data["tanggal"] = tanggal
        data["lampiran"][0]["tanggal_pembuatan"] = min(tanggal, dt.date(2024, 2, 1))

    issues = check("sk", change, code="TANGGAL-MASA-DEPAN")
    expected = (
        [
            (
                "tanggal",
                f"tanggal {_printed(tanggal)} lebih dari setahun setelah hari ini "
                f"({_printed(hari_ini)}); periksa tahunnya",
            )
        ]
        if fails
        else []
    )
    assert found(issues) == expected


def _printed(day: dt.date) -> str:
    bulan = ["Januari", "Februari", "Maret"][day.month - 1] if day.month <= 3 else str(day.month)
    return f"{day.day} {bulan} {day.year}"


def test_lampiran_own_date_reported_at_its_line(check: CheckRun, today: Any) -> None:
    today(dt.date(2024, 2, 10))

    def change(data: Data) -> None:
        data["lampiran"][0]["tanggal_revisi"] = [dt.date(2099, 1, 5)]

    assert [format_path(i.path) for i in check("sk", change, code="TANGGAL-MASA-DEPAN")] == [
        "lampiran[1].tanggal_revisi[1]"
    ]


def test_standalone_sop_dates(check: CheckRun, today: Any) -> None:
    today(dt.date(2024, 1, 6))
    assert check("sop", code="TANGGAL-MASA-DEPAN") == []
    today(dt.date(2022, 1, 6))
    paths = [format_path(i.path) for i in check("sop", code="TANGGAL-MASA-DEPAN")]
    assert paths == ["tanggal_pembuatan", "tanggal_efektif", "tanggal_revisi[1]"]


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (["Kepala Dinas", "Staf"], []),
        (["Kepala Dinas", "Staf", "Staf Umum"], []),  # similar but different jabatan
        (
            ["Kepala Dinas", "Staf", "Staf"],
            [
                (
                    "pelaksana[3]",
                    "kolom pelaksana 'Staf' sudah ada di butir 2; hapus salah satu (setiap "
                    "jabatan satu kolom)",
                )
            ],
        ),
        (
            ["Kepala Dinas", "Staf", "staf  "],
            [
                (
                    "pelaksana[3]",
                    "kolom pelaksana 'staf' sudah ada di butir 2; hapus salah satu (setiap "
                    "jabatan satu kolom)",
                )
            ],
        ),
    ],
)
def test_duplicate_pelaksana_column(
    check: CheckRun, columns: list[str], expected: list[tuple[str, str]]
) -> None:
    def change(data: Data) -> None:
        data["pelaksana"] = columns

    assert found(check("sop", change, code="SOP-PELAKSANA")) == expected


def test_invisible_character_in_pelaksana_is_named(check: CheckRun) -> None:
    def change(data: Data) -> None:
        data["langkah"][0]["pelaksana"] = "Staf\u200b"

    assert found(check("sop", change, code="SOP-PELAKSANA")) == [
        (
            "langkah[1].pelaksana",
            "'Staf\u200b' bukan kolom pelaksana SOP ini: ada karakter tak terlihat U+200B "
            "setelah 'Staf'; hapus lalu ketik ulang",
        )
    ]


@pytest.mark.parametrize(
    ("numbers", "reported"),
    [
        ([1, 2, 3], []),
        ([None, 2, None], []),
        ([1, 3, 4], [("langkah[2].no", 3, 2)]),  # a gap: once, at the gap
        ([1, 2, 2], [("langkah[3].no", 2, 3)]),  # a repeat
        ([2, 3, 4], [("langkah[1].no", 2, 1)]),  # starts wrong: once
        ([1, 3, 3], [("langkah[2].no", 3, 2)]),  # back in step after the slip
    ],
)
def test_numbering_break_reported_once(
    check: CheckRun, numbers: list[int | None], reported: list[tuple[str, int, int]]
) -> None:
    def change(data: Data) -> None:
        for step, number in zip(data["langkah"], numbers, strict=True):
            if number is None:
                step.pop("no", None)
            else:
                step["no"] = number

    expected = [
        (
            path,
            f"nomor langkah {written} seharusnya {position} (langkah ke-{position}); perbaiki "
            "nomornya (dan nomor langkah sesudahnya) atau hapus semua `no:`; langkah dinomori "
            "menurut urutannya",
        )
        for path, written, position in reported
    ]
    assert found(check("sop", change, code="SOP-NOMOR-LANGKAH")) == expected


def test_numbering_rule_cannot_be_switched_off(check: CheckRun) -> None:
    """One numbering only: the PDF and `waktu` print positions, so `abaikan` is ignored."""

    def change(data: Data) -> None:
        data["langkah"][1]["no"] = 5

    issues = check("sop", change, header="# sk-generator: abaikan SOP-NOMOR-LANGKAH")
    assert [i.code for i in issues] == ["SOP-NOMOR-LANGKAH"]
