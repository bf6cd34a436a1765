"""Flowchart routing: places the symbols of one page and routes its lines and labels.

Edges between consecutive rows go out of the bottom of a symbol, across in the band
below it, and into the top of the next one. Longer edges (a "Tidak" branch back to an
earlier step, a jump forward, a line to an off-page connector) leave a symbol's side
and run vertically in a lane (:meth:`Geometry.lanes`); a horizontal run only crosses a
row beside that row's own symbol, so no line passes through a symbol.
"""

from __future__ import annotations

import functools
import itertools
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
    PROCESS_H,
    TIER_H,
    Box,
    Line,
    Port,
    RowKind,
    Symbol,
    SymbolKind,
    vertical_ports,
)
from sk_generator.render.flowchart.graph import (
    FlowEdge,
    FlowLayout,
    FlowStep,
    crossings,
    path_length,
)
from sk_generator.render.flowchart.labels import PendingLabel, place_labels
from sk_generator.render.flowchart.occupancy import Occupancy, detour_gaps
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
        self.busy = Occupancy.of(self.g.lanes())
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
        a, b = vertical_ports(src, dst)
        src.used.add("bottom")
        self.busy.enter(dst, "top")
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
        """Out of a side of `src`, along a free lane, into a side of `dst`; failing that,
        a detour round a busy connector row, then the same joining an arrow that already
        enters `dst` at that side (arrows may merge into a step, never leave together),
        and only then the least bad lane."""
        fallback: _Route | None = None
        for merge in (False, True):
            best, worst = self._lane_routes(src, dst, merge=merge)
            fallback = fallback or worst
            if best is not None:
                self._take_lane(src, dst, edge, best)
                return
            if self._route_detour(src, dst, edge, merge=merge):
                return
        assert fallback is not None
        self._take_lane(src, dst, edge, fallback)

    def _lane_routes(
        self, src: Symbol, dst: Symbol, *, merge: bool
    ) -> tuple[_Route | None, _Route | None]:
        """The best clean lane route (None when there is none) and the cheapest of all.

        Routes leave and enter at the sides facing the lane; with `merge` also out of a
        free bottom (down to the band under the symbol) and in at the top (from the gap
        above it), joining the arrow already entering there."""
        best: _Route | None = None
        fallback: _Route | None = None
        for x in self.g.lanes():
            s_side: Port = "right" if x > src.box.cx else "left"
            d_side: Port = "right" if x > dst.box.cx else "left"
            exits: list[Port] = [s_side]
            entries: list[Port] = [d_side]
            if merge and src.kind != "connector":
                exits.append("bottom")
            if merge and dst.kind != "connector":
                entries.append("top")
            for s_port, d_port in itertools.product(exits, entries):
                points = self._lane_points(src, s_port, dst, d_port, x)
                lane = [p[1] for p in points if p[0] == x]
                ok = (
                    s_port not in src.used
                    and self.busy.entry_free(dst, d_port, merge=merge)
                    and self.busy.lane_free(x, min(lane), max(lane))
                    and not any(self._hits(seg, (src, dst)) for seg in itertools.pairwise(points))
                )
                # Fewest crossings first, then the shortest way round.
                cost = (crossings(points, self.page.lines), path_length(points))
                route = (cost, x, points, s_port, d_port)
                if ok and (best is None or cost < best[0]):
                    best = route
                if fallback is None or cost < fallback[0]:
                    fallback = route
        return best, fallback

    def _lane_points(
        self, src: Symbol, s_port: Port, dst: Symbol, d_port: Port, x: float
    ) -> tuple[Point, ...]:
        a = src.port(s_port)
        b = dst.port(d_port)
        start = [a]
        if s_port == "bottom":
            start.append((a[0], self._band(src)))
        finish = [b]
        if d_port == "top":
            row = self.page.rows[self.page.row_index_at(dst.box.cy)]
            above = (b[0], (row.top + dst.box.y) / 2)
            # Joining the arrow already entering at the top ends on that arrow.
            finish = [above] if "top" in dst.used else [above, b]
        ys, yd = start[-1][1], finish[0][1]
        return (*start, (x, ys), (x, yd), *finish)

    def _take_lane(self, src: Symbol, dst: Symbol, edge: FlowEdge, route: _Route) -> None:
        _cost, x, points, s_port, d_port = route
        src.used.add(s_port)
        self.busy.enter(dst, d_port)
        lane = [p[1] for p in points if p[0] == x]
        self.busy.take_lane(x, min(lane), max(lane))
        self.page.lines.append(Line(points))
        if edge.label:
            self.pending.append(PendingLabel(src, s_port, edge.label))

    def _route_detour(self, src: Symbol, dst: Symbol, edge: FlowEdge, *, merge: bool) -> bool:
        """Route a line to or from a pentagon whose run at the pentagon's height would
        pass another pentagon of its row: it runs in the gap just above or below the
        pentagon's tier and meets the pentagon at its top or bottom. False when no lane
        and gap are free either."""
        connector, step = (dst, src) if dst.kind == "connector" else (src, dst)
        if connector.kind != "connector" or step.kind == "connector":
            return False
        row = self.page.rows[self.page.row_index_at(connector.box.cy)]
        gaps = detour_gaps(connector, row.top, row.bottom)
        best: tuple[tuple[bool, int, float], list[Point], Port, Port] | None = None
        for x in self.g.lanes():
            side: Port = "right" if x > step.box.cx else "left"
            if step is dst:
                free = self.busy.entry_free(step, side, merge=merge)
            else:
                free = side not in step.used
            if not free:
                continue
            s = step.port(side)
            for y, end, tight in gaps:
                c = connector.port(end)
                # From the step: out to the lane, along it to the gap, across, in.
                core = [s, (x, s[1]), (x, y), (c[0], y), c]
                path = core if step is src else core[::-1]
                if not (self.busy.lane_free(x, s[1], y) and self.busy.band_free(y, x, c[0])):
                    continue
                if any(self._hits(seg, (src, dst)) for seg in itertools.pairwise(path)):
                    continue
                length = abs(x - s[0]) + abs(y - s[1]) + abs(x - c[0])
                cost = (tight, crossings(path, self.page.lines), length)
                if best is None or cost < best[0]:
                    best = (cost, core, side, end)
        if best is None:
            return False
        _cost, core, side, end = best
        step.used.add(side)
        if step is dst:
            self.busy.enter(step, side)
        connector.used.add(end)
        (_s, (x, y0), (_x, y), (cx, _y), _c) = core
        self.busy.take_lane(x, y0, y)
        self.busy.take_band(y, x, cx)
        self.page.lines.append(Line(tuple(core if step is src else core[::-1])))
        if edge.label:
            self.pending.append(PendingLabel(src, side if step is src else end, edge.label))
        return True

    def _hits(self, segment: tuple[Point, Point], ends: tuple[Symbol, ...]) -> bool:
        return any(
            (s.box.shrink(0.5) if s in ends else s.box.shrink(-1.0)).meets_segment(*segment)
            for s in self.page.symbols
        )


Point = tuple[float, float]
#: A lane route: its cost (crossings, length), lane and the ports it leaves and enters.
_Route = tuple[tuple[int, float], float, tuple[Point, ...], Port, Port]
#: How far a self-loop runs beside its symbol, and above it where it joins the entry line
#: (inside the taller gap above a decision).
SELF_LOOP_W = 8.0
SELF_LOOP_H = 7.0


def _lane_cost(load: dict[int, int], column: int, candidate: int) -> tuple[int, int]:
    """Prefer the least-used lane, then the one nearest the step's own column."""
    return (load[candidate], abs(candidate - column))


__all__ = ["Router"]
