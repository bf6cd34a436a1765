"""Render an SOP AP (PermenPANRB 35/2012) as a landscape DOCX, flowchart included.

Built with python-docx rather than a docxtpl template: the procedure table has one
column per Pelaksana (1 to 8 or more), and every row's height is computed here from the
text with the real font's metrics (:mod:`measure`) and written as an *exact* height.
Exact heights are what let the flowchart be drawn as per-cell pictures that meet at the
cell edges (:mod:`flowchart`, :mod:`flowdraw`), and what make the page breaks known in
advance: the off-page connectors sit at the breaks, and the page count is predicted.

Layout:

- page 1 (section 1): for a lampiran, the Lampiran heading at the top right; then the
  identity table: instansi block with logo | Nomor SOP ... Nama SOP, and the two-column
  grid Dasar Hukum | Kualifikasi Pelaksana, Keterkaitan | Peralatan/Perlengkapan,
  Peringatan | Pencatatan dan Pendataan;
- from page 2 (section 2, new page): "SOP : NAMA", then the procedure table: No |
  Kegiatan | Pelaksana... | Mutu Baku (Kelengkapan, Waktu, Output) | Keterangan, header
  rows repeated on every page; each page but the last ends with a connector row that
  fills the page (so the next row cannot fit and the break falls where it was
  computed), and each page but the first starts with one; the last row is "Jumlah Waktu
  Penyelesaian"; a lampiran closes with the signer's jabatan and name at the bottom right.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image as DocxImage
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Length, Mm, Pt, Twips
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from sk_generator.load import Document, SopEntry
from sk_generator.model import Sop
from sk_generator.render import context, flowdraw, kop
from sk_generator.render.flowchart import (
    LABEL_SIZE,
    FlowEdge,
    FlowLayout,
    FlowStep,
    Geometry,
    LayoutError,
    PageSpace,
    SymbolKind,
    bottom_row_min,
    edges_of,
    layout,
    min_row_height,
)
from sk_generator.render.measure import Face, font_file, wrap

#: Cell padding of text cells (twips): 1.5 mm at the sides, 1 mm above and below.
PAD_X = 85
PAD_Y = 57
#: Room kept free at the bottom of every page against rounding in the word processors.
PAGE_SAFETY = 100
#: Pelaksana column width bounds (points).
PELAKSANA_MIN = Mm(18).pt
PELAKSANA_MAX = Mm(28).pt
LOGO_HEIGHT = Mm(20)
#: Tiny paragraphs (section break, end of document): 1 pt font, 1 pt exact line.
TINY = 20


def render_sop(document: Document, entry: SopEntry) -> tuple[bytes, int | None]:
    """The SOP of `entry` as DOCX bytes, and the number of pages its layout predicts."""
    builder = _SopBuilder(document, entry)
    return builder.build()


# --- page geometry ------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """Text block of the landscape page, in twips."""

    width: int
    height: int

    @classmethod
    def of(cls, paper: str) -> Page:
        width, height = kop.PAPER[paper]
        body_w = kop.text_width(paper, landscape=True)
        body_h = Length(width - kop.MARGIN_TOP - kop.MARGIN_BOTTOM)
        del height
        return cls(Length(body_w).twips, Length(body_h).twips)


@dataclass(frozen=True)
class Columns:
    """Procedure table column widths (twips) and the table's font."""

    no: int
    kegiatan: int
    pelaksana: int
    count: int
    kelengkapan: int
    waktu: int
    output: int
    keterangan: int
    face: Face

    @property
    def widths(self) -> list[int]:
        return [
            self.no,
            self.kegiatan,
            *([self.pelaksana] * self.count),
            self.kelengkapan,
            self.waktu,
            self.output,
            self.keterangan,
        ]

    @property
    def text_widths(self) -> list[int]:
        """No, Kegiatan, Kelengkapan, Waktu, Output, Keterangan."""
        return [self.no, self.kegiatan, self.kelengkapan, self.waktu, self.output, self.keterangan]

    @property
    def jumlah_label(self) -> int:
        """Width of the "Jumlah Waktu Penyelesaian" cell (No to Kelengkapan)."""
        return self.no + self.kegiatan + self.count * self.pelaksana + self.kelengkapan


