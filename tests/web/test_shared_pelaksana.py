"""A step shared by several pelaksana in the editor: its columns are all chosen in a
multiple picker, an untouched save keeps the file byte for byte (its `lanjut: 6`, one
number where a list may be written, too), and choosing one column fewer writes exactly
that (issue 17 item 2)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from sk_generator.web.app import Settings, create_app
from tests.conftest import TESTDATA
from tests.web.conftest import ORIGIN, PORT, TOKEN, post_form, url
from tests.web.formparse import form_fields

BERKAS = "sop-tanggap-darurat.yaml"
NAME = "langkah/9/pelaksana"
SHARED = ["Dinas Sosial", "Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(TESTDATA / "bencana", tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def client(folder: Path, tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(root=folder, out_dir=tmp_path / "out", token=TOKEN, port=PORT))
    with TestClient(app, base_url=ORIGIN, headers={"origin": ORIGIN}) as test_client:
        yield test_client


def _save(client: TestClient, fields: list[tuple[str, str]]) -> None:
    answer = post_form(
        client, f"/ubah?berkas={BERKAS}", [*fields, ("_aksi", "simpan")], follow_redirects=False
    )
    assert answer.status_code == 303, answer.text[:2000]


def test_the_shared_columns_are_all_chosen(client: TestClient) -> None:
    fields = form_fields(client.get(url("/ubah"), params={"berkas": BERKAS}).text)
    assert [value for name, value in fields if name == NAME] == SHARED
    assert [value for name, value in fields if name == "langkah/8/pelaksana"] == [
        "Dinas Perhubungan"
    ]


def test_an_untouched_save_keeps_the_file(client: TestClient, folder: Path) -> None:
    before = (folder / BERKAS).read_text(encoding="utf-8")
    _save(client, form_fields(client.get(url("/ubah"), params={"berkas": BERKAS}).text))
    assert (folder / BERKAS).read_text(encoding="utf-8") == before


def test_one_column_fewer_is_written_as_chosen(client: TestClient, folder: Path) -> None:
    fields = form_fields(client.get(url("/ubah"), params={"berkas": BERKAS}).text)
    fields = [(n, v) for n, v in fields if (n, v) != (NAME, SHARED[2])]
    _save(client, fields)
    text = (folder / BERKAS).read_text(encoding="utf-8")
    assert "    pelaksana: [Dinas Sosial, Dinas Kesehatan]\n" in text
