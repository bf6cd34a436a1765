"""Saving through the editor: untouched files stay byte for byte, one edit is one line."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from tests.conftest import DATA
from tests.web.conftest import post_form, url
from tests.web.formparse import form_fields, replace

SK = "sintang/sk-sop-data-kinerja.yaml"
SEEDS = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.yaml"))


def _changed(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def _save(client: TestClient, berkas: str, fields: list[tuple[str, str]]) -> None:
    answer = post_form(
        client, f"/ubah?berkas={berkas}", [*fields, ("_aksi", "simpan")], follow_redirects=False
    )
    assert answer.status_code == 303, answer.text[:2000]


@pytest.mark.parametrize("berkas", SEEDS)
def test_saving_an_untouched_form_changes_nothing(
    client: TestClient, data: Path, berkas: str
) -> None:
    before = (data / berkas).read_text(encoding="utf-8")
    page = client.get(url("/ubah"), params={"berkas": berkas})
    assert page.status_code == 200
    _save(client, berkas, form_fields(page.text))
    assert (data / berkas).read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    ("berkas", "name", "value", "line"),
    [
        (SK, "lampiran/0/langkah/2/waktu", "2 jam", "+        waktu: 2 jam"),
        (SK, "nomor", "700/110/DISNAKERTRANS.TU.1/2022", "+nomor: 700/110/DISNAKERTRANS.TU.1/2022"),
        (SK, "tanggal", "2022-09-22", "+tanggal: 2022-09-22"),
        (
            "sintang/pejabat.yaml",
            "pejabat/0/pangkat",
            "Pembina Utama Muda",
            "+    pangkat: Pembina Utama Muda",
        ),
        (
            "regulasi.yaml",
            "regulasi/3/tentang",
            "Pemerintahan Daerah (uji)",
            "+    tentang: Pemerintahan Daerah (uji)",
        ),
    ],
)
def test_one_field_edit_changes_exactly_one_line(
    client: TestClient, data: Path, berkas: str, name: str, value: str, line: str
) -> None:
    before = (data / berkas).read_text(encoding="utf-8")
    page = client.get(url("/ubah"), params={"berkas": berkas})
    _save(client, berkas, replace(form_fields(page.text), name, value))
    changed = _changed(before, (data / berkas).read_text(encoding="utf-8"))
    assert len(changed) == 2, changed
    assert changed[1] == line


def test_a_file_changed_on_disk_is_not_overwritten(client: TestClient, data: Path) -> None:
    page = client.get(url("/ubah"), params={"berkas": SK})
    fields = replace(form_fields(page.text), "lampiran/0/langkah/2/waktu", "2 jam")
    path = data / SK
    outside = path.read_text(encoding="utf-8").replace("waktu: 15 Menit", "waktu: 20 Menit", 1)
    path.write_text(outside, encoding="utf-8")
    answer = post_form(client, f"/ubah?berkas={SK}", [*fields, ("_aksi", "simpan")])
    assert answer.status_code == 409
    assert "Berkas ini telah diubah di luar editor sejak Anda membukanya" in answer.text
    assert "Muat ulang berkas dari disk" in answer.text
    assert 'value="2 jam"' in answer.text  # the user's draft is still in the form
    assert path.read_text(encoding="utf-8") == outside


def test_list_actions_redraw_the_draft_without_saving(client: TestClient, data: Path) -> None:
    before = (data / SK).read_text(encoding="utf-8")
    page = client.get(url("/ubah"), params={"berkas": SK})
    fields = form_fields(page.text)
    answer = post_form(
        client, f"/ubah?berkas={SK}", [*fields, ("_aksi", "turun:lampiran/0/langkah/0")]
    )
    assert answer.status_code == 200
    moved = dict(form_fields(answer.text))
    assert moved["lampiran/0/langkah/1/kegiatan"].startswith("Mengumpulkan data laporan kinerja")
    assert moved["lampiran/0/langkah/0/kegiatan"] == "Merekap laporan kinerja triwulan"
    added = post_form(
        client, f"/ubah?berkas={SK}", [*fields, ("_aksi", "tambah:lampiran/0/pelaksana")]
    )
    assert dict(form_fields(added.text))["lampiran/0/pelaksana/3"] == ""
    assert (data / SK).read_text(encoding="utf-8") == before