def table_face(base: Face, pelaksana: int) -> Face:
    """The procedure table's type: 1 pt under the body size, 2 pt with over 5 columns."""
    step = 1 if pelaksana <= 5 else 2
    return base.with_(size=max(8.0, base.size - step))


def plan_columns(page: Page, base: Face, sop: Sop, *, size: float | None = None) -> Columns:
    """Column widths: No fits "99.", Pelaksana columns hold the symbols and their lanes,
    and the text columns (Kegiatan, Kelengkapan, Waktu, Output, Keterangan) each get
    their header word, then share the rest by how much text they hold."""
    pelaksana = sop.pelaksana
    face = table_face(base, len(pelaksana)) if size is None else base.with_(size=size)
    bold = face.with_(bold=True)
    pad = 2 * PAD_X / 20 + 2
    no = bold.width("No.") + pad + 2
    total = page.width / 20
    share = (total - no) * 0.4 / len(pelaksana)
    p = min(max(share, PELAKSANA_MIN), PELAKSANA_MAX)
    rest = total - no - p * len(pelaksana)
    columns: list[list[str]] = [[], [], [], [], []]
    for langkah in sop.langkah:
        columns[0].append(langkah.kegiatan)
        columns[1].extend(langkah.kelengkapan)
        columns[2].append(langkah.waktu or "")
        columns[3].append(langkah.output or "")
        columns[4].append(langkah.keterangan or "")
    heads = ("Kegiatan", "Kelengkapan", "Waktu", "Output", "Ket.")
    minimum = [bold.width(h) + pad for h in heads]
    # Waktu should hold "30 menit" on one line when it can.
    minimum[2] = max(minimum[2], face.width("30 menit") + pad)
    volume = [max(sum(face.width(t) for t in texts), 1.0) for texts in columns]
    volume[0] *= 2.0  # Kegiatan reads best wider than its share of the text
    # A column with one long text must not make its row tall: at most ~6 lines for the
    # longest text of each Mutu Baku/Keterangan column (within a quarter of the room).
    for k in range(1, 5):
        longest = max((face.width(t) for t in columns[k]), default=0.0)
        minimum[k] = max(minimum[k], min(longest / 6 + pad, rest * 0.25))
    spare = rest - sum(minimum)
    parts = [m + max(spare, 0) * v / sum(volume) for m, v in zip(minimum, volume, strict=True)]
    tw = [round(x * 20) for x in (no, *parts)]
    pel = round(p * 20)
    # Rounding goes to Kegiatan so the table is exactly the text block wide.
    tw[1] += page.width - (sum(tw) + pel * len(pelaksana))
    return Columns(tw[0], tw[1], pel, len(pelaksana), tw[2], tw[3], tw[4], tw[5], face)


def name_face_for(names: Sequence[str], bold: Face, width: int) -> Face:
    """The Pelaksana names' type: the table's, smaller (to 7 pt) until every word fits."""
    usable = (width - 2 * PAD_X) / 20 - 2
    size = bold.size
    while (
        size > 7 and max(bold.with_(size=size).width(w) for n in names for w in n.split()) > usable
    ):
        size -= 0.5
    return bold.with_(size=size)


# --- measuring ----------------------------------------------------------------------------


def text_height(paragraphs: Sequence[tuple[str, str]], face: Face, width: int) -> int:
    """Height (twips) of a cell's paragraphs ``(number, text)`` with padding.

    A numbered paragraph hangs its text at the number column (`_HANG` twips).
    """
    lines = 0
    for number, text in paragraphs:
        usable = width - 2 * PAD_X - (_HANG if number else 0)
        lines += len(wrap(text, face, usable / 20))
        words = text.split()
        if number and words and face.width(words[0]) > (usable / 20) - 1.5:
            lines += 1  # the number stands alone on its line before a too-long word
    return lines * face.line_twips + 2 * PAD_Y


_HANG = 340  # 6 mm: room for "10." before a numbered item's text


# --- XML helpers --------------------------------------------------------------------------


def _set_cell_margins(element, top: int, left: int, bottom: int, right: int, tag: str) -> None:
    mar = OxmlElement(tag)
    for side, value in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        e = OxmlElement(f"w:{side}")
        e.set(qn("w:w"), str(value))
        e.set(qn("w:type"), "dxa")
        mar.append(e)
    element.append(mar)


