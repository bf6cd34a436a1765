"""The whole flowchart layout: paginate the step rows, then route every page."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sk_generator.render.flowchart.geometry import LABEL_SIZE, Geometry
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

    The top connector rows need as many tiers as the busiest page has incoming
    connectors, which depends on the pagination, which depends on the rows' height:
    repeat until the tiers suffice (a few rounds at most).
    """
    measure = label_width or (lambda text: len(text) * LABEL_SIZE * 0.55)
    top_tiers = 1
    for _attempt in range(4):
        top_h = connector_row_height(top_tiers)
        page_space = PageSpace(space.first, space.later, space.tail, top_h, space.bottom_min)
        pages_steps = paginate(heights, page_space)
        crossings = crossings_of(edges, pages_steps)
        needed = max(
            (tiers_needed(crossings, p, "top", geometry) for p in range(len(pages_steps))),
            default=1,
        )
        if needed <= top_tiers:
            break
        top_tiers = needed
    pages = page_rows(pages_steps, heights, page_space)
    result = FlowLayout(geometry, pages, pages_steps)
    for p in range(len(pages)):
        Router(result, p, steps, edges, crossings, measure).route()
    return result


__all__ = ["layout"]
