"""Conversion on unoserver instances (`--konverter unoserver --server HOST:PORT`).

The first tests talk to stand-in XML-RPC servers in this process (fast: unoserver's API,
blank pages counted from the DOCX). The last one starts two real unoserver instances on
loopback ports, builds the seeds through them, and kills one in the middle of a build.
"""

from __future__ import annotations

import io
import os
import threading
import xmlrpc.client
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from xmlrpc.server import SimpleXMLRPCServer

import pytest
from pypdf import PdfReader, PdfWriter

from sk_generator.build import Progress, build
from sk_generator.checks import check
from sk_generator.errors import EnvironmentProblem
from sk_generator.pdf import ConversionJob, check_servers, convert, parse_server
from sk_generator.render import render_document
from tests import unoservers
from tests.conftest import DATA


class StandIn:
    """unoserver's XML-RPC API (v3) without LibreOffice: blank pages, as many as the
    DOCX has page breaks + 1. `mode`: "ok", "fault" (every conversion fails), "pages"
    (one page too many)."""

    def __init__(self, mode: str = "ok") -> None:
        self.mode = mode
        self.converted: list[int] = []
        self.server = SimpleXMLRPCServer(("127.0.0.1", 0), allow_none=True, logRequests=False)
        self.server.register_function(lambda: {"api": "3", "unoserver": "stand-in"}, "info")
        self.server.register_function(self.convert, "convert")
        self.address = f"127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def convert(self, inpath, indata, outpath, convert_to, *rest):  # type: ignore[no-untyped-def]
        assert inpath is None and outpath is None and convert_to == "pdf"
        assert rest[:2] == ("writer_pdf_Export", ["UseLosslessCompression=true"])
        if self.mode == "fault":
            raise RuntimeError("Could not load document <remote file>")
        xml = zipfile.ZipFile(io.BytesIO(indata.data)).read("word/document.xml").decode()
        pages = xml.count('w:type="page"') + 1 + (1 if self.mode == "pages" else 0)
        writer = PdfWriter()
        for _ in range(pages):
            writer.add_blank_page(609.4, 935.4)
        buffer = io.BytesIO()
        writer.write(buffer)
        self.converted.append(pages)
        return xmlrpc.client.Binary(buffer.getvalue())

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stand_ins() -> Iterator[Callable[..., StandIn]]:
    started: list[StandIn] = []

    def start(mode: str = "ok") -> StandIn:
        started.append(StandIn(mode))
        return started[-1]

    yield start
    for server in started:
        server.close()


def _jobs(docx_factory: Callable[..., Path], out: Path, count: int) -> list[ConversionJob]:
    return [
        ConversionJob(
            docx_factory(f"doc{i}", pages=1 + i % 3), out / f"doc{i}.pdf", f"dokumen-{i}", 1 + i % 3
        )
        for i in range(count)
    ]


def _closed_port() -> str:
    server = SimpleXMLRPCServer(("127.0.0.1", 0))
    address = f"127.0.0.1:{server.server_address[1]}"
    server.server_close()
    return address


