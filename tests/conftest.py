"""Shared test helpers. Reference files are regenerated with `--update-testdata`."""

from __future__ import annotations

import hashlib
import importlib
import io
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from benchmarks.synth import write_dataset
from sk_generator.cli import main
from sk_generator.render import package

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TESTDATA = Path(__file__).resolve().parent / "data"


#: Every distinct DOCX rendered in this test process (SHA-1 -> bytes): tests/test_zz_ooxml.py
#: audits them all with openxml-audit. (Documents rendered in forked build workers are not
#: seen here; that test renders the seeds and fixtures itself as well.)
RENDERED_DOCX: dict[str, bytes] = {}


@pytest.fixture(autouse=True, scope="session")
def _collect_docx() -> Iterator[None]:
    """Keep a copy of every DOCX package the renderers write (:func:`package.docx_bytes`)."""
    original = package.docx_bytes

    def collecting(doc: Any) -> bytes:
        data = original(doc)
        RENDERED_DOCX.setdefault(hashlib.sha1(data).hexdigest(), data)
        return data

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(package, "docx_bytes", collecting)
        yield


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-testdata",
        action="store_true",
        help="rewrite reference files from the current output (review the diff!)",
    )
    parser.addoption(
        "--start-method",
        choices=["fork", "spawn", "forkserver"],
        default=None,
        help="multiprocessing start method of the build's render workers "
        "(spawn: as on Windows and macOS)",
    )


@pytest.fixture(autouse=True)
def _start_method(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --start-method, builds start their render workers that way by default."""
    method = request.config.getoption("--start-method")
    if method is not None:
        rendering = importlib.import_module("sk_generator.build.rendering")
        monkeypatch.setattr(rendering, "default_start_method", lambda: method)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked `soffice` need LibreOffice; they fail (not skip) in CI without it."""
    if shutil.which("soffice") or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="LibreOffice (soffice) is not installed")
    for item in items:
        if "soffice" in item.keywords:
            item.add_marker(skip)


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., CliResult]:
    """Run `sk-generator ARGS` in-process from the repository root; never raises."""
    monkeypatch.chdir(ROOT)

    def run(*args: str) -> CliResult:
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        else:  # pragma: no cover - main always exits
            code = 0
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def reference(request: pytest.FixtureRequest) -> Callable[[Path, str], None]:
    """Compare text with a reference file, or rewrite it under --update-testdata."""
    update = request.config.getoption("--update-testdata")

    def compare(path: Path, actual: str) -> None:
        if update or not path.exists():
            if not update:
                pytest.fail(f"reference {path} missing; run pytest --update-testdata and review")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
        assert actual == path.read_text(encoding="utf-8")

    return compare


# ---------------------------------------------------------------- build / pdf helpers
# (tests/test_pdf.py, test_bundle.py, test_build.py, test_cli_build.py)

F4_PT = (609.4, 935.4)


def make_docx(
    path: Path, *, landscape: bool = False, pages: int = 1, text: str = "Halaman"
) -> Path:
    """A DOCX on F4 paper (portrait or landscape) with `pages` pages of Arial text.

    `text` is written on every page; the fake soffice reacts to CRASH, CRASHONCE and HANG.
    """
    from docx import Document as DocxDocument
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    document = DocxDocument()
    section = document.sections[0]
    width, height = Mm(215), Mm(330)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    for number in range(1, pages + 1):
        run = document.add_paragraph().add_run(f"{text} {number}")
        run.font.name = "Arial"
        run.font.size = Pt(12)
        if number < pages:
            document.add_page_break()
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


@pytest.fixture
def docx_factory(tmp_path: Path) -> Callable[..., Path]:
    """`docx_factory("name", landscape=..., pages=..., text=...)` -> a DOCX in tmp_path."""

    def make(name: str, **options: object) -> Path:
        return make_docx(tmp_path / "docx" / f"{name}.docx", **options)  # type: ignore[arg-type]

    return make


_FAKE_SOFFICE = r'''#!{python}
"""A stand-in for soffice --convert-to pdf: blank F4 pages, page count and orientation
taken from the DOCX. Text markers: CRASH (write half a PDF, then die by SIGKILL),
CRASHONCE (the same, only the first time), HANG (sleep), NOPDF (exit 0, no PDF),
STOPONCE (exit 0 before this file, leaving the rest of the batch unconverted, the first
time only: LibreOffice stopping early in a long batch)."""
import hashlib, os, signal, sys, time, zipfile
from pathlib import Path
from pypdf import PdfWriter

state = Path({state!r})
args = sys.argv[1:]
outdir = Path(args[args.index("--outdir") + 1])
files = [a for a in args if a.endswith(".docx")]
with open(state / "calls.log", "a") as log:
    log.write(f"{{len(files)}} {{args[args.index('--convert-to') + 1]}}\n")
for name in files:
    xml = zipfile.ZipFile(name).read("word/document.xml").decode()
    target = outdir / (Path(name).stem + ".pdf")
    once = state / ("crashed-" + hashlib.sha256(xml.encode()).hexdigest())
    if "CRASH" in xml and ("CRASHONCE" not in xml or not once.exists()):
        once.touch()
        target.write_bytes(b"%PDF-1.6\n1 0 obj\n<< /Type /Catalog")
        os.kill(os.getpid(), signal.SIGKILL)
    stop = state / ("stopped-" + hashlib.sha256(xml.encode()).hexdigest())
    if "STOPONCE" in xml and not stop.exists():
        stop.touch()
        sys.exit(0)
    if "HANG" in xml:
        time.sleep(600)
    if "NOPDF" in xml:
        continue
    pages = xml.count('w:type="page"') + 1
    width, height = 609.4, 935.4
    if 'w:orient="landscape"' in xml:
        width, height = height, width
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width, height)
    with open(target, "wb") as handle:
        writer.write(handle)
'''


