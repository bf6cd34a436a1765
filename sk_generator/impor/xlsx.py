"""Read an Excel SOP (.xlsx): each sheet's cells, and the shapes anchored to them.

Cells through openpyxl (values, merged ranges, fills, column widths, row heights).
openpyxl does not keep drawings, so the sheet's DrawingML part is read from the package:
`xdr:twoCellAnchor`/`oneCellAnchor`/`absoluteAnchor` give each shape's box in cells,
connectors (`xdr:cxnSp`) name the shapes at their ends (`a:stCxn`/`a:endCxn`).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import zipfile
from pathlib import Path

from lxml import etree
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sk_generator.impor.drawing import EMU_PER_PT, Drawn, connection_ids, kind_of, q, text_of
from sk_generator.impor.drawing import xfrm_box as _xfrm
from sk_generator.impor.grid import Cell, Row, Shape, Table, edges
from sk_generator.impor.report import ImportProblem

DEFAULT_WIDTH = 8.43
DEFAULT_HEIGHT = 15.0
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def read_xlsx(path: Path) -> list[Table]:
    try:
        book = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportProblem(f"berkas tidak dapat dibuka sebagai .xlsx (rusak?): {exc}") from None
    drawings = _drawings(path, book)
    tables = []
    for ws in book.worksheets:
        table = _sheet(ws)
        for drawn in drawings.get(ws.title, []):
            _add(table, ws.title, drawn)
        tables.append(table)
    return tables


def _width_pt(ws: Worksheet, col: int) -> float:
    dim = ws.column_dimensions.get(get_column_letter(col))
    chars = dim.width if dim is not None and dim.width else DEFAULT_WIDTH
    return (chars * 7 + 5) * 0.75


def _height_pt(ws: Worksheet, row: int) -> float:
    dim = ws.row_dimensions.get(row)
    return dim.height if dim is not None and dim.height else DEFAULT_HEIGHT


def _sheet(ws: Worksheet) -> Table:
    max_row, max_col = ws.max_row, ws.max_column
    spans: dict[tuple[int, int], int] = {}
    covered: set[tuple[int, int]] = set()
    below: set[tuple[int, int]] = set()
    for merged in ws.merged_cells.ranges:
        spans[(merged.min_row, merged.min_col)] = merged.max_col - merged.min_col + 1
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                if c != merged.min_col:
                    covered.add((r, c))
                elif r != merged.min_row:
                    below.add((r, c))
    rows = []
    for r in range(1, max_row + 1):
        cells = []
        for c in range(1, max_col + 1):
            if (r, c) in covered:
                continue
            cell = ws.cell(r, c)
            place = f"{ws.title}!{cell.coordinate}"
            fill = cell.fill
            filled = bool(
                fill is not None
                and fill.fill_type == "solid"
                and str(fill.fgColor.rgb) not in ("FFFFFFFF", "00000000", "None")
            )
            span = spans.get((r, c), 1)
            cells.append(Cell(_text(cell.value), c - 1, span, place, (r, c) in below, filled))
        rows.append(Row(cells, f"{ws.title}!baris {r}"))
    widths = [_width_pt(ws, c) for c in range(1, max_col + 1)]
    heights = [_height_pt(ws, r) for r in range(1, max_row + 1)]
    return Table(ws.title, rows, edges(widths), edges(heights))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\r\n", "\n")


def _add(table: Table, sheet: str, anchored: tuple[tuple[float, ...], Drawn]) -> None:
    frame, d = anchored
    x, y, w, h = frame
    shape = Shape(d.kind, d.text, x, y, w, h, "", d.ident, d.start_id, d.end_id)
    if d.kind == "arrow":
        d2 = Drawn(d.kind, "", x, y, w, h, flip_h=d.flip_h, flip_v=d.flip_v)
        shape.start, shape.end = d2.line_ends()
    shape.frame = sheet
    table.locate(shape)
    cell = ""
    if shape.row is not None and shape.col is not None:
        cell = f"{get_column_letter(shape.col + 1)}{shape.row + 1}"
    shape.place = f"{sheet}!{cell or 'di luar sel'}"
    table.shapes.append(shape)


# --- drawings ----------------------------------------------------------------------------


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, str]:
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    if rels_name not in archive.namelist():
        return {}
    root = etree.fromstring(archive.read(rels_name))
    out = {}
    for rel in root.iter(_REL):
        target = rel.get("Target", "")
        # Targets are relative to the part's folder, or absolute from the package root.
        full = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        out[rel.get("Id", "")] = posixpath.normpath(full)
    return out


def _drawings(path: Path, book: Workbook) -> dict[str, list[tuple[tuple[float, ...], Drawn]]]:
    """Shapes per sheet title, each with its box in the sheet's frame (points)."""
    out: dict[str, list[tuple[tuple[float, ...], Drawn]]] = {}
    with zipfile.ZipFile(path) as archive:
        workbook = etree.fromstring(archive.read("xl/workbook.xml"))
        targets = _rels(archive, "xl/workbook.xml")
        for sheet in workbook.iter(
            "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"
        ):
            part = targets.get(sheet.get(_R_ID, ""), "")
            title = sheet.get("name", "")
            for target in _rels(archive, part).values():
                if "/drawings/" in target and target in archive.namelist():
                    ws = book[title]
                    root = etree.fromstring(archive.read(target))
                    out[title] = list(_anchors(root, ws))
    return out


