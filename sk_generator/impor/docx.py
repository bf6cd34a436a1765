"""Read a Word SOP (.docx): its tables, their cells and the shapes drawn over them.

Read straight from the package's XML (lxml), not through python-docx's object model:
shapes, text boxes, merged cells and the markup-compatibility wrappers Word writes
around every modern shape (`mc:AlternateContent`, whose VML fallback would otherwise be
read twice) are all below what python-docx exposes.

Shapes are placed in their table's frame: a shape anchored in a cell from that cell's
edge, a floating one (anchored in the paragraph before the table, positioned from the
page or the margin) from the page's left margin and the table's indent. Row edges come
from the rows' heights; a row without a height is estimated from its lines (noted).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from sk_generator.impor import drawing
from sk_generator.impor.drawing import EMU_PER_PT, NS, Drawn, q
from sk_generator.impor.grid import Cell, Row, Shape, Table, edges
from sk_generator.impor.report import ImportProblem

#: Height of a line of body text (points) where a row or paragraph gives none.
LINE_PT = 13.8
_WHITE = {"", "auto", "FFFFFF", "ffffff", "none"}
#: Where the flow hints of documents this toolkit renders are kept (render/hints.py).
HINTS_PREFIX = "customXml/"


@dataclass
class DocxContent:
    tables: list[Table]
    #: Text of the body paragraphs outside tables, in order.
    paragraphs: list[str]
    #: Custom XML parts (name, bytes): where flow hints may be.
    custom_xml: list[tuple[str, bytes]] = field(default_factory=list)


def read_docx(path: Path) -> DocxContent:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if "word/document.xml" not in names:
                raise ImportProblem("bukan dokumen Word: bagian word/document.xml tidak ada")
            xml = archive.read("word/document.xml")
            custom = [
                (n, archive.read(n))
                for n in names
                if n.startswith(HINTS_PREFIX) and n.endswith(".xml") and "/_rels/" not in n
            ]
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportProblem(f"berkas tidak dapat dibuka sebagai .docx (rusak?): {exc}") from None
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        raise ImportProblem(f"isi dokumen rusak (XML tidak sah): {exc}") from None
    body = root.find(q("w:body"))
    if body is None:
        raise ImportProblem("dokumen Word tanpa isi (w:body)")
    content = _Walker(body).walk()
    content.custom_xml = custom
    return content


class _Walker:
    """Goes through the body in order; floating shapes wait for the next table."""

    def __init__(self, body: etree._Element) -> None:
        self.body = body
        self.margin_left = _margin_left(body)
        self.tables: list[Table] = []
        self.paragraphs: list[str] = []
        self.pending: list[tuple[etree._Element, float]] = []

    def walk(self) -> DocxContent:
        for child in self.body:
            if child.tag == q("w:p"):
                self.paragraphs.append(paragraph_text(child))
                height = _paragraph_height(child)
                # A floating shape's "paragraph" offset counts from the anchor paragraph's
                # top; the table starts below the paragraphs that follow it.
                self.pending = [(a, y - height) for a, y in self.pending]
                self.pending += [(a, -height) for a in child.iter(q("wp:anchor"))]
            elif child.tag == q("w:tbl"):
                self.tables.append(self._table(child))
                self.pending = []
        return DocxContent(self.tables, self.paragraphs)

    def _table(self, tbl: etree._Element) -> Table:
        number = len(self.tables) + 1
        widths = [_twips(g.get(q("w:w"))) / 20 for g in tbl.iter(q("w:gridCol"))]
        left = self.margin_left + _table_indent(tbl)
        rows, heights, guessed = [], [], False
        anchored: list[tuple[etree._Element, int, int]] = []
        for r_index, tr in enumerate(tbl.findall(q("w:tr"))):
            row, height, anchors = _row(tr, number, r_index)
            guessed = guessed or height is None
            rows.append(row)
            heights.append(height if height is not None else _estimate(row))
            anchored += [(a, r_index, col) for a, col in anchors]
        if not widths:
            count = max((c.col + c.span for r in rows for c in r.cells), default=1)
            widths = [72.0] * count
        table = Table(f"tabel {number}", rows, edges(widths), edges(heights))
        table.heights_guessed = guessed
        for anchor, r_index, col in anchored:
            origin = (table.col_edges[col], table.row_edges[r_index])
            self._place(table, anchor, origin, in_cell=True, table_left=left)
        for anchor, y in self.pending:
            # Not in a cell: "column" means the page's text column (origin x < 0 says so).
            self._place(table, anchor, (-1.0, y), in_cell=False, table_left=left)
        return table

    def _place(
        self,
        table: Table,
        element: etree._Element,
        origin: tuple[float, float],
        *,
        in_cell: bool,
        table_left: float,
    ) -> None:
        """Add the shapes of a drawing to `table`, in the table's frame."""
        if element.tag == q("wp:anchor"):
            ox, oy = _anchor_offset(element, origin, table_left, self.margin_left)
        else:  # inline drawings and VML: at the anchor (cell or paragraph) itself
            ox, oy = origin if in_cell else (0.0, origin[1])
        extent = element.find(q("wp:extent"))
        w = float(extent.get("cx", 0)) if extent is not None else 0.0
        h = float(extent.get("cy", 0)) if extent is not None else 0.0
        doc_pr = element.find(q("wp:docPr"))
        found: list[Drawn] = []
        data = element.find(f"{q('a:graphic')}/{q('a:graphicData')}")
        if data is not None:
            found = drawing.word_shapes(data, (0.0, 0.0, w, h))
            if len(found) == 1 and doc_pr is not None and data.find(q("wps:wsp")) is not None:
                found[0].ident = found[0].ident or doc_pr.get("id", "")
        elif element.tag != q("wp:inline"):
            vml = drawing.vml_shape(element)
            found = [vml] if vml is not None else []
        for d in found:
            _add(table, d, ox, oy)


