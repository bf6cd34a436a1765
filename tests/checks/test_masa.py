"""PEJABAT-MASA beyond the SK's own signer: a lampiran that names its own approver or date.

A lampiran that names neither follows the SK and is not checked a second time (the SK's
issue covers it: tests/checks/test_rules.py); one that names either is checked with the
SK's value for the other.
"""

from __future__ import annotations

import copy
import datetime as dt

from sk_generator.diagnostics import format_path
from tests.checks.conftest import CheckRun
from tests.checks.test_rules import MASA_FIX, Data, lampiran, sets


def plh(pejabat: Data) -> None:
    """A second official, in office only from 1 March 2024 (after the SK's 10 February)."""
    pejabat["plh"] = {
        "nama": "RINA",
        "jabatan": "Sekretaris Dinas Contoh",
        "menjabat": [{"dari": dt.date(2024, 3, 1)}],
    }


def found(issues: list) -> list[tuple[str, str]]:
    return [(format_path(i.path), i.message) for i in issues]


def test_second_lampiran_with_its_own_approver(check: CheckRun) -> None:
    """Lampiran 1 follows the SK; lampiran 2 is approved by the Plh., not yet in office
    on the SK's date: reported at lampiran 2, named by its number."""

    def second(data: Data) -> None:
        other = copy.deepcopy(lampiran(data))
        other["nama"] = "Pengumpulan Data Keuangan"
        other["disahkan_oleh"] = "plh"
        data["lampiran"].append(other)

    issues = check("sk", second, pejabat=plh, code="PEJABAT-MASA")
    assert found(issues) == [
        (
            "lampiran[2].tanggal_efektif",
            "SOP lampiran 2 bertanggal 10 Februari 2024, tetapi penandatangannya 'plh' (RINA) "
            "menjabat sejak 1 Maret 2024 (pejabat.yaml baris 12); " + MASA_FIX,
        )
    ]


def test_lampiran_with_its_own_date_only(check: CheckRun) -> None:
    """A lampiran dated before its signer (the SK's) took office, while the SK itself is
    dated within the office: reported at the lampiran, with the lampiran's date."""
    in_office_from_february = sets("kadis", "menjabat", value=[{"dari": dt.date(2024, 2, 1)}])
    issues = check(
        "sk",
        sets("lampiran", 0, "tanggal_efektif", value=dt.date(2024, 1, 6)),
        pejabat=in_office_from_february,
        code="PEJABAT-MASA",
    )
    assert found(issues) == [
        (
            "lampiran[1].tanggal_efektif",
            "SOP lampiran 1 bertanggal 6 Januari 2024, tetapi penandatangannya 'kadis' (Drs. "
            "SUBENDI) menjabat sejak 1 Februari 2024 (pejabat.yaml baris 7); " + MASA_FIX,
        )
    ]
