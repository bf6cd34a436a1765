"""The registry itself: switching rules off per file, findings in another file, docs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sk_generator.checks import (
    REGISTRY,
    Rule,
    disabled_codes,
    registry,
    rule,
    run_checks,
)
from sk_generator.checks.docs import DEFAULT_PATH, _paragraph, render
from sk_generator.checks.menimbang import rujukan_huruf
from sk_generator.checks.teks import doubled_phrases
from sk_generator.cli.docs import main
from sk_generator.diagnostics import Severity
from sk_generator.load import Loader
from tests.checks.conftest import CheckRun
from tests.conftest import ROOT


def _wrong_year(data: dict[str, Any]) -> None:
    data["nomor"] = "700/12/DC.TU/2023"


def test_a_file_switches_a_rule_off(check: CheckRun) -> None:
    assert [i.code for i in check("sk", _wrong_year)] == ["NOMOR-TAHUN"]
    header = "# Nomor lama dipakai lagi (alasan).\n# sk-generator: abaikan NOMOR-TAHUN"
    assert check("sk", _wrong_year, header=header) == []


def test_rules_after_a_switched_off_rule_still_run(check: CheckRun) -> None:
    """HUKUM-KATALOG is registered first: switching it off skips only that rule."""
    assert list(REGISTRY).index("HUKUM-KATALOG") < list(REGISTRY).index("NOMOR-TAHUN")
    header = "# sk-generator: abaikan HUKUM-KATALOG"
    assert [i.code for i in check("sk", _wrong_year, header=header)] == ["NOMOR-TAHUN"]


def test_switch_off_comment_forms() -> None:
    text = "a: 1\n# sk-generator: abaikan nip-lahir, TEKS-SPASI  TEKS-GANDA\n"
    assert disabled_codes(text) == {"NIP-LAHIR", "TEKS-SPASI", "TEKS-GANDA"}


def _bad_nip(pejabat: dict[str, Any]) -> None:
    pejabat["kadis"]["nip"] = "19670621 199003 3 006"


def test_record_findings_are_located_in_the_record_file(check: CheckRun) -> None:
    (issue,) = check("sk", pejabat=_bad_nip)
    assert issue.code == "NIP-KELAMIN"
    assert issue.file.endswith("sk/pejabat.yaml")
    assert issue.line > 1  # the nip line of the record, not the SK's


def test_record_findings_follow_the_record_files_switch_off(
    check: CheckRun, tmp_path: Path
) -> None:
    check("sk", pejabat=_bad_nip)  # writes tmp_path/sk/
    pejabat = tmp_path / "sk" / "pejabat.yaml"
    pejabat.write_text(
        "# sk-generator: abaikan NIP-KELAMIN\n" + pejabat.read_text("utf-8"), "utf-8"
    )
    (document,) = Loader().load([tmp_path / "sk" / "sk.yaml"]).documents
    assert run_checks(document) == []


def test_docs_page_is_up_to_date() -> None:
    """docs/checks.md is generated: run `python -m sk_generator.cli.docs` after
    changing a rule (its title, severity, penjelasan or examples)."""
    assert DEFAULT_PATH == ROOT / "docs" / "checks.md"
    assert DEFAULT_PATH.read_text(encoding="utf-8") == render(), (
        "docs/checks.md is stale: run `python -m sk_generator.cli.docs`"
    )


def test_docs_page_explains_rules_in_indonesian() -> None:
    """Each rule section shows its penjelasan (for staff), never the English docstring."""
    page = " ".join(render().split())
    for current in REGISTRY.values():
        assert current.penjelasan in page, current.code
        assert " ".join(current.doc.split())[:60] not in page, current.code


def test_docs_command_writes_and_checks(tmp_path: Path) -> None:
    target = tmp_path / "checks.md"
    assert main([str(target), "--periksa"]) == 1
    assert main([str(target)]) == 0
    assert main([str(target), "--periksa"]) == 0
    text = target.read_text("utf-8")
    assert "# sk-generator: abaikan" in text
    assert "### HUKUM-KATALOG" in text


def test_closing_letters() -> None:
    assert rujukan_huruf(1) == "huruf a"
    assert rujukan_huruf(2) == "huruf a dan huruf b"
    assert rujukan_huruf(3) == "huruf a, huruf b, dan huruf c"


def test_doubled_phrases() -> None:
    text = "sebagaimana telah diubah sebagaimana telah diubah beberapa kali"
    assert doubled_phrases(text) == ["sebagaimana telah diubah"]
    assert doubled_phrases("DINAS DINAS TENAGA KERJA") == ["DINAS"]
    assert doubled_phrases("Lampung Barat Kabupaten Lampung Barat") == []
    assert doubled_phrases("masing-masing bidang; Nomor 7, Nomor 7") == []
    assert doubled_phrases("Kinerja. Kinerja") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word longer than the page width stays whole on its own line.
        ("kata " + "x" * 100, "kata\n" + "x" * 100),
        # A hyphenated word ("masing-masing") is never split at its hyphen.
        ("a" * 84 + " masing-masing pegawai", "a" * 84 + "\nmasing-masing pegawai"),
        # Wrapping would start the second line with "- " (a Markdown list): kept on one line.
        ("x" * 91 + " - lima", "x" * 91 + " - lima"),
        ("x" * 90 + " - lima", "x" * 90 + " -\nlima"),
    ],
)
def test_docs_paragraph_wrapping(text: str, expected: str) -> None:
    assert _paragraph(text) == expected


def _no_docstring(document: Any) -> Any:
    return iter(())


def test_rule_registers_what_the_docs_page_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    """The decorator files the rule under its code with the penjelasan on one line and
    the examples without their surrounding blank lines; a second rule with that code is
    refused (the registry is restored afterwards)."""
    monkeypatch.setattr(registry, "REGISTRY", REGISTRY.copy())

    register = rule(
        "X-COBA",
        Severity.WARNING,
        "Judul coba",
        scope="dokumen",
        penjelasan="  Satu kalimat\n  yang  terlipat. ",
        wrong="\na: 1\n",
        right="\na: 2\n",
    )
    assert register(_no_docstring) is _no_docstring
    assert registry.REGISTRY["X-COBA"] == Rule(
        code="X-COBA",
        severity=Severity.WARNING,
        title="Judul coba",
        scope="dokumen",
        func=_no_docstring,
        penjelasan="Satu kalimat yang terlipat.",
        wrong="a: 1",
        right="a: 2",
    )
    assert registry.REGISTRY["X-COBA"].doc == ""
    with pytest.raises(ValueError, match=r"^rule code X-COBA registered twice$"):
        register(_no_docstring)
    assert "X-COBA" not in REGISTRY
