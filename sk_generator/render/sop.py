"""Render an SOP AP (PermenPANRB 35/2012) as a landscape DOCX, flowchart included.

Built in code rather than from a docxtpl template: the procedure table has one
column per Pelaksana (1 to 8 or more), and every row's height is computed here from the
text with the real font's metrics (:mod:`measure`) and written as an *exact* height.
The tables are written as WordprocessingML text (:mod:`wml`) into a copy of a prepared
python-docx document (:mod:`docxcache`), and saved by :mod:`package`: the same XML
python-docx's object API would build, several times faster.
Exact heights are what let the flowchart be drawn as per-cell pictures that meet at the
cell edges (:mod:`flowchart`, :mod:`flowdraw`), and what make the page breaks known in
advance: the off-page connectors sit at the breaks, and the page count is predicted.

Layout:

- page 1 (section 1): for a lampiran, the Lampiran heading at the top right; then the
  identity table: instansi block with logo | Nomor SOP ... Nama SOP, and the two-column
  grid Dasar Hukum | Kualifikasi Pelaksana, Keterkaitan | Peralatan/Perlengkapan,
  Peringatan | Pencatatan dan Pendataan; a grid row that does not fit under the rows
  before it is split at a line into two exact-height rows, the first filling the page,
  so page 1 is full and the identity pages are counted, not guessed;
- from page 2 (section 2, new page): "SOP : NAMA", then the procedure table: No |
  Kegiatan | Pelaksana... | Mutu Baku (Kelengkapan, Waktu, Output) | Keterangan, header
  rows repeated on every page; each page but the last ends with a connector row that
  fills the page (so the next row cannot fit and the break falls where it was
  computed), and each page but the first starts with one; the last row is "Jumlah Waktu
  Penyelesaian"; a lampiran closes with the signer's jabatan and name at the bottom right.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_LINE_SPACING
from docx.image.image import Image as DocxImage
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Length, Mm, Twips
from docx.text.paragraph import Paragraph

from sk_generator.load import Document, SopEntry
from sk_generator.model import Sop
from sk_generator.render import context, docxcache, flowdraw, hints, kop, package, wml
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
from sk_generator.render.measure import Face, font_file, line_count, wrap

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


#: Smallest type size of the procedure table: the planner shrinks the type to this
#: before it lets a column break inside a word.
MIN_SIZE = 8.0


def table_face(base: Face, pelaksana: int) -> Face:
    """The procedure table's type: 1 pt under the body size, 2 pt with over 5 columns."""
    step = 1 if pelaksana <= 5 else 2
    return base.with_(size=max(MIN_SIZE, base.size - step))


#: Width a text column needs beyond its longest word (points): both side paddings and
#: the measuring safety of :func:`measure.wrap`.
TEXT_PAD = 2 * PAD_X / 20 + 2
#: Steps (twips) in which the planner hands out the width left after the minimums.
_GROW = (60, 120, 240, 480, 960, 1920)
#: Least row height a step of width must save (per unit of width) to be handed out.
WORTH = 0.25
#: Text column headers (bold) and Keterangan's full header.
_HEADS = ("Kegiatan", "Kelengkapan", "Waktu", "Output", "Ket.")
KETERANGAN = "Keterangan"


def step_texts(sop: Sop, i: int) -> list[list[tuple[str, str]]]:
    """The text cells of step `i`: No, Kegiatan, Kelengkapan, Waktu, Output, Keterangan."""
    langkah = sop.langkah[i]
    return [
        [("", context.nomor_langkah(i))],
        [("", langkah.kegiatan)],
        context.butir(list(langkah.kelengkapan)) if langkah.kelengkapan else [("", "")],
        [("", langkah.waktu or "")],
        [("", langkah.output or "")],
        [("", langkah.keterangan or "")],
    ]


def word_width(paragraphs: Sequence[tuple[str, str]], face: Face) -> float:
    """Least column width (points) in which no word of `paragraphs` breaks."""
    need = 0.0
    for number, text in paragraphs:
        hang = _HANG / 20 if number else 0.0
        for word in text.split():
            need = max(need, face.width(word) + hang)
    return need + TEXT_PAD


