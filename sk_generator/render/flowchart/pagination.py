"""Flowchart pagination: step rows per page, and the edges that cross a page break.

An edge whose ends fall on different pages becomes a lettered pair of pentagons
(off-page connectors): one in the connector row at the end of the source page's table
(or at its top for a backward edge), the other at the start (or end) of the target
page's table. Connector rows hold one tier of pentagons per column.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass

from sk_generator.render.flowchart.geometry import (
    CONNECTOR_PAD,
    TIER_H,
    Geometry,
    LayoutError,
    RowKind,
)
from sk_generator.render.flowchart.graph import FlowEdge, FlowPage, FlowRow


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
                f"langkah {i + 1} terlalu tinggi untuk satu halaman; pendekkan uraiannya",
                step=i,
            )
        pages.append(rows)
    return pages


def page_rows(
    pages_steps: Sequence[Sequence[int]], heights: Sequence[int], space: PageSpace
) -> list[FlowPage]:
    """The rows of every page: a top connector row on each page but the first, the step
    rows, and a bottom connector row filling each page but the last."""
    pages: list[FlowPage] = []
    last = len(pages_steps) - 1
    for p, rows_steps in enumerate(pages_steps):
        rows: list[FlowRow] = []
        if p > 0:
            rows.append(FlowRow("top", space.top))
        rows.extend(FlowRow("step", heights[i], step=i) for i in rows_steps)
        if p < last:
            used = sum(r.height for r in rows)
            capacity = space.first if p == 0 else space.later
            rows.append(FlowRow("bottom", capacity - used))
        top = 0.0
        for row in rows:
            row.top = top
            top += row.height_pt
        pages.append(FlowPage(rows))
    return pages


@dataclass
class Crossing:
    """An edge whose ends are on different pages: a lettered pair of connectors."""

    edge: FlowEdge
    letter: str
    source_page: int
    target_page: int


def connector_row_height(tiers: int) -> int:
    """Height (twips) of a connector row with `tiers` tiers of pentagons."""
    return round((CONNECTOR_PAD + tiers * TIER_H) * 20)


def bottom_row_min(tiers: int = 1) -> int:
    """Least height (twips) of the connector row closing a page."""
    return connector_row_height(tiers) + 80


def crossings_of(edges: Sequence[FlowEdge], pages_steps: Sequence[Sequence[int]]) -> list[Crossing]:
    """The edges crossing a page break, lettered in page and step order."""
    page_of = {i: p for p, rows in enumerate(pages_steps) for i in rows}
    found = [e for e in edges if page_of[e.source] != page_of[e.target]]
    found.sort(key=lambda e: (page_of[e.source], e.source, e.target))
    letters = _letters(len(found))
    return [
        Crossing(e, letter, page_of[e.source], page_of[e.target])
        for e, letter in zip(found, letters, strict=True)
    ]


def _letters(count: int) -> list[str]:
    out: list[str] = []
    alphabet = string.ascii_uppercase
    for k in range(count):
        out.append(alphabet[k] if k < 26 else alphabet[k // 26 - 1] + alphabet[k % 26])
    return out


def connectors_in(crossings: Sequence[Crossing], page: int, row: RowKind) -> list[Crossing]:
    """Crossings with a connector in the top or bottom connector row of `page`."""
    out = []
    for c in crossings:
        forward = c.target_page > c.source_page
        if (c.source_page == page and (row == "bottom") == forward) or (
            c.target_page == page and (row == "top") == forward
        ):
            out.append(c)
    return out


def tiers_needed(crossings: Sequence[Crossing], page: int, row: RowKind, g: Geometry) -> int:
    """Tiers of pentagons the `row` connector row of `page` needs (one per column each)."""
    count = len(connectors_in(crossings, page, row))
    return max(1, -(-count // g.columns))


__all__ = [
    "Crossing",
    "PageSpace",
    "bottom_row_min",
    "connector_row_height",
    "connectors_in",
    "crossings_of",
    "page_rows",
    "paginate",
    "tiers_needed",
]
