"""The SOP renderer: reviewed text dumps of the seeds, the 45-step stress fixture, exact
row heights that hold their text, and (with LibreOffice) the predicted page count.

Reference dumps live in tests/render/reference/sop-*.txt; regenerate them with
`pytest tests/render --update-testdata` and review every diff before committing.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from sk_generator.load import Document, SopEntry, load
from sk_generator.render.flowchart import symbol_crossings
from sk_generator.render.measure import WIDTH_SAFETY, Face
from sk_generator.render.sop import SopBuilder, flow_graph, render_sop
from sk_generator.render.sop.cells import HANG, PAD_X, PAD_Y, text_height
from sk_generator.render.sop.columns import name_usable
from sk_generator.render.sop.identity import MAX_EMPTY, title_lines
from sk_generator.render.sop.sheet import PAGE_SAFETY, TINY
from tests.conftest import docx_to_pdf

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = Path(__file__).resolve().parent / "reference"
BESAR = ROOT / "tests" / "data" / "sop" / "besar" / "sop-besar.yaml"
SEEDS = {
    "sintang": ROOT / "data" / "sintang" / "sk-sop-data-kinerja.yaml",
    "kapuas-hulu": ROOT / "data" / "kapuas-hulu" / "sop-pengumpulan-data-kinerja.yaml",
    "lampung-barat": ROOT / "data" / "lampung-barat" / "sk-sop-data-kinerja.yaml",
    "disnakertrans": ROOT / "data" / "disnakertrans" / "sop-pendataan-kegiatan.yaml",
}


def load_one(path: Path) -> Document:
    result = load([path])
    assert len(result.documents) == 1, result.issues
    return result.documents[0]


def first_sop(path: Path) -> tuple[Document, SopEntry]:
    document = load_one(path)
    return document, document.sops()[0]


def dump(data: bytes) -> str:
    """Paragraphs (`P text`) and table rows (`T | cell | cell`) in document order.

    A cell's paragraphs are joined by " ¶ "; a picture shows as [gambar]; a merged cell
    is shown once; the flowchart cells are left out (they hold pictures only), so a
    connector row reads "T |"; a written page break reads "--- halaman baru ---".
    """
    doc: DocxDocument = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            text = Paragraph(child, doc).text
            if child.xpath("./w:pPr/w:pageBreakBefore"):
                lines.append("--- halaman baru ---")
            if text.strip():
                lines.append(f"P {text}")
        elif child.tag == qn("w:tbl"):
            seen: list[object] = []  # the elements themselves: ids of dead proxies repeat
            for row in Table(child, doc).rows:
                cells = []
                for cell in row.cells:
                    if any(cell._tc is tc for tc in seen):
                        continue  # a merged cell repeats in python-docx's row.cells
                    seen.append(cell._tc)
                    parts = []
                    for p in cell.paragraphs:
                        text = p.text.replace("\t", "⇥")
                        if p._p.xpath(".//w:drawing"):
                            text = ("[gambar] " + text).strip()
                        parts.append(text)
                    cells.append(" ¶ ".join(parts).strip())
                lines.append("T | " + " | ".join(c for c in cells if c and c != "[gambar]"))
    return "\n".join(lines) + "\n"


def procedure_tables(doc: DocxDocument) -> list[Table]:
    """The procedure's tables, one per page, in page order (each opens with the header
    rows No. | Kegiatan | Pelaksana ...)."""
    return [t for t in doc.tables if [c.text for c in t.rows[0].cells[:2]] == ["No.", "Kegiatan"]]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_dump(name: str, reference: Callable[[Path, str], None]) -> None:
    document, entry = first_sop(SEEDS[name])
    data, pages = render_sop(document, entry)
    assert pages is not None and pages >= 2
    reference(REFERENCE / f"sop-{name}.txt", dump(data))


def test_lampiran_has_heading_and_closing() -> None:
    document, entry = first_sop(SEEDS["lampung-barat"])
    text = dump(render_sop(document, entry)[0])
    assert text.startswith("T | LAMPIRAN | : | KEPUTUSAN KEPALA DINAS")
    assert "P Plh. KEPALA DINAS" in text
    assert text.rstrip().endswith("NIP. 19660320 199503 1 002")


def test_standalone_has_no_heading() -> None:
    document, entry = first_sop(SEEDS["disnakertrans"])
    text = dump(render_sop(document, entry)[0])
    assert "LAMPIRAN" not in text
    assert text.startswith("T | ")


def build_first(path: Path) -> tuple[SopBuilder, bytes, int]:
    """The builder of the file's first SOP after building, its DOCX and page count."""
    document, entry = first_sop(path)
    builder = SopBuilder(document, entry)
    data, pages = builder.build()
    return builder, data, pages


