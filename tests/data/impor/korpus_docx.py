"""Word files of the import corpus, made the way agencies make them.

python-docx gives the package; tables and shapes are written as WordprocessingML and
DrawingML by hand (python-docx has no shapes): `wp:anchor` shapes inside `mc:AlternateContent`
as Word saves them (with a VML fallback that a reader must not count twice), anchored
in table cells or floating over the table, grouped (`wpg:wgp`) or single.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.shared import Pt

from tests.data.impor.spesifikasi import Spec
from tests.data.impor.tata_letak import Layout, LShape, draw

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
EMU = 12700
MARGIN_LEFT = 72.0
PRESET = {
    "terminator": "flowChartTerminator",
    "process": "flowChartProcess",
    "decision": "flowChartDecision",
    "offpage": "flowChartOffpageConnector",
    "label": "rect",
    "arrow": "bentConnector3",
}


def _t(text: str) -> str:
    out = []
    for k, line in enumerate(text.split("\n")):
        if k:
            out.append("<w:br/>")
        out.append(f'<w:t xml:space="preserve">{escape(line)}</w:t>')
    return "".join(out)


def para(text: str = "", *, bold: bool = False, numbered: bool = False, extra: str = "") -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    ppr = '<w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>'
    if numbered:
        ppr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    return f"<w:p>{ppr}<w:r>{rpr}{_t(text)}</w:r>{extra}</w:p>"


def cell(
    width: float, body: str, *, span: int = 1, vmerge: str | None = None, fill: str = ""
) -> str:
    props = f'<w:tcW w:w="{round(width * 20)}" w:type="dxa"/>'
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge is not None:
        props += f'<w:vMerge w:val="{vmerge}"/>' if vmerge else "<w:vMerge/>"
    if fill:
        props += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{body or '<w:p/>'}</w:tc>"


def row(height: float, cells: list[str], *, header: bool = False) -> str:
    flag = "<w:tblHeader/>" if header else ""
    return (
        f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{round(height * 20)}" '
        f'w:hRule="exact"/>{flag}</w:trPr>{"".join(cells)}</w:tr>'
    )


def table(widths: list[float], rows: list[str]) -> str:
    grid = "".join(f'<w:gridCol w:w="{round(w * 20)}"/>' for w in widths)
    border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
    sides = "".join(
        f"<w:{s} {border}/>" for s in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    return (
        f'<w:tbl {NS}><w:tblPr><w:tblW w:w="{round(sum(widths) * 20)}" w:type="dxa"/>'
        f'<w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{sides}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>'
    )


def _wsp(s: LShape, x: float, y: float) -> str:
    """A `wps:wsp` at (x, y) in its parent's frame (EMU)."""
    flips = ""
    if s.kind == "arrow" and s.start and s.end:
        flips = (' flipH="1"' if s.end[0] < s.start[0] else "") + (
            ' flipV="1"' if s.end[1] < s.start[1] else ""
        )
    prst = PRESET[s.kind]
    if s.kind == "arrow" and s.start and s.end and s.start[0] == s.end[0]:
        prst = "straightConnector1"
    line = '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
    line += '<a:tailEnd type="triangle"/></a:ln>' if s.kind == "arrow" else "</a:ln>"
    if s.kind == "label":
        line = "<a:ln><a:noFill/></a:ln>"
    fill = (
        "<a:noFill/>"
        if s.kind in ("label", "arrow")
        else '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>'
    )
    text = ""
    if s.text:
        text = (
            f'<wps:txbx><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>'
            f'<w:rPr><w:sz w:val="16"/></w:rPr>{_t(s.text)}</w:r></w:p></w:txbxContent></wps:txbx>'
        )
    nv = "<wps:cNvCnPr/>" if s.kind == "arrow" else "<wps:cNvSpPr/>"
    return (
        f'<wps:wsp><wps:cNvPr id="{s.ident}" name="Shape {s.ident}"/>{nv}<wps:spPr>'
        f'<a:xfrm{flips}><a:off x="{round(x * EMU)}" y="{round(y * EMU)}"/>'
        f'<a:ext cx="{round(s.w * EMU)}" cy="{round(s.h * EMU)}"/></a:xfrm>'
        f'<a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom>{fill}{line}</wps:spPr>{text}'
        '<wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr"/></wps:wsp>'
    )