def _borders(tbl_pr, size: int = 4) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{side}")
        if size:
            e.set(qn("w:val"), "single")
            e.set(qn("w:sz"), str(size))
            e.set(qn("w:space"), "0")
            e.set(qn("w:color"), "000000")
        else:
            e.set(qn("w:val"), "nil")
        borders.append(e)
    tbl_pr.append(borders)


def new_table(doc: DocxDocument, widths: Sequence[int], *, borders: bool = True) -> Table:
    """A fixed-layout table with these column widths (twips) and text-cell padding."""
    table = doc.add_table(rows=0, cols=len(widths))
    tbl = table._tbl
    tbl_pr = tbl.tblPr
    for child in list(tbl_pr):
        if child.tag != qn("w:tblStyle"):
            tbl_pr.remove(child)
    style = tbl_pr.find(qn("w:tblStyle"))
    if style is not None:
        tbl_pr.remove(style)
    tbl_w = OxmlElement("w:tblW")
    tbl_w.set(qn("w:w"), str(sum(widths)))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_pr.append(tbl_w)
    ind = OxmlElement("w:tblInd")
    ind.set(qn("w:w"), "0")
    ind.set(qn("w:type"), "dxa")
    tbl_pr.append(ind)
    _borders(tbl_pr, 4 if borders else 0)
    layout_el = OxmlElement("w:tblLayout")
    layout_el.set(qn("w:type"), "fixed")
    tbl_pr.append(layout_el)
    # No top/bottom cell margin at table level: LibreOffice does not let a cell override
    # it, and the flowchart cells need none. Text cells get their top padding as space
    # before their first paragraph instead (see `write`).
    _set_cell_margins(tbl_pr, 0, PAD_X, 0, PAD_X, "w:tblCellMar")
    look = OxmlElement("w:tblLook")
    look.set(qn("w:val"), "0000")
    tbl_pr.append(look)
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(width))
    return table


def add_row(table: Table, height: int, *, header: bool = False) -> _Row:
    """A row of exact `height` twips that never splits; `header` repeats it on each page."""
    row = table.add_row()
    tr_pr = row._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    tr_pr.append(cant)
    h = OxmlElement("w:trHeight")
    h.set(qn("w:val"), str(height))
    h.set(qn("w:hRule"), "exact")
    tr_pr.append(h)
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    for cell, width in zip(row.cells, widths, strict=True):
        cell.width = Twips(width)
    return row


def no_padding(cell: _Cell) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    _set_cell_margins(tc_pr, 0, 0, 0, 0, "w:tcMar")


def fmt(
    paragraph: Paragraph,
    face: Face,
    *,
    align: WD_ALIGN_PARAGRAPH | None = None,
    hang: int = 0,
    indent: int = 0,
    after: int = 0,
) -> Paragraph:
    """Exact line spacing from `face`, no spacing before, optional hanging indent."""
    pf = paragraph.paragraph_format
    pf.space_before = Twips(0)
    pf.space_after = Twips(after)
    pf.line_spacing = Twips(face.line_twips)
    from docx.enum.text import WD_LINE_SPACING

    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.widow_control = False
    if align is not None:
        paragraph.alignment = align
    if hang or indent:
        pf.left_indent = Twips(indent + hang)
        pf.first_line_indent = Twips(-hang) if hang else None
    return paragraph


def run(paragraph: Paragraph, text: str, face: Face, *, bold: bool | None = None) -> None:
    r = paragraph.add_run(text)
    r.font.size = Pt(face.size)
    r.font.name = face.family
    r.bold = face.bold if bold is None else bold


def write(
    cell: _Cell,
    paragraphs: Sequence[tuple[str, str]],
    face: Face,
    *,
    align: WD_ALIGN_PARAGRAPH | None = None,
    append: bool = False,
) -> None:
    """Fill `cell` with paragraphs ``(number, text)``; numbered ones hang at `_HANG`."""
    first = not append
    for number, text in paragraphs:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        fmt(paragraph, face, align=align, hang=_HANG if number else 0)
        if first:
            paragraph.paragraph_format.space_before = Twips(PAD_Y)
        first = False
        if number:
            run(paragraph, f"{number}\t{text}", face)
        else:
            run(paragraph, text, face)


