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
    MAX_EMPTY,
    TIER_H,
    Geometry,
    LayoutError,
    PageSpace,
    RowKind,
)
from sk_generator.render.flowchart.graph import FlowEdge, FlowPage, FlowRow


def paginate(heights: Sequence[int], space: PageSpace) -> list[list[int]]:
    """Step indices per page: as few pages as the rows need, no page but the last more
    than `MAX_EMPTY` empty where a choice of breaks allows it, and the last two pages
    balanced (the last one does not hold a lone step under a full page)."""
    pages = _greedy(heights, space)
    if any(_excess(heights, space, p, rows) for p, rows in enumerate(pages[:-1])):
        pages = _fewest_empty(heights, space, len(pages)) or pages
    if len(pages) >= 2:
        pages = _balance_last_two(heights, space, pages)
    return pages


def _greedy(heights: Sequence[int], space: PageSpace) -> list[list[int]]:
    """Each page filled as far as it goes: the fewest pages."""
    pages: list[list[int]] = []
    i = 0
    n = len(heights)
    while i < n:
        p = len(pages)
        rows: list[int] = []
        used = 0
        while i < n and space.used(p, used + heights[i], last=i == n - 1) <= space.capacity(p):
            used += heights[i]
            rows.append(i)
            i += 1
        if not rows:
            raise LayoutError(
                f"langkah {i + 1} terlalu tinggi untuk satu halaman; pendekkan uraiannya",
                step=i,
            )
        pages.append(rows)
    return pages


def _empty(heights: Sequence[int], space: PageSpace, p: int, rows: Sequence[int]) -> int:
    """Twips left empty at the foot of page `p` (a page but the last) holding `rows`."""
    taken = space.used(p, sum(heights[i] for i in rows), last=False)
    return space.capacity(p) - taken


def _excess(heights: Sequence[int], space: PageSpace, p: int, rows: Sequence[int]) -> float:
    return max(0.0, _empty(heights, space, p, rows) - space.most_empty)


def _fewest_empty(heights: Sequence[int], space: PageSpace, count: int) -> list[list[int]] | None:
    """`count` pages whose emptiness beyond `MAX_EMPTY` is least, then whose empty space
    is spread most evenly (sum of squares); None when no such split exists."""
    n = len(heights)
    # best[(i, p)]: cost and pages for steps i.. on pages p..count-1.
    best: dict[tuple[int, int], tuple[tuple[float, float], list[list[int]]] | None] = {}
    for p in range(count - 1, -1, -1):
        for i in range(n - 1, -1, -1):
            best[(i, p)] = _best_from(heights, space, count, best, i, p)
    found = best.get((0, 0))
    return found[1] if found else None


def _best_from(
    heights: Sequence[int],
    space: PageSpace,
    count: int,
    best: dict[tuple[int, int], tuple[tuple[float, float], list[list[int]]] | None],
    i: int,
    p: int,
) -> tuple[tuple[float, float], list[list[int]]] | None:
    n = len(heights)
    rows = list(range(i, n))
    if p == count - 1:
        fits = space.used(p, sum(heights[i:]), last=True) <= space.capacity(p)
        return ((0.0, 0.0), [rows]) if fits else None
    found: tuple[tuple[float, float], list[list[int]]] | None = None
    for j in range(i + 1, n):
        page = rows[: j - i]
        empty = _empty(heights, space, p, page)
        if empty < 0:
            break
        rest = best.get((j, p + 1))
        if rest is None:
            continue
        (excess, squares), pages = rest
        cost = (excess + _excess(heights, space, p, page), squares + float(empty) ** 2)
        if found is None or cost < found[0]:
            found = (cost, [page, *pages])
    return found


def _balance_last_two(
    heights: Sequence[int], space: PageSpace, pages: list[list[int]]
) -> list[list[int]]:
    """Move the break between the last two pages to even out what they hold, keeping
    the second-to-last page within `MAX_EMPTY` (or no emptier than it was)."""
    *head, before, last = pages
    p = len(head)
    joined = before + last
    limit = max(_excess(heights, space, p, before), 0.0)

    def spread(k: int) -> int:
        a = space.used(p, sum(heights[i] for i in joined[:k]), last=False)
        b = space.used(p + 1, sum(heights[i] for i in joined[k:]), last=True)
        return abs(a - b)

    choices = [
        k
        for k in range(1, len(joined))
        if _empty(heights, space, p, joined[:k]) >= 0
        and space.used(p + 1, sum(heights[i] for i in joined[k:]), last=True)
        <= space.capacity(p + 1)
        and _excess(heights, space, p, joined[:k]) <= limit
    ]
    if not choices:
        return pages
    k = min(choices, key=lambda k: (spread(k), -k))
    return [*head, joined[:k], joined[k:]]


def page_rows(
    pages_steps: Sequence[Sequence[int]], heights: Sequence[int], space: PageSpace
) -> list[FlowPage]:
    """The rows of every page: a top connector row on each page but the first, the step
    rows, and a bottom connector row closing each page but the last (its own height:
    the page break after it is written, not forced by filling the page)."""
    pages: list[FlowPage] = []
    last = len(pages_steps) - 1
    for p, rows_steps in enumerate(pages_steps):
        rows: list[FlowRow] = []
        if p > 0:
            rows.append(FlowRow("top", space.top))
        rows.extend(FlowRow("step", heights[i], step=i) for i in rows_steps)
        if p < last:
            rows.append(FlowRow("bottom", space.bottom_min))
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
    "MAX_EMPTY",
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