def test_documents_are_spread_over_the_servers_and_verified(
    stand_ins: Callable[..., StandIn], docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    one, two = stand_ins(), stand_ins()
    jobs = _jobs(docx_factory, tmp_path / "out", 8)
    result = convert(jobs, servers=[one.address, two.address])
    assert result.ok
    assert one.converted and two.converted
    assert len(one.converted) + len(two.converted) == 8
    for job in jobs:
        assert len(PdfReader(job.target).pages) == job.expected_pages
        assert result.pages[job.target] == job.expected_pages


def test_a_failed_document_is_tried_again_on_another_server(
    stand_ins: Callable[..., StandIn], docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    broken, good = stand_ins("fault"), stand_ins()
    jobs = _jobs(docx_factory, tmp_path / "out", 4)
    result = convert(jobs, servers=[broken.address, good.address])
    assert result.ok
    assert len(good.converted) == 4
    assert all(job.target.exists() for job in jobs)


def test_a_document_failing_everywhere_is_reported_and_not_written(
    stand_ins: Callable[..., StandIn], docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    broken = stand_ins("fault")
    jobs = _jobs(docx_factory, tmp_path / "out", 1)
    result = convert(jobs, servers=[broken.address])
    assert [str(failure) for failure in result.failures] == [
        f"dokumen-0: unoserver {broken.address}: LibreOffice gagal mengubah berkas "
        "(<class 'RuntimeError'>:Could not load document <remote file>)"
    ]
    assert not jobs[0].target.exists()


def test_a_server_that_is_gone_is_left_out(
    stand_ins: Callable[..., StandIn], docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    good = stand_ins()
    jobs = _jobs(docx_factory, tmp_path / "out", 5)
    result = convert(jobs, servers=[_closed_port(), good.address])
    assert result.ok
    assert len(good.converted) == 5


def test_when_every_server_is_gone_the_documents_fail_by_name(
    docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    gone = _closed_port()
    jobs = _jobs(docx_factory, tmp_path / "out", 2)
    result = convert(jobs, servers=[gone])
    reasons = [str(failure) for failure in result.failures]
    assert reasons[0] == (
        f"dokumen-0: unoserver {gone}: koneksi ditolak (unoserver tidak berjalan?)"
    )
    assert reasons[1] == (
        f"dokumen-1: tidak ada server unoserver yang masih dapat dihubungi ({gone})"
    )


def test_a_wrong_page_count_is_not_retried(
    stand_ins: Callable[..., StandIn], docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    one, two = stand_ins("pages"), stand_ins("pages")
    jobs = _jobs(docx_factory, tmp_path / "out", 1)
    result = convert(jobs, servers=[one.address, two.address])
    assert len(one.converted) + len(two.converted) == 1
    assert result.failures[0].reason.endswith(
        "PDF berisi 2 halaman, tata letak memperkirakan 1; periksa isi yang melebar atau terpotong"
    )
    assert not jobs[0].target.exists()


def test_no_server_answering_stops_the_build_before_rendering(tmp_path: Path) -> None:
    gone = _closed_port()
    with pytest.raises(EnvironmentProblem) as caught:
        check_servers([gone, "127.0.0.1:9"], timeout=2)
    assert str(caught.value).splitlines()[:3] == [
        "tidak ada server unoserver yang dapat dipakai:",
        f"  - {gone}: koneksi ditolak (unoserver tidak berjalan?)",
        "  - 127.0.0.1:9: koneksi ditolak (unoserver tidak berjalan?)",
    ]
    assert caught.value.exit_code == 3


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("127.0.0.1:2003", "127.0.0.1:2003"),
        ("[::1]:2003", "[::1]:2003"),
        ("srv:65535", "srv:65535"),
    ],
)
def test_server_addresses(text: str, normal: str) -> None:
    assert parse_server(text) == normal


@pytest.mark.parametrize("text", ["127.0.0.1", ":2003", "srv:0", "srv:65536", "srv:port"])
def test_bad_server_addresses_name_the_form(text: str) -> None:
    with pytest.raises(Exception, match=f"alamat server '{text}' tidak dikenali: tulis HOST:PORT"):
        parse_server(text)


def test_cli_usage_errors(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = str(tmp_path / "out")
    alone = run_cli("build", str(DATA), "-o", out, "--konverter", "unoserver")
    assert alone.code == 2
    assert alone.err.strip() == (
        "Galat: --konverter unoserver memerlukan paling sedikit satu --server HOST:PORT, "
        "misalnya --server 127.0.0.1:2003"
    )
    stray = run_cli("build", str(DATA), "-o", out, "--server", "127.0.0.1:2003")
    assert stray.code == 2
    assert "--server hanya dipakai bersama --konverter unoserver" in stray.err
    assert not (tmp_path / "out").exists()


def _pids_of_group(pgid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                pids.append(int(entry))
    return pids


@pytest.mark.soffice
@pytest.mark.skipif(not unoservers.available(), reason="unoserver needs soffice and python3-uno")
def test_seeds_build_through_two_unoservers_and_survive_losing_one(tmp_path: Path) -> None:
    with unoservers.running(2) as (first, second):
        addresses = [first.address, second.address]
        result = build([DATA], tmp_path / "out", servers=addresses)
        predicted = _predicted_pages()
        assert len(result.documents) == len(predicted) == 4
        for document in result.documents:
            for suffix, pages in predicted[document.source].items():
                assert len(PdfReader(document.folder / f"{suffix}.pdf").pages) == pages
        bundle_text = {d.nomor: _text(d.bundle) for d in result.documents}
        assert all(nomor in text for nomor, text in bundle_text.items())
        assert all("JUMLAH WAKTU PENYELESAIAN" in text.upper() for text in bundle_text.values())
        assert "KEPUTUSAN KEPALA DINAS" in bundle_text["700/109/DISNAKERTRANS.TU.1/2022"]
        assert all(_opened(server) for server in (first, second))  # both did work

        def kill_first(event: Progress) -> None:
            if event.stage == "convert" and first.process.poll() is None:
                first.kill()

        again = build([DATA], tmp_path / "again", servers=addresses, progress=kill_first)
        assert first.process.poll() is not None
        assert not _pids_of_group(first.process.pid)
        assert [d.pages for d in again.documents] == [d.pages for d in result.documents]
        assert {d.nomor: _text(d.bundle) for d in again.documents} == bundle_text
    for server in (first, second):
        assert not _pids_of_group(server.process.pid)
        assert not server.folder.exists()


def _predicted_pages() -> dict[str, dict[str, int]]:
    """Each seed's parts (by suffix) with the page count its layout predicts."""
    return {
        document.source.name: {
            part.suffix: part.expected_pages
            for part in render_document(document)
            if part.expected_pages is not None
        }
        for document in check([DATA]).documents
    }


def _text(bundle: Path | None) -> str:
    assert bundle is not None
    return " ".join(" ".join(page.extract_text() for page in PdfReader(bundle).pages).split())


def _opened(server: unoservers.LocalUnoserver) -> int:
    return (server.folder / "log").read_text(errors="replace").count(" for input")
