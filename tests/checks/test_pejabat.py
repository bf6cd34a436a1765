"""The NIP rules on every official a document uses, and on a PPPK number at the turn of a
year (the rules compare with today, fixed here)."""

from __future__ import annotations

import datetime as dt
import types

import pytest

from sk_generator.checks import pejabat as pejabat_rules
from sk_generator.diagnostics import format_path
from tests.checks.conftest import CheckRun
from tests.checks.test_rules import Data, lampiran, sets


def found(issues: list) -> list[tuple[str, str]]:
    return [(format_path(i.path), i.message) for i in issues]


def approved_by_plh(check: CheckRun, code: str, kadis: Data, plh: Data) -> list[tuple[str, str]]:
    """The SK checked by `code` alone, its lampiran approved by a second official, 'plh':
    `kadis` updates the signer's record, `plh` adds to the second one."""

    def records(pejabat: Data) -> None:
        pejabat["kadis"].update(kadis)
        pejabat["plh"] = {"nama": "RINA", "jabatan": "Sekretaris Dinas Contoh", **plh}

    def own_approver(data: Data) -> None:
        lampiran(data)["disahkan_oleh"] = "plh"

    return found(check("sk", own_approver, pejabat=records, code=code))


def test_signer_and_a_lampiran_approver_are_both_checked(check: CheckRun) -> None:
    """The SK's signer is checked although its lampiran is approved by someone else, and
    a wrong month in the first NIP does not stop the check of the second."""
    issues = approved_by_plh(
        check,
        "NIP-PENGANGKATAN",
        {"nip": "19670621 199013 1 006"},
        {"nip": "19850312 209901 2 004"},
    )
    assert issues == [
        (
            "pejabat.kadis.nip",
            "NIP 19670621 199013 1 006: bulan pengangkatan '13' tidak ada (harus 01-12; NIP "
            "PPPK memakai kode 21); periksa angka ke-9 sampai ke-14 NIP",
        ),
        (
            "pejabat.plh.nip",
            "NIP 19850312 209901 2 004: tahun/bulan pengangkatan 209901 belum terjadi; periksa "
            "angka ke-9 sampai ke-14 NIP",
        ),
    ]


class _January(dt.date):
    @classmethod
    def today(cls) -> _January:
        return cls(2025, 1, 15)


@pytest.mark.parametrize(
    ("nip", "expected"),
    [
        # a PPPK number carries no month: appointed this year is accepted, even in January
        ("19900101 2025 21 1 001", []),
        (
            "19900101 2026 21 1 001",
            [
                "NIP 19900101 202621 1 001: tahun/bulan pengangkatan 202621 belum terjadi; "
                "periksa angka ke-9 sampai ke-14 NIP"
            ],
        ),
    ],
)
def test_pppk_appointed_this_year_in_january(
    check: CheckRun, monkeypatch: pytest.MonkeyPatch, nip: str, expected: list[str]
) -> None:
    monkeypatch.setattr(pejabat_rules, "dt", types.SimpleNamespace(date=_January))
    issues = check("sk", pejabat=sets("kadis", "nip", value=nip), code="NIP-PENGANGKATAN")
    assert [i.message for i in issues] == expected