def tiny_paragraph(paragraph: Paragraph) -> None:
    """A paragraph 1 pt high (section break carrier, end of document)."""
    pf = paragraph.paragraph_format
    pf.space_before = Twips(0)
    pf.space_after = Twips(0)
    pf.line_spacing = Twips(TINY)
    from docx.enum.text import WD_LINE_SPACING

    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p_pr = paragraph._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "2")
    rpr.append(sz)
    p_pr.append(rpr)


def picture(cell: _Cell, png: bytes, width: int, height: int) -> None:
    """An inline picture exactly filling a zero-padding cell (`width` x `height` twips).

    Wrap distances are written as 0: without them LibreOffice shifts the picture by its
    default distance and the pieces no longer meet.
    """
    paragraph = cell.paragraphs[0]
    tiny_paragraph(paragraph)
    paragraph.paragraph_format.line_spacing_rule = None
    paragraph.paragraph_format.line_spacing = None
    r = paragraph.add_run()
    r.font.size = Pt(1)
    r.add_picture(io.BytesIO(png), width=Emu(width * 635), height=Emu(height * 635))
    inline = r._r.find(".//" + qn("wp:inline"))
    for key in ("distT", "distB", "distL", "distR"):
        inline.set(key, "0")


JUMLAH = "Jumlah Waktu Penyelesaian"


@dataclass
class _Plan:
    """Everything measured for the procedure section before any XML is written."""

    cols: Columns
    title: str
    header: tuple[int, int]
    ket_label: str
    name_face: Face
    cells_text: list[list[list[tuple[str, str]]]]
    heights: list[int]
    total_text: str
    jumlah_h: int
    closing: list[tuple[str, bool]]
    flow: FlowLayout


# --- the builder --------------------------------------------------------------------------