@pytest.fixture(scope="module")
def besar() -> tuple[SopBuilder, bytes, int]:
    return build_first(BESAR)


def test_besar_fixture_is_what_the_issue_asks() -> None:
    _document, entry = first_sop(BESAR)
    sop = entry.sop
    assert len(sop.pelaksana) == 8 and len(sop.langkah) == 45
    backs = sorted(
        i + 1 - langkah.keputusan.tidak
        for i, langkah in enumerate(sop.langkah)
        if langkah.keputusan is not None
    )
    assert backs == [3, 10]
    assert max(len(langkah.kegiatan) for langkah in sop.langkah) == 600


def test_besar_layout(besar: tuple[SopBuilder, bytes, int]) -> None:
    builder, _data, pages = besar
    flow = builder.plan.flow
    assert len(flow.pages) >= 4
    assert pages == len(flow.pages) + 1  # identity page first
    for p, page in enumerate(flow.pages):
        assert symbol_crossings(page) == []
        connectors = {s.text for s in page.symbols if s.kind == "connector"}
        if p + 1 < len(flow.pages):
            following = {s.text for s in flow.pages[p + 1].symbols if s.kind == "connector"}
            assert connectors & following, f"no connector pair between pages {p + 1}, {p + 2}"


def test_row_heights_hold_their_text(besar: tuple[SopBuilder, bytes, int]) -> None:
    """Every exact row height is at least the measured height of each text cell in it."""
    builder, data, _pages = besar
    doc = docx.Document(io.BytesIO(data))
    tables = procedure_tables(doc)
    assert len(tables) == len(builder.plan.flow.pages)
    widths = [int(c.get(qn("w:w"))) for c in tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))]
    face = builder.plan.cols.face
    checked = 0
    for row in [row for table in tables for row in table.rows[2:]]:
        height = int(row._tr.trPr.find(qn("w:trHeight")).get(qn("w:val")))
        assert row._tr.trPr.find(qn("w:trHeight")).get(qn("w:hRule")) == "exact"
        previous = None
        for index, cell in enumerate(row.cells):
            if cell._tc is previous:
                continue
            previous = cell._tc
            if cell.paragraphs[0]._p.xpath(".//w:drawing") or not cell.text.strip():
                continue
            span = cell._tc.tcPr.find(qn("w:gridSpan"))
            count = 1 if span is None else int(span.get(qn("w:val")))
            width = sum(widths[index : index + count])
            paragraphs = []
            for p in cell.paragraphs:
                number, _, text = p.text.rpartition("\t")
                paragraphs.append((number, text))
            bold = any(r.bold for p in cell.paragraphs for r in p.runs)
            need = text_height(paragraphs, face.with_(bold=bold), width)
            assert height >= need, (cell.text[:40], height, need)
            checked += 1
    assert checked > 100
    assert PAD_Y > 0


def test_a4_is_narrower(monkeypatch: pytest.MonkeyPatch) -> None:
    document, entry = first_sop(SEEDS["disnakertrans"])
    monkeypatch.setattr(document.instansi, "kertas", "A4")
    doc = docx.Document(io.BytesIO(render_sop(document, entry)[0]))
    section = doc.sections[-1]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)


