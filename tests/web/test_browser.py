"""The editor in a real browser (Debian's chromium through Playwright), from nothing to print.

A staff member creates a Dinas, replaces its placeholder Kepala Dinas with a real pejabat,
creates an SK whose SOP lampiran has three steps, types a waktu the checks refuse and sees
the message beside the field, corrects it and sees the running total change, saves,
previews and prints. The data on disk then passes `sk-generator check` and the bundle's
text is what was typed. Screenshots of each stage go to the test's folder.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn
from PIL import Image
from pypdf import PdfReader

from sk_generator.web.app import Settings, create_app
from sk_generator.web.security import new_token
from sk_generator.web.server import bind
from tests.conftest import CliResult

CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.soffice,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists() and not os.environ.get("CI"),
        reason="Debian chromium is not installed (scripts/install.sh --test installs it)",
    ),
]


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    """A running editor over an empty data folder: (address, data folder, output folder)."""
    data, out = tmp_path / "data", tmp_path / "output"
    data.mkdir()
    sock = bind(0)
    port = sock.getsockname()[1]
    token = new_token()
    app = create_app(Settings(root=data, out_dir=out, token=token, port=port))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/{token}/", data, out
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


def _field(name: str) -> str:
    return f'[name="{name}"]'


def test_from_nothing_to_a_printed_sk(
    editor: tuple[str, Path, Path], tmp_path: Path, run_cli: Callable[..., CliResult]
) -> None:
    from playwright.sync_api import expect, sync_playwright

    address, data, out = editor
    shots = Path(os.environ.get("SK_GENERATOR_LAYAR") or tmp_path / "layar")
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1440, "height": 1000})
        page.set_default_timeout(120_000)
        # The machine may be busy (CI, other test suites): wait for the page, not a clock.
        expect.set_options(timeout=120_000)
        page.goto(address)
        expect(page.locator("h1")).to_have_text("Data Dinas")

        # A Dinas from nothing.
        form = page.locator("#dinas-baru")
        form.locator(_field("nama_berkas")).fill("dinkes")
        form.locator(_field("nama")).fill("Dinas Kesehatan")
        form.locator(_field("daerah")).fill("Kabupaten Sintang")
        form.locator(_field("kota")).fill("Sintang")
        form.get_by_role("button", name="Buat dinas").click()
        expect(page.locator("h1")).to_have_text("Data instansi")
        page.locator(_field("instansi/0/alamat")).fill("Jalan Dr. Wahidin Nomor 1 Sintang")
        # The Dinas's emblem is copied into its folder (as staff do), then named here.
        Image.new("RGB", (120, 140), (200, 40, 40)).save(data / "dinkes" / "logo-sintang.png")
        page.locator(_field("instansi/0/logo")).fill("logo-sintang.png")
        page.get_by_role("button", name="Simpan", exact=True).click()
        expect(page.locator("#pesan")).to_have_text("Tersimpan.")
        page.screenshot(path=shots / "1-instansi.png", full_page=True)

        # A pejabat: the placeholder Kepala Dinas is replaced by a real record.
        page.get_by_role("link", name="Beranda").click()
        page.get_by_role("link", name="Pejabat penanda tangan").click()
        page.locator('button[value="hapus:pejabat/kepala-dinas"]').click()
        page.get_by_role("button", name="+ Tambah pejabat").click()
        expect(page.locator("fieldset.record")).to_have_count(1)
        expect(page.locator(_field("pejabat/0/@id"))).to_have_value("baru")
        page.locator(_field("pejabat/0/@id")).fill("kadis-subendi")
        page.locator(_field("pejabat/0/nama")).fill("SUBENDI")
        page.locator(_field("pejabat/0/gelar_depan")).fill("Drs.")
        page.locator(_field("pejabat/0/jabatan")).fill("Kepala Dinas Kesehatan Kabupaten Sintang")
        page.locator(_field("pejabat/0/pangkat")).fill("Pembina Tingkat I")
        page.locator(_field("pejabat/0/golongan")).select_option("IV/b")
        page.locator(_field("pejabat/0/nip")).fill("19670621 199003 1 006")
        page.get_by_role("button", name="Simpan", exact=True).click()
        expect(page.locator("#pesan")).to_have_text("Tersimpan.")
        expect(page.locator("#status")).to_contain_text("Tidak ada kesalahan")
        page.screenshot(path=shots / "2-pejabat.png", full_page=True)

        # An SK with one SOP lampiran of three steps.
        page.get_by_role("link", name="Beranda").click()
        card = page.locator('section.dinas[data-folder="dinkes"]')
        card.locator("summary").click()
        card.locator(_field("nama_berkas")).fill("sk-sop-rujukan")
        card.locator(_field("judul")).fill("Standar Operasional Prosedur Pelayanan Rujukan Pasien")
        card.get_by_role("button", name="Buat").click()
        expect(page.locator("h1")).to_have_text("Keputusan (SK)")
        _fill_sk(page)
        page.screenshot(path=shots / "3-sk-terisi.png", full_page=True)

        # A waktu the checks refuse: the message appears beside the field...
        waktu = page.locator(_field("lampiran/0/langkah/1/waktu"))
        total = page.locator('output[data-jumlah="lampiran/0"]')
        expect(total).to_have_text("1 jam 30 menit")
        waktu.fill("2 hr")
        message = page.locator('ul[data-issues="lampiran/0/langkah/1/waktu"] li')
        expect(message).to_contain_text("waktu '2 hr' tidak dapat dibaca")
        expect(message).to_contain_text("WAKTU-FORMAT")
        waktu.scroll_into_view_if_needed()
        page.screenshot(path=shots / "4-waktu-salah.png")
        # ...and vanishes when corrected; the running total and Jumlah Waktu follow.
        waktu.fill("2 hari")
        expect(message).to_have_count(0)
        expect(total).to_have_text("2 hari 30 menit")
        running = page.locator('output[data-kumulatif="lampiran/0"][data-index="2"]')
        expect(running).to_have_text("2 hari 30 menit")
        expect(page.locator("#status")).to_contain_text("Tidak ada kesalahan")
        page.screenshot(path=shots / "5-waktu-benar.png")

        page.get_by_role("button", name="Simpan", exact=True).click()
        expect(page.locator("#pesan")).to_have_text("Tersimpan.")
        page.get_by_role("button", name="Pratinjau halaman").click()
        images = page.locator("#pratinjau img.page-img")
        expect(images.first).to_be_visible(timeout=120_000)
        expect(page.locator("#pratinjau h3.part")).to_have_text(
            ["Keputusan", "Lampiran: SOP Pelayanan Rujukan Pasien"]
        )
        assert images.count() >= 3
        page.screenshot(path=shots / "6-pratinjau.png")

        page.get_by_role("button", name="Cetak (DOCX + PDF)").click()
        expect(page.locator("h1")).to_have_text("Dokumen selesai dibuat", timeout=180_000)
        links = page.locator("table.downloads a")
        expect(page.locator("table.downloads td").first).to_have_text(
            "Semua bagian — berkas cetak gabungan (PDF)"
        )
        names = links.all_inner_texts()
        page.screenshot(path=shots / "7-cetak.png", full_page=True)
        with page.expect_download() as download:
            links.first.click()
        assert download.value.suggested_filename == names[0]
        browser.close()

    result = run_cli("check", str(data))
    assert result.code == 0, result.out
    assert "error[" not in result.out
    assert "TEKS-ISIAN" not in result.out
    assert any(n.endswith(".docx") for n in names)
    bundles = [p for p in out.rglob("*.pdf") if p.parent.name in p.stem or "_" in p.stem]
    bundle = max(out.rglob("*.pdf"), key=lambda p: len(PdfReader(p).pages))
    assert bundle in bundles
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(bundle).pages)
    for expected in (
        "KEPUTUSAN KEPALA DINAS KESEHATAN",
        "STANDAR OPERASIONAL PROSEDUR PELAYANAN RUJUKAN PASIEN",
        "Menerima surat rujukan dari pasien",
        "Petugas Pendaftaran",
        "2 hari 30 menit",
        "SUBENDI",
        "19670621 199003 1 006",
    ):
        assert expected in text, expected
    assert "[" not in text


def _fill_sk(page) -> None:  # type: ignore[no-untyped-def]
    """Replace every placeholder of the SK skeleton with real text."""
    values = {
        "nomor": "445/12/DINKES/2026",
        "menimbang/0": "bahwa untuk tertib pelayanan rujukan pasien perlu ditetapkan "
        "Standar Operasional Prosedur Pelayanan Rujukan Pasien;",
        "diktum/0/isi": "Menetapkan Standar Operasional Prosedur Pelayanan Rujukan Pasien "
        "sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari "
        "Keputusan ini.",
        "lampiran/0/nama": "Pelayanan Rujukan Pasien",
        "lampiran/0/kualifikasi_pelaksana/0": "Memahami alur rujukan",
        "lampiran/0/keterkaitan/0": "SOP Pendaftaran Pasien",
        "lampiran/0/peralatan_perlengkapan/0": "Komputer",
        "lampiran/0/peringatan/0": "Rujukan terlambat membahayakan pasien",
        "lampiran/0/pencatatan_pendataan/0": "Disimpan sebagai arsip elektronik",
        "lampiran/0/pelaksana/0": "Petugas Pendaftaran",
        "lampiran/0/pelaksana/1": "Dokter",
    }
    steps = [
        ("Menerima surat rujukan dari pasien", "Surat rujukan", "Data pasien"),
        ("Memeriksa kondisi pasien", "Rekam medis", "Hasil pemeriksaan"),
        ("Mencatat rujukan dalam register", "Register rujukan", "Register terisi"),
    ]
    for index, (kegiatan, kelengkapan, output) in enumerate(steps):
        values[f"lampiran/0/langkah/{index}/kegiatan"] = kegiatan
        values[f"lampiran/0/langkah/{index}/kelengkapan/0"] = kelengkapan
        values[f"lampiran/0/langkah/{index}/output"] = output
    for name, value in values.items():
        page.locator(_field(name)).fill(value)
    steps_column = page.locator(_field("lampiran/0/langkah/1/pelaksana"))
    assert steps_column.input_value() == "Dokter"