def _add(table: Table, d: Drawn, ox: float, oy: float) -> None:
    x, y, w, h = (v / EMU_PER_PT for v in (d.x, d.y, d.w, d.h))
    shape = Shape(d.kind, d.text, ox + x, oy + y, w, h, "", d.ident, d.start_id, d.end_id)
    if d.kind == "arrow":
        (x0, y0), (x1, y1) = d.line_ends()
        shape.start = (ox + x0 / EMU_PER_PT, oy + y0 / EMU_PER_PT)
        shape.end = (ox + x1 / EMU_PER_PT, oy + y1 / EMU_PER_PT)
    shape.frame = table.name
    table.locate(shape)
    row = f"baris {shape.row + 1}" if shape.row is not None else "di luar baris tabel"
    col = f", kolom {shape.col + 1}" if shape.col is not None else ""
    shape.place = f"{table.name}, {row}{col}"
    table.shapes.append(shape)


def _row(
    tr: etree._Element, table: int, r_index: int
) -> tuple[Row, float | None, list[tuple[etree._Element, int]]]:
    tr_pr = tr.find(q("w:trPr"))
    col = 0
    height = None
    header = False
    if tr_pr is not None:
        before = tr_pr.find(q("w:gridBefore"))
        col = int(before.get(q("w:val"), "0")) if before is not None else 0
        tr_h = tr_pr.find(q("w:trHeight"))
        if tr_h is not None and tr_h.get(q("w:val")):
            height = _twips(tr_h.get(q("w:val"))) / 20
        header = tr_pr.find(q("w:tblHeader")) is not None
    cells: list[Cell] = []
    anchors: list[tuple[etree._Element, int]] = []
    for tc in tr.findall(q("w:tc")):
        cell, found = _cell(tc, col, f"tabel {table}, baris {r_index + 1}, kolom {col + 1}")
        cells.append(cell)
        anchors += [(a, col) for a in found]
        col += cell.span
    return Row(cells, f"tabel {table}, baris {r_index + 1}", header), height, anchors


def _cell(tc: etree._Element, col: int, place: str) -> tuple[Cell, list[etree._Element]]:
    pr = tc.find(q("w:tcPr"))
    span, merged_up, filled = 1, False, False
    if pr is not None:
        gs = pr.find(q("w:gridSpan"))
        span = int(gs.get(q("w:val"), "1")) if gs is not None else 1
        vm = pr.find(q("w:vMerge"))
        merged_up = vm is not None and vm.get(q("w:val"), "continue") != "restart"
        shd = pr.find(q("w:shd"))
        filled = shd is not None and shd.get(q("w:fill"), "") not in _WHITE
    paragraphs = [paragraph_text(p) for p in tc.findall(q("w:p"))]
    anchors: list[etree._Element] = []
    pictures = 0
    for p in tc.findall(q("w:p")):
        for d in _drawings(p):
            if d.find(f".//{q('pic:pic')}") is not None:
                pictures += 1
            else:
                anchors.append(d)
    text = "\n".join(paragraphs).strip("\n")
    return Cell(text, col, span, place, merged_up, filled, pictures), anchors


