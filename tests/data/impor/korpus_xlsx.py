"""Excel files of the import corpus: the SOP in cells, the flowchart as DrawingML.

openpyxl writes the cells (merged headers, line breaks, fills) but no shapes, so the
drawing part (`xdr:twoCellAnchor` shapes, `xdr:cxnSp` connectors naming their end
shapes) is added to the package afterwards, as Excel itself stores it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tests.data.impor.spesifikasi import Spec
from tests.data.impor.tata_letak import Layout, LShape, draw

EMU = 12700
PRESET = {
    "terminator": "flowChartTerminator",
    "process": "flowChartProcess",
    "decision": "flowChartDecision",
    "offpage": "flowChartOffpageConnector",
    "label": "rect",
}


def chars(points: float) -> float:
    """Excel column width (characters) for `points` (the reader's inverse)."""
    return round((points / 0.75 - 5) / 7, 2)


def effective(points: float) -> float:
    return (chars(points) * 7 + 5) * 0.75


def _identity(ws, spec: Spec, last_col: int) -> int:
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=1, start_column=1, end_row=len(spec.identity), end_column=2)
    ws.cell(1, 1, "\n".join(spec.kop)).font = bold
    for k, (label, value) in enumerate(spec.identity, start=1):
        ws.cell(k, 3, label)
        ws.cell(k, 4, ":")
        ws.merge_cells(start_row=k, start_column=5, end_row=k, end_column=last_col)
        ws.cell(k, 5, value).alignment = wrap
        ws.row_dimensions[k].height = 15 * (value.count("\n") + 1)
    r = len(spec.identity) + 1
    for k in range(0, len(spec.grid), 2):
        (head_l, items_l), (head_r, items_r) = spec.grid[k : k + 2]
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
        ws.merge_cells(start_row=r, start_column=5, end_row=r, end_column=last_col)
        ws.cell(r, 1, head_l + ":").font = bold
        ws.cell(r, 5, head_r + ":").font = bold
        ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=4)
        ws.merge_cells(start_row=r + 1, start_column=5, end_row=r + 1, end_column=last_col)
        ws.cell(r + 1, 1, "\n".join(items_l)).alignment = wrap
        ws.cell(r + 1, 5, "\n".join(items_r)).alignment = wrap
        ws.row_dimensions[r + 1].height = 15 * max(len(items_l) * 2, len(items_r) * 2)
        r += 2
    return r + 1  # a blank row before the procedure


def _procedure(ws, spec: Spec, layout: Layout, top: int, *, naming: bool) -> None:
    n = 1 if naming else len(spec.pelaksana)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="center")
    keg, kel, ket = spec.heads
    last = 6 + n
    for k, r in enumerate(layout.rows):
        row = top + k
        ws.row_dimensions[row].height = r.height
        if r.kind == "head1":
            ws.merge_cells(start_row=row, start_column=1, end_row=row + 1, end_column=1)
            ws.merge_cells(start_row=row, start_column=2, end_row=row + 1, end_column=2)
            ws.merge_cells(start_row=row, start_column=last, end_row=row + 1, end_column=last)
            if n > 1:
                ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=2 + n)
            ws.merge_cells(start_row=row, start_column=3 + n, end_row=row, end_column=5 + n)
            for col, text in (
                (1, "No"),
                (2, keg),
                (3, "Pelaksana"),
                (3 + n, "Mutu Baku"),
                (last, ket),
            ):
                ws.cell(row, col, text).font = bold
        elif r.kind == "head2":
            if not naming:
                for j, name in enumerate(spec.pelaksana):
                    ws.cell(row, 3 + j, name).font = bold
            for j, text in enumerate((kel, "Waktu", "Output")):
                ws.cell(row, 3 + n + j, text).font = bold
        elif r.kind == "jumlah":
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3 + n)
            ws.cell(row, 1, "Jumlah Waktu Penyelesaian").font = bold
            ws.cell(row, 4 + n, spec.jumlah)
        elif r.step is not None:
            s = spec.steps[r.step]
            ws.cell(row, 1, int(s.no))
            ws.cell(row, 2, s.kegiatan).alignment = wrap
            if naming:
                ws.cell(row, 3, spec.pelaksana[s.col])
            ws.cell(row, 3 + n, "\n".join(s.kelengkapan)).alignment = wrap
            ws.cell(row, 4 + n, s.waktu).alignment = wrap
            ws.cell(row, 5 + n, s.output)
            ws.cell(row, 6 + n, s.ket or None)


def _point_to_cell(value: float, sizes: list[float]) -> tuple[int, int]:
    edge = 0.0
    for index, size in enumerate(sizes):
        if value < edge + size or index == len(sizes) - 1:
            return index, round((value - edge) * EMU)
        edge += size
    return 0, 0