def pelaksana_width(names: Sequence[str], bold: Face) -> tuple[float, float]:
    """Least and preferred Pelaksana column width (points): room for the symbols and
    their lanes (`PELAKSANA_MIN`) and for the names' longest word 3 pt (least) or
    1.5 pt under the table's bold type (preferred), at most `PELAKSANA_MAX`."""

    def need(size: float) -> float:
        face = bold.with_(size=size)
        word = max((face.width(w) for n in names for w in n.split()), default=0.0)
        return min(max(word + TEXT_PAD, PELAKSANA_MIN), PELAKSANA_MAX)

    return need(max(7.0, bold.size - 3)), need(max(7.0, bold.size - 1.5))


def plan_columns(page: Page, base: Face, sop: Sop, *, size: float | None = None) -> Columns:
    """Column widths of the procedure table, at table type `size` or smaller.

    No fits "No."; a Pelaksana column holds the symbols and their lanes (and the names'
    longest word when it can); every text column (Kegiatan, Kelengkapan, Waktu, Output,
    Keterangan) is at least as wide as its longest word and its header, Keterangan
    only "Ket." when it holds little. When the page is too narrow for that, the type
    shrinks in half points down to `MIN_SIZE` before any word has to break. The width
    left over goes, in steps, to the column that shortens the rows the most (the sum of
    the step rows' heights, each at least its symbol's); when no step shortens a row any
    more, the Pelaksana names get room for larger type, Keterangan for its full header,
    and the rest is shared by text volume.
    """
    face = table_face(base, len(sop.pelaksana)) if size is None else base.with_(size=size)
    while True:
        planned = _plan_columns(page, face, sop, force=face.size <= MIN_SIZE)
        if planned is not None:
            return planned
        face = face.with_(size=face.size - 0.5)