def test_font_from_instansi(monkeypatch: pytest.MonkeyPatch) -> None:
    document, entry = first_sop(SEEDS["disnakertrans"])
    monkeypatch.setattr(document.instansi.huruf, "ukuran", 11)
    doc = docx.Document(io.BytesIO(render_sop(document, entry)[0]))
    assert doc.styles["Normal"].font.size.pt == 11
    assert Face("Arial", 11).line_twips == 264


def _pdf_pages(data: bytes, tmp_path: Path) -> int:
    return len(PdfReader(docx_to_pdf(data, tmp_path, "sop")).pages)


@pytest.mark.soffice
def test_besar_page_count_matches_pdf(besar: tuple[SopBuilder, bytes, int], tmp_path: Path) -> None:
    _builder, data, pages = besar
    assert _pdf_pages(data, tmp_path) == pages


@pytest.mark.soffice
@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_page_count_matches_pdf(name: str, tmp_path: Path) -> None:
    document, entry = first_sop(SEEDS[name])
    data, pages = render_sop(document, entry)
    assert _pdf_pages(data, tmp_path) == pages


def _twips(element: object, tag: str) -> int:
    return int(element.find(qn(tag)).get(qn("w:val")))  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", [*SEEDS.values(), BESAR], ids=[*SEEDS, "besar"])
def test_no_word_wider_than_its_column(path: Path) -> None:
    """Every word of the procedure table (headers, step rows, Jumlah row) fits its
    column at its own type, so no column breaks a word: the seeds and the fixture all
    leave the page room for that."""
    document, entry = first_sop(path)
    doc = docx.Document(io.BytesIO(render_sop(document, entry)[0]))
    tables = procedure_tables(doc)
    assert len(tables) >= 2
    widths = [int(c.get(qn("w:w"))) for c in tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))]
    family = document.instansi.huruf.nama
    checked = 0
    for row in [row for table in tables for row in table.rows]:
        seen: list[object] = []
        for index, cell in enumerate(row.cells):
            if any(cell._tc is tc for tc in seen):
                continue
            seen.append(cell._tc)
            span = cell._tc.tcPr.find(qn("w:gridSpan"))
            count = 1 if span is None else int(span.get(qn("w:val")))
            width = sum(widths[index : index + count]) / 20
            for p in cell.paragraphs:
                if not p.runs:
                    continue
                r = p.runs[0]
                face = Face(family, r.font.size.pt, bool(r.bold))
                number, tab, text = p.text.rpartition("\t")
                hang = HANG / 20 if tab else 0.0
                for word in text.split():
                    need = face.width(word) + hang + 2 * PAD_X / 20 + WIDTH_SAFETY
                    assert need <= width, (word, need, width)
                    checked += 1
                del number
    assert checked > 50


def test_keterangan_narrow_when_empty() -> None:
    """No step of the Sintang SOP has a Keterangan: the column only holds "Ket.", and
    Kegiatan is the widest text column."""
    document, entry = first_sop(SEEDS["sintang"])
    builder = SopBuilder(document, entry)
    builder.build()
    cols = builder.plan.cols
    assert builder.plan.ket_label == "Ket."
    bold = cols.face.with_(bold=True)
    assert cols.keterangan / 20 < bold.width("Ket.") + 2 * PAD_X / 20 + 4
    assert cols.kegiatan == max(cols.text_widths)


