"""The SOP flowchart as data: pages of rows, symbols, routed lines and labels.

Pure layout, no DOCX: the renderer (:mod:`sk_generator.render.sop`) gives each step's
column, kind and measured row height; this module paginates the rows, adds the off-page
connector rows at every page break and routes every arrow, and the drawing module
(:mod:`sk_generator.render.flowdraw`) paints the result cell by cell.

Geometry (points, per page): x = 0 at the left edge of the first Pelaksana column,
y = 0 at the top of the page's first flowchart row (just under the repeated header).
Each step row holds exactly one symbol, centred in its column; every column keeps a
free margin on both sides of its symbols, and those margins are the *lanes* in which
long edges (a "Tidak" branch back to an earlier step, a jump forward, a line to an
off-page connector) run vertically. A lane never meets a symbol, and a horizontal run
only crosses a row beside that row's own symbol, so no line passes through a symbol.

Edges between consecutive rows go out of the bottom of a symbol, across in the band
below it, and into the top of the next one. An edge whose ends fall on different pages
becomes a lettered pair of pentagons: one in the connector row at the end of the source
page's table (or at its top for a backward edge), the other at the start (or end) of the
target page's table.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Iterator, Sequence
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
GAP_BOTTOM = 12.0
GAP_BOTTOM_DECISION = 16.0
#: A connector tier (one pentagon and the space under it) and the row padding.
TIER_H = 26.0
CONNECTOR_PAD = 6.0
LABEL_SIZE = 7.0
LANE_PAD = 3.0


class LayoutError(ValueError):
    """The steps cannot be laid out (a row taller than a page)."""


@dataclass(frozen=True)
class FlowStep:
    """One step as the layout needs it: its Pelaksana column and symbol kind."""

    column: int
    kind: SymbolKind


@dataclass(frozen=True)
class FlowEdge:
    """An arrow from step `source` to step `target` (0-based), with an optional label."""

    source: int
    target: int
    label: str | None = None
    #: "bottom" when the edge should leave downwards (next step), else a side exit.
    exit: Literal["bottom", "side"] = "bottom"


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

    def port(self, which: Port) -> tuple[float, float]:
        b = self.box
        side_y = b.y + b.h * 0.3 if self.kind == "connector" else b.cy
        if which == "top":
            return (b.cx, b.y)
        if which == "bottom":
            return (b.cx, b.bottom)
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

    text: str
    box: Box


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

    def row_index_at(self, y: float) -> int:
        for index, row in enumerate(self.rows):
            if y < row.bottom:
                return index
        return len(self.rows) - 1


@dataclass(frozen=True)
class Geometry:
    """Column width and the derived symbol and lane sizes (points)."""

    columns: int
    column_width: float

    @property
    def margin(self) -> float:
        """Free space on each side of a column's symbols, holding one lane."""
        return min(max(self.column_width * 0.18, 8.0), 14.0)

    @property
    def symbol_w(self) -> float:
        return min(self.column_width - 2 * self.margin - 4, 64.0)

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


def min_row_height(kind: SymbolKind) -> float:
    """The least step-row height (points) that holds the symbol and its arrows."""
    if kind == "decision":
        return GAP_TOP + DECISION_H + GAP_BOTTOM_DECISION
    return GAP_TOP + PROCESS_H + GAP_BOTTOM


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


# --- pagination ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PageSpace:
    """Heights (twips) the flowchart rows may use on the first and on later pages.

    `tail` is what must follow the last step on its page (the Jumlah Waktu row and the
    closing block); `top` and `bottom_min` are the connector rows' heights.
    """

    first: int
    later: int
    tail: int
    top: int
    bottom_min: int


def paginate(heights: Sequence[int], space: PageSpace) -> list[list[int]]:
    """Step indices per page, greedily, leaving room for the connector rows and the tail."""
    pages: list[list[int]] = []
    i = 0
    n = len(heights)
    while i < n:
        first = not pages
        capacity = space.first if first else space.later
        used = 0 if first else space.top
        rows: list[int] = []
        while i < n:
            after = space.tail if i == n - 1 else space.bottom_min
            if used + heights[i] + after <= capacity:
                rows.append(i)
                used += heights[i]
                i += 1
                continue
            break
        if not rows:
            raise LayoutError(
                f"langkah {i + 1} terlalu tinggi untuk satu halaman; pendekkan uraiannya"
            )
        pages.append(rows)
    return pages


# --- layout -------------------------------------------------------------------------------


@dataclass
class _Crossing:
    """An edge whose ends are on different pages: a lettered pair of connectors."""

    edge: FlowEdge
    letter: str
    source_page: int
    target_page: int