def _drawings(p: etree._Element) -> list[etree._Element]:
    """`wp:inline`/`wp:anchor` and VML shapes of a paragraph, VML fallbacks skipped."""
    out = []
    for el in p.iter(q("wp:inline"), q("wp:anchor"), q("w:pict")):
        if any(a.tag == q("mc:Fallback") for a in el.iterancestors()):
            continue
        if el.tag == q("w:pict"):
            out += [v for v in el if etree.QName(v).namespace == NS["v"]]
        else:
            out.append(el)
    return out


def paragraph_text(p: etree._Element) -> str:
    """The paragraph's own text (not its text boxes); tabs kept, breaks as newlines.
    A paragraph of a Word list gets a bullet, so its items split like typed ones."""
    parts: list[str] = []
    for el in p.iter(q("w:t"), q("w:tab"), q("w:br"), q("w:cr"), q("w:drawing"), q("w:pict")):
        if any(
            a.tag in (q("w:drawing"), q("w:pict"), q("mc:Fallback")) for a in el.iterancestors()
        ):
            continue
        if el.tag == q("w:t"):
            parts.append(el.text or "")
        elif el.tag == q("w:tab"):
            if el.getparent() is not None and el.getparent().tag == q("w:r"):
                parts.append("\t")
        elif el.tag in (q("w:br"), q("w:cr")):
            parts.append("\n")
    text = "".join(parts)
    if p.find(f"{q('w:pPr')}/{q('w:numPr')}") is not None and text.strip():
        text = "\u2022\t" + text
    return text


def _anchor_offset(
    anchor: etree._Element, origin: tuple[float, float], table_left: float, margin_left: float
) -> tuple[float, float]:
    """Frame position of a floating shape's top left corner. `origin` is the anchor's
    own top left in the frame (a cell's corner, or above the table for a paragraph
    before it); `table_left` is the table's left edge on the page."""
    x, y = origin
    pos_h = anchor.find(q("wp:positionH"))
    pos_v = anchor.find(q("wp:positionV"))
    if pos_h is not None:
        offset = _pos_offset(pos_h)
        relative = pos_h.get("relativeFrom", "column")
        if relative == "page":
            x = offset - table_left
        elif relative in ("margin", "leftMargin") or origin[0] < 0:
            x = offset + margin_left - table_left
        else:  # column, character: the cell's (or the text column's) left edge
            x = origin[0] + offset
    if pos_v is not None:
        y += _pos_offset(pos_v)
    return x, y


def _pos_offset(pos: etree._Element) -> float:
    off = pos.find(q("wp:posOffset"))
    return float(off.text or 0) / EMU_PER_PT if off is not None else 0.0


def _estimate(row: Row) -> float:
    lines = max((len(c.text.split("\n")) for c in row.cells), default=1)
    return max(lines, 1) * LINE_PT + 6


def _paragraph_height(p: etree._Element) -> float:
    spacing = p.find(f"{q('w:pPr')}/{q('w:spacing')}")
    if spacing is not None and spacing.get(q("w:lineRule")) == "exact":
        return _twips(spacing.get(q("w:line"))) / 20
    return LINE_PT


def _margin_left(body: etree._Element) -> float:
    mar = body.find(f".//{q('w:sectPr')}/{q('w:pgMar')}")
    return _twips(mar.get(q("w:left"))) / 20 if mar is not None else 72.0


def _table_indent(tbl: etree._Element) -> float:
    ind = tbl.find(f"{q('w:tblPr')}/{q('w:tblInd')}")
    return _twips(ind.get(q("w:w"))) / 20 if ind is not None else 0.0


def _twips(value: str | None) -> float:
    try:
        return float(value or 0)
    except ValueError:
        return 0.0
