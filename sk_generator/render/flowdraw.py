"""Paint a flowchart page (:mod:`sk_generator.render.flowchart`) as per-cell PNG tiles.

Each flowchart row is drawn once across all Pelaksana columns at 3x the output
resolution, reduced (box filter, so edges are smooth), then cut at the column
boundaries. A tile is shown at exactly its cell's size, so the pieces meet at the cell
edges wherever the table lands on the page; the ink is stored as alpha over black, so
the table's own borders stay visible under the transparent parts.
"""

from __future__ import annotations

import functools
import hashlib
import io
import itertools
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from PIL import Image, ImageChops, ImageDraw, ImageFont

from sk_generator.render.flowchart import (
    CONNECTOR_H,
    FlowLayout,
    FlowPage,
    FlowRow,
    Line,
    Symbol,
)
from sk_generator.render.flowchart.labels import PITCH

#: Output resolution of the tiles (dots per inch) and the supersampling factor.
DPI = 300
SUPERSAMPLE = 3
LINE_PT = 0.75
ARROW_LEN = 5.0
ARROW_HALF = 2.4
#: Type size (points) of the words in a terminator ("Mulai", "Selesai").
TERMINATOR_TEXT = 7.5


#: Painted rows kept per process (their PNG tiles), and PNG bytes per tile content.
ROW_CACHE_SIZE = 512
TILE_CACHE_SIZE = 2048


@functools.cache
def _font(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, px)