@dataclass
class FlowLayout:
    geometry: Geometry
    pages: list[FlowPage]
    #: Step indices on each page.
    steps: list[list[int]]

    def page_of(self, step: int) -> int:
        return next(p for p, rows in enumerate(self.steps) if step in rows)


def layout(
    steps: Sequence[FlowStep],
    edges: Sequence[FlowEdge],
    heights: Sequence[int],
    geometry: Geometry,
    space: PageSpace,
    *,
    label_width: Callable[[str], float] | None = None,
) -> FlowLayout:
    """Paginate and route. `heights` are the measured step-row heights in twips."""
    measure = label_width or (lambda text: len(text) * LABEL_SIZE * 0.55)
    top_tiers = 1
    for _attempt in range(4):
        top_h = _connector_row_height(top_tiers)
        page_space = PageSpace(space.first, space.later, space.tail, top_h, space.bottom_min)
        pages_steps = paginate(heights, page_space)
        crossings = _crossings(edges, pages_steps)
        needed = max(
            (_tiers_needed(crossings, p, "top", geometry) for p in range(len(pages_steps))),
            default=1,
        )
        if needed <= top_tiers:
            break
        top_tiers = needed
    pages: list[FlowPage] = []
    last = len(pages_steps) - 1
    for p, rows_steps in enumerate(pages_steps):
        rows: list[FlowRow] = []
        if p > 0:
            rows.append(FlowRow("top", top_h))
        rows.extend(FlowRow("step", heights[i], step=i) for i in rows_steps)
        if p < last:
            used = sum(r.height for r in rows)
            capacity = page_space.first if p == 0 else page_space.later
            rows.append(FlowRow("bottom", capacity - used))
        top = 0.0
        for row in rows:
            row.top = top
            top += row.height_pt
        pages.append(FlowPage(rows))
    result = FlowLayout(geometry, pages, pages_steps)
    for p, _page in enumerate(pages):
        _Router(result, p, steps, edges, crossings, measure).route()
    return result


def _connector_row_height(tiers: int) -> int:
    return round((CONNECTOR_PAD + tiers * TIER_H) * 20)


def bottom_row_min(tiers: int = 1) -> int:
    """Least height (twips) of the connector row closing a page."""
    return _connector_row_height(tiers) + 80


def _crossings(edges: Sequence[FlowEdge], pages_steps: list[list[int]]) -> list[_Crossing]:
    page_of = {i: p for p, rows in enumerate(pages_steps) for i in rows}
    found = [e for e in edges if page_of[e.source] != page_of[e.target]]
    found.sort(key=lambda e: (page_of[e.source], e.source, e.target))
    letters = _letters(len(found))
    return [
        _Crossing(e, letter, page_of[e.source], page_of[e.target])
        for e, letter in zip(found, letters, strict=True)
    ]


