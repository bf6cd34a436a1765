"""Paint a flowchart page (:mod:`sk_generator.render.flowchart`) as per-cell PNG tiles.

Each flowchart row is drawn once across all Pelaksana columns at 3x the output
resolution, reduced (box filter, so edges are smooth), then cut at the column
boundaries. A tile is shown at exactly its cell's size, so the pieces meet at the cell
edges wherever the table lands on the page; the ink is stored as alpha over black, so
the table's own borders stay visible under the transparent parts.
"""

from __future__ import annotations

import functools
import io
import itertools

from PIL import Image, ImageDraw, ImageFont

from sk_generator.render.flowchart import (
    CONNECTOR_H,
    LABEL_SIZE,
    FlowLayout,
    FlowPage,
    FlowRow,
    Line,
    Symbol,
)

#: Output resolution of the tiles (dots per inch) and the supersampling factor.
DPI = 300
SUPERSAMPLE = 3
LINE_PT = 0.75
ARROW_LEN = 5.0
ARROW_HALF = 2.4


@functools.cache
def _font(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, px)


def page_tiles(flow: FlowLayout, page: FlowPage, font_path: str) -> dict[tuple[int, int], bytes]:
    """PNG bytes per (row index on the page, column); cells without ink are left out."""
    tiles: dict[tuple[int, int], bytes] = {}
    columns = flow.geometry.columns
    width_px = round(flow.geometry.width / 72 * DPI)
    bounds = [round(c * width_px / columns) for c in range(columns + 1)]
    for index, row in enumerate(page.rows):
        image = _draw_row(flow, page, row, width_px, font_path)
        alpha = Image.eval(image, lambda v: 255 - v)
        for column in range(columns):
            piece = alpha.crop((bounds[column], 0, bounds[column + 1], alpha.height))
            if piece.getbbox() is None:
                continue
            black = Image.new("L", piece.size, 0)
            tile = Image.merge("LA", (black, piece))
            buffer = io.BytesIO()
            tile.save(buffer, "PNG", optimize=True, dpi=(DPI, DPI))
            tiles[(index, column)] = buffer.getvalue()
    return tiles


def _draw_row(flow: FlowLayout, page: FlowPage, row: FlowRow, width_px: int, font: str):
    height_px = max(1, round(row.height_pt / 72 * DPI))
    big = Image.new("L", (width_px * SUPERSAMPLE, height_px * SUPERSAMPLE), 255)
    sx = big.width / flow.geometry.width
    sy = big.height / row.height_pt
    draw = ImageDraw.Draw(big)

    def pt(x: float, y: float) -> tuple[float, float]:
        return (x * sx, (y - row.top) * sy)

    lw = max(1, round(LINE_PT * sx))
    for symbol in page.symbols:
        if symbol.box.bottom < row.top - 1 or symbol.box.y > row.bottom + 1:
            continue
        _symbol(draw, symbol, pt, lw, font, sx)
    for line in page.lines:
        _line(draw, line, pt, lw, sx)
    for label in page.labels:
        if label.box.bottom < row.top - 1 or label.box.y > row.bottom + 1:
            continue
        size = round(LABEL_SIZE * sx)
        draw.text(pt(label.box.x, label.box.y), label.text, fill=0, font=_font(font, size))
    return big.reduce(SUPERSAMPLE)


def _symbol(draw, symbol: Symbol, pt, lw: int, font: str, scale: float) -> None:
    b = symbol.box
    x0, y0 = pt(b.x, b.y)
    x1, y1 = pt(b.right, b.bottom)
    if symbol.kind == "process":
        draw.rectangle((x0, y0, x1, y1), fill=255, outline=0, width=lw)
    elif symbol.kind == "terminator":
        draw.rounded_rectangle(
            (x0, y0, x1, y1), radius=(y1 - y0) / 2, fill=255, outline=0, width=lw
        )
    elif symbol.kind == "decision":
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        points = [(cx, y0), (x1, cy), (cx, y1), (x0, cy)]
        draw.polygon(points, fill=255, outline=0, width=lw)
    else:
        shoulder = y0 + (y1 - y0) * 0.6
        cx = (x0 + x1) / 2
        points = [(x0, y0), (x1, y0), (x1, shoulder), (cx, y1), (x0, shoulder)]
        draw.polygon(points, fill=255, outline=0, width=lw)
        size = round(CONNECTOR_H * 0.5 * scale)
        face = _font(font, size)
        draw.text((cx, y0 + (shoulder - y0) * 0.62), symbol.text, fill=0, font=face, anchor="mm")


def _line(draw, line: Line, pt, lw: int, scale: float) -> None:
    points = [pt(x, y) for x, y in line.points]
    half = lw / 2
    if line.arrow and len(points) >= 2:
        (ax, ay), (bx, by) = points[-2], points[-1]
        length = ARROW_LEN * scale
        dx = (bx > ax) - (bx < ax)
        dy = (by > ay) - (by < ay)
        tip = (bx, by)
        base = (bx - dx * length, by - dy * length)
        wing = ARROW_HALF * scale
        head = [
            tip,
            (base[0] - dy * wing, base[1] + dx * wing),
            (base[0] + dy * wing, base[1] - dx * wing),
        ]
        points[-1] = (base[0] + dx * half, base[1] + dy * half)
        draw.polygon(head, fill=0)
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        draw.rectangle(
            (min(ax, bx) - half, min(ay, by) - half, max(ax, bx) + half, max(ay, by) + half),
            fill=0,
        )


__all__ = ["DPI", "page_tiles"]
