"""Flowchart geometry: symbol sizes, boxes, the columns and their lanes, lines and labels.

Units are points; x = 0 at the left edge of the first Pelaksana column, y = 0 at the top
of a page's first flowchart row. Each column keeps a free margin on both sides of its
symbols: those margins are the *lanes* in which long edges run vertically, so a lane
never meets a symbol.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

SymbolKind = Literal["terminator", "process", "decision", "connector"]
RowKind = Literal["step", "top", "bottom"]
Port = Literal["top", "bottom", "left", "right"]

#: Symbol heights and the free space kept above and below them in a step row (points).
PROCESS_H = 22.0
DECISION_H = 30.0
CONNECTOR_W = 18.0
CONNECTOR_H = 18.0
GAP_TOP = 10.0
#: Above a decision: room for a two-line label beside the diamond's upper slope.
GAP_TOP_DECISION = 18.0
GAP_BOTTOM = 12.0
GAP_BOTTOM_DECISION = 16.0
#: A connector tier (one pentagon and the space under it) and the row padding.
TIER_H = 26.0
CONNECTOR_PAD = 6.0
LABEL_SIZE = 7.0
LANE_PAD = 3.0
#: Columns narrower than this (points: just under 18 mm) are those of a table with many
#: pelaksana (render/sop/columns.py); the column planner never goes below it otherwise.
NARROW = 50.5
#: Space (points) between a narrow column's wide terminator and the lanes beside it.
TERMINATOR_CLEAR = 1.5


class LayoutError(ValueError):
    """The steps cannot be laid out (a row taller than a page).

    `step` is the index (from 0) of the step that does not fit, when one step is to
    blame; the renderer turns the error into a located data problem at that step.
    """

    def __init__(self, message: str, *, step: int | None = None) -> None:
        super().__init__(message)
        self.step = step


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def shrink(self, d: float) -> Box:
        return Box(self.x + d, self.y + d, self.w - 2 * d, self.h - 2 * d)

    def meets_segment(self, a: tuple[float, float], b: tuple[float, float]) -> bool:
        """Whether the axis-parallel segment a-b touches this box (closed)."""
        x0, x1 = sorted((a[0], b[0]))
        y0, y1 = sorted((a[1], b[1]))
        return x0 <= self.right and x1 >= self.x and y0 <= self.bottom and y1 >= self.y

    def overlaps(self, other: Box) -> bool:
        return (
            self.x < other.right
            and other.x < self.right
            and self.y < other.bottom
            and other.y < self.bottom
        )


@dataclass
class Symbol:
    kind: SymbolKind
    box: Box
    column: int
    #: Step index for step symbols; None for connectors.
    step: int | None = None
    #: Connector letter.
    text: str = ""
    used: set[str] = field(default_factory=set)
    #: Columns spanned (a step shared by several pelaksana) and, for such a symbol, the
    #: x of each spanned column's centre: where vertical arrows meet its top and bottom.
    span: int = 1
    anchors: tuple[float, ...] = ()

    def port(self, which: Port, toward: float | None = None) -> tuple[float, float]:
        """Where a line meets the symbol's `which` side; a spanning symbol's top or
        bottom port is at the spanned column's centre nearest `toward` (an x), so an
        arrow from or to a step in one of its columns runs straight."""
        b = self.box
        side_y = b.y + b.h * 0.3 if self.kind == "connector" else b.cy
        x = b.cx
        if self.anchors and toward is not None:
            x = min(self.anchors, key=lambda a: (abs(a - toward), a))
        if which == "top":
            return (x, b.y)
        if which == "bottom":
            return (x, b.bottom)
        if which == "left":
            return (b.x, side_y)
        return (b.right, side_y)


@dataclass(frozen=True)
class Line:
    """An orthogonal polyline; `arrow` puts an arrowhead at its last point."""

    points: tuple[tuple[float, float], ...]
    arrow: bool = True

    def segments(self) -> Iterator[tuple[tuple[float, float], tuple[float, float]]]:
        yield from zip(self.points, self.points[1:], strict=False)


@dataclass(frozen=True)
class Label:
    """Text drawn beside a decision's exit; `box` is where it is drawn."""

    text: str  # lines separated by "\n"
    box: Box
    size: float = LABEL_SIZE
    #: Read bottom to top (a narrow column's label, like its header): `box` is the
    #: turned text's.
    vertical: bool = False


