"""The loader: located, Indonesian messages for every kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from sk_generator.checks import check as check_data
from sk_generator.load import load
from sk_generator.model import Keputusan, Pejabat, Sop
from sk_generator.yaml_source import YamlProblem, load_source
from tests.conftest import ROOT, TESTDATA

MODEL = TESTDATA / "model"


def lines_for(*paths: Path) -> str:
    report = check_data(list(paths))
    rel = [
        i.relocated(str(Path(i.file).resolve().relative_to(ROOT)), i.line, i.col)
        for i in report.issues
    ]
    return "".join(i.format() + "\n" for i in rel)


def test_bad_documents_reference(reference) -> None:
    reference(MODEL / "bad.expected", lines_for(MODEL / "bad"))


def test_bad_records_reference(reference) -> None:
    reference(MODEL / "records-bad.expected", lines_for(MODEL / "records-bad"))


def test_valid_documents_load_without_issues() -> None:
    result = load([MODEL / "ok"])
    assert [i.format() for i in result.issues] == []
    kinds = sorted(type(d.model).__name__ for d in result.documents)
    assert kinds == ["Keputusan", "Sop"]


def test_misspelled_key_names_closest_key() -> None:
    lines = lines_for(MODEL / "bad" / "typo-key.yaml")
    assert (
        "tests/data/model/bad/typo-key.yaml:6:1: error[SKEMA] menimbng: kunci 'menimbng' "
        "tidak dikenal; mungkin maksudnya 'menimbang'?"
    ) in lines


def test_unknown_pejabat_reported_at_referencing_line() -> None:
    lines = lines_for(MODEL / "bad" / "unknown-pejabat.yaml")
    assert (
        "tests/data/model/bad/unknown-pejabat.yaml:12:16: error[REF] penandatangan: pejabat "
        "'kadis-subendy' tidak ditemukan di pejabat.yaml; yang tersedia: kabid, kadis, "
        "sekretaris"
    ) in lines


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a: 1\na: 2\n", "kunci 'a' ditulis dua kali; hapus salah satunya", 2),
        (
            "a:\n\tb: 1\n",
            "karakter TAB tidak boleh dipakai untuk indentasi YAML; ganti dengan spasi",
            2,
        ),
        (
            "a: 1\n  b: 2\n",
            "indentasi atau tanda ':' salah; periksa bahwa kunci sejajar dan "
            "teks yang memuat ': ' diberi tanda kutip",
            2,
        ),
        ("a: [1, 2\nb: 3\n", None, 2),
    ],
)
def test_broken_yaml_is_located(tmp_path: Path, text: str, message: str | None, line: int) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(YamlProblem) as info:
        load_source(path)
    assert info.value.issue.line == line
    if message:
        assert info.value.issue.message == message


def test_yaml_12_keeps_strings(tmp_path: Path) -> None:
    """YAML 1.1 turns `no` into False and 8:30 into 510; our files keep the text."""
    path = tmp_path / "x.yaml"
    path.write_text("a: no\nb: 8:30\nc: 0700\nd: 2024-13-01\n", encoding="utf-8")
    assert load_source(path).data == {"a": "no", "b": "8:30", "c": 700, "d": "2024-13-01"}


def test_shared_records_resolve() -> None:
    result = load([MODEL / "ok" / "sk.yaml"])
    (doc,) = result.documents
    assert isinstance(doc.model, Keputusan)
    assert doc.instansi.nama == "DINAS CONTOH"
    assert doc.pejabat(doc.model.penandatangan).nama == "SUBENDI"
    assert doc.peraturan("uu-23-2014").diubah_dengan == ["uu-2-2015", "uu-9-2015"]
    (entry,) = doc.sops()
    # A lampiran SOP inherits its identity from the SK: typed once, never disagreeing.
    assert (entry.sop.nomor, entry.sop.disahkan_oleh, entry.prefix) == (
        "700/1/DC/2024",
        "kadis",
        ("lampiran", 0),
    )
    assert entry.sop.tanggal_efektif == doc.model.tanggal


def test_standalone_sop_dates_and_revisions() -> None:
    result = load([MODEL / "ok" / "sop.yaml"])
    (doc,) = result.documents
    assert isinstance(doc.model, Sop)
    assert [d.isoformat() for d in doc.model.tanggal_revisi] == ["2024-01-04"]


@pytest.mark.parametrize(
    "printed",
    [
        "19670621 199003 1 006",
        "19670621.199003.1.006",
        "196706211990031006",
        196706211990031006,
        " 19670621-199003-1-006 ",
    ],
)
def test_nip_accepted_in_printed_forms(printed: object) -> None:
    pejabat = Pejabat.model_validate({"nama": "A", "jabatan": "B", "nip": printed})
    assert pejabat.nip == "196706211990031006"


@pytest.mark.parametrize("printed", ["19670621 199003 1 06", "1967062119900310061", "NIP123"])
def test_nip_rejected_with_message(printed: str) -> None:
    with pytest.raises(ValueError, match=r"harus 18 angka"):
        Pejabat.model_validate({"nama": "A", "jabatan": "B", "nip": printed})


def test_missing_path_is_usage_error(run_cli) -> None:
    result = run_cli("check", "tidak-ada.yaml")
    assert result.code == 2
    assert result.err == "Galat: berkas atau folder 'tidak-ada.yaml' tidak ditemukan\n"


def test_unknown_instansi_of_a_lampiran_is_reported_at_its_line(tmp_path: Path) -> None:
    import shutil

    for name in ("regulasi.yaml", "instansi.yaml", "pejabat.yaml"):
        shutil.copy(MODEL / name, tmp_path / name)
    text = (MODEL / "ok" / "sk.yaml").read_text(encoding="utf-8")
    anchor = "  - nama: Contoh\n"
    assert anchor in text
    (tmp_path / "sk.yaml").write_text(
        text.replace(anchor, anchor + "    instansi: dinas-contho\n"), encoding="utf-8"
    )
    result = load([tmp_path / "sk.yaml"])
    assert result.documents == []
    (issue,) = result.issues
    assert (issue.line, issue.code) == (25, "REF")
    assert issue.format().endswith(
        "lampiran[1].instansi: instansi 'dinas-contho' tidak ditemukan di instansi.yaml; "
        "mungkin maksudnya 'dinas-contoh'?"
    )
