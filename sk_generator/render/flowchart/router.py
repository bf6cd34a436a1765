"""Flowchart routing: places the symbols of one page and routes its lines and labels.

Edges between consecutive rows go out of the bottom of a symbol, across in the band
below it, and into the top of the next one. Longer edges (a "Tidak" branch back to an
earlier step, a jump forward, a line to an off-page connector) leave a symbol's side
and run vertically in a lane (:meth:`Geometry.lanes`); a horizontal run only crosses a
row beside that row's own symbol, so no line passes through a symbol.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from sk_generator.render.flowchart.geometry import (
    CONNECTOR_H,
    CONNECTOR_PAD,
    CONNECTOR_W,
    DECISION_H,
    GAP_BOTTOM,
    GAP_BOTTOM_DECISION,
    GAP_TOP,
    GAP_TOP_DECISION,
    LANE_PAD,
    PROCESS_H,
    TIER_H,
    Box,
    Line,
    Port,
    RowKind,
    Symbol,
    SymbolKind,
)
from sk_generator.render.flowchart.graph import FlowEdge, FlowLayout, FlowStep, crossings
from sk_generator.render.flowchart.labels import PendingLabel, place_labels
from sk_generator.render.flowchart.pagination import Crossing, connectors_in


class Router:
    """Places the symbols of one page and routes its lines."""

    def __init__(
        self,
        flow: FlowLayout,
        page_index: int,
        steps: Sequence[FlowStep],
        edges: Sequence[FlowEdge],
        crossings: Sequence[Crossing],
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
        self.pending: list[PendingLabel] = []
        #: Crossings whose connector sits straight above (or below) its step's symbol.
        self.straight: set[int] = set()

    # symbols -------------------------------------------------------------------------

    def _place_steps(self) -> None:
        g = self.g
        for row in self.page.rows:
            if row.step is None:
                continue
            i = row.step
            step = self.steps[i]
            kind: SymbolKind = step.kind
            h = DECISION_H if kind == "decision" else PROCESS_H
            decision = kind == "decision"
            gap_bottom = GAP_BOTTOM_DECISION if decision else GAP_BOTTOM
            gap_top = GAP_TOP_DECISION if decision else GAP_TOP
            cy = (row.top + gap_top + row.bottom - gap_bottom) / 2
            # A shared step spans from its first column's symbol edge to its last's.
            last = step.column + step.span - 1
            w = g.width_of(kind)
            x = g.center(step.column) - w / 2
            box = Box(x, cy - h / 2, g.center(last) + w / 2 - x, h)
            text = step.text if kind == "terminator" else ""
            symbol = Symbol(kind, box, step.column, step=i, text=text, span=step.span)
            if step.span > 1:
                symbol.anchors = tuple(g.center(c) for c in range(step.column, last + 1))
            self.page.symbols.append(symbol)

    def _place_connectors(self, row_kind: RowKind) -> dict[int, Symbol]:
        """Connector symbols of one connector row, keyed by crossing index."""
        row = next((r for r in self.page.rows if r.kind == row_kind), None)
        placed: dict[int, Symbol] = {}
        if row is None:
            return placed
        mine = connectors_in(self.crossings, self.p, row_kind)
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
            # One straight line per column: a second one would run through the first's
            # pentagon; it takes a lane instead.
            straight = straight and load[column] == 0
            if straight:
                best = column
                self.straight.add(k)
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

    def _straight(self, c: Crossing, row_kind: RowKind) -> bool:
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
            straight = k in self.straight
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
            if src is dst:
                self._route_self(src, edge)
            elif straight or self._clear_below(src, dst):
                self._route_down(src, dst, edge)
            else:
                self._route_lane(src, dst, edge)
        # Labels last: they must keep clear of every line.
        place_labels(self.page, self.g, self.pending, self.measure)

    def _clear_below(self, src: Symbol, dst: Symbol) -> bool:
        """Whether an off-page connector and its step in the same column may be joined by
        a straight line down (as drawn by hand), rather than round by a lane: the ports
        are free, the connector is the only one of its column in its row, and the line
        meets no other symbol and crosses no line."""
        connector, step = (src, dst) if src.kind == "connector" else (dst, src)
        if connector.kind != "connector" or step.kind == "connector":
            return False
        if abs(src.box.cx - dst.box.cx) > 0.01 or src.box.bottom > dst.box.y:
            return False
        if "bottom" in src.used or "top" in dst.used:
            return False
        row = self.page.row_index_at(connector.box.cy)
        if any(
            s is not connector
            and s.kind == "connector"
            and s.column == connector.column
            and self.page.row_index_at(s.box.cy) == row
            for s in self.page.symbols
        ):
            return False
        segment = (src.port("bottom"), dst.port("top"))
        return not self._hits(segment, (src, dst)) and not crossings(segment, self.page.lines)

    def _band(self, symbol: Symbol) -> float:
        row = self.page.rows[self.page.row_index_at(symbol.box.cy)]
        return symbol.box.bottom + (row.bottom - symbol.box.bottom) / 2

    def _route_down(self, src: Symbol, dst: Symbol, edge: FlowEdge) -> None:
        a, b = _vertical_ports(src, dst)
        src.used.add("bottom")
        dst.used.add("top")
        if abs(a[0] - b[0]) < 0.01:
            points: tuple[tuple[float, float], ...] = (a, b)
        else:
            y = self._band(src)
            points = (a, (a[0], y), (b[0], y), b)
        self.page.lines.append(Line(points))
        if edge.label:
            self.pending.append(PendingLabel(src, "bottom", edge.label))

    def _route_self(self, symbol: Symbol, edge: FlowEdge) -> None:
        """A decision waiting on itself ("tidak" back to the same step): out of a free side
        vertex, round and into the entry line just above the symbol, as drawn by hand.

        Its label belongs beside the loop's own exit, where the loop leaves little room:
        it is placed before every other label of the page (a label of a bottom exit,
        placed first, would take that room and send it across the symbol).
        """
        side: Port = "right" if "right" not in symbol.used else "left"
        a = symbol.port(side)
        # Inside the cell even when the column is narrow (its margin is small).
        loop_w = min(SELF_LOOP_W, self.g.margin - 1)
        out = a[0] + loop_w if side == "right" else a[0] - loop_w
        above = symbol.box.y - SELF_LOOP_H
        symbol.used.add(side)
        self.page.lines.append(Line((a, (out, a[1]), (out, above), (symbol.box.cx, above))))
        if edge.label:
            self.pending.insert(0, PendingLabel(symbol, side, edge.label))

    def _route_lane(self, src: Symbol, dst: Symbol, edge: FlowEdge) -> None:
        best: tuple[tuple[int, float], float, Port, Port] | None = None
        fallback: tuple[tuple[int, float], float, Port, Port] | None = None
        for x in self.g.lanes():
            s_port: Port = "right" if x > src.box.cx else "left"
            d_port: Port = "right" if x > dst.box.cx else "left"
            a = src.port(s_port)
            b = dst.port(d_port)
            points = (a, (x, a[1]), (x, b[1]), b)
            # Fewest crossings first, then the shortest way round.
            cost = (crossings(points, self.page.lines), abs(x - src.box.cx) + abs(x - dst.box.cx))
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
            self.pending.append(PendingLabel(src, s_port, edge.label))

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


#: How far a self-loop runs beside its symbol, and above it where it joins the entry line
#: (inside the taller gap above a decision).
SELF_LOOP_W = 8.0
SELF_LOOP_H = 7.0


def _vertical_ports(src: Symbol, dst: Symbol) -> tuple[tuple[float, float], tuple[float, float]]:
    """The bottom port of `src` and the top port of `dst` for an arrow straight down:
    a symbol spanning several columns meets the arrow in the column the other end
    shares with it (the arrow then runs straight), else in the column nearest to it."""
    pairs = [(xa, xb) for xa in src.anchors or (src.box.cx,) for xb in dst.anchors or (dst.box.cx,)]
    xa, xb = min(pairs, key=lambda p: (abs(p[0] - p[1]), abs(p[0] - src.box.cx), p[0]))
    return src.port("bottom", xa), dst.port("top", xb)


def _lane_cost(load: dict[int, int], column: int, candidate: int) -> tuple[int, int]:
    """Prefer the least-used lane, then the one nearest the step's own column."""
    return (load[candidate], abs(candidate - column))


__all__ = ["Router"]
