"""What the routes of one flowchart page have taken: stretches of the lanes, stretches of
the gaps beside the connector tiers (detours), and the ports where arrows enter each
symbol, which a later arrow may join. The router asks here before it draws a line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sk_generator.render.flowchart.geometry import LANE_PAD, Port, Symbol

#: How far above or below a pentagon a detour runs (less where its row has less room).
DETOUR_GAP = 4.0


@dataclass
class Occupancy:
    lanes: dict[float, list[tuple[float, float]]]
    bands: dict[float, list[tuple[float, float]]] = field(default_factory=dict)
    #: Ports where arrows enter each symbol (by id).
    entries: dict[int, set[Port]] = field(default_factory=dict)

    @classmethod
    def of(cls, lanes: Iterable[float]) -> Occupancy:
        return cls({x: [] for x in lanes})

    def lane_free(self, x: float, y0: float, y1: float) -> bool:
        return _free(self.lanes[x], y0, y1)

    def band_free(self, y: float, x0: float, x1: float) -> bool:
        """No other detour runs along the gap at `y` over x0..x1."""
        return all(_free(spans, x0, x1) for b, spans in self.bands.items() if abs(b - y) < LANE_PAD)

    def take_lane(self, x: float, y0: float, y1: float) -> None:
        self.lanes[x].append((min(y0, y1), max(y0, y1)))

    def take_band(self, y: float, x0: float, x1: float) -> None:
        self.bands.setdefault(y, []).append((min(x0, x1), max(x0, x1)))

    def entry_free(self, symbol: Symbol, port: Port, *, merge: bool) -> bool:
        """Whether an arrow may enter `symbol` at `port`: a free port, or (`merge`) a port
        where another arrow already enters a step."""
        if port not in symbol.used:
            return True
        return merge and symbol.kind != "connector" and port in self.entries.get(id(symbol), ())

    def enter(self, symbol: Symbol, port: Port) -> None:
        symbol.used.add(port)
        self.entries.setdefault(id(symbol), set()).add(port)


def detour_gaps(
    connector: Symbol, top: float, bottom: float
) -> tuple[tuple[float, Port, bool], ...]:
    """Heights a detour may run at beside `connector` in its row (`top`..`bottom`): just
    above it (entering at its top) and just below (at its bottom), each with whether it
    hugs the row's border (a last resort)."""
    box = connector.box
    above = min(DETOUR_GAP, (box.y - top) / 2)
    below = min(DETOUR_GAP, (bottom - box.bottom) / 2)
    return (
        (box.y - above, "top", above < DETOUR_GAP),
        (box.bottom + below, "bottom", below < DETOUR_GAP),
    )


def _free(spans: list[tuple[float, float]], lo: float, hi: float) -> bool:
    lo, hi = sorted((lo, hi))
    return all(hi + LANE_PAD < a or lo - LANE_PAD > b for a, b in spans)


__all__ = ["DETOUR_GAP", "Occupancy", "detour_gaps"]
