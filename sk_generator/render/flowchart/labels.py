"""Decision labels ("Ya", "Tidak lengkap", ...): placed once every line of a page is
routed, each beside the exit it names, wholly inside its own table cell (never on a grid
line, never past the page's edge), clear of every line, symbol and other label.

A label that does not fit on one line at the label size is set smaller (down to
`SIZES[-1]`) or wrapped onto two or three lines; the first free spot in the order of
:func:`_candidates` wins. Nothing here depends on the number of columns or on where the
lines come from, so shared steps or forks drawn by a later router place labels alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from sk_generator.render.flowchart.geometry import LABEL_SIZE, Box, Geometry, Label, Port, Symbol
from sk_generator.render.flowchart.graph import FlowPage

#: Label type sizes tried in turn (points), and the line pitch as a multiple of the size.
SIZES = (LABEL_SIZE, 6.5, 6.0, 5.5)
PITCH = 1.2
#: Free space kept between a label and a line, a symbol or a grid line (points).
CLEAR = 1.0
#: Steps (points) by which a label slides away from its exit looking for room.
SLIDE = 2.0


@dataclass(frozen=True)
class PendingLabel:
    """A label to place: the symbol whose exit it names, the exit, and its text."""

    symbol: Symbol
    port: Port
    text: str


def place_labels(
    page: FlowPage,
    geometry: Geometry,
    pending: Sequence[PendingLabel],
    measure: Callable[[str], float],
) -> list[PendingLabel]:
    """Place `pending` on `page`; returns the labels that found no free spot (placed at
    their first candidate anyway, so nothing is lost from the drawing)."""
    failed = []
    for item in pending:
        cell = cell_of(page, geometry, item.symbol)
        near = _Obstacles.around(page, cell.shrink(-CLEAR))
        first: Label | None = None
        chosen: Label | None = None
        for label in _candidates(item, cell, measure, vertical=geometry.narrow):
            first = first or label
            if near.free(label, cell):
                chosen = label
                break
        if chosen is None:
            failed.append(item)
            chosen = first
        if chosen is not None:
            page.labels.append(chosen)
    return failed


@dataclass
class _Obstacles:
    """The segments, symbols and labels that reach into one cell: a label placed in the
    cell can only meet these (checking the whole page for each candidate is slow)."""

    segments: list[tuple[tuple[float, float], tuple[float, float]]]
    symbols: list[Symbol]
    labels: list[Label]

    @classmethod
    def around(cls, page: FlowPage, area: Box) -> _Obstacles:
        segments = [
            (a, b) for line in page.lines for a, b in line.segments() if area.meets_segment(a, b)
        ]
        symbols = [s for s in page.symbols if s.box.overlaps(area)]
        return cls(segments, symbols, [lab for lab in page.labels if lab.box.overlaps(area)])

    def free(self, label: Label, cell: Box) -> bool:
        box = label.box
        inner = cell.shrink(CLEAR)
        if not (
            inner.x <= box.x
            and box.right <= inner.right
            and inner.y <= box.y
            and box.bottom <= inner.bottom
        ):
            return False
        halo = box.shrink(-CLEAR)
        if any(halo.meets_segment(a, b) for a, b in self.segments):
            return False
        if any(symbol_overlaps(symbol, halo) for symbol in self.symbols):
            return False
        return not any(other.box.overlaps(box) for other in self.labels)


def cell_of(page: FlowPage, geometry: Geometry, symbol: Symbol) -> Box:
    """The table cell holding `symbol` (its column in its row), in page points."""
    row = page.rows[page.row_index_at(symbol.box.cy)]
    x = symbol.column * geometry.column_width
    return Box(x, row.top, geometry.column_width, row.height_pt)


def symbol_overlaps(symbol: Symbol, box: Box) -> bool:
    """Whether `box` overlaps the symbol's drawn shape (a decision is a diamond, not its
    bounding box: a label may sit in the corners beside its slopes)."""
    b = symbol.box
    if symbol.kind != "decision":
        return b.overlaps(box)
    dx = max(box.x - b.cx, b.cx - box.right, 0.0)
    dy = max(box.y - b.cy, b.cy - box.bottom, 0.0)
    return dx / (b.w / 2) + dy / (b.h / 2) < 1.0


def _candidates(
    item: PendingLabel, cell: Box, measure: Callable[[str], float], *, vertical: bool = False
) -> Iterator[Label]:
    """Label boxes in order of preference: on the exit's own side of the symbol (a side
    exit's label never stands across the symbol, by another line), then horizontal (a
    narrow column's label may read bottom to top, when `vertical`, where no horizontal
    one fits), largest type, fewest lines, nearest the exit. Where it may stand is
    :func:`_spots`.

    Made group by group in that order (the first free candidate is usually among the
    first few): the spots of a size and wrapping are worked out only when reached, and
    once for both sides."""
    px, py = item.symbol.port(item.port)
    cx = item.symbol.box.cx
    wrappings = list(_wrappings(item.text))
    counts = sorted({len(lines) for lines in wrappings})
    placed: dict[tuple[bool, int, int], list[tuple[int, bool, Label]]] = {}

    def spots(turned: bool, rank: int, index: int) -> list[tuple[int, bool, Label]]:
        """(order, across, label) of every spot of wrapping `index` at size `rank`."""
        key = (turned, rank, index)
        if key not in placed:
            lines, size = wrappings[index], SIZES[rank]
            w = max(measure(line) for line in lines) * size / LABEL_SIZE
            h = len(lines) * size * PITCH
            if turned:
                w, h = h, w
            text = "\n".join(lines)
            placed[key] = [
                (order, _across(item.port, x, w, cx), Label(text, Box(x, y, w, h), size, turned))
                for order, (x, y) in enumerate(_spots(item.port, px, py, w, h, cell))
            ]
        return placed[key]

    for across in (False, True):
        for turned in (False, True) if vertical else (False,):
            for rank in range(len(SIZES)):
                for count in counts:
                    group = [
                        (order, label)
                        for index, lines in enumerate(wrappings)
                        if len(lines) == count
                        for order, side, label in spots(turned, rank, index)
                        if side == across
                    ]
                    group.sort(key=lambda found: found[0])  # stable: wrappings in order
                    yield from (label for _order, label in group)


def _across(port: Port, x: float, w: float, cx: float) -> bool:
    """Whether a label at `x`, `w` wide, stands across the symbol from its side exit."""
    return (port == "right" and x < cx) or (port == "left" and x + w > cx)


def _spots(
    port: Port, px: float, py: float, w: float, h: float, cell: Box
) -> Iterator[tuple[float, float]]:
    """Top-left corners for a `w` x `h` label inside `cell`, nearest the exit first.

    Beside a side exit the label runs along the horizontal line, just above or below it
    (then further off, step by step), sliding from the exit outwards and then inwards
    over the symbol's slope; beside a bottom exit it runs down the vertical line, on its
    right or its left (then further off).
    """
    gap = CLEAR + 0.5
    lo_x, hi_x = cell.x + CLEAR, cell.right - CLEAR - w
    lo_y, hi_y = cell.y + CLEAR, cell.bottom - CLEAR - h
    if hi_x < lo_x or hi_y < lo_y:
        return
    xs = _steps(lo_x, hi_x)
    ys = _steps(lo_y, hi_y)
    levels = int(max(cell.w, cell.h) // SLIDE) + 1
    for k in range(levels):
        found: list[tuple[tuple[float, int], tuple[float, float]]] = []
        if port in ("left", "right"):
            near = px + gap if port == "right" else px - gap - w
            for rank, y in enumerate((py - gap - h - k * SLIDE, py + gap + k * SLIDE)):
                if lo_y <= y <= hi_y:
                    found += [((abs(x - near), rank), (x, y)) for x in xs]
        else:
            for rank, x in enumerate((px + gap + k * SLIDE, px - gap - w - k * SLIDE)):
                if lo_x <= x <= hi_x:
                    found += [((abs(y - (py + gap)), rank), (x, y)) for y in ys]
        found.sort(key=lambda item: item[0])
        yield from (spot for _key, spot in found)


def _steps(lo: float, hi: float) -> list[float]:
    count = int((hi - lo) // SLIDE)
    return [lo + k * SLIDE for k in range(count + 1)] + ([hi] if hi > lo + count * SLIDE else [])


def _wrappings(text: str) -> list[list[str]]:
    """`text` on one line, then split at its spaces into two and three lines."""
    words = text.split()
    out = [[text]]
    if len(words) >= 2:
        out += [[" ".join(words[:k]), " ".join(words[k:])] for k in range(1, len(words))]
    if len(words) >= 3:
        for i in range(1, len(words) - 1):
            for j in range(i + 1, len(words)):
                out.append([" ".join(words[:i]), " ".join(words[i:j]), " ".join(words[j:])])
    return sorted(out, key=len)


def label_faults(page: FlowPage, geometry: Geometry) -> list[str]:
    """What is wrong with the labels of `page` (empty when nothing): a label outside the
    page, on a grid line, crossed by a line, over a symbol or over another label."""
    faults = []
    for k, label in enumerate(page.labels):
        box = label.box
        name = f"{label.text!r} at ({box.x:.1f}, {box.y:.1f})"
        column = int(box.x // geometry.column_width)
        row = page.rows[page.row_index_at(box.y)]
        left, right = column * geometry.column_width, (column + 1) * geometry.column_width
        if box.x < 0 or box.right > geometry.width or box.y < 0 or box.bottom > page.height:
            faults.append(f"{name}: outside the page")
        if not (left < box.x and box.right < right and row.top < box.y and box.bottom < row.bottom):
            faults.append(f"{name}: on a grid line")
        if any(box.meets_segment(a, b) for line in page.lines for a, b in line.segments()):
            faults.append(f"{name}: crossed by a line")
        if any(symbol_overlaps(symbol, box) for symbol in page.symbols):
            faults.append(f"{name}: over a symbol")
        if any(other.box.overlaps(box) for other in page.labels[:k]):
            faults.append(f"{name}: over another label")
    return faults


__all__ = ["CLEAR", "PendingLabel", "cell_of", "label_faults", "place_labels", "symbol_overlaps"]