def _anchors(root: etree._Element, ws: Worksheet) -> list[tuple[tuple[float, ...], Drawn]]:
    found: list[tuple[tuple[float, ...], Drawn]] = []
    for anchor in root:
        box = _anchor_box(anchor, ws)
        if box is None:
            continue
        for child in anchor:
            for drawn in _shapes(child, box):
                found.append(((drawn.x, drawn.y, drawn.w, drawn.h), drawn))
    return found


def _cell_point(marker: etree._Element, ws: Worksheet) -> tuple[float, float]:
    col = int(marker.findtext(q("xdr:col")) or 0)
    row = int(marker.findtext(q("xdr:row")) or 0)
    x = sum(_width_pt(ws, c) for c in range(1, col + 1))
    y = sum(_height_pt(ws, r) for r in range(1, row + 1))
    x += float(marker.findtext(q("xdr:colOff")) or 0) / EMU_PER_PT
    y += float(marker.findtext(q("xdr:rowOff")) or 0) / EMU_PER_PT
    return x, y


def _anchor_box(anchor: etree._Element, ws: Worksheet) -> tuple[float, float, float, float] | None:
    start = anchor.find(q("xdr:from"))
    if anchor.tag == q("xdr:twoCellAnchor") and start is not None:
        end = anchor.find(q("xdr:to"))
        x0, y0 = _cell_point(start, ws)
        x1, y1 = _cell_point(end, ws) if end is not None else (x0, y0)
        return x0, y0, x1 - x0, y1 - y0
    ext = anchor.find(q("xdr:ext"))
    w = float(ext.get("cx", 0)) / EMU_PER_PT if ext is not None else 0.0
    h = float(ext.get("cy", 0)) / EMU_PER_PT if ext is not None else 0.0
    if anchor.tag == q("xdr:oneCellAnchor") and start is not None:
        x0, y0 = _cell_point(start, ws)
        return x0, y0, w, h
    pos = anchor.find(q("xdr:pos"))
    if anchor.tag == q("xdr:absoluteAnchor") and pos is not None:
        return float(pos.get("x", 0)) / EMU_PER_PT, float(pos.get("y", 0)) / EMU_PER_PT, w, h
    return None


def _shapes(element: etree._Element, box: tuple[float, float, float, float]) -> list[Drawn]:
    """Shapes of an anchor's content in points; a group's children scaled into `box`."""
    if element.tag in (q("xdr:sp"), q("xdr:cxnSp")):
        connector = element.tag == q("xdr:cxnSp")
        sp_pr = element.find(q("xdr:spPr"))
        text = (
            text_of(element.find(q("xdr:txBody")))
            if element.find(q("xdr:txBody")) is not None
            else ""
        )
        c_nv = element.find(f".//{q('xdr:cNvPr')}")
        _x, _y, _w, _h, fh, fv = _xfrm(sp_pr.find(q("a:xfrm")) if sp_pr is not None else None)
        start, end = connection_ids(element)
        kind = kind_of(sp_pr, connector, text)
        ident = c_nv.get("id", "") if c_nv is not None else ""
        return [Drawn(kind, text, *box, ident, start, end, fh, fv)]
    if element.tag == q("xdr:grpSp"):
        pr = element.find(q("xdr:grpSpPr"))
        xfrm = pr.find(q("a:xfrm")) if pr is not None else None
        gx, gy, gw, gh, _fh, _fv = _xfrm(xfrm)
        ch = xfrm.find(q("a:chOff")) if xfrm is not None else None
        ce = xfrm.find(q("a:chExt")) if xfrm is not None else None
        cx0 = float(ch.get("x", 0)) if ch is not None else gx
        cy0 = float(ch.get("y", 0)) if ch is not None else gy
        cw = float(ce.get("cx", 0)) if ce is not None else gw
        chh = float(ce.get("cy", 0)) if ce is not None else gh
        out = []
        for child in element:
            inner = (
                child.find(q("xdr:spPr"))
                if child.tag != q("xdr:grpSp")
                else child.find(q("xdr:grpSpPr"))
            )
            x, y, w, h, _a, _b = _xfrm(inner.find(q("a:xfrm")) if inner is not None else None)
            sx = box[2] / cw if cw else 1.0
            sy = box[3] / chh if chh else 1.0
            sub = (box[0] + (x - cx0) * sx, box[1] + (y - cy0) * sy, w * sx, h * sy)
            out += _shapes(child, sub)
        return out
    return []
