"""Officials' periods in office: the signature prints the office held on the document's date."""

from __future__ import annotations

import shutil
from pathlib import Path

from sk_generator.load import load
from sk_generator.render.context import identitas_sop, ttd_keputusan
from tests.conftest import DATA

PERIODS = """\
    menjabat:
      - dari: 2019-01-02
        sampai: 2022-09-20
        jabatan: Sekretaris Dinas Tenaga Kerja dan Transmigrasi Kabupaten Sintang
      - dari: 2022-09-21
        sampai: 2022-10-15
        status: Plh.
      - dari: 2022-10-16
"""


def _sintang(tmp_path: Path, periods: str) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    pejabat = folder / "sintang" / "pejabat.yaml"
    pejabat.write_text(pejabat.read_text(encoding="utf-8") + periods, encoding="utf-8")
    return folder / "sintang" / "sk-sop-data-kinerja.yaml"


def test_signature_follows_the_period_covering_the_sk_date(tmp_path: Path) -> None:
    result = load([_sintang(tmp_path, PERIODS)])
    assert result.issues == []
    (document,) = result.documents
    # 21 September 2022 falls in the Plh. period (its first day).
    assert ttd_keputusan(document).jabatan == (
        "Plh. KEPALA DINAS TENAGA\nKERJA DAN TRANSMIGRASI\nKABUPATEN SINTANG,"
    )
    (entry,) = document.sops()
    assert identitas_sop(document, entry).disahkan[0] == (
        "Plh. Kepala Dinas Tenaga Kerja dan Transmigrasi Kabupaten Sintang"
    )
    # The day before, the same official was Sekretaris; the day after the period, definitif.
    assert document.pejabat("kadis-subendi", document.model.tanggal.replace(day=20)).jabatan == (
        "Sekretaris Dinas Tenaga Kerja dan Transmigrasi Kabupaten Sintang"
    )
    later = document.pejabat("kadis-subendi", document.model.tanggal.replace(month=10, day=16))
    assert (later.status, later.jabatan) == (
        "definitif",
        "Kepala Dinas Tenaga Kerja dan Transmigrasi Kabupaten Sintang",
    )


def test_period_ending_before_it_starts_is_located(tmp_path: Path) -> None:
    periods = "    menjabat:\n      - dari: 2022-09-21\n        sampai: 2022-09-20\n"
    result = load([_sintang(tmp_path, periods)])
    found = [(i.file, i.code, i.line, i.message) for i in result.issues if i.code == "SKEMA"]
    assert found == [
        (
            str(tmp_path / "data" / "sintang" / "pejabat.yaml"),
            "SKEMA",
            16,
            "`sampai` (2022-09-20) sebelum `dari` (2022-09-21); tukar kedua tanggal atau "
            "perbaiki salah satunya",
        )
    ]


PROMOTION = """\
    menjabat:
      - dari: 2019-01-02
        sampai: 2022-12-31
      - dari: 2023-01-02
        pangkat: Pembina Utama Muda
        golongan: IV/c
"""


def test_a_promotion_recorded_as_a_period_does_not_reprint_older_documents(
    tmp_path: Path,
) -> None:
    result = load([_sintang(tmp_path, PROMOTION)])
    assert result.issues == []
    (document,) = result.documents
    # The SK of 21 September 2022 keeps the pangkat its signer had then ...
    assert ttd_keputusan(document).pangkat == "Pembina Tingkat I (IV/b)"
    # ... and a document dated after the promotion prints the new one.
    later = document.pejabat("kadis-subendi", document.model.tanggal.replace(year=2023))
    assert (later.pangkat, later.golongan) == ("Pembina Utama Muda", "IV/c")