@dataclass
class FakeSoffice:
    path: Path
    state: Path

    def calls(self) -> list[int]:
        """Files given to each soffice invocation so far."""
        log = self.state / "calls.log"
        if not log.exists():
            return []
        return [int(line.split()[0]) for line in log.read_text().splitlines()]

    def filters(self) -> list[str]:
        log = self.state / "calls.log"
        return [line.split(" ", 1)[1] for line in log.read_text().splitlines()]


@pytest.fixture
def fake_soffice(tmp_path: Path) -> FakeSoffice:
    """An executable fake soffice (see _FAKE_SOFFICE) in its own folder."""
    import sys

    folder = tmp_path / "fake-soffice"
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(_FAKE_SOFFICE.format(python=sys.executable, state=str(folder)))
    script.chmod(0o755)
    return FakeSoffice(script, folder)


from sk_generator.render import RenderedPart  # noqa: E402

SK_PAGES = 2
SOP_PAGES = 3


def _docx(tmp: Path, name: str, *, landscape: bool, pages: int, text: str) -> bytes:
    # Unique per process: build() may render in forked workers at the same time.
    path = tmp / f"{name}-{os.getpid()}-{len(text)}-{abs(hash(text))}.docx"
    return make_docx(path, landscape=landscape, pages=pages, text=text).read_bytes()


@pytest.fixture
def fake_render(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Callable[[dict[str, str]], list[str]]:
    """Replace render_document: SK 2 portrait pages, each SOP 3 landscape pages.

    Returns a function to set a text per nomor (to make the fake soffice crash on it);
    the list it returns records the documents rendered.
    """
    texts: dict[str, str] = {}
    rendered: list[str] = []
    scratch = tmp_path / "render"

    def render(document: Any) -> list[RenderedPart]:
        nomor = document.model.nomor or ""
        rendered.append(nomor)
        text = texts.get(nomor, nomor)
        parts = []
        if document.is_keputusan:
            docx = _docx(scratch, "sk", landscape=False, pages=SK_PAGES, text=text)
            parts.append(
                RenderedPart("keputusan", "Keputusan", "keputusan", docx, None, False, "F4")
            )
        for entry in document.sops():
            docx = _docx(scratch, "sop", landscape=True, pages=SOP_PAGES, text=text)
            role = "lampiran" if document.is_keputusan else "sop"
            label = f"Lampiran: SOP {entry.sop.nama}" if document.is_keputusan else "SOP"
            suffix = f"lampiran-{entry.index + 1}" if document.is_keputusan else "sop"
            parts.append(RenderedPart(role, label, suffix, docx, SOP_PAGES, True, "F4"))  # type: ignore[arg-type]
        return parts

    # Forked render workers inherit the patch; spawned ones would import the real
    # renderer, so tests using this fake keep fork even under --start-method spawn.
    rendering = importlib.import_module("sk_generator.build.rendering")
    monkeypatch.setattr(rendering, "render_document", render)
    monkeypatch.setattr(rendering, "default_start_method", lambda: "fork")

    def configure(new_texts: dict[str, str]) -> list[str]:
        texts.update(new_texts)
        return rendered

    return configure


def docx_to_pdf(data: bytes, folder: Path, name: str = "dokumen") -> Path:
    """Convert DOCX bytes with the project's own LibreOffice pipeline (sk_generator.pdf):
    the same private profile, timeout and verification a build uses."""
    from sk_generator.pdf import ConversionJob, convert

    source = folder / f"{name}.docx"
    source.write_bytes(data)
    target = folder / f"{name}.pdf"
    convert([ConversionJob(source, target, name, None)], processes=1).raise_for_failures()
    return target


def files_and_times(out: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `out` (relative, "/"-separated): its bytes and modification time,
    to tell a file left alone from one written again with the same bytes."""
    return {
        path.relative_to(out).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """Three synthetic SKs (benchmarks/synth.py), each with one SOP lampiran."""
    folder = tmp_path / "data"
    write_dataset(folder, 3)
    return folder


def text_pdf(*texts: str) -> bytes:
    """A PDF with one page per text, written in Helvetica (a font the PDF does not embed)."""
    writer = PdfWriter()
    for text in texts:
        page = writer.add_blank_page(595, 842)
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        stream = DecodedStreamObject()
        stream.set_data(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode())
        page[NameObject("/Contents")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
