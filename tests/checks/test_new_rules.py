"""Rules added by issue 12, each pinned on both sides of its boundary: TANGGAL-MASA-DEPAN,
SOP-PELAKSANA duplicate columns, SOP-NOMOR-LANGKAH reported once at the gap, NOMOR-GANDA."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from sk_generator.checks import REGISTRY
from sk_generator.checks import check as check_data
from sk_generator.checks import tanggal as tanggal_rules
from sk_generator.diagnostics import format_path
from tests.checks.conftest import CheckRun
from tests.conftest import TESTDATA

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


# --- NOMOR-GANDA: documents checked together ------------------------------------------

MODEL = TESTDATA / "model"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("regulasi.yaml", "instansi.yaml", "pejabat.yaml"):
        shutil.copy(MODEL / name, tmp_path / name)
    for name in ("sk.yaml", "sop.yaml"):
        shutil.copy(MODEL / "ok" / name, tmp_path / name)
    return tmp_path


def copy_with(folder: Path, name: str, new: str, old: str, replacement: str) -> None:
    text = (folder / name).read_text(encoding="utf-8")
    assert old in text
    (folder / new).write_text(text.replace(old, replacement), encoding="utf-8")


def ganda(folder: Path) -> list[str]:
    report = check_data([folder], rules=[REGISTRY["NOMOR-GANDA"]])
    return [f"{Path(i.file).name}:{i.line}: {i.message}" for i in report.issues]


@pytest.mark.parametrize(
    ("nomor", "reported"),
    [
        ("700/1/DC/2024", True),  # the same nomor
        ("700 / 1 / dc / 2024", True),  # the same nomor, spaced and in lower case
        ("700/2/DC/2024", False),  # the next number
        ("700/1/DC/2025", False),  # the same number in another year
    ],
)
def test_two_sk_with_one_nomor(folder: Path, nomor: str, reported: bool) -> None:
    text = (folder / "sk.yaml").read_text(encoding="utf-8")
    text = text.replace("nomor: 700/1/DC/2024", f"nomor: {nomor}")
    # The copy is dated later than the original (whose date is 2024-02-10).
    text = text.replace("tanggal: 2024-02-10", "tanggal: 2024-03-10")
    (folder / "sk-salinan.yaml").write_text(text, encoding="utf-8")
    expected = [
        f"sk-salinan.yaml:3: nomor '{nomor}' sudah dipakai oleh {folder / 'sk.yaml'}:3; beri "
        "nomor urut baru (setiap naskah dinas bernomor sendiri)"
    ]
    assert ganda(folder) == (expected if reported else [])


def test_drafts_may_share_a_blank_nomor(folder: Path) -> None:
    copy_with(folder, "sk.yaml", "sk.yaml", "nomor: 700/1/DC/2024", 'nomor: "700/ /DC/2024"')
    copy_with(folder, "sk.yaml", "sk-2.yaml", "tentang:", "tentang: Kedua")
    assert ganda(folder) == []


@pytest.mark.parametrize(
    ("nomor", "reported"),
    [
        ('"700/"', False),  # cut short after a blank nomor urut: still a draft
        ('"700/ "', False),
        ("700", True),  # one part, no nomor urut to wait for: compared as written
        ('"[KODE]/[NOMOR URUT]/[KODE UNIT]/2024"', False),  # a skeleton's placeholders
        ('"700/[NOMOR URUT]/DC/2024"', False),
    ],
)
def test_drafts_and_placeholders_are_not_compared(folder: Path, nomor: str, reported: bool) -> None:
    copy_with(folder, "sk.yaml", "sk.yaml", "nomor: 700/1/DC/2024", f"nomor: {nomor}")
    copy_with(folder, "sk.yaml", "sk-2.yaml", "tanggal: 2024-02-10", "tanggal: 2024-03-10")
    expected = [
        f"sk-2.yaml:3: nomor '{nomor.strip(chr(34))}' sudah dipakai oleh "
        f"{folder / 'sk.yaml'}:3; beri nomor urut baru (setiap naskah dinas bernomor sendiri)"
    ]
    assert ganda(folder) == (expected if reported else [])


def test_a_draft_first_does_not_end_the_comparison(folder: Path) -> None:
    """A draft dated before every other document is passed over, and the documents after
    it are still compared."""
    copy_with(folder, "sk.yaml", "sk-2.yaml", "tanggal: 2024-02-10", "tanggal: 2024-03-10")
    draft = (
        (folder / "sk.yaml")
        .read_text(encoding="utf-8")
        .replace("nomor: 700/1/DC/2024", 'nomor: "700/ /DC/2024"')
    )
    (folder / "sk-0.yaml").write_text(
        draft.replace("tanggal: 2024-02-10", "tanggal: 2024-01-01"), encoding="utf-8"
    )
    (line,) = ganda(folder)
    assert line.startswith("sk-2.yaml:3: nomor '700/1/DC/2024' sudah dipakai oleh ")


def test_shared_rules_in_a_whole_run_and_in_a_selection(folder: Path) -> None:
    """Every rule (the default) includes NOMOR-GANDA; a selection without it leaves it
    out."""
    copy_with(folder, "sk.yaml", "sk-2.yaml", "tanggal: 2024-02-10", "tanggal: 2024-03-10")
    assert [i.code for i in check_data([folder]).issues] == ["NOMOR-GANDA"]
    assert check_data([folder], rules=[REGISTRY["NOMOR-TAHUN"]]).issues == []


def test_two_standalone_sop_with_one_nomor(folder: Path) -> None:
    copy_with(folder, "sop.yaml", "sop-2.yaml", "nama: SOP Mandiri", "nama: SOP Kedua")
    (line,) = ganda(folder)
    # Same date: the file name decides which is the later one ('-' sorts before '.').
    assert line.startswith("sop.yaml:3: nomor '061.1/12/DC/2024' sudah dipakai oleh ")
    assert "sop-2.yaml:3;" in line


def test_switched_off_in_the_copy(folder: Path) -> None:
    copy_with(
        folder,
        "sk.yaml",
        "sk-salinan.yaml",
        "tanggal: 2024-02-10",
        "tanggal: 2024-03-10\n# sk-generator: abaikan NOMOR-GANDA (penetapan ulang)",
    )
    assert ganda(folder) == []