@dataclass(frozen=True)
class Geometry:
    """Column width and the derived symbol and lane sizes (points)."""

    columns: int
    column_width: float

    @property
    def margin(self) -> float:
        """Free space on each side of a column's symbols, holding one lane; smaller in
        the narrow columns of a table with many pelaksana, so the symbols stay wide."""
        if self.narrow:
            return max(self.column_width * 0.16, 4.5)
        return min(max(self.column_width * 0.18, 8.0), 14.0)

    @property
    def narrow(self) -> bool:
        return self.column_width < NARROW

    @property
    def symbol_w(self) -> float:
        if self.narrow:
            return self.column_width - 2 * self.margin - 1
        return min(self.column_width - 2 * self.margin - 4, 64.0)

    def width_of(self, kind: SymbolKind) -> float:
        """A symbol's width; in a narrow column a terminator reaches to just short of
        the lanes, so that "Mulai" and "Selesai" still fit inside it."""
        if kind == "terminator" and self.narrow:
            return self.column_width - self.margin - 2 * TERMINATOR_CLEAR
        return self.symbol_w

    @property
    def width(self) -> float:
        return self.columns * self.column_width

    def center(self, column: int) -> float:
        return (column + 0.5) * self.column_width

    def lanes(self) -> list[float]:
        xs = []
        for c in range(self.columns):
            xs.append(c * self.column_width + self.margin / 2)
            xs.append((c + 1) * self.column_width - self.margin / 2)
        return xs


#: The most of a page (a fraction of its text block) a page but the last may leave empty.
MAX_EMPTY = 0.4


@dataclass(frozen=True)
class PageSpace:
    """Heights (twips) the flowchart rows may use on the first and on later pages.

    `tail` is what must follow the last step on its page (the Jumlah Waktu row and the
    closing block); `top` and `bottom_min` are the connector rows' heights (the row
    opening each page but the first, and the one closing each page but the last).
    `page` is the whole text block a page's emptiness is measured against (0: `later`).
    """

    first: int
    later: int
    tail: int
    top: int
    bottom_min: int
    page: int = 0

    def capacity(self, page: int) -> int:
        return self.first if page == 0 else self.later

    def used(self, page: int, rows: int, *, last: bool) -> int:
        """Twips taken on `page` by step rows of `rows` twips and its connector rows
        (and the tail on the last page)."""
        return (self.top if page else 0) + rows + (self.tail if last else self.bottom_min)

    @property
    def most_empty(self) -> float:
        return (self.page or self.later) * MAX_EMPTY


def min_row_height(kind: SymbolKind) -> float:
    """The least step-row height (points) that holds the symbol and its arrows."""
    if kind == "decision":
        return GAP_TOP_DECISION + DECISION_H + GAP_BOTTOM_DECISION
    return GAP_TOP + PROCESS_H + GAP_BOTTOM


__all__ = [
    "CONNECTOR_H",
    "CONNECTOR_PAD",
    "CONNECTOR_W",
    "DECISION_H",
    "GAP_BOTTOM",
    "GAP_BOTTOM_DECISION",
    "GAP_TOP",
    "GAP_TOP_DECISION",
    "LABEL_SIZE",
    "LANE_PAD",
    "MAX_EMPTY",
    "NARROW",
    "PROCESS_H",
    "TIER_H",
    "Box",
    "Geometry",
    "Label",
    "LayoutError",
    "Line",
    "PageSpace",
    "Port",
    "RowKind",
    "Symbol",
    "SymbolKind",
    "min_row_height",
]