def _anchor(s: LShape, xs: list[float], ys: list[float], x0: float, y0: float) -> str:
    c0, co0 = _point_to_cell(x0 + s.x, xs)
    r0, ro0 = _point_to_cell(y0 + s.y, ys)
    c1, co1 = _point_to_cell(x0 + s.x + s.w, xs)
    r1, ro1 = _point_to_cell(y0 + s.y + s.h, ys)
    marker = "<xdr:col>{}</xdr:col><xdr:colOff>{}</xdr:colOff><xdr:row>{}</xdr:row><xdr:rowOff>{}</xdr:rowOff>"
    box = f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{round(s.w * EMU)}" cy="{round(s.h * EMU)}"/></a:xfrm>'
    if s.kind == "arrow" and s.start and s.end:
        flips = (' flipH="1"' if s.end[0] < s.start[0] else "") + (
            ' flipV="1"' if s.end[1] < s.start[1] else ""
        )
        box = box.replace("<a:xfrm>", f"<a:xfrm{flips}>")
        prst = "straightConnector1" if s.start[0] == s.end[0] else "bentConnector3"
        body = (
            f'<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="{s.ident}" name="Konektor {s.ident}"/>'
            f'<xdr:cNvCxnSpPr><a:stCxn id="{s.start_id}" idx="2"/><a:endCxn id="{s.end_id}" idx="0"/>'
            f'</xdr:cNvCxnSpPr></xdr:nvCxnSpPr><xdr:spPr>{box}<a:prstGeom prst="{prst}"><a:avLst/>'
            '</a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill>'
            '<a:tailEnd type="triangle"/></a:ln></xdr:spPr></xdr:cxnSp>'
        )
    else:
        line = (
            "<a:ln><a:noFill/></a:ln>"
            if s.kind == "label"
            else '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>'
        )
        text = (
            f"<xdr:txBody><a:bodyPr/><a:p><a:r><a:t>{escape(s.text)}</a:t></a:r></a:p></xdr:txBody>"
            if s.text
            else ""
        )
        body = (
            f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{s.ident}" name="Bentuk {s.ident}"/>'
            f'<xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr>{box}<a:prstGeom prst="{PRESET[s.kind]}"><a:avLst/>'
            f"</a:prstGeom>{line}</xdr:spPr>{text}</xdr:sp>"
        )
    return (
        f"<xdr:twoCellAnchor><xdr:from>{marker.format(c0, co0, r0, ro0)}</xdr:from>"
        f"<xdr:to>{marker.format(c1, co1, r1, ro1)}</xdr:to>{body}<xdr:clientData/></xdr:twoCellAnchor>"
    )


def _drawing_xml(layout: Layout, xs: list[float], ys: list[float], top_row: int) -> str:
    y0 = sum(ys[: top_row - 1])
    anchors = "".join(_anchor(s, xs, ys, 0.0, y0) for s in layout.shapes)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">{anchors}</xdr:wsDr>'
    )


def _add_drawing(path: Path, drawing: str) -> None:
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace("</worksheet>", '<drawing r:id="rIdGambar1"/></worksheet>')
    if "xmlns:r=" not in sheet.split(">", 2)[1]:
        sheet = sheet.replace(
            "<worksheet ",
            '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
            1,
        )
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    parts["xl/worksheets/_rels/sheet1.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rIdGambar1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>'
    )
    parts["xl/drawings/drawing1.xml"] = drawing.encode()
    types = (
        parts["[Content_Types].xml"]
        .decode()
        .replace(
            "</Types>",
            '<Override PartName="/xl/drawings/drawing1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
        )
    )
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, blob in parts.items():
            out.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), blob, zipfile.ZIP_DEFLATED)


def _sheet(ws, spec: Spec, *, naming: bool, fills: bool) -> tuple[Layout, list[float], int]:
    layout = draw(spec, 48, typed_header=False)
    widths = layout.widths if not naming else [*layout.widths[:2], 110.0, *layout.widths[-4:]]
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = chars(width)
    top = _identity(ws, spec, len(widths))
    _procedure(ws, spec, layout, top, naming=naming)
    if fills:
        for k, r in enumerate(layout.rows):
            if r.step is not None:
                ws.cell(top + k, 3 + spec.steps[r.step].col).fill = PatternFill(
                    "solid", fgColor="FFC0C0C0"
                )
    return layout, widths, top


def workbook(
    spec: Spec, path: Path, *, naming: bool = False, fills: bool = False, extra: Spec | None = None
) -> None:
    """`naming`: one Pelaksana column naming the actor, no drawing; `fills`: filled cells
    mark the Pelaksana; otherwise shapes. `extra`: a second SOP on a second sheet (with a
    naming column), as agencies keep a workbook per bidang."""
    book = Workbook()
    ws = book.active
    ws.title = "SOP"
    layout, widths, top = _sheet(ws, spec, naming=naming, fills=fills)
    if extra is not None:
        _sheet(book.create_sheet("SOP 2"), extra, naming=True, fills=False)
    book.save(path)
    if naming or fills:
        return
    xs = [effective(w) for w in widths]
    ys = [ws.row_dimensions[r].height or 15.0 for r in range(1, top + len(layout.rows) + 1)]
    _add_drawing(path, _drawing_xml(layout, xs, ys, top))
