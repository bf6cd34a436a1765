"""`check()`: the one orchestration behind `check`, `waktu`, `build` and every front end."""

from __future__ import annotations

import shutil
from pathlib import Path

from sk_generator.checks import REGISTRY, Report, check
from sk_generator.checks.waktu import WaktuReport, waktu_report, waktu_rules
from sk_generator.diagnostics import Issue, Severity
from tests.checks.conftest import CHECKS_DATA


def _data(tmp_path: Path) -> Path:
    """The correct rule-test data, with one SOP step's waktu misspelt and the kadis's NIP
    (used by both the SK and the SOP) with an impossible birth month."""
    folder = tmp_path / "data"
    shutil.copytree(CHECKS_DATA, folder)
    sop = folder / "sop.yaml"
    sop.write_text(sop.read_text("utf-8").replace("waktu: 1 jam", "waktu: 1 jm"), "utf-8")
    pejabat = folder / "pejabat.yaml"
    text = pejabat.read_text("utf-8")
    assert "nip: 19670621 199003 1 006" in text
    pejabat.write_text(text.replace("19670621 199003", "19671321 199003"), "utf-8")
    return folder


def test_every_rule_by_default_each_issue_once(tmp_path: Path) -> None:
    report = check([_data(tmp_path)])
    codes = [(i.file.rsplit("/", 1)[-1], i.code) for i in report.issues]
    # The NIP is wrong once, in pejabat.yaml, although two documents use the record.
    assert codes == [("pejabat.yaml", "NIP-LAHIR"), ("sop.yaml", "WAKTU-FORMAT")]
    assert report.summary().endswith(": 2 kesalahan, 0 peringatan")


def test_rules_narrow_what_runs(tmp_path: Path) -> None:
    folder = _data(tmp_path)
    only = check([folder], rules=[REGISTRY["WAKTU-FORMAT"]])
    assert [i.code for i in only.issues] == ["WAKTU-FORMAT"]
    assert check([folder], rules=[]).issues == []


def test_waktu_reports_what_check_reports_with_the_waktu_rules(tmp_path: Path) -> None:
    folder = _data(tmp_path)
    report = waktu_report([folder])
    assert report.issues == check([folder], rules=waktu_rules()).issues
    assert [i.code for i in report.issues] == ["WAKTU-FORMAT"]
    assert [item.entry.sop.nama for item in report.sops] == [
        "Pengumpulan Data Kinerja",
        "Pendataan Kegiatan",
    ]


def test_json_form(tmp_path: Path) -> None:
    report = check([_data(tmp_path)], rules=[REGISTRY["WAKTU-FORMAT"]])
    data = report.to_json()
    assert (data["kesalahan"], data["peringatan"]) == (1, 0)
    (issue,) = data["masalah"]
    assert issue["kode"] == "WAKTU-FORMAT"
    assert issue["bagian"] == "langkah[1].waktu"
    assert issue["baris"] == 20  # the `waktu:` line of the first step


def test_waktu_report_fails_on_a_warning_only_when_strict() -> None:
    warning = Issue("sop.yaml", 3, 1, Severity.WARNING, "WAKTU-SATUAN", ("langkah", 0), "x")
    report = WaktuReport(sops=[], issues=[warning])
    assert (report.failed(), report.failed(strict=True)) == (False, True)


def test_report_fails_on_a_warning_only_when_strict() -> None:
    warning = Issue("sk.yaml", 3, 1, Severity.WARNING, "NOMOR-DRAF", ("nomor",), "x")
    report = Report(documents=[], issues=[warning], files=1)
    assert (report.failed(), report.failed(strict=True)) == (False, True)


def test_follow_on_of_a_value_set_aside_is_dropped(tmp_path: Path) -> None:
    """A Menimbang item that is not text is reported once (SKEMA); the rules still run
    on the rest of the SK, but MENIMBANG-BENTUK's finding about the stand-in is dropped."""
    folder = tmp_path / "data"
    shutil.copytree(CHECKS_DATA, folder)
    sk = folder / "sk.yaml"
    text = sk.read_text("utf-8")
    first = (
        "  - >-\n    bahwa untuk tertib pelaksanaan kegiatan diperlukan Standar Operasional "
        "Prosedur\n    Pengumpulan Data Kinerja;\n"
    )
    assert first in text
    sk.write_text(text.replace(first, "  - {bahwa: 1}\n"), "utf-8")
    for rules in (None, [REGISTRY["MENIMBANG-BENTUK"]]):
        report = check([sk], rules=rules)
        assert [i.format() for i in report.issues] == [
            f"{sk}:8:5: error[SKEMA] menimbang[1]: harus berupa teks"
        ]