class _SopBuilder:
    def __init__(self, document: Document, entry: SopEntry) -> None:
        self.document = document
        self.entry = entry
        self.sop: Sop = entry.sop
        instansi = document.instansi
        self.paper = instansi.kertas
        self.page = Page.of(self.paper)
        self.base = Face(instansi.huruf.nama, float(instansi.huruf.ukuran))
        self.doc = new_docx()
        kop.apply_page(self.doc, self.paper, landscape=True)
        kop.apply_huruf(self.doc, instansi.huruf)

    def build(self) -> tuple[bytes, int]:
        first_pages = self._identity_section()
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        del section
        kop.apply_page(self.doc, self.paper, landscape=True)
        # add_section leaves the break in the last paragraph of section 1: keep it tiny.
        body = self.doc.element.body
        carriers = [
            p for p in body.iterchildren(qn("w:p")) if p.find(".//" + qn("w:sectPr")) is not None
        ]
        for p in carriers:
            tiny_paragraph(Paragraph(p, self.doc._body))
        procedure_pages = self._procedure_section()
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue(), first_pages + procedure_pages

    # section 1 ---------------------------------------------------------------------------

    def _identity_section(self) -> int:
        """Lampiran heading and identity table; returns the number of pages they take."""
        doc = self.doc
        base = self.base
        bold = base.with_(bold=True)
        used = 0
        heading = context.lampiran_heading(self.document, self.entry)
        if heading is not None:
            used += self._heading_table(heading)
        ident = context.identitas_sop(self.document, self.entry)
        w = self.page.width
        grid = [round(w * 0.34), round(w * 0.16)]
        grid.append(w - sum(grid))
        table = new_table(doc, grid)
        label_w, value_w = grid[1], grid[2]
        signer = [t for t in ident.disahkan if t]
        top_rows: list[tuple[str, list[tuple[str, str]], bool]] = [
            ("Nomor SOP", [("", ident.nomor)], False),
            ("Tanggal Pembuatan", [("", ident.tanggal_pembuatan)], False),
            ("Tanggal Revisi", [("", ident.tanggal_revisi)], False),
            ("Tanggal Efektif", [("", ident.tanggal_efektif)], False),
            ("Disahkan oleh", [("", t) for t in signer], False),
            ("Nama SOP", [("", ident.nama)], True),
        ]
        heights = []
        for label, values, strong in top_rows:
            h = max(
                text_height([("", label)], bold, label_w),
                text_height(values, bold if strong else base, value_w),
            )
            heights.append(h)
        # The instansi block (logo, PEMERINTAH ..., DINAS ...) spans the six rows.
        logo = kop.logo_png(self.document)
        block_lines = [ident.pemerintah, ident.dinas]
        block_h = (
            Length(LOGO_HEIGHT).twips
            + 2 * PAD_Y
            + 120
            + sum(len(wrap(t, bold, (grid[0] - 2 * PAD_X) / 20)) for t in block_lines)
            * bold.line_twips
        )
        if block_h > sum(heights):
            heights[4] += block_h - sum(heights)
        rows = []
        for (label, values, strong), h in zip(top_rows, heights, strict=True):
            row = add_row(table, h)
            rows.append(row)
            write(row.cells[1], [("", label)], bold)
            cell = row.cells[2]
            write(cell, values, bold if strong else base)
            if label == "Disahkan oleh" and len(signer) >= 2:
                # The name line in bold, as signed.
                for r in cell.paragraphs[1].runs:
                    r.bold = True
        block = rows[0].cells[0].merge(rows[-1].cells[0])
        block.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = fmt(block.paragraphs[0], base, align=WD_ALIGN_PARAGRAPH.CENTER, after=120)
        paragraph.paragraph_format.line_spacing_rule = None
        paragraph.paragraph_format.line_spacing = None
        image = DocxImage.from_blob(logo)
        ratio = image.px_width / image.px_height
        paragraph.add_run().add_picture(
            io.BytesIO(logo), height=LOGO_HEIGHT, width=Emu(int(LOGO_HEIGHT * ratio))
        )
        write_block = [("", t) for t in block_lines]
        for _number, text in write_block:
            p = fmt(block.add_paragraph(), bold, align=WD_ALIGN_PARAGRAPH.CENTER)
            run(p, text, bold)
        used_rows = list(heights)
        # The grid: Dasar Hukum | Kualifikasi Pelaksana, ...
        half_l = grid[0] + grid[1]
        half_r = grid[2]
        pairs = [ident.grid[k : k + 2] for k in range(0, len(ident.grid), 2)]
        small = base.with_(size=max(8.0, base.size - 1))
        for (head_l, items_l), (head_r, items_r) in pairs:
            # Heading and list share a cell, so a heading never ends a page alone.
            body_l = context.butir(items_l)
            body_r = context.butir(items_r)
            h = max(
                text_height(body_l, small, half_l) + bold.line_twips,
                text_height(body_r, small, half_r) + bold.line_twips,
            )
            row = add_row(table, h)
            left = row.cells[0].merge(row.cells[1])
            for cell, head, items in ((left, head_l, body_l), (row.cells[2], head_r, body_r)):
                write(cell, [("", head)], bold)
                write(cell, items, small, append=True)
            used_rows.append(h)
        # Pages: rows never split, so they fill pages greedily (the vertical merge in the
        # first six rows keeps them together in practice; they are a small part of a page).
        pages = 1
        room = self.page.height - PAGE_SAFETY - used - TINY
        for h in used_rows:
            if h > room:
                pages += 1
                room = self.page.height - PAGE_SAFETY - TINY
            room -= h
        return pages

    def _heading_table(self, heading: context.LampiranHeading) -> int:
        base = self.base
        w = self.page.width
        widths = [round(w * 0.09), round(w * 0.015)]
        widths.append(round(w * 0.5) - sum(widths))
        indent = w - sum(widths)
        table = new_table(self.doc, widths, borders=False)
        ind = table._tbl.tblPr.find(qn("w:tblInd"))
        ind.set(qn("w:w"), str(indent))
        total = 0
        for label, value in heading.rows():
            h = max(
                text_height([("", label)], base, widths[0]),
                text_height([("", value)], base, widths[2]),
            )
            row = add_row(table, h)
            write(row.cells[0], [("", label)], base)
            write(row.cells[1], [("", ":")], base)
            write(row.cells[2], [("", value)], base)
            total += h
        # A blank line between the heading and the identity table.
        spacer = fmt(self.doc.add_paragraph(), base)
        del spacer
        return total + base.line_twips

    # section 2 ---------------------------------------------------------------------------

    def _procedure_section(self) -> int:
        plan: _Plan | None = None
        size = table_face(self.base, len(self.sop.pelaksana)).size
        while plan is None:
            try:
                plan = self._plan(size)
            except LayoutError:
                # A step too tall for a page: try smaller type before giving up.
                if size <= 8:
                    raise
                size -= 1
        self.plan = plan
        self._build_procedure(plan)
        return len(plan.flow.pages)

    def _plan(self, size: float) -> _Plan:
        """Column widths, measured heights and the paginated flowchart at table `size`."""
        sop = self.sop
        cols = plan_columns(self.page, self.base, sop, size=size)
        face = cols.face
        bold = face.with_(bold=True)
        title_face = self.base.with_(bold=True)
        title = context.judul_prosedur(sop.nama)
        title_h = title_face.line_twips * len(wrap(title, title_face, self.page.width / 20)) + 120
        n = cols.count
        fits = bold.width("Keterangan") + 2 * PAD_X / 20 + 2 <= cols.keterangan / 20
        ket_label = "Keterangan" if fits else "Ket."
        h1 = max(
            text_height([("", "Pelaksana")], bold, cols.pelaksana * n),
            text_height([("", "Mutu Baku")], bold, cols.kelengkapan + cols.waktu + cols.output),
        )
        names = list(sop.pelaksana)
        name_face = name_face_for(names, bold, cols.pelaksana)
        h2 = max(
            [text_height([("", name)], name_face, cols.pelaksana) for name in names]
            + [
                text_height([("", "Kelengkapan")], bold, cols.kelengkapan),
                text_height([("", "Waktu")], bold, cols.waktu),
                text_height([("", "Output")], bold, cols.output),
            ]
        )
        spans = max(
            text_height([("", "Kegiatan")], bold, cols.kegiatan),
            text_height([("", ket_label)], bold, cols.keterangan),
        )
        h2 += max(0, spans - (h1 + h2))
        steps, edges = flow_graph(sop)
        cells_text = [self._step_texts(i) for i in range(len(sop.langkah))]
        heights = []
        for i, texts in enumerate(cells_text):
            h = max(text_height(t, face, w) for t, w in zip(texts, cols.text_widths, strict=True))
            heights.append(max(h, round(min_row_height(steps[i].kind) * 20)))
        total_text = context.jumlah_waktu(self.document, sop)
        jumlah_h = max(
            text_height([("", JUMLAH)], bold, cols.jumlah_label),
            text_height([("", total_text)], bold, cols.waktu),
        )
        closing = self._closing_lines()
        body = self.page.height - PAGE_SAFETY
        space = PageSpace(
            first=body - title_h - h1 - h2,
            later=body - h1 - h2,
            tail=jumlah_h + self._closing_height(closing),
            top=0,
            bottom_min=bottom_row_min(),
        )
        label_face = Face(self.base.family, LABEL_SIZE)
        geometry = Geometry(n, cols.pelaksana / 20)
        flow = layout(steps, edges, heights, geometry, space, label_width=label_face.width)
        return _Plan(
            cols,
            title,
            (h1, h2),
            ket_label,
            name_face,
            cells_text,
            heights,
            total_text,
            jumlah_h,
            closing,
            flow,
        )

    def _build_procedure(self, plan: _Plan) -> None:
        doc = self.doc
        cols = plan.cols
        face = cols.face
        bold = face.with_(bold=True)
        title_face = self.base.with_(bold=True)
        title = fmt(doc.add_paragraph(), title_face, after=120)
        run(title, plan.title, title_face)
        table = new_table(doc, cols.widths)
        n = cols.count
        # Header rows: No | Kegiatan | Pelaksana (n) | Mutu Baku (3) | Keterangan.
        r1 = add_row(table, plan.header[0], header=True)
        r2 = add_row(table, plan.header[1], header=True)
        center = WD_ALIGN_PARAGRAPH.CENTER
        middle = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        last = len(cols.widths) - 1
        for index, text in ((0, "No."), (1, "Kegiatan"), (last, plan.ket_label)):
            cell = r1.cells[index].merge(r2.cells[index])
            write(cell, [("", text)], bold, align=center)
            cell.vertical_alignment = middle
        write(r1.cells[2].merge(r1.cells[1 + n]), [("", "Pelaksana")], bold, align=center)
        write(r1.cells[2 + n].merge(r1.cells[4 + n]), [("", "Mutu Baku")], bold, align=center)
        for k, name in enumerate(self.sop.pelaksana):
            cell = r2.cells[2 + k]
            write(cell, [("", name)], plan.name_face, align=center)
            cell.vertical_alignment = middle
        for k, text in enumerate(("Kelengkapan", "Waktu", "Output")):
            cell = r2.cells[2 + n + k]
            write(cell, [("", text)], bold, align=center)
            cell.vertical_alignment = middle
        flow = plan.flow
        font = font_file(self.base.family)
        order = [0, 1, 2 + n, 3 + n, 4 + n, 5 + n]
        for page in flow.pages:
            tiles = flowdraw.page_tiles(flow, page, font)
            for index, flow_row in enumerate(page.rows):
                row = add_row(table, flow_row.height)
                if flow_row.step is not None:
                    texts = plan.cells_text[flow_row.step]
                    for k, (paragraphs, cell_index) in enumerate(zip(texts, order, strict=True)):
                        align = center if k in (0, 3) else None
                        write(row.cells[cell_index], paragraphs, face, align=align)
                for column in range(n):
                    cell = row.cells[2 + column]
                    no_padding(cell)
                    tile = tiles.get((index, column))
                    if tile is not None:
                        picture(cell, tile, cols.pelaksana, flow_row.height)
                    else:
                        tiny_paragraph(cell.paragraphs[0])
        row = add_row(table, plan.jumlah_h)
        write(row.cells[0].merge(row.cells[2 + n]), [("", JUMLAH)], bold)
        write(row.cells[3 + n], [("", plan.total_text)], bold, align=center)
        self._closing(plan.closing)

    def _step_texts(self, i: int) -> list[list[tuple[str, str]]]:
        langkah = self.sop.langkah[i]
        return [
            [("", context.nomor_langkah(i))],
            [("", langkah.kegiatan)],
            context.butir(list(langkah.kelengkapan)) if langkah.kelengkapan else [("", "")],
            [("", langkah.waktu or "")],
            [("", langkah.output or "")],
            [("", langkah.keterangan or "")],
        ]

    # closing -----------------------------------------------------------------------------

    def _closing_lines(self) -> list[tuple[str, bool]]:
        """Lines at the bottom right of a lampiran: blank, jabatan, space, name, pangkat, NIP."""
        if not self.entry.prefix:
            return []
        signer = context.penutup_lampiran(self.document)
        lines: list[tuple[str, bool]] = [("", False), (signer.jabatan, False)]
        lines += [("", False)] * 3
        lines.append((signer.nama, True))
        lines += [(t, False) for t in (signer.pangkat, signer.nip) if t]
        return lines

    @property
    def _closing_indent(self) -> int:
        return round(self.page.width * 0.62)

    def _closing_height(self, lines: list[tuple[str, bool]]) -> int:
        if not lines:
            return TINY
        width = (self.page.width - self._closing_indent) / 20
        count = 0
        for text, strong in lines:
            count += len(wrap(text, self.base.with_(bold=strong), width))
        return count * self.base.line_twips

    def _closing(self, lines: list[tuple[str, bool]]) -> None:
        if not lines:
            tiny_paragraph(self.doc.add_paragraph())
            return
        for text, strong in lines:
            face = self.base.with_(bold=strong)
            p = fmt(self.doc.add_paragraph(), face, indent=self._closing_indent)
            if text:
                run(p, text, face)
                if strong:
                    p.runs[0].underline = True


def flow_graph(sop: Sop) -> tuple[list[FlowStep], list[FlowEdge]]:
    """Steps (column, symbol) and arrows of `sop`'s flowchart."""
    n = len(sop.langkah)
    kinds: list[SymbolKind] = []
    branches = []
    steps = []
    for i, langkah in enumerate(sop.langkah):
        if langkah.pelaksana not in sop.pelaksana:
            raise ValueError(
                f"langkah {i + 1}: pelaksana '{langkah.pelaksana}' bukan kolom pelaksana"
            )
        cabang = langkah.keputusan
        kind: SymbolKind
        if cabang is not None:
            kind = "decision"
            branches.append((cabang.ya, cabang.tidak, cabang.label_ya, cabang.label_tidak))
        else:
            kind = "terminator" if i in (0, n - 1) else "process"
            branches.append(None)
        kinds.append(kind)
        steps.append(FlowStep(sop.pelaksana.index(langkah.pelaksana), kind))
    return steps, edges_of(kinds, branches)


__all__ = ["flow_graph", "plan_columns", "render_sop"]
