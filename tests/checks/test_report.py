"""`check()`: the one orchestration behind `check`, `waktu`, `build` and every front end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from benchmarks.synth import write_dataset
from sk_generator.checks import REGISTRY, Known, Report, check
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


def test_what_each_document_found_survives_its_json_form(tmp_path: Path) -> None:
    """`Report.known` is kept in a build's manifest as JSON and read back: every issue
    and every shared-rule value comes back equal, a switched-off rule included."""
    folder = _data(tmp_path)
    sk = folder / "sk.yaml"
    sk.write_text("# sk-generator: abaikan NOMOR-GANDA\n" + sk.read_text("utf-8"), "utf-8")
    known = check([folder]).known
    assert sorted(path.name for path in known) == ["sk.yaml", "sop.yaml"]
    for found in known.values():
        assert Known.from_json(json.loads(json.dumps(found.to_json()))) == found
    (seen,) = known[sk.resolve()].seen["NOMOR-GANDA"]
    assert (seen.line, seen.path, seen.off) == (5, ("nomor",), True)
    sop = Known.from_json(json.loads(json.dumps(known[(folder / "sop.yaml").resolve()].to_json())))
    assert [(i.code, i.path) for i in sop.issues] == [
        ("NIP-LAHIR", ("pejabat", "kadis", "nip")),
        ("WAKTU-FORMAT", ("langkah", 0, "waktu")),
    ]


def test_documents_known_from_an_earlier_check_are_not_loaded_again(tmp_path: Path) -> None:
    """With every complete document known, it is not loaded and the same issues come back;
    with only the SK known, its copy (one nomor) is still compared with it; a selection
    of rules records no shared values."""
    folder = _data(tmp_path)
    sk = folder / "sk.yaml"
    first = check([folder])
    assert [i.code for i in first.issues] == ["NIP-LAHIR", "WAKTU-FORMAT"]
    assert sorted(path.name for path in first.known) == ["sk.yaml", "sop.yaml"]
    again = check([folder], known=first.known)
    assert [d.source.path.name for d in again.documents] == []
    assert again.issues == first.issues
    assert list(again.known) == []

    copy = folder / "sk-2.yaml"
    copy.write_text(sk.read_text("utf-8").replace("2024-02-10", "2024-03-10"), "utf-8")
    report = check([folder], known={sk.resolve(): first.known[sk.resolve()]})
    assert [d.source.path.name for d in report.documents] == ["sk-2.yaml", "sop.yaml"]
    assert [i.code for i in report.issues] == ["NIP-LAHIR", "NOMOR-GANDA", "WAKTU-FORMAT"]
    (ganda,) = [i for i in report.issues if i.code == "NOMOR-GANDA"]
    assert ganda.format().replace(f"{folder}/", "") == (
        "sk-2.yaml:4:8: error[NOMOR-GANDA] nomor: nomor '700/12/DC.TU/2024' sudah dipakai oleh "
        "sk.yaml:4; beri nomor urut baru (setiap naskah dinas bernomor sendiri)"
    )
    selected = check([folder], rules=[REGISTRY["WAKTU-FORMAT"]])
    assert [known.seen for known in selected.known.values()] == [{}, {}, {}]
    everything = check([folder]).known
    assert [sorted(known.seen) for known in everything.values()] == [["NOMOR-GANDA"]] * 3


def test_a_document_with_a_loader_warning_is_complete_and_known_with_it(tmp_path: Path) -> None:
    """A number typed without quotes is used as written, with a warning from the loader:
    the document is whole (built), and what a later check reuses carries that warning."""
    files = write_dataset(tmp_path / "data", 2)
    text = files[0].read_text(encoding="utf-8")
    typed = text.replace(
        "kelengkapan: [Permohonan, Format isian]", "kelengkapan: [Permohonan, 0812]", 1
    )
    files[0].write_text(typed, encoding="utf-8")
    report = check([tmp_path / "data"])
    assert [d.source.path.name for d in report.documents] == ["sk-0001.yaml", "sk-0002.yaml"]
    warning = (
        "warning[SKEMA] lampiran[1].langkah[1].kelengkapan[2]: 0812 tanpa tanda kutip dibaca "
        'sebagai angka 812; dipakai seperti tertulis, tetapi beri tanda kutip agar pasti: "0812"'
    )
    known = report.known[files[0].resolve()]
    assert [i.format().split(": ", 1)[1] for i in known.issues] == [warning]
    assert known.issues[0].line == 28
    assert report.known[files[1].resolve()].issues == []
