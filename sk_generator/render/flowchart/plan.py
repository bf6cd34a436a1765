"""The whole flowchart layout: paginate the step rows, then route every page."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from sk_generator.render.flowchart.geometry import LABEL_SIZE, Geometry, RowKind
from sk_generator.render.flowchart.graph import FlowEdge, FlowLayout, FlowStep
from sk_generator.render.flowchart.pagination import (
    PageSpace,
    connector_row_height,
    crossings_of,
    page_rows,
    paginate,
    tiers_needed,
)
from sk_generator.render.flowchart.router import Router

_CONNECTOR_ROWS: tuple[RowKind, ...] = ("top", "bottom")


def layout(
    steps: Sequence[FlowStep],
    edges: Sequence[FlowEdge],
    heights: Sequence[int],
    geometry: Geometry,
    space: PageSpace,
    *,
    label_width: Callable[[str], float] | None = None,
) -> FlowLayout:
    """Paginate and route. `heights` are the measured step-row heights in twips.

    The connector rows need as many tiers as the busiest page has connectors, which
    depends on the pagination, which depends on the rows' height: repeat until the
    tiers suffice (a few rounds at most). `space.bottom_min` is the least height of the
    row closing a page (one tier); the rows of all pages share one height.
    """
    measure = label_width or (lambda text: len(text) * LABEL_SIZE * 0.55)
    tiers: dict[RowKind, int] = {"top": 1, "bottom": 1}
    extra = space.bottom_min - connector_row_height(1)
    for _attempt in range(6):
        page_space = dataclasses.replace(
            space,
            top=connector_row_height(tiers["top"]),
            bottom_min=connector_row_height(tiers["bottom"]) + extra,
        )
        pages_steps = paginate(heights, page_space)
        crossings = crossings_of(edges, pages_steps)
        needed = {
            row: max(
                (tiers_needed(crossings, p, row, geometry) for p in range(len(pages_steps))),
                default=1,
            )
            for row in _CONNECTOR_ROWS
        }
        if all(needed[row] <= tiers[row] for row in tiers):
            break
        tiers = {row: max(tiers[row], needed[row]) for row in tiers}
    pages = page_rows(pages_steps, heights, page_space)
    result = FlowLayout(geometry, pages, pages_steps, page_space)
    for p in range(len(pages)):
        Router(result, p, steps, edges, crossings, measure).route()
    return result


__all__ = ["layout"]
