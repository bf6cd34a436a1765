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

import io
import itertools
import math
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

    def cost(candidate: Sequence[int]) -> int:
        columns = [heights(k, w) for k, w in enumerate(candidate)]
        total = 0
        for i, floor in enumerate(floors):
            row = max(floor, *(column[i] for column in columns))
            total += row + 9 * max(0, row - tall)
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
        lines += len(wrap(text, face, usable / 20))
        words = text.split()
        if number.strip() and words and face.width(words[0]) > (usable / 20) - 1.5:
            lines += 1  # the number stands alone on its line before a too-long word
    return lines * face.line_twips + 2 * PAD_Y


_HANG = 340  # 6 mm: room for "10." before a numbered item's text
#: The "number" of the rest of a numbered item continued in the next row.
CONTINUED = " "


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
    """Fill `cell` with paragraphs ``(number, text)``; numbered ones hang at `_HANG`,
    `CONTINUED` ones are indented as far."""
    first = not append
    for number, text in paragraphs:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        if number == CONTINUED:
            fmt(paragraph, face, align=align, indent=_HANG)
        else:
            fmt(paragraph, face, align=align, hang=_HANG if number else 0)
        if first:
            paragraph.paragraph_format.space_before = Twips(PAD_Y)
        first = False
        if number.strip():
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
            cells = [
                _GridCell(head_l, context.butir(items_l), half[0], bold, small),
                _GridCell(head_r, context.butir(items_r), half[1], bold, small),
            ]
            while True:
                h = max(c.height() for c in cells)
                if h <= room:
                    self._grid_row(table, cells, h)
                    room -= h
                    break
                parts = [c.split(room) for c in cells]
                if all(part is not None for part in parts):
                    self._grid_row(table, [head for head, _rest in parts], room)
                    cells = [rest for _head, rest in parts]
                elif room == full:
                    raise LayoutError(f"{head_l} / {head_r}: baris tidak dapat dipecah")
                pages += 1
                room = full
        return pages

    def _grid_row(self, table: Table, cells: list[_GridCell], h: int) -> None:
        row = add_row(table, h)
        left = row.cells[0].merge(row.cells[1])
        for cell, content in ((left, cells[0]), (row.cells[2], cells[1])):
            if content.head:
                write(cell, [("", content.head)], content.bold)
            if content.items:
                write(cell, content.items, content.small, append=bool(content.head))
            if not content.head and not content.items:
                tiny_paragraph(cell.paragraphs[0])

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
