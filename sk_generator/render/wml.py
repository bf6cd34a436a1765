"""WordprocessingML tables written as text: the SOP's tables, fast.

python-docx sets every paragraph and run property through a schema-ordered insert
(`get_or_add_child` and a linear search for the successor), and `row.cells` walks the
whole grid on each call: for a procedure table of a few hundred cells that is most of
the SOP's rendering time. Here a table is written as one XML string, with the child
order of the schema (tcPr: tcW, gridSpan, vMerge, tcMar, vAlign; pPr: widowControl,
spacing, ind, jc, rPr; rPr: rFonts, b, sz, u), and parsed once with python-docx's
parser, so the result is the same element tree python-docx itself would build (its
proxies work on it afterwards).

Pictures go through python-docx's image-part API (:meth:`Picture.of`), which stores
identical images once per package (parts are keyed by the SHA-1 of the bytes) however
many cells show them.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt

from sk_generator.render.measure import Face

#: Namespace declarations of a table fragment (dropped again where the body has them).
_TABLE_NS = nsdecls("w", "r", "wp")
_PIC_NS = nsdecls("a", "pic")


def text(value: str) -> str:
    """Run content for `value` as python-docx writes it: a tab is `<w:tab/>`, a line
    break `<w:br/>`, the rest `<w:t>` (space-preserving when it starts or ends blank)."""
    if not value:
        return ""
    parts: list[str] = []
    chunk: list[str] = []
    for char in value:
        if char == "\t" or char in "\r\n":
            if chunk:
                parts.append(_t("".join(chunk)))
                chunk = []
            parts.append("<w:tab/>" if char == "\t" else "<w:br/>")
        else:
            chunk.append(char)
    if chunk:
        parts.append(_t("".join(chunk)))
    return "".join(parts)


def _t(value: str) -> str:
    if len(value.strip()) < len(value):
        return f'<w:t xml:space="preserve">{escape(value)}</w:t>'
    return f"<w:t>{escape(value)}</w:t>"


@functools.lru_cache(maxsize=256)
def rpr(family: str, size: float, bold: bool, underline: bool = False) -> str:
    """Run properties: typeface (ASCII and high ANSI), bold on or off, size."""
    b = "<w:b/>" if bold else '<w:b w:val="0"/>'
    u = '<w:u w:val="single"/>' if underline else ""
    half_points = int(Pt(size).pt * 2)  # as python-docx writes Pt(size)
    return (
        f"<w:rPr><w:rFonts w:ascii={quoteattr(family)} w:hAnsi={quoteattr(family)}/>"
        f'{b}<w:sz w:val="{half_points}"/>{u}</w:rPr>'
    )


def run(value: str, face: Face, *, bold: bool | None = None, underline: bool = False) -> str:
    strong = face.bold if bold is None else bold
    return f"<w:r>{rpr(face.family, face.size, strong, underline)}{text(value)}</w:r>"


@functools.lru_cache(maxsize=1024)
def ppr(
    line: int | None,
    *,
    before: int = 0,
    after: int = 0,
    center: bool = False,
    left: int = 0,
    hanging: int = 0,
    page_break: bool = False,
) -> str:
    """Paragraph properties: no widow control, spacing (exact `line` twips), indents;
    `page_break` starts the paragraph on a new page."""
    spacing = f'<w:spacing w:before="{before}" w:after="{after}"'
    if line is not None:
        spacing += f' w:line="{line}" w:lineRule="exact"'
    ind = ""
    if left or hanging:
        ind = f'<w:ind w:left="{left}"' + (f' w:hanging="{hanging}"' if hanging else "") + "/>"
    jc = '<w:jc w:val="center"/>' if center else ""
    brk = "<w:pageBreakBefore/>" if page_break else ""
    return f'<w:pPr>{brk}<w:widowControl w:val="0"/>{spacing}/>{ind}{jc}</w:pPr>'


def paragraphs(
    items: Sequence[tuple[str, str]],
    face: Face,
    *,
    hang: int,
    continued: str,
    pad_top: int,
    center: bool = False,
    bold: Sequence[bool | None] = (),
) -> str:
    """Paragraphs ``(number, text)`` in exact line spacing: a numbered one hangs its text
    at `hang` twips (number, tab, text), a `continued` one is indented as far; the first
    gets `pad_top` twips of space before (0 to append to a cell's earlier paragraphs)."""
    out = []
    line = face.line_twips
    for k, (number, value) in enumerate(items):
        before = pad_top if k == 0 else 0
        if number == continued:
            props = ppr(line, before=before, center=center, left=hang)
        elif number:
            props = ppr(line, before=before, center=center, left=hang, hanging=hang)
        else:
            props = ppr(line, before=before, center=center)
        content = f"{number}\t{value}" if number.strip() else value
        strong = bold[k] if k < len(bold) else None
        out.append(f"<w:p>{props}{run(content, face, bold=strong)}</w:p>")
    return "".join(out)


#: A paragraph 1 pt high: cells without text, section-break carriers.
TINY_P = (
    '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
    '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'
)
EMPTY_P = "<w:p/>"
_NO_MAR = (
    '<w:tcMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar>'
)


def cell(
    width: int,
    content: str,
    *,
    span: int = 1,
    vmerge: str | None = None,
    no_padding: bool = False,
    middle: bool = False,
    vertical: bool = False,
) -> str:
    """A `w:tc` of `width` twips; `vmerge` "restart" starts a vertical merge, "" continues
    one (the continued cell holds an empty paragraph); `vertical` text reads bottom to
    top."""
    props = f'<w:tcW w:type="dxa" w:w="{width}"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge is not None:
        props += f'<w:vMerge w:val="{vmerge}"/>' if vmerge else "<w:vMerge/>"
    if no_padding:
        props += _NO_MAR
    if vertical:
        props += '<w:textDirection w:val="btLr"/>'
    if middle:
        props += '<w:vAlign w:val="center"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{content or EMPTY_P}</w:tc>"


def row(height: int, cells: Iterable[str], *, header: bool = False) -> str:
    """A `w:tr` of exact `height` twips that never splits; `header` repeats it."""
    repeat = "<w:tblHeader/>" if header else ""
    return (
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{height}" w:hRule="exact"/>'
        f"{repeat}</w:trPr>{''.join(cells)}</w:tr>"
    )


_BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'


def table(
    widths: Sequence[int], rows: Iterable[str], *, borders: bool, pad_x: int, indent=0
) -> str:
    """A fixed-layout table: these grid widths, single 1/2 pt borders (or none), `pad_x`
    at the sides and no top or bottom cell margin: LibreOffice does not let a cell
    override the table's, and the flowchart cells need none (text cells get their top
    padding as space before their first paragraph instead)."""
    edge = _BORDER if borders else 'w:val="nil"'
    sides = "".join(
        f"<w:{side} {edge}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f"<w:tbl {_TABLE_NS}><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblInd w:w="{indent}" w:type="dxa"/>'
        f'<w:tblBorders>{sides}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{pad_x}" w:type="dxa"/>'
        f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{pad_x}" w:type="dxa"/></w:tblCellMar>'
        f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
        f"{''.join(rows)}</w:tbl>"
    )


def append_table(doc: DocxDocument, xml: str) -> None:
    """Parse table `xml` and add it at the end of the document body."""
    doc.element.body._insert_tbl(parse_xml(xml))


def append_paragraphs(doc: DocxDocument, xml: str) -> None:
    """Parse paragraphs `xml` (one or more `w:p`) and add them at the end of the body."""
    holder = parse_xml(f"<w:body {_TABLE_NS}>{xml}</w:body>")
    body = doc.element.body
    for paragraph in list(holder):
        body._insert_p(paragraph)


@dataclass
class Pictures:
    """Inline pictures of one document: image parts shared by content, shape ids counted
    (python-docx's own `next_id` scans the whole document for every picture)."""

    doc: DocxDocument
    next_id: int = 0
    #: rId and file name per picture already in the document (the same tile bytes
    #: come back for every cell that shows the same piece).
    known: dict[bytes, tuple[str, str]] = field(default_factory=dict)

    def inline(self, png: bytes, cx: int, cy: int, *, no_distance: bool = False) -> str:
        """`w:drawing` XML of `png` shown `cx` x `cy` EMU; `no_distance` writes wrap
        distances of 0 (LibreOffice otherwise shifts the picture by its default)."""
        part = self.doc.part
        found = self.known.get(png)
        if found is None:
            rid, image = part.get_or_add_image(io.BytesIO(png))
            found = self.known[png] = (rid, image.filename)
        rid, filename = found
        if not self.next_id:
            self.next_id = part.next_id
        shape = self.next_id
        self.next_id += 1
        dist = ' distT="0" distB="0" distL="0" distR="0"' if no_distance else ""
        name = quoteattr(filename)
        return (
            f"<w:drawing><wp:inline {_PIC_NS}{dist}>"
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{shape}" name="Picture {shape}"/>'
            '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/>'
            "</wp:cNvGraphicFramePr><a:graphic>"
            '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name={name}/><pic:cNvPicPr/>'
            f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/>'
            '</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/>'
            f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr>'
            "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
        )


__all__ = [
    "EMPTY_P",
    "TINY_P",
    "Pictures",
    "append_paragraphs",
    "append_table",
    "cell",
    "paragraphs",
    "ppr",
    "row",
    "rpr",
    "run",
    "table",
    "text",
]