def _plan_columns(page: Page, face: Face, sop: Sop, *, force: bool) -> Columns | None:
    bold = face.with_(bold=True)
    n = len(sop.pelaksana)
    total = page.width
    no = round((max(bold.width("No."), face.width(f"{len(sop.langkah)}.")) + TEXT_PAD + 2) * 20)
    cells = [step_texts(sop, i)[1:] for i in range(len(sop.langkah))]
    minimum = []
    for k, head in enumerate(_HEADS):
        words = max((word_width(texts[k], face) for texts in cells), default=0.0)
        minimum.append(math.ceil(max(words, bold.width(head) + TEXT_PAD) * 20))
    # Waktu should hold "30 menit" on one line.
    minimum[2] = max(minimum[2], math.ceil((face.width("30 menit") + TEXT_PAD) * 20))
    least, preferred = (math.ceil(w * 20) for w in pelaksana_width(sop.pelaksana, bold))
    pel = least
    room = total - no - n * pel - sum(minimum)
    if room < 0:
        # Narrower Pelaksana columns first (their names may then shrink).
        pel = max(round(PELAKSANA_MIN * 20), pel + math.floor(room / n))
        room = total - no - n * pel - sum(minimum)
    if room < 0:
        if not force:
            return None
        # Even the smallest type does not fit every word: share the room by need.
        scale = (total - no - n * pel) / sum(minimum)
        widths = [math.floor(m * scale) for m in minimum]
    else:
        floors = [round(min_row_height(_kind(sop, i)) * 20) for i in range(len(cells))]
        widths = _grow(cells, face, minimum, room, floors, page.height // 2)
        rest = total - no - n * pel - sum(widths)
        # What no row needs: the names in larger type, Keterangan's full header, ...
        wider = min(preferred - pel, rest // n) if pel == least else 0
        pel += max(wider, 0)
        rest -= n * max(wider, 0)
        ket_full = math.ceil((bold.width(KETERANGAN) + TEXT_PAD) * 20)
        if rest >= ket_full - widths[4] > 0:
            rest -= ket_full - widths[4]
            widths[4] = ket_full
        volume = [sum(face.width(t) for texts in cells for _n, t in texts[k]) for k in range(5)]
        volume[0] = volume[0] * 2 + 1  # Kegiatan reads best wider than its share
        shares = [math.floor(rest * v / sum(volume)) for v in volume]
        widths = [w + d for w, d in zip(widths, shares, strict=True)]
    # Rounding goes to Kegiatan so the table is exactly the text block wide.
    widths[0] += total - no - n * pel - sum(widths)
    kegiatan, kelengkapan, waktu, output, keterangan = widths
    return Columns(no, kegiatan, pel, n, kelengkapan, waktu, output, keterangan, face)


def _kind(sop: Sop, i: int) -> SymbolKind:
    return "decision" if sop.langkah[i].keputusan is not None else "process"


def _grow(
    cells: Sequence[Sequence[Sequence[tuple[str, str]]]],
    face: Face,
    minimum: Sequence[int],
    room: int,
    floors: Sequence[int],
    tall: int,
) -> list[int]:
    """Hand out `room` twips over the text columns, a step at a time, each step to the
    column (or pair of columns) where it saves the most row height per twip; stop when
    no step saves at least `WORTH` twips of height per twip of width.

    No column grows wider than Kegiatan (whose own steps make room for the others). A row
    over `tall` twips (half a page) costs ten times its excess: it is what would
    leave a page half empty, or not fit on one at all.
    """
    widths = list(minimum)
    cache: dict[tuple[int, int], list[int]] = {}

    def heights(k: int, width: int) -> list[int]:
        key = (k, width)
        if key not in cache:
            cache[key] = [text_height(texts[k], face, width) for texts in cells]
        return cache[key]

    costs: dict[tuple[int, ...], int] = {}

    def cost(candidate: Sequence[int]) -> int:
        key = tuple(candidate)
        total = costs.get(key)
        if total is None:
            columns = [heights(k, w) for k, w in enumerate(candidate)]
            rows = list(map(max, floors, *columns))
            total = sum(rows) + 9 * sum(row - tall for row in rows if row > tall)
            costs[key] = total
        return total

    # One column, or two at once: a row held up by two columns shrinks only when both grow.
    groups = [(k,) for k in range(5)] + list(itertools.combinations(range(5), 2))
    now = cost(widths)
    while room > 0:
        best: tuple[float, list[int], int] | None = None
        for group in groups:
            for step in sorted({min(g, room // len(group)) for g in _GROW} - {0}):
                candidate = [w + step if k in group else w for k, w in enumerate(widths)]
                if max(candidate[1:]) > candidate[0]:
                    continue  # Kegiatan stays the widest text column
                spent = step * len(group)
                saved = now - cost(candidate)
                if saved >= WORTH * spent and (best is None or saved / spent > best[0]):
                    best = (saved / spent, candidate, spent)
        if best is None:
            break
        _ratio, widths, spent = best
        room -= spent
        now = cost(widths)
    # Then move width between columns while that shortens the rows (the greedy steps
    # cannot undo an early choice).
    improved = True
    while improved:
        improved = False
        for give, take in itertools.permutations(range(5), 2):
            for step in _GROW:
                candidate = list(widths)
                candidate[give] -= step
                candidate[take] += step
                if candidate[give] < minimum[give] or max(candidate[1:]) > candidate[0]:
                    continue
                after = cost(candidate)
                if after < now:
                    widths, now, improved = candidate, after, True
    return widths


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

    A numbered paragraph hangs its text at the number column (`_HANG` twips); number
    `CONTINUED` is the rest of a numbered item split over two rows: indented, no number.
    """
    lines = 0
    for number, text in paragraphs:
        usable = width - 2 * PAD_X - (_HANG if number else 0)
        lines += line_count(text, face, usable / 20)
        if number.strip():
            words = text.split()
            if words and face.width(words[0]) > (usable / 20) - 1.5:
                lines += 1  # the number stands alone on its line before a too-long word
    return lines * face.line_twips + 2 * PAD_Y


_HANG = 340  # 6 mm: room for "10." before a numbered item's text
#: The "number" of the rest of a numbered item continued in the next row.
CONTINUED = " "


# --- XML helpers --------------------------------------------------------------------------


def cell_text(
    paragraphs: Sequence[tuple[str, str]],
    face: Face,
    *,
    center: bool = False,
    append: bool = False,
    bold: Sequence[bool | None] = (),
) -> str:
    """A text cell's paragraphs ``(number, text)`` as XML: numbered ones hang at `_HANG`,
    `CONTINUED` ones are indented as far; the first has the cell's top padding as space
    before (none when `append`ed under a heading)."""
    return wml.paragraphs(
        paragraphs,
        face,
        hang=_HANG,
        continued=CONTINUED,
        pad_top=0 if append else PAD_Y,
        center=center,
        bold=bold,
    )


def tiny_paragraph(paragraph: Paragraph) -> None:
    """A paragraph 1 pt high (section break carrier, end of document)."""
    pf = paragraph.paragraph_format
    pf.space_before = Twips(0)
    pf.space_after = Twips(0)
    pf.line_spacing = Twips(TINY)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p_pr = paragraph._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "2")
    rpr.append(sz)
    p_pr.append(rpr)


#: Paragraph of a flowchart tile: no spacing, 1 pt type, the picture inline.
_PICTURE_PPR = (
    '<w:pPr><w:spacing w:before="0" w:after="0"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr>'
)
_PICTURE_RPR = '<w:rPr><w:sz w:val="2"/></w:rPr>'


def picture_cell(pictures: wml.Pictures, png: bytes, width: int, height: int) -> str:
    """A zero-padding cell exactly filled by an inline picture (`width` x `height`
    twips). Wrap distances are written as 0: without them LibreOffice shifts the picture
    by its default distance and the pieces no longer meet."""
    drawing = pictures.inline(png, width * 635, height * 635, no_distance=True)
    content = f"<w:p>{_PICTURE_PPR}<w:r>{_PICTURE_RPR}{drawing}</w:r></w:p>"
    return wml.cell(width, content, no_padding=True)


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


@dataclass
class _GridCell:
    """A cell of the identity grid: a bold heading (none on a continuation) and items."""

    head: str
    items: list[tuple[str, str]]
    width: int
    bold: Face
    small: Face

    def height(self) -> int:
        h = text_height(self.items, self.small, self.width) if self.items else 2 * PAD_Y
        if self.head:
            h += self.bold.line_twips * len(wrap(self.head, self.bold, self._usable("")))
        return h

    def _usable(self, number: str) -> float:
        return (self.width - 2 * PAD_X - (_HANG if number else 0)) / 20

    def split(self, room: int) -> tuple[_GridCell, _GridCell] | None:
        """The lines that fit in `room` twips and the rest; None when the heading and two
        lines do not fit (the whole row then starts the next page)."""
        if self.height() <= room:
            return self, _GridCell("", [], self.width, self.bold, self.small)
        head_h = self.height() - (
            text_height(self.items, self.small, self.width) if self.items else 2 * PAD_Y
        )
        left = room - 2 * PAD_Y - head_h
        pitch = self.small.line_twips
        if left < 2 * pitch:
            return None
        taken: list[tuple[str, str]] = []
        for k, (number, text) in enumerate(self.items):
            lines = wrap(text, self.small, self._usable(number))
            need = (text_height([(number, text)], self.small, self.width) - 2 * PAD_Y) // pitch
            if need * pitch <= left:
                taken.append((number, text))
                left -= need * pitch
                continue
            fit = left // pitch
            rest_items = list(self.items[k + 1 :])
            if fit >= 1 and need == len(lines):
                cut = _cut(text, lines, fit)
                taken.append((number, text[:cut].rstrip()))
                rest_items.insert(0, (CONTINUED if number else "", text[cut:].strip()))
            else:
                rest_items.insert(0, (number, text))
            first = _GridCell(self.head, taken, self.width, self.bold, self.small)
            rest = _GridCell("", rest_items, self.width, self.bold, self.small)
            return first, rest
        raise AssertionError("a cell taller than the room must split")  # pragma: no cover


def _cut(text: str, lines: Sequence[str], count: int) -> int:
    """Index in `text` where wrapped line `count` (0-based) starts."""
    visible = sum(len(line.replace(" ", "")) for line in lines[:count])
    for index, char in enumerate(text):
        if visible == 0:
            return index
        if not char.isspace():
            visible -= 1
    return len(text)


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
        huruf = instansi.huruf
        paper = self.paper

        def start() -> DocxDocument:
            doc = new_docx()
            kop.apply_page(doc, paper, landscape=True)
            kop.apply_huruf(doc, huruf)
            return doc

        # A copy of python-docx's default document, prepared once per paper and typeface.
        self.doc = docxcache.fresh(("sop", paper, huruf.nama, huruf.ukuran), start)
        self.pictures = wml.Pictures(self.doc)

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
        hints.attach(self.doc, self.sop)
        return package.docx_bytes(self.doc), first_pages + procedure_pages

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
        image = DocxImage.from_blob(logo)
        ratio = image.px_width / image.px_height
        drawing = self.pictures.inline(logo, int(Emu(int(LOGO_HEIGHT * ratio))), LOGO_HEIGHT)
        block = (
            f"<w:p>{wml.ppr(None, after=120, center=True)}<w:r>{drawing}</w:r></w:p>"
            + cell_text([("", t) for t in block_lines], bold, center=True, append=True)
        )
        rows = []
        for k, ((label, values, strong), h) in enumerate(zip(top_rows, heights, strict=True)):
            # The instansi block spans the six rows (a vertical merge).
            first = wml.cell(grid[0], block, vmerge="restart", middle=True)
            # The name line of "Disahkan oleh" in bold, as signed.
            name_bold = (None, True) if label == "Disahkan oleh" and len(signer) >= 2 else ()
            cells = [
                first if k == 0 else wml.cell(grid[0], "", vmerge=""),
                wml.cell(label_w, cell_text([("", label)], bold)),
                wml.cell(value_w, cell_text(values, bold if strong else base, bold=name_bold)),
            ]
            rows.append(wml.row(h, cells))
        # The grid: Dasar Hukum | Kualifikasi Pelaksana, ... Its rows fill the page: one
        # that does not fit is split at a line, the rest continuing at the top of the next
        # page, so that both parts keep exact heights and the page count stays known.
        full = self.page.height - PAGE_SAFETY - TINY
        room = full - used - sum(heights)
        pages = 1
        if room < 0:  # not expected: the heading and the top rows take a third of a page
            pages, room = 2, full - sum(heights)
        half = (grid[0] + grid[1], grid[2])
        small = base.with_(size=max(8.0, base.size - 1))
        pairs = [ident.grid[k : k + 2] for k in range(0, len(ident.grid), 2)]
        for (head_l, items_l), (head_r, items_r) in pairs:
            # Heading and list share a cell, so a heading never ends a page alone.
            grid_cells = [
                _GridCell(head_l, context.butir(items_l), half[0], bold, small),
                _GridCell(head_r, context.butir(items_r), half[1], bold, small),
            ]
            while True:
                h = max(c.height() for c in grid_cells)
                if h <= room:
                    rows.append(self._grid_row(grid, grid_cells, h))
                    room -= h
                    break
                attempts = [c.split(room) for c in grid_cells]
                parts = [part for part in attempts if part is not None]
                if len(parts) == len(attempts):
                    rows.append(self._grid_row(grid, [head for head, _rest in parts], room))
                    grid_cells = [rest for _head, rest in parts]
                elif room == full:
                    raise LayoutError(f"{head_l} / {head_r}: baris tidak dapat dipecah")
                pages += 1
                room = full
        wml.append_table(doc, wml.table(grid, rows, borders=True, pad_x=PAD_X))
        return pages

    def _grid_row(self, grid: Sequence[int], cells: list[_GridCell], h: int) -> str:
        out = []
        for width, span, content in ((grid[0] + grid[1], 2, cells[0]), (grid[2], 1, cells[1])):
            xml = ""
            if content.head:
                xml += cell_text([("", content.head)], content.bold)
            if content.items:
                xml += cell_text(content.items, content.small, append=bool(content.head))
            if not content.head and not content.items:
                xml = wml.TINY_P
            out.append(wml.cell(width, xml, span=span))
        return wml.row(h, out)

    def _heading_table(self, heading: context.LampiranHeading) -> int:
        base = self.base
        w = self.page.width
        widths = [round(w * 0.09), round(w * 0.015)]
        widths.append(round(w * 0.5) - sum(widths))
        indent = w - sum(widths)
        total = 0
        rows = []
        for label, value in heading.rows():
            h = max(
                text_height([("", label)], base, widths[0]),
                text_height([("", value)], base, widths[2]),
            )
            texts = (label, ":", value)
            cells = [
                wml.cell(width, cell_text([("", t)], base))
                for width, t in zip(widths, texts, strict=True)
            ]
            rows.append(wml.row(h, cells))
            total += h
        xml = wml.table(widths, rows, borders=False, pad_x=PAD_X, indent=indent)
        wml.append_table(self.doc, xml)
        # A blank line between the heading and the identity table.
        wml.append_paragraphs(self.doc, f"<w:p>{wml.ppr(base.line_twips)}</w:p>")
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
        title = wml.ppr(title_face.line_twips, after=120) + wml.run(plan.title, title_face)
        wml.append_paragraphs(doc, f"<w:p>{title}</w:p>")
        n = cols.count
        widths = cols.widths
        last = len(widths) - 1
        pel = cols.pelaksana

        def head(index: int, text: str, **kw: Any) -> str:
            return wml.cell(widths[index], cell_text([("", text)], bold, center=True), **kw)

        # Header rows: No | Kegiatan | Pelaksana (n) | Mutu Baku (3) | Keterangan; No,
        # Kegiatan and Keterangan span both rows.
        r1 = [
            head(0, "No.", vmerge="restart", middle=True),
            head(1, "Kegiatan", vmerge="restart", middle=True),
            wml.cell(n * pel, cell_text([("", "Pelaksana")], bold, center=True), span=n),
            wml.cell(
                cols.kelengkapan + cols.waktu + cols.output,
                cell_text([("", "Mutu Baku")], bold, center=True),
                span=3,
            ),
            head(last, plan.ket_label, vmerge="restart", middle=True),
        ]
        r2 = [wml.cell(widths[0], "", vmerge=""), wml.cell(widths[1], "", vmerge="")]
        for name in self.sop.pelaksana:
            name_xml = cell_text([("", name)], plan.name_face, center=True)
            r2.append(wml.cell(pel, name_xml, middle=True))
        for k, text in enumerate(("Kelengkapan", "Waktu", "Output")):
            r2.append(head(2 + n + k, text, middle=True))
        r2.append(wml.cell(widths[last], "", vmerge=""))
        rows = [wml.row(plan.header[0], r1, header=True), wml.row(plan.header[1], r2, header=True)]
        flow = plan.flow
        font = font_file(self.base.family)
        order = [0, 1, 2 + n, 3 + n, 4 + n, 5 + n]
        empty_pelaksana = wml.cell(pel, wml.TINY_P, no_padding=True)
        for page in flow.pages:
            tiles = flowdraw.page_tiles(flow, page, font)
            for index, flow_row in enumerate(page.rows):
                texts = plan.cells_text[flow_row.step] if flow_row.step is not None else None
                text_cells = []
                for k, cell_index in enumerate(order):
                    xml = ""
                    if texts is not None:
                        xml = cell_text(texts[k], face, center=k in (0, 3))
                    text_cells.append(wml.cell(widths[cell_index], xml))
                flow_cells = []
                for column in range(n):
                    tile = tiles.get((index, column))
                    if tile is None:
                        flow_cells.append(empty_pelaksana)
                    else:
                        flow_cells.append(picture_cell(self.pictures, tile, pel, flow_row.height))
                rows.append(
                    wml.row(flow_row.height, [*text_cells[:2], *flow_cells, *text_cells[2:]])
                )
        jumlah = [
            wml.cell(cols.jumlah_label, cell_text([("", JUMLAH)], bold), span=3 + n),
            wml.cell(cols.waktu, cell_text([("", plan.total_text)], bold, center=True)),
            wml.cell(cols.output, ""),
            wml.cell(cols.keterangan, ""),
        ]
        rows.append(wml.row(plan.jumlah_h, jumlah))
        wml.append_table(doc, wml.table(widths, rows, borders=True, pad_x=PAD_X))
        self._closing(plan.closing)

    def _step_texts(self, i: int) -> list[list[tuple[str, str]]]:
        return step_texts(self.sop, i)

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
        xml = []
        for text, strong in lines:
            face = self.base.with_(bold=strong)
            props = wml.ppr(face.line_twips, left=self._closing_indent)
            content = wml.run(text, face, underline=strong) if text else ""
            xml.append(f"<w:p>{props}{content}</w:p>")
        wml.append_paragraphs(self.doc, "".join(xml))


def flow_graph(sop: Sop) -> tuple[list[FlowStep], list[FlowEdge]]:
    """Steps (column, symbol) and arrows of `sop`'s flowchart."""
    n = len(sop.langkah)
    kinds: list[SymbolKind] = []
    branches: list[tuple[int | None, int, str, str] | None] = []
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