class _Lru:
    """A small least-recently-used map."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[Hashable, Any] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> Any:
        value = self.items.get(key)
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
            self.items.move_to_end(key)
        return value

    def put(self, key: Hashable, value: Any) -> None:
        self.items[key] = value
        if len(self.items) > self.size:
            self.items.popitem(last=False)

    def clear(self) -> None:
        self.items.clear()
        self.hits = self.misses = 0


_ROWS = _Lru(ROW_CACHE_SIZE)
_TILES = _Lru(TILE_CACHE_SIZE)


def clear_caches() -> None:
    """Forget painted rows and encoded tiles (tests, and measuring cold rendering)."""
    _ROWS.clear()
    _TILES.clear()


def page_tiles(flow: FlowLayout, page: FlowPage, font_path: str) -> dict[tuple[int, int], bytes]:
    """PNG bytes per (row index on the page, first column of the cell: see
    :meth:`FlowPage.cell_groups`); cells without ink are left out.

    A row is first turned into its drawing operations in pixels (what is drawn where,
    relative to the row's top), and a row whose operations were painted before (in any
    document of this process: a connector row, a straight line past a step, the same
    step in the same place) reuses that row's tiles; a new row is painted, and each of
    its tiles is encoded once per distinct content (:func:`encode_tile`).
    """
    tiles: dict[tuple[int, int], bytes] = {}
    columns = flow.geometry.columns
    width_px = round(flow.geometry.width / 72 * DPI)
    for index, row in enumerate(page.rows):
        # One tile per cell: a shared step's merged cell gets one tile across its columns.
        groups = page.cell_groups(index, columns)
        edges = [first for first, _span in groups] + [columns]
        bounds = tuple(round(c * width_px / columns) for c in edges)
        height_px = max(1, round(row.height_pt / 72 * DPI))
        ops = _row_ops(flow, page, row, (width_px, height_px), font_path)
        key = (font_path, width_px, height_px, bounds, ops)
        row_tiles = _ROWS.get(key)
        if row_tiles is None:
            row_tiles = _paint(ops, width_px, height_px, bounds, font_path)
            _ROWS.put(key, row_tiles)
        for k, png in row_tiles.items():
            tiles[(index, groups[k][0])] = png
    return tiles


def encode_tile(piece: Image.Image) -> bytes:
    """PNG of one tile: `piece` (ink as 0..255) as alpha over black, 300 dpi.

    Identical tiles (blank lane crossings, the same straight line in many rows) are
    encoded once: the bytes are kept by the tile's size and pixel content. Compression
    level 1: line art compresses nearly as well as with the slowest settings, and the
    DOCX is zipped again anyway.
    """
    key = (piece.size, hashlib.blake2b(piece.tobytes(), digest_size=20).digest())
    png = _TILES.get(key)
    if png is None:
        black = Image.new("L", piece.size, 0)
        tile = Image.merge("LA", (black, piece))
        buffer = io.BytesIO()
        tile.save(buffer, "PNG", compress_level=1, dpi=(DPI, DPI))
        png = buffer.getvalue()
        _TILES.put(key, png)
    return png


def _paint(
    ops: tuple[tuple[Any, ...], ...],
    width_px: int,
    height_px: int,
    bounds: tuple[int, ...],
    font: str,
) -> dict[int, bytes]:
    """The PNG tile of each column of a row with ink, from its drawing operations."""
    if not ops:
        return {}
    big = Image.new("L", (width_px * SUPERSAMPLE, height_px * SUPERSAMPLE), 255)
    draw = ImageDraw.Draw(big)
    for op in ops:
        kind = op[0]
        if kind == "rect":
            draw.rectangle(op[1], fill=op[2], outline=op[3], width=op[4])
        elif kind == "rounded":
            draw.rounded_rectangle(op[1], radius=op[2], fill=255, outline=0, width=op[3])
        elif kind == "polygon":
            draw.polygon(list(op[1]), fill=op[2], outline=op[3], width=op[4])
        elif kind == "text":
            _xy, text, size, anchor = op[1], op[2], op[3], op[4]
            draw.text(_xy, text, fill=0, font=_font(font, size), anchor=anchor)
        elif kind == "vtext":
            _vertical_text(big, op, font)
    alpha = Image.eval(big.reduce(SUPERSAMPLE), lambda v: 255 - v)
    out = {}
    for column in range(len(bounds) - 1):
        piece = alpha.crop((bounds[column], 0, bounds[column + 1], alpha.height))
        if piece.getbbox() is not None:
            out[column] = encode_tile(piece)
    return out


def _vertical_text(big: Image.Image, op: tuple[Any, ...], font: str) -> None:
    """Paint a label that reads bottom to top: its lines set horizontally (the first on
    top), turned a quarter to the left (the first on the left), darkening the canvas."""
    (x, y), text, size, (w, h, pitch) = op[1], op[2], op[3], op[4]
    flat = Image.new("L", (max(h, 1), max(w, 1)), 255)
    draw = ImageDraw.Draw(flat)
    for k, line in enumerate(text.split("\n")):
        draw.text((0, k * pitch), line, fill=0, font=_font(font, size), anchor="lt")
    turned = flat.rotate(90, expand=True)
    box = (round(x), round(y), round(x) + turned.width, round(y) + turned.height)
    big.paste(ImageChops.darker(big.crop(box), turned), box[:2])


def _row_ops(
    flow: FlowLayout, page: FlowPage, row: FlowRow, size_px: tuple[int, int], font: str
) -> tuple[tuple[Any, ...], ...]:
    """What `row` shows, as drawing operations on the supersampled canvas, in order:
    symbols, lines, labels. Operations wholly above or below the canvas are left out
    (they would paint nothing), so the same drawing in another row has the same key."""
    big_w, big_h = size_px[0] * SUPERSAMPLE, size_px[1] * SUPERSAMPLE
    sx = big_w / flow.geometry.width
    sy = big_h / row.height_pt

    def pt(x: float, y: float) -> tuple[float, float]:
        return (x * sx, (y - row.top) * sy)

    ops: list[tuple[Any, ...]] = []
    lw = max(1, round(LINE_PT * sx))
    for symbol in page.symbols:
        if symbol.box.bottom < row.top - 1 or symbol.box.y > row.bottom + 1:
            continue
        _symbol(ops, symbol, pt, (lw, sx), font)
    margin = 8 * lw
    for line in page.lines:
        for op in _line(line, pt, lw, sx):
            ys = [y for _x, y in op[1]] if op[0] == "polygon" else [op[1][1], op[1][3]]
            if max(ys) < -margin or min(ys) > big_h + margin:
                continue
            ops.append(op)
    for label in page.labels:
        if label.box.bottom < row.top - 1 or label.box.y > row.bottom + 1:
            continue
        size = round(label.size * sx)
        if label.vertical:
            x0, y0 = pt(label.box.x, label.box.y)
            x1, y1 = pt(label.box.right, label.box.bottom)
            pitch = round(label.size * PITCH * sx)
            ops.append(
                ("vtext", (x0, y0), label.text, size, (round(x1 - x0), round(y1 - y0), pitch))
            )
            continue
        for k, text in enumerate(label.text.split("\n")):
            y = label.box.y + k * label.size * PITCH
            # Anchor at the left of the line's top ("lt"): the box is where the text is.
            ops.append(("text", pt(label.box.x, y), text, size, "lt"))
    return tuple(ops)


def _symbol(
    ops: list[tuple[Any, ...]], symbol: Symbol, pt, pen: tuple[int, float], font: str
) -> None:
    lw, scale = pen
    b = symbol.box
    x0, y0 = pt(b.x, b.y)
    x1, y1 = pt(b.right, b.bottom)
    if symbol.kind == "process":
        ops.append(("rect", (x0, y0, x1, y1), 255, 0, lw))
    elif symbol.kind == "terminator":
        ops.append(("rounded", (x0, y0, x1, y1), min(x1 - x0, y1 - y0) / 2, lw))
        if symbol.text:
            size = _text_size(font, symbol.text, round(TERMINATOR_TEXT * scale), x1 - x0 - 4 * lw)
            ops.append(("text", ((x0 + x1) / 2, (y0 + y1) / 2), symbol.text, size, "mm"))
    elif symbol.kind == "decision":
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        diamond = ((cx, y0), (x1, cy), (cx, y1), (x0, cy))
        ops.append(("polygon", diamond, 255, 0, lw))
    else:
        shoulder = y0 + (y1 - y0) * 0.6
        cx = (x0 + x1) / 2
        points = ((x0, y0), (x1, y0), (x1, shoulder), (cx, y1), (x0, shoulder))
        ops.append(("polygon", points, 255, 0, lw))
        size = round(CONNECTOR_H * 0.5 * scale)
        ops.append(("text", (cx, y0 + (shoulder - y0) * 0.62), symbol.text, size, "mm"))


def _text_size(font: str, text: str, size: int, width: float) -> int:
    """`size` (pixels), or smaller so that `text` fits `width` pixels (a terminator in a
    narrow column)."""
    need = _font(font, size).getlength(text)
    return size if need <= width else max(1, int(size * width / need))


def _line(line: Line, pt, lw: int, scale: float) -> list[tuple[Any, ...]]:
    """An arrowhead (when the line has one), then a filled rectangle per segment."""
    ops: list[tuple[Any, ...]] = []
    points = [pt(x, y) for x, y in line.points]
    half = lw / 2
    if line.arrow and len(points) >= 2:
        (ax, ay), (bx, by) = points[-2], points[-1]
        length = ARROW_LEN * scale
        # Routed segments are horizontal or vertical, but their ends come out of float
        # arithmetic (198.79999999999998 vs ...95): take the direction from the dominant
        # axis, never from a sign comparison that a rounding error can flip.
        if abs(bx - ax) >= abs(by - ay):
            dx, dy = (1 if bx > ax else -1), 0
        else:
            dx, dy = 0, (1 if by > ay else -1)
        tip = (bx, by)
        base = (bx - dx * length, by - dy * length)
        wing = ARROW_HALF * scale
        head = (
            tip,
            (base[0] - dy * wing, base[1] + dx * wing),
            (base[0] + dy * wing, base[1] - dx * wing),
        )
        points[-1] = (base[0] + dx * half, base[1] + dy * half)
        ops.append(("polygon", head, 0, None, 1))
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        box = (min(ax, bx) - half, min(ay, by) - half, max(ax, bx) + half, max(ay, by) + half)
        ops.append(("rect", box, 0, None, 1))
    return ops


__all__ = ["DPI", "clear_caches", "encode_tile", "page_tiles"]