def _letters(count: int) -> list[str]:
    out: list[str] = []
    alphabet = string.ascii_uppercase
    for k in range(count):
        out.append(alphabet[k] if k < 26 else alphabet[k // 26 - 1] + alphabet[k % 26])
    return out


def _connectors_in(crossings: Sequence[_Crossing], page: int, row: RowKind) -> list[_Crossing]:
    """Crossings with a connector in the top or bottom connector row of `page`."""
    out = []
    for c in crossings:
        forward = c.target_page > c.source_page
        if (c.source_page == page and (row == "bottom") == forward) or (
            c.target_page == page and (row == "top") == forward
        ):
            out.append(c)
    return out


def _tiers_needed(crossings: Sequence[_Crossing], page: int, row: RowKind, g: Geometry) -> int:
    count = len(_connectors_in(crossings, page, row))
    return max(1, -(-count // g.columns))


class _Router:
    """Places the symbols of one page and routes its lines."""

    def __init__(
        self,
        flow: FlowLayout,
        page_index: int,
        steps: Sequence[FlowStep],
        edges: Sequence[FlowEdge],
        crossings: Sequence[_Crossing],
        measure: Callable[[str], float],
    ) -> None:
        self.flow = flow
        self.g = flow.geometry
        self.p = page_index
        self.page = flow.pages[page_index]
        self.steps = steps
        self.edges = edges
        self.crossings = crossings
        self.measure = measure
        self.lane_use: dict[float, list[tuple[float, float]]] = {x: [] for x in self.g.lanes()}

    # symbols -------------------------------------------------------------------------

    def _place_steps(self) -> None:
        g = self.g
        n = len(self.steps)
        for row in self.page.rows:
            if row.step is None:
                continue
            i = row.step
            step = self.steps[i]
            kind: SymbolKind = step.kind
            h = DECISION_H if kind == "decision" else PROCESS_H
            gap_bottom = GAP_BOTTOM_DECISION if kind == "decision" else GAP_BOTTOM
            cy = (row.top + GAP_TOP + row.bottom - gap_bottom) / 2
            box = Box(g.center(step.column) - g.symbol_w / 2, cy - h / 2, g.symbol_w, h)
            if kind == "terminator" and 0 < i < n - 1:
                kind = "process"
            self.page.symbols.append(Symbol(kind, box, step.column, step=i))

    def _place_connectors(self, row_kind: RowKind) -> dict[int, Symbol]:
        """Connector symbols of one connector row, keyed by crossing index."""
        row = next((r for r in self.page.rows if r.kind == row_kind), None)
        placed: dict[int, Symbol] = {}
        if row is None:
            return placed
        mine = _connectors_in(self.crossings, self.p, row_kind)
        # Preferred column: where the line comes from or goes to on this page.
        wants: list[tuple[int, int, bool]] = []  # (crossing index, column, straight)
        for c in mine:
            k = self.crossings.index(c)
            here = c.edge.source if c.source_page == self.p else c.edge.target
            column = self.steps[here].column
            wants.append((k, column, self._straight(c, row_kind)))
        wants.sort(key=lambda w: (not w[2], w[0]))
        load: dict[int, int] = dict.fromkeys(range(self.g.columns), 0)
        tiers: dict[int, list[tuple[int, bool]]] = {c: [] for c in range(self.g.columns)}
        for k, column, straight in wants:
            best = min(
                range(self.g.columns),
                key=functools.partial(_lane_cost, load, column),
            )
            if straight and load[column] == 0:
                best = column
            load[best] += 1
            tiers[best].append((k, straight))
        for column, items in tiers.items():
            # A straight connector keeps the tier next to the steps: last in the top
            # row, first in the bottom row, so its vertical line meets no pentagon.
            items.sort(key=lambda item: item[1] if row_kind == "top" else not item[1])
            for tier, (k, _straight) in enumerate(items):
                y = row.top + CONNECTOR_PAD / 2 + tier * TIER_H + 2
                box = Box(self.g.center(column) - CONNECTOR_W / 2, y, CONNECTOR_W, CONNECTOR_H)
                symbol = Symbol("connector", box, column, text=self.crossings[k].letter)
                self.page.symbols.append(symbol)
                placed[k] = symbol
        return placed

    def _straight(self, c: _Crossing, row_kind: RowKind) -> bool:
        """A forward crossing leaving the page's last step, or entering its first."""
        rows = self.flow.steps[self.p]
        if c.target_page <= c.source_page:
            return False
        if row_kind == "bottom":
            return c.edge.source == rows[-1] and c.edge.exit == "bottom"
        return c.edge.target == rows[0]

    # routing -------------------------------------------------------------------------

    def route(self) -> None:
        self._place_steps()
        top = self._place_connectors("top")
        bottom = self._place_connectors("bottom")
        page_steps = set(self.flow.steps[self.p])
        work: list[tuple[int, Symbol, Symbol, FlowEdge, bool]] = []
        for edge in self.edges:
            if edge.source in page_steps and edge.target in page_steps:
                src = self.page.symbol_of_step(edge.source)
                dst = self.page.symbol_of_step(edge.target)
                assert src is not None and dst is not None
                adjacent = edge.target == edge.source + 1 and edge.exit == "bottom"
                work.append((abs(edge.target - edge.source), src, dst, edge, adjacent))
        for k, c in enumerate(self.crossings):
            row_map = top if k in top else bottom
            if k not in row_map:
                continue
            connector = row_map[k]
            row_kind: RowKind = "top" if k in top else "bottom"
            straight = self._straight(c, row_kind)
            if c.source_page == self.p:
                src = self.page.symbol_of_step(c.edge.source)
                assert src is not None
                work.append((0, src, connector, c.edge, straight))
            else:
                dst = self.page.symbol_of_step(c.edge.target)
                assert dst is not None
                plain = FlowEdge(c.edge.source, c.edge.target, None, "bottom")
                work.append((0, connector, dst, plain, straight))
        # Short lines first: they take the ports and lanes nearest to the symbols.
        for _span, src, dst, edge, straight in sorted(work, key=lambda w: (not w[4], w[0])):
            if straight:
                self._route_down(src, dst, edge)
            else:
                self._route_lane(src, dst, edge)

    def _band(self, symbol: Symbol) -> float:
        row = self.page.rows[self.page.row_index_at(symbol.box.cy)]
        return symbol.box.bottom + (row.bottom - symbol.box.bottom) / 2

    def _route_down(self, src: Symbol, dst: Symbol, edge: FlowEdge) -> None:
        a = src.port("bottom")
        b = dst.port("top")
        src.used.add("bottom")
        dst.used.add("top")
        if abs(a[0] - b[0]) < 0.01:
            points: tuple[tuple[float, float], ...] = (a, b)
        else:
            y = self._band(src)
            points = (a, (a[0], y), (b[0], y), b)
        self.page.lines.append(Line(points))
        if edge.label:
            self._label_bottom(src, edge.label)

    def _route_lane(self, src: Symbol, dst: Symbol, edge: FlowEdge) -> None:
        best: tuple[float, float, Port, Port] | None = None
        fallback: tuple[float, float, Port, Port] | None = None
        for x in self.g.lanes():
            s_port: Port = "right" if x > src.box.cx else "left"
            d_port: Port = "right" if x > dst.box.cx else "left"
            a = src.port(s_port)
            b = dst.port(d_port)
            cost = abs(x - src.box.cx) + abs(x - dst.box.cx)
            ok = (
                s_port not in src.used
                and d_port not in dst.used
                and self._lane_free(x, a[1], b[1])
                and not self._hits((a, (x, a[1])), (src, dst))
                and not self._hits(((x, a[1]), (x, b[1])), (src, dst))
                and not self._hits(((x, b[1]), b), (src, dst))
            )
            if ok and (best is None or cost < best[0]):
                best = (cost, x, s_port, d_port)
            if fallback is None or cost < fallback[0]:
                fallback = (cost, x, s_port, d_port)
        chosen = best or fallback
        assert chosen is not None
        _cost, x, s_port, d_port = chosen
        a = src.port(s_port)
        b = dst.port(d_port)
        src.used.add(s_port)
        dst.used.add(d_port)
        self.lane_use[x].append(tuple(sorted((a[1], b[1]))))  # type: ignore[arg-type]
        self.page.lines.append(Line((a, (x, a[1]), (x, b[1]), b)))
        if edge.label:
            self._label_side(src, s_port, edge.label, x)

    def _lane_free(self, x: float, y0: float, y1: float) -> bool:
        lo, hi = sorted((y0, y1))
        return all(hi + LANE_PAD < a or lo - LANE_PAD > b for a, b in self.lane_use[x])

    def _hits(
        self, segment: tuple[tuple[float, float], tuple[float, float]], ends: tuple[Symbol, ...]
    ) -> bool:
        for symbol in self.page.symbols:
            box = symbol.box.shrink(0.5) if symbol in ends else symbol.box.shrink(-1.0)
            if box.meets_segment(*segment):
                return True
        return False

    # labels --------------------------------------------------------------------------

    def _label_box(self, text: str, x: float, y: float) -> Box:
        return Box(x, y, self.measure(text), LABEL_SIZE * 1.15)

    def _label_bottom(self, src: Symbol, text: str) -> None:
        x, y = src.port("bottom")
        self.page.labels.append(Label(text, self._label_box(text, x + 2.5, y + 0.5)))

    def _label_side(self, src: Symbol, port: Port, text: str, lane: float) -> None:
        """Just past the lane where the exit line turns, level with the line: nothing
        runs on there, so the label crosses no line."""
        _x, y = src.port(port)
        h = LABEL_SIZE * 1.15
        w = self.measure(text)
        left = lane + 2.0 if port == "right" else lane - 2.0 - w
        self.page.labels.append(Label(text, Box(left, y - h / 2, w, h)))


# --- checks used by the tests -------------------------------------------------------------


def symbol_crossings(page: FlowPage) -> list[tuple[Line, Symbol]]:
    """Lines that pass through a symbol (touching it at a port is allowed)."""
    found = []
    for line in page.lines:
        for a, b in line.segments():
            for symbol in page.symbols:
                if symbol.box.shrink(0.5).meets_segment(a, b):
                    found.append((line, symbol))
    return found


__all__ = [
    "Box",
    "FlowEdge",
    "FlowLayout",
    "FlowPage",
    "FlowRow",
    "FlowStep",
    "Geometry",
    "Label",
    "LayoutError",
    "Line",
    "PageSpace",
    "Symbol",
    "bottom_row_min",
    "edges_of",
    "layout",
    "min_row_height",
    "paginate",
    "symbol_crossings",
]


def _lane_cost(load: dict[int, int], column: int, candidate: int) -> tuple[int, int]:
    """Prefer the least-used lane, then the one nearest the step's own column."""
    return (load[candidate], abs(candidate - column))
