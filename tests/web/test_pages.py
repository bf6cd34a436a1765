"""Pages, creation through the editor, the server's loopback binding, the warm converter."""

from __future__ import annotations

import html
import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from sk_generator.build import build
from sk_generator.errors import UserError
from sk_generator.pdf.warm import WarmConverter
from sk_generator.skeleton import DinasBaru, new_dinas
from sk_generator.web.server import bind, serve
from tests.conftest import DATA, CliResult
from tests.web.conftest import post_form, url


def test_home_lists_every_dinas_with_records_and_documents(client: TestClient) -> None:
    page = client.get(url("/")).text
    assert "DINAS TENAGA KERJA DAN TRANSMIGRASI Kabupaten Sintang" in page
    assert 'href="/kunci-uji-123/ubah?berkas=sintang/pejabat.yaml"' in page
    assert "Standar Operasional Prosedur Pengumpulan Data Kinerja" in page
    assert page.count('class="card dinas"') == len(list(DATA.glob("*/instansi.yaml")))


def test_the_form_carries_labels_and_help_from_the_model(client: TestClient) -> None:
    page = client.get(url("/ubah"), params={"berkas": "sintang/sk-sop-data-kinerja.yaml"}).text
    assert "Id pejabat penanda tangan (lihat pejabat.yaml)" in page
    assert "Uraian kegiatan, diawali kata kerja aktif, tanpa menyebut pelaksananya" in page
    assert '<option value="kadis-subendi" selected>SUBENDI — Kepala Dinas' in page
    assert "UU Nomor 23 Tahun 2014 tentang Pemerintahan Daerah" in page
    assert "Jumlah Waktu Penyelesaian" in page


def test_creating_through_the_editor_writes_the_baru_skeletons(
    client: TestClient, data: Path, tmp_path: Path
) -> None:
    fields = [
        ("jenis", "dinas"),
        ("nama_berkas", "dinsos"),
        ("nama", "Dinas Sosial"),
        ("daerah", "Kota Pontianak"),
        ("kota", "Pontianak"),
    ]
    answer = post_form(client, "/baru", fields, follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == url("/ubah?berkas=dinsos/instansi.yaml")
    cli_folder = data / "dinsos-cli"
    new_dinas(cli_folder, DinasBaru(nama="Dinas Sosial", daerah="Kota Pontianak", kota="Pontianak"))
    for name in ("instansi.yaml", "pejabat.yaml"):
        web_text = (data / "dinsos" / name).read_text(encoding="utf-8")
        cli_text = (cli_folder / name).read_text(encoding="utf-8")
        assert web_text.replace("dinsos:", "dinsos-cli:") == cli_text
    fields = [("jenis", "sk"), ("folder", "dinsos"), ("nama_berkas", "sk-baru"), ("judul", "")]
    answer = post_form(client, "/baru", fields, follow_redirects=False)
    assert answer.headers["location"] == url("/ubah?berkas=dinsos/sk-baru.yaml")
    assert (data / "dinsos" / "sk-baru.yaml").read_text(encoding="utf-8").count("kegiatan:") == 3


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ([("jenis", "dinas"), ("nama_berkas", "../luar")], "nama berkas/folder hanya boleh"),
        ([("jenis", "sk"), ("folder", "../"), ("nama_berkas", "sk")], ""),
        ([("jenis", "surat"), ("nama_berkas", "x")], "jenis 'surat' tidak dikenal"),
        ([("jenis", "dinas"), ("nama_berkas", "sintang")], "berkas sudah ada dan tidak ditimpa"),
    ],
)
def test_creation_refusals(client: TestClient, fields: list[tuple[str, str]], message: str) -> None:
    answer = post_form(client, "/baru", fields)
    assert answer.status_code in (400, 404)
    assert message in html.unescape(answer.text)


def test_an_unreadable_file_is_shown_with_the_check_message(client: TestClient, data: Path) -> None:
    path = data / "sintang" / "pejabat.yaml"
    path.write_text("pejabat:\n\tkadis: {}\n", encoding="utf-8")
    answer = client.get(url("/ubah"), params={"berkas": "sintang/pejabat.yaml"})
    assert answer.status_code == 422
    assert "TAB" in answer.text
    assert "Perbaiki dengan editor teks" in answer.text


def test_the_server_listens_on_loopback_only() -> None:
    sock = bind(0)
    try:
        assert sock.getsockname()[0] == "127.0.0.1"
        taken = sock.getsockname()[1]
        with pytest.raises(UserError, match=f"port {taken} sudah dipakai program lain"):
            bind(taken)
    finally:
        sock.close()


def test_serve_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"folder data '.*tidak-ada' tidak ditemukan"):
        serve(tmp_path / "tidak-ada", port=0, out_dir=tmp_path, ready=print, open_browser=False)


def test_web_command_usage_errors(run_cli: Callable[..., CliResult], tmp_path: Path) -> None:
    result = run_cli("web", str(tmp_path / "tidak-ada"), "--tanpa-browser", "--port", "0")
    assert result.code == 2
    assert "tidak ditemukan" in result.err
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    try:
        port = str(busy.getsockname()[1])
        result = run_cli("web", str(DATA), "--tanpa-browser", "--port", port)
        assert result.code == 2
        assert f"Galat: port {port} sudah dipakai program lain" in result.err
    finally:
        busy.close()


@pytest.mark.soffice
def test_the_warm_converter_stays_warm_and_leaves_nothing(tmp_path: Path) -> None:
    from sk_generator.checks import check
    from sk_generator.render import render_document

    document = check([DATA / "sintang"]).documents[0]
    part = render_document(document)[0]
    docx = tmp_path / "sk.docx"
    docx.write_bytes(part.docx)
    converter = WarmConverter()
    try:
        for name in ("a.pdf", "b.pdf"):
            converter.convert(docx, tmp_path / name)
            assert (tmp_path / name).read_bytes().startswith(b"%PDF")
        expected = 2 if converter.available() else 0
        assert converter.warm_conversions == expected
        process = converter._process
    finally:
        converter.close()
    if process is not None:
        assert process.poll() is not None
        with pytest.raises(ProcessLookupError):
            os.killpg(process.pid, 0)


def test_cetak_of_a_changed_signed_document_lists_the_changes(
    client: TestClient, data: Path, tmp_path: Path
) -> None:
    """The Cetak page shows what the build refused and why, with the changes (build.frozen)."""
    sk = data / "sintang" / "sk-sop-data-kinerja.yaml"
    sk.write_text(
        sk.read_text(encoding="utf-8").replace(
            "jenis: keputusan\n", "jenis: keputusan\nstatus: ditetapkan\n"
        ),
        encoding="utf-8",
    )
    build([sk], tmp_path / "output", formats=["docx"])  # signed and archived
    sk.write_text(
        sk.read_text(encoding="utf-8").replace("waktu: 30 Menit", "waktu: 45 Menit", 1),
        encoding="utf-8",
    )
    # The archive's copy of the data is not another Dinas on the home page.
    home = client.get(url("/")).text
    assert home.count('class="card dinas"') == len(list(DATA.glob("*/instansi.yaml")))
    assert "arsip/" not in home
    answer = post_form(client, "/cetak?berkas=sintang/sk-sop-data-kinerja.yaml", [])
    assert answer.status_code == 422
    text = html.unescape(answer.text)
    assert "error[DITETAPKAN] status: dokumen ini sudah ditetapkan" in text
    assert "1. Lampiran 1, langkah 2, Waktu: 30 Menit -> 45 Menit" in text
