"""Every refusal of the editor's gate: token, Host, Origin, paths outside the folder."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.web.conftest import ORIGIN, TOKEN, url

SK = "sintang/sk-sop-data-kinerja.yaml"


def test_the_token_opens_the_editor(client: TestClient) -> None:
    answer = client.get(url("/"))
    assert answer.status_code == 200
    assert "Data Dinas" in answer.text
    assert answer.headers["referrer-policy"] == "same-origin"
    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/ubah?berkas=" + SK,
        "/statis/gaya.css",
        f"/{TOKEN}x/",
        f"/{TOKEN[:-1]}/",
        "/x/" + TOKEN,
    ],
)
def test_without_the_token_everything_is_refused(client: TestClient, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 403
    assert "tidak memuat kunci akses editor" in answer.text


@pytest.mark.parametrize(
    "host", ["evil.example:8765", "127.0.0.1:8766", "127.0.0.1.nip.io:8765", "localhost"]
)
def test_a_foreign_host_is_refused(client: TestClient, host: str) -> None:
    answer = client.get(url("/"), headers={"host": host})
    assert answer.status_code == 403
    assert "Alamat (Host) tidak dikenal" in answer.text


def test_localhost_with_the_port_is_accepted(client: TestClient) -> None:
    answer = client.get(url("/"), headers={"host": "localhost:8765"})
    assert answer.status_code == 200


@pytest.mark.parametrize("origin", ["http://evil.example", "http://127.0.0.1:9999", "null"])
def test_a_foreign_origin_is_refused(client: TestClient, origin: str) -> None:
    form = {"_aksi": "periksa"}
    answer = client.post(url("/ubah?berkas=" + SK), data=form, headers={"origin": origin})
    assert answer.status_code == 403
    assert "Permintaan dari situs lain ditolak." in answer.text
    assert client.get(url("/"), headers={"origin": origin}).status_code == 403


def test_a_change_without_origin_is_refused(client: TestClient) -> None:
    client.headers.pop("origin")
    answer = client.post(url("/periksa?berkas=" + SK), data={})
    assert answer.status_code == 403
    assert "tanpa asal (Origin)" in answer.text
    answer = client.post(url("/periksa?berkas=" + SK), data={}, headers={"origin": ORIGIN})
    assert answer.status_code == 200


def test_a_cross_site_fetch_is_refused(client: TestClient) -> None:
    headers = {"sec-fetch-site": "cross-site"}
    answer = client.post(url("/periksa?berkas=" + SK), data={}, headers=headers)
    assert answer.status_code == 403


@pytest.mark.parametrize(
    "berkas",
    [
        "../pyproject.toml",
        "/etc/passwd",
        "sintang/../../data/regulasi.yaml",
        "sintang/../../../etc/hosts.yaml",
        "../data/regulasi.yaml",
        ".git/config.yaml",
        "sintang/tidak-ada.yaml",
        "sintang",
        "",
        "sintang/instansi.yml.png",
    ],
)
def test_paths_outside_the_folder_are_refused(client: TestClient, berkas: str) -> None:
    answer = client.get(url("/ubah"), params={"berkas": berkas})
    assert answer.status_code == 404
    assert "Berkas itu tidak ada di folder data editor ini." in answer.text


def test_a_symlink_leading_out_is_refused(client: TestClient, data, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "rahasia.yaml"
    outside.write_text("jenis: sop\n", encoding="utf-8")
    (data / "tautan.yaml").symlink_to(outside)
    answer = client.get(url("/ubah"), params={"berkas": "tautan.yaml"})
    assert answer.status_code == 404


def test_downloads_and_images_stay_in_their_folders(client: TestClient) -> None:
    assert client.get(url("/unduh"), params={"berkas": "../data/regulasi.yaml"}).status_code == 404
    assert client.get(url("/unduh"), params={"berkas": "/etc/passwd"}).status_code == 404
    assert client.get(url("/halaman/000001/..%2F..%2Fetc%2Fpasswd")).status_code == 404
    assert client.get(url("/halaman/x/p1-1.jpg")).status_code == 404
    assert client.get(url("/halaman/000001/p1-1.jpg")).status_code == 404


def test_no_template_or_file_editing_route(client: TestClient) -> None:
    answer = client.get(url("/statis/../app.py"))
    assert answer.status_code == 404
    answer = client.get(url("/ubah"), params={"berkas": "../templates/sk/keputusan.docx"})
    assert answer.status_code == 404