def anchor(
    s: LShape,
    h_rel: str,
    x: float,
    v_rel: str,
    y: float,
    *,
    in_cell: bool,
    content: str = "",
    size: tuple[float, float] | None = None,
) -> str:
    """A floating drawing (Word's `mc:AlternateContent`, VML fallback left for readers
    to skip) at offset (x, y) points from `h_rel` / `v_rel`."""
    w, h = size or (s.w, s.h)
    uri = (
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
        if content
        else "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    )
    body = content or _wsp(s, 0, 0)
    return (
        f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{s.ident}" '
        f'behindDoc="0" locked="0" layoutInCell="{1 if in_cell else 0}" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="{h_rel}"><wp:posOffset>{round(x * EMU)}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="{v_rel}"><wp:posOffset>{round(y * EMU)}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{round(w * EMU)}" cy="{round(h * EMU)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{s.ident}" name="Shape {s.ident}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{uri}">{body}</a:graphicData></a:graphic></wp:anchor>'
        "</w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:rect style="position:absolute;margin-left:{x}pt;margin-top:{y}pt;width:{w}pt;height:{h}pt"/>'
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def group(shapes: list[LShape], h_left: float, v_top: float) -> str:
    """Shapes as one Word group anchored from the page (x) and paragraph (y)."""
    x0 = min(s.x for s in shapes)
    y0 = min(s.y for s in shapes)
    w = max(s.x + s.w for s in shapes) - x0
    h = max(s.y + s.h for s in shapes) - y0
    # The group's child frame is in EMU at twice the scale, to check the scaling.
    k = 2
    children = "".join(_wsp(_scaled(s, x0, y0, k), (s.x - x0) * k, (s.y - y0) * k) for s in shapes)
    content = (
        '<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{round(w * EMU)}" cy="{round(h * EMU)}"/><a:chOff x="0" y="0"/>'
        f'<a:chExt cx="{round(w * k * EMU)}" cy="{round(h * k * EMU)}"/></a:xfrm></wpg:grpSpPr>'
        f"{children}</wpg:wgp>"
    )
    first = shapes[0]
    return anchor(
        first,
        "page",
        h_left + x0,
        "paragraph",
        v_top + y0,
        in_cell=False,
        content=content,
        size=(w, h),
    )


def _scaled(s: LShape, x0: float, y0: float, k: float) -> LShape:
    return LShape(s.kind, s.text, s.x, s.y, s.w * k, s.h * k, s.row, s.ident, s.start, s.end)


def identity_table(spec: Spec) -> str:
    widths = [230.0, 140.0, 12.0, 418.0]
    rows = []
    kop = "\n".join(spec.kop)
    for k, (label, value) in enumerate(spec.identity):
        first = (
            cell(widths[0], para(kop, bold=True), vmerge="restart")
            if k == 0
            else cell(widths[0], "", vmerge="")
        )
        body = "".join(para(line) for line in value.split("\n"))
        rows.append(
            row(
                16 * max(1, value.count("\n") + 1) + 6,
                [
                    first,
                    cell(widths[1], para(label)),
                    cell(widths[2], para(":")),
                    cell(widths[3], body),
                ],
            )
        )
    pairs = [spec.grid[k : k + 2] for k in range(0, len(spec.grid), 2)]
    for (head_l, items_l), (head_r, items_r) in pairs:
        rows.append(
            row(
                18,
                [
                    cell(widths[0] + widths[1], para(head_l + " :", bold=True), span=2),
                    cell(widths[2] + widths[3], para(head_r + " :", bold=True), span=2),
                ],
            )
        )
        body_l = "".join(para(t) for t in items_l)
        body_r = "".join(para(t) for t in items_r)
        height = (
            14 * max(sum(1 + len(t) // 60 for t in items_l), sum(1 + len(t) // 90 for t in items_r))
            + 6
        )
        rows.append(
            row(
                height,
                [
                    cell(widths[0] + widths[1], body_l, span=2),
                    cell(widths[2] + widths[3], body_r, span=2),
                ],
            )
        )
    return table(widths, rows)


def new_document() -> Document:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Pt(935.4), Pt(609.4)
    section.left_margin = Pt(MARGIN_LEFT)
    section.right_margin = section.top_margin = section.bottom_margin = Pt(57)
    doc.element.body.remove(doc.element.body[0]) if len(doc.element.body) > 1 else None
    return doc


def add(doc: Document, xml: str) -> None:
    element = parse_xml(xml if xml.startswith("<w:tbl") else f"<w:body {NS}>{xml}</w:body>")
    body = doc.element.body
    items = [element] if xml.startswith("<w:tbl") else list(element)
    for item in items:
        body.sectPr.addprevious(item)


def save(doc: Document, path: Path) -> None:
    doc.core_properties.author = "Korpus uji sk-generator"
    doc.save(str(path))


def procedure_rows(
    spec: Spec, layout: Layout, *, marks: dict[int, str] | None = None, header_flag: bool = True
) -> list[str]:
    """The procedure table's rows; `marks` puts a mark ("v", "X" or "fill") in the
    step's Pelaksana cell instead of drawing."""
    w = layout.widths
    n = len(spec.pelaksana)
    keg, kel, ket = spec.heads
    out = []
    for r in layout.rows:
        if r.kind == "head1":
            out.append(
                row(
                    r.height,
                    [
                        cell(w[0], para("No.", bold=True), vmerge="restart"),
                        cell(w[1], para(keg, bold=True), vmerge="restart"),
                        cell(sum(w[2 : 2 + n]), para("Pelaksana", bold=True), span=n),
                        cell(sum(w[2 + n : 5 + n]), para("Mutu Baku", bold=True), span=3),
                        cell(w[-1], para(ket, bold=True), vmerge="restart"),
                    ],
                    header=header_flag,
                )
            )
        elif r.kind == "head2":
            names = [cell(w[2 + k], para(name, bold=True)) for k, name in enumerate(spec.pelaksana)]
            mutu = [
                cell(w[2 + n + k], para(t, bold=True))
                for k, t in enumerate((kel, "Waktu", "Output"))
            ]
            out.append(
                row(
                    r.height,
                    [
                        cell(w[0], "", vmerge=""),
                        cell(w[1], "", vmerge=""),
                        *names,
                        *mutu,
                        cell(w[-1], "", vmerge=""),
                    ],
                    header=header_flag,
                )
            )
        elif r.kind == "connector":
            out.append(row(r.height, [cell(x, "") for x in w]))
        elif r.kind == "jumlah":
            out.append(
                row(
                    r.height,
                    [
                        cell(
                            sum(w[: 3 + n]),
                            para("Jumlah Waktu Penyelesaian", bold=True),
                            span=3 + n,
                        ),
                        cell(w[3 + n], para(spec.jumlah)),
                        cell(w[4 + n], ""),
                        cell(w[5 + n], ""),
                    ],
                )
            )
        else:
            assert r.step is not None
            s = spec.steps[r.step]
            pel = []
            for k in range(n):
                mark = (marks or {}).get(r.step, "") if k == s.col else ""
                pel.append(
                    cell(
                        w[2 + k],
                        para(mark) if mark not in ("", "fill") else "",
                        fill="808080" if mark == "fill" else "",
                    )
                )
            kel_body = "".join(
                para(f"{j}. {t}" if len(s.kelengkapan) > 1 else t)
                for j, t in enumerate(s.kelengkapan, 1)
            )
            out.append(
                row(
                    r.height,
                    [
                        cell(w[0], para(s.no)),
                        cell(w[1], para(s.kegiatan)),
                        *pel,
                        cell(w[2 + n], kel_body),
                        cell(w[3 + n], para(s.waktu)),
                        cell(w[4 + n], para(s.output)),
                        cell(w[5 + n], para(s.ket)),
                    ],
                )
            )
    return out


def in_cells(spec: Spec, path: Path) -> None:
    """Shapes anchored in the Pelaksana cells (offsets from the cell); typed repeated
    header rows and off-page connectors at the page break."""
    layout = draw(spec, 118, typed_header=True)
    rows = procedure_rows(spec, layout, header_flag=False)
    extra: dict[int, list[str]] = {}
    n_cols = len(spec.pelaksana)
    for s in layout.shapes:
        col = min(n_cols - 1, max(0, int((s.x + s.w / 2 - layout.left(2)) // layout.widths[2])))
        cx, cy = layout.left(2 + col), layout.top(s.row)
        extra.setdefault(s.row, []).append(
            anchor(s, "column", s.x - cx, "paragraph", s.y - cy, in_cell=True) + f"<!--{col}-->"
        )
    out = []
    for k, xml in enumerate(rows):
        for run in extra.get(k, []):
            run, col_text = run.rsplit("<!--", 1)
            col = int(col_text.rstrip("->"))
            xml = _put_in_cell(xml, 2 + col, run)
        out.append(xml)
    doc = new_document()
    add(doc, identity_table(spec))
    add(doc, '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    add(doc, table(layout.widths, out))
    save(doc, path)


def _put_in_cell(row_xml: str, index: int, run: str) -> str:
    """Append `run` to the first paragraph of the `index`-th cell of a row's XML."""
    parts = row_xml.split("<w:tc>")
    target = parts[index + 1]
    if "<w:p/>" in target:
        target = target.replace("<w:p/>", f"<w:p>{run}</w:p>", 1)
    else:
        target = target.replace("</w:p>", f"{run}</w:p>", 1)
    parts[index + 1] = target
    return "<w:tc>".join(parts)


def floating(spec: Spec, path: Path) -> None:
    """Shapes floating over the table, anchored in the paragraph just before it:
    x from the page, y from that paragraph; the decision and its labels grouped."""
    layout = draw(spec, 70, typed_header=False)
    line_h = 14.0
    decision_rows = {
        r
        for r, x in enumerate(layout.rows)
        if x.step is not None and spec.steps[x.step].kind == "decision"
    }
    grouped = [s for s in layout.shapes if s.kind != "arrow" and s.row in decision_rows]
    runs = [group(grouped, MARGIN_LEFT, line_h)] if grouped else []
    for s in layout.shapes:
        if s in grouped:
            continue
        runs.append(anchor(s, "page", MARGIN_LEFT + s.x, "paragraph", line_h + s.y, in_cell=False))
    doc = new_document()
    add(doc, identity_table(spec))
    add(doc, '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    add(
        doc,
        f'<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="{round(line_h * 20)}" '
        f'w:lineRule="exact"/></w:pPr><w:r><w:t>SOP : {escape(spec.identity[-1][1].upper())}</w:t></w:r>'
        f"{''.join(r.replace(f'<w:r {NS}>', '<w:r>') for r in runs)}</w:p>",
    )
    add(doc, table(layout.widths, procedure_rows(spec, layout)))
    save(doc, path)


def marks(spec: Spec, path: Path) -> None:
    """No drawing: "v", "X" or a filled cell marks the Pelaksana; the procedure is typed
    as two tables (one per page), each with its header; grid items as a Word list."""
    layout = draw(spec, 60, typed_header=False)
    layout.shapes = []
    kinds = {0: "v", 1: "X", 2: "fill", 3: "V"}
    rows = procedure_rows(spec, layout, marks=kinds)
    head, steps, tail = rows[:2], rows[2:-1], rows[-1:]
    doc = new_document()
    add(doc, identity_table(spec))
    add(doc, '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    half = len(steps) // 2
    add(doc, table(layout.widths, head + steps[:half]))
    add(doc, '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    add(doc, table(layout.widths, head + steps[half:] + tail))
    save(doc, path)


def _vml(s: LShape, x: float, y: float) -> str:
    """A legacy VML shape (Word 2003 and documents converted from .doc) at (x, y) points
    from its cell's corner."""
    style = (
        f"position:absolute;margin-left:{x:.2f}pt;margin-top:{y:.2f}pt;width:{s.w}pt;height:{s.h}pt"
    )
    box = ""
    if s.text:
        box = f"<v:textbox><w:txbxContent>{para(s.text)}</w:txbxContent></v:textbox>"
    if s.kind == "arrow" and s.start and s.end:
        dx, dy = s.start[0] - s.x, s.start[1] - s.y
        ex, ey = s.end[0] - s.x, s.end[1] - s.y
        return (
            f'<v:line from="{x + dx:.2f}pt,{y + dy:.2f}pt" to="{x + ex:.2f}pt,{y + ey:.2f}pt">'
            '<v:stroke endarrow="block"/></v:line>'
        )
    if s.kind == "label":
        return f'<v:rect style="{style}" stroked="f" filled="f">{box}</v:rect>'
    if s.kind == "terminator":
        return f'<v:roundrect style="{style}" arcsize="0.5">{box}</v:roundrect>'
    if s.kind == "process":
        return f'<v:rect style="{style}">{box}</v:rect>'
    kind = {"decision": "110", "offpage": "177"}[s.kind]
    return f'<v:shape type="#_x0000_t{kind}" style="{style}">{box}</v:shape>'


def vml(spec: Spec, path: Path) -> None:
    """Shapes as VML (`w:pict`) in the Pelaksana cells, as older Word versions wrote them."""
    layout = draw(spec, 70, typed_header=False)
    rows = procedure_rows(spec, layout)
    n_cols = len(spec.pelaksana)
    for s in layout.shapes:
        col = min(n_cols - 1, max(0, int((s.x + s.w / 2 - layout.left(2)) // layout.widths[2])))
        cx, cy = layout.left(2 + col), layout.top(s.row)
        run = f"<w:r {NS}><w:pict>{_vml(s, s.x - cx, s.y - cy)}</w:pict></w:r>"
        rows[s.row] = _put_in_cell(rows[s.row], 2 + col, run)
    doc = new_document()
    add(doc, identity_table(spec))
    add(doc, '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    add(doc, table(layout.widths, rows))
    save(doc, path)