@pytest.mark.parametrize(
    ("name", "identity_pages", "shared"), [("sintang", 2, False), ("lampung-barat", 3, True)]
)
def test_identity_rows_whole_and_page_one_full(
    name: str, identity_pages: int, shared: bool
) -> None:
    """The Dasar Hukum row that does not fit under the identity table moves whole to page
    2 (its split would not save a page), leaving page 1 at most 40% empty; the procedure
    starts on the identity's last page where Lampung Barat's Peringatan leaves room."""
    document, entry = first_sop(SEEDS[name])
    builder = SopBuilder(document, entry)
    _data, pages = builder.build()
    doc = builder.doc
    heading, identity = doc.tables[0], doc.tables[1]
    used = sum(_twips(r._tr.trPr, "w:trHeight") for r in heading.rows)
    used += builder.base.line_twips  # the blank line under the heading
    # The title block (seed 000): its lines in bold and a blank line.
    title = title_lines(builder.sheet)
    used += len(title) * builder.base.with_(bold=True).line_twips
    used += builder.base.line_twips if title else 0
    rows = identity.rows
    texts = [r.cells[0].text for r in rows]
    first = next(k for k, t in enumerate(texts) if t.startswith("Dasar Hukum:"))
    used += sum(_twips(r._tr.trPr, "w:trHeight") for r in rows[:first])
    full = builder.page.height - PAGE_SAFETY - TINY
    assert full * (1 - MAX_EMPTY) <= used < full
    assert texts[first + 1].startswith("Keterkaitan:")
    assert builder.plan.shared is shared
    assert pages == identity_pages + len(builder.plan.flow.pages) - shared


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_terminators_read_mulai_and_selesai(seed: str) -> None:
    """The first and last symbols are capsules with their words; no other symbol has text."""
    _document, entry = first_sop(SEEDS[seed])
    steps, _edges = flow_graph(entry.sop)
    assert [(s.kind, s.text) for s in (steps[0], steps[-1])] == [
        ("terminator", "Mulai"),
        ("terminator", "Selesai"),
    ]
    assert all(s.text == "" for s in steps[1:-1])


def test_terminator_words_from_the_data() -> None:
    _document, entry = first_sop(SEEDS["sintang"])
    sop = entry.sop.model_copy(update={"teks_mulai": "Start", "teks_selesai": "Selesai."})
    steps, _edges = flow_graph(sop)
    assert (steps[0].text, steps[-1].text) == ("Start", "Selesai.")


def test_besar_header_words_whole_or_hyphenated(
    besar: tuple[SopBuilder, bytes, int],
) -> None:
    """Every Pelaksana header word fits its column at the names' type; a word that does
    not fit even at 7 pt is hyphenated where Indonesian hyphenation allows
    ("Pertang- gungjawaban"), never broken anywhere."""
    builder, data, _pages = besar
    plan = builder.plan
    assert plan is not None
    usable = name_usable(plan.cols.pelaksana)
    for name, printed in zip(builder.sop.pelaksana, plan.names, strict=True):
        assert printed.replace("- ", "") == name
        assert all(plan.name_face.width(word) <= usable for word in printed.split()), printed
    assert "Pertang- gungjawaban" in plan.names[4]
    assert plan.names[5] == "Kasubbag Umum dan Kepegawaian"
    doc = docx.Document(io.BytesIO(data))
    tables = procedure_tables(doc)
    assert len(tables) == len(plan.flow.pages)
    for table in tables:  # the header rows open every page's table
        header = table.rows[1].cells
        assert [c.text for c in header[2 : 2 + 8]] == plan.names


@pytest.mark.parametrize(
    ("seed", "judul", "expected"),
    [
        (
            "sintang",
            None,
            [
                "PROSEDUR BAKU PELAKSANAAN KEGIATAN",
                "STANDAR OPERASIONAL PROSEDUR (SOP)",
                "PENGUMPULAN DATA KINERJA",
            ],
        ),
        ("sintang", [], []),
        (
            "sintang",
            ["Standar Operasional Prosedur"],
            ["STANDAR OPERASIONAL PROSEDUR", "PENGUMPULAN DATA KINERJA"],
        ),
        ("kapuas-hulu", None, []),
    ],
)
def test_title_block_from_instansi_or_sop(
    seed: str, judul: list[str] | None, expected: list[str]
) -> None:
    """Seed 000's instansi prints the title block above every SOP's identity table; an
    SOP may set its own lines or none; other instansi print none."""
    document, entry = first_sop(SEEDS[seed])
    if judul is not None:
        sop = entry.sop.model_copy(update={"judul": judul})
        entry = dataclasses.replace(entry, sop=sop)
    builder = SopBuilder(document, entry)
    data, _pages = builder.build()
    assert title_lines(builder.sheet) == expected
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text]
    assert paragraphs[: len(expected)] == expected
