"""The command line: exit codes, Indonesian usage errors, no tracebacks."""

from __future__ import annotations

import json

from sk_generator.schema_gen import SCHEMA_DIR, SCHEMAS, schema_text
from tests.conftest import TESTDATA


def test_check_clean_exit_0(run_cli) -> None:
    result = run_cli("check", str(TESTDATA / "model" / "ok"))
    assert (result.code, result.out) == (0, "")
    assert result.err == (
        "2 berkas diperiksa (ditambah 3 berkas rujukan di folder atasnya): "
        "0 kesalahan, 0 peringatan\n"
    )


def test_check_data_problem_exit_1(run_cli) -> None:
    result = run_cli("check", "tests/data/model/bad/unknown-pejabat.yaml")
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    assert result.out.splitlines()[0].startswith(
        "tests/data/model/bad/unknown-pejabat.yaml:10:5: error[REF] mengingat[2]: "
    )


def test_unknown_option_is_usage_error_in_indonesian(run_cli) -> None:
    result = run_cli("check", "--strik", "data")
    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        "Galat: opsi --strik tidak dikenal; mungkin maksudnya --strict?"
    )


def test_no_arguments_is_usage_error(run_cli) -> None:
    result = run_cli("check")
    assert result.code == 2
    assert result.err.splitlines()[-1] == "Galat: argumen BERKAS_ATAU_FOLDER... belum diberikan"


def test_help_is_indonesian(run_cli) -> None:
    result = run_cli("--help")
    assert result.code == 0
    assert result.out.startswith("Pemakaian: sk-generator [OPSI] PERINTAH [ARGUMEN]...")
    assert "Perintah:" in result.out and "Opsi:" in result.out


def test_every_command_has_indonesian_help(run_cli) -> None:
    from sk_generator.cli import cli

    for name, command in cli.commands.items():
        result = run_cli(name, "--help")
        assert result.code == 0, name
        assert command.help, f"command {name} lacks help"
        assert "Pemakaian:" in result.out, name
        assert "Show this message" not in result.out, name


def test_schema_prints_json(run_cli) -> None:
    result = run_cli("schema", "sop")
    assert result.code == 0
    assert json.loads(result.out)["title"] == "Standar Operasional Prosedur (SOP AP) mandiri"


def test_committed_schemas_are_current() -> None:
    """Run `sk-generator schema --tulis sk_generator/schema` after changing the model."""
    for kind in SCHEMAS:
        committed = (SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert committed == schema_text(kind), f"{kind}.schema.json is stale"


def test_check_json_lists_every_issue_with_its_place(run_cli) -> None:
    result = run_cli("check", "tests/data/model/bad/unknown-pejabat.yaml", "--format", "json")
    assert result.code == 1
    assert result.err == ""
    report = json.loads(result.out)
    assert (report["kesalahan"], report["peringatan"]) == (2, 0)
    assert report["masalah"][1] == {
        "berkas": "tests/data/model/bad/unknown-pejabat.yaml",
        "baris": 12,
        "kolom": 16,
        "jenis": "error",
        "kode": "REF",
        "bagian": "penandatangan",
        "pesan": "pejabat 'kadis-subendy' tidak ditemukan di pejabat.yaml; yang tersedia: "
        "kabid, kadis, sekretaris",
    }


def test_check_json_clean_data_exit_0(run_cli) -> None:
    result = run_cli("check", str(TESTDATA / "model" / "ok"), "--format", "json")
    assert result.code == 0
    assert json.loads(result.out) == {
        "berkas_diperiksa": 2,
        "berkas_rujukan_lain": 3,
        "kesalahan": 0,
        "peringatan": 0,
        "masalah": [],
    }
