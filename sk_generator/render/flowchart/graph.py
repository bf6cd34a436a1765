"""The flowchart's data: steps and arrows in; pages of rows, symbols, lines and labels out."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from sk_generator.render.flowchart.geometry import (
    Geometry,
    Label,
    Line,
    PageSpace,
    RowKind,
    Symbol,
    SymbolKind,
)


@dataclass(frozen=True)
class FlowStep:
    """One step as the layout needs it: its Pelaksana column(s) and symbol kind."""

    #: The (leftmost) column of the step's symbol.
    column: int
    kind: SymbolKind
    #: Text inside the symbol (a terminator's "Mulai" / "Selesai").
    text: str = ""
    #: Columns the symbol spans from `column` on: a step shared by several pelaksana.
    span: int = 1


@dataclass(frozen=True)
class FlowEdge:
    """An arrow from step `source` to step `target` (0-based), with an optional label."""

    source: int
    target: int
    label: str | None = None
    #: "bottom" when the edge should leave downwards (next step), else a side exit.
    exit: Literal["bottom", "side"] = "bottom"


@dataclass
class FlowRow:
    kind: RowKind
    height: int  # twips, exact
    step: int | None = None
    top: float = 0.0  # points from the top of the page's flow

    @property
    def height_pt(self) -> float:
        return self.height / 20

    @property
    def bottom(self) -> float:
        return self.top + self.height_pt


@dataclass
class FlowPage:
    rows: list[FlowRow]
    symbols: list[Symbol] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)

    @property
    def height(self) -> float:
        return sum(r.height_pt for r in self.rows)

    def row_of_step(self, step: int) -> FlowRow | None:
        return next((r for r in self.rows if r.step == step), None)

    def symbol_of_step(self, step: int) -> Symbol | None:
        return next((s for s in self.symbols if s.step == step), None)

    def cell_groups(self, index: int, columns: int) -> list[tuple[int, int]]:
        """The Pelaksana cells of row `index` as (first column, columns spanned): one per
        column, except that the columns of a shared step are one merged cell in its row
        (no grid line cuts its box: the cells of its pelaksana read as one)."""
        row = self.rows[index]
        symbol = self.symbol_of_step(row.step) if row.step is not None else None
        if symbol is None or symbol.span == 1:
            return [(c, 1) for c in range(columns)]
        first, span = symbol.column, symbol.span
        before = [(c, 1) for c in range(first)]
        return [*before, (first, span), *((c, 1) for c in range(first + span, columns))]

    def row_index_at(self, y: float) -> int:
        for index, row in enumerate(self.rows):
            if y < row.bottom:
                return index
        return len(self.rows) - 1


@dataclass
class FlowLayout:
    geometry: Geometry
    pages: list[FlowPage]
    #: Step indices on each page.
    steps: list[list[int]]
    #: The room the rows had, with the connector rows' heights as laid out.
    space: PageSpace

    def page_of(self, step: int) -> int:
        return next(p for p, rows in enumerate(self.steps) if step in rows)


def edges_of(
    kinds: Sequence[SymbolKind],
    branches: Sequence[tuple[int | None, int, str, str] | None],
) -> list[FlowEdge]:
    """The arrows of a procedure: each step to the next; decisions to both targets.

    `branches[i]` is ``(ya, tidak, label_ya, label_tidak)`` with 1-based targets (ya None
    = next step) for a decision step, else None.
    """
    edges: list[FlowEdge] = []
    n = len(kinds)
    for i in range(n):
        branch = branches[i]
        if branch is None:
            if i + 1 < n:
                edges.append(FlowEdge(i, i + 1))
            continue
        ya, tidak, label_ya, label_tidak = branch
        ya_target = (ya - 1) if ya is not None else i + 1
        if ya_target < n:
            edges.append(
                FlowEdge(i, ya_target, label_ya, "bottom" if ya_target == i + 1 else "side")
            )
        if tidak - 1 < n:
            edges.append(FlowEdge(i, tidak - 1, label_tidak, "side"))
    return edges


def symbol_crossings(page: FlowPage) -> list[tuple[Line, Symbol]]:
    """Lines that pass through a symbol (touching it at a port is allowed)."""
    found = []
    for line in page.lines:
        for a, b in line.segments():
            for symbol in page.symbols:
                if symbol.box.shrink(0.5).meets_segment(a, b):
                    found.append((line, symbol))
    return found


Point = tuple[float, float]


def crossings(points: Sequence[Point], lines: Sequence[Line]) -> int:
    """How many times the polyline `points` crosses `lines` (a horizontal segment
    passing through a vertical one, ends excluded: lines meeting at a port or an arrow
    tip do not cross)."""
    mine = list(itertools.pairwise(points))
    return sum(_cross(a, b) for line in lines for a in line.segments() for b in mine)


def line_crossings(page: FlowPage) -> int:
    """Crossings between the lines of `page`, each pair counted once."""
    total = 0
    for k, line in enumerate(page.lines):
        total += crossings(line.points, page.lines[:k])
    return total


def _cross(s: tuple[Point, Point], t: tuple[Point, Point]) -> int:
    (ax, ay), (bx, by) = s
    (cx, cy), (dx, dy) = t
    s_h, t_h = abs(ay - by) < 0.01, abs(cy - dy) < 0.01
    if s_h == t_h:
        return 0  # parallel: lanes and bands keep these apart
    if not s_h:
        (ax, ay), (bx, by), (cx, cy), (dx, dy) = (cx, cy), (dx, dy), (ax, ay), (bx, by)
    # (a, b) horizontal at y = ay, (c, d) vertical at x = cx; strictly inside both.
    e = 0.01
    inside_x = min(ax, bx) + e < cx < max(ax, bx) - e
    inside_y = min(cy, dy) + e < ay < max(cy, dy) - e
    return int(inside_x and inside_y)


__all__ = [
    "FlowEdge",
    "FlowLayout",
    "FlowPage",
    "FlowRow",
    "FlowStep",
    "crossings",
    "edges_of",
    "line_crossings",
    "symbol_crossings",
]
