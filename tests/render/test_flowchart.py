"""The flowchart layout as data: pagination, connectors at breaks, routes around symbols."""

from __future__ import annotations

import pytest

from sk_generator.render.flowchart import (
    FlowEdge,
    FlowStep,
    Geometry,
    LayoutError,
    PageSpace,
    bottom_row_min,
    edges_of,
    layout,
    min_row_height,
    paginate,
    symbol_crossings,
)
from sk_generator.render.flowdraw import page_tiles
from sk_generator.render.measure import Face, font_file, wrap

SPACE = PageSpace(first=6000, later=7000, tail=900, top=0, bottom_min=bottom_row_min())


def chain(n: int, columns: int, decisions: dict[int, int] | None = None):
    """n steps zig-zagging over the columns; decisions: step (1-based) -> tidak target."""
    decisions = decisions or {}
    kinds = []
    branches = []
    for i in range(n):
        if i + 1 in decisions:
            kinds.append("decision")
            branches.append((None, decisions[i + 1], "Ya", "Tidak"))
        else:
            kinds.append("terminator" if i in (0, n - 1) else "process")
            branches.append(None)
    steps = [FlowStep((i * 3 + i // 4) % columns, k) for i, k in enumerate(kinds)]
    heights = [round(min_row_height(k) * 20) + (i % 3) * 200 for i, k in enumerate(kinds)]
    return steps, edges_of(kinds, branches), heights


def test_edges_of_decision() -> None:
    edges = edges_of(
        ["terminator", "process", "decision", "terminator"],
        [None, None, (None, 1, "Lengkap", "Tidak lengkap"), None],
    )
    assert edges == [
        FlowEdge(0, 1),
        FlowEdge(1, 2),
        FlowEdge(2, 3, "Lengkap", "bottom"),
        FlowEdge(2, 0, "Tidak lengkap", "side"),
    ]


def test_paginate_leaves_room_for_connectors_and_tail() -> None:
    heights = [1000] * 20
    pages = paginate(heights, SPACE)
    assert [i for page in pages for i in page] == list(range(20))
    for index, page in enumerate(pages):
        capacity = SPACE.first if index == 0 else SPACE.later
        used = sum(heights[i] for i in page) + (0 if index == 0 else SPACE.top)
        after = SPACE.tail if index == len(pages) - 1 else SPACE.bottom_min
        assert used + after <= capacity


def _used(heights: list[int], pages: list[list[int]], p: int) -> int:
    return SPACE.used(p, sum(heights[i] for i in pages[p]), last=p == len(pages) - 1)


def test_paginate_balances_the_last_two_pages() -> None:
    """Filled greedily, 8 rows of 1000 twips take 5 + 3 rows (5720 and 3900 twips used);
    the break moves to 4 + 4 (4720 and 4900), the most even split; 10 rows (5 + 5) are
    even already and stay."""
    heights = [1000] * 8
    pages = paginate(heights, SPACE)
    assert pages == [[0, 1, 2, 3], [4, 5, 6, 7]]
    assert (_used(heights, pages, 0), _used(heights, pages, 1)) == (4720, 4900)
    assert paginate([1000] * 10, SPACE) == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]


def test_paginate_moves_breaks_to_keep_pages_at_most_40_percent_empty() -> None:
    """Greedily, row 4 (1500) would stand alone on page 2 before the 5000 row, leaving
    4780 of 7000 twips empty; breaking after row 2 instead leaves 1280 and 2780 (at most
    2800, 40%) with the same three pages."""
    heights = [2000, 2000, 2000, 1500, 5000, 1000]
    pages = paginate(heights, SPACE)
    assert pages == [[0, 1], [2, 3], [4, 5]]
    empties = [SPACE.capacity(p) - _used(heights, pages, p) for p in (0, 1)]
    assert empties == [1280, 2780]
    assert max(empties) <= SPACE.most_empty == 2800


def test_page_rows_close_pages_with_connector_rows_of_their_own_height() -> None:
    """No filler: the row closing a page is as tall as its connectors need, whatever
    room is left under it."""
    steps, edges, heights = chain(20, 3)
    flow = layout(steps, edges, heights, Geometry(3, 60.0), SPACE)
    closing = [page.rows[-1] for page in flow.pages[:-1]]
    assert closing and all(row.kind == "bottom" for row in closing)
    assert {row.height for row in closing} == {bottom_row_min()}


def test_paginate_refuses_a_step_taller_than_a_page() -> None:
    with pytest.raises(LayoutError, match="langkah 2"):
        paginate([1000, 9000], SPACE)


@pytest.mark.parametrize("columns", [1, 2, 3, 8])
def test_big_flow_routes_avoid_symbols(columns: int) -> None:
    steps, edges, heights = chain(45, columns, {15: 12, 30: 20})
    flow = layout(steps, edges, heights, Geometry(columns, 60.0), SPACE)
    assert len(flow.pages) > 2
    for page in flow.pages:
        assert symbol_crossings(page) == []
        capacity = SPACE.first if page is flow.pages[0] else SPACE.later
        assert sum(r.height for r in page.rows) <= capacity
        # every step row keeps at least its measured height
        for row in page.rows:
            if row.step is not None:
                assert row.height == heights[row.step]


def test_connector_pairs_at_every_break() -> None:
    steps, edges, heights = chain(45, 8, {15: 12, 30: 20})
    flow = layout(steps, edges, heights, Geometry(8, 60.0), SPACE)
    letters: dict[str, list[int]] = {}
    for p, page in enumerate(flow.pages):
        for symbol in page.symbols:
            if symbol.kind == "connector":
                letters.setdefault(symbol.text, []).append(p)
        kinds = [row.kind for row in page.rows]
        assert kinds[0] == ("step" if p == 0 else "top")
        assert kinds[-1] == ("step" if p == len(flow.pages) - 1 else "bottom")
    assert letters
    for pages in letters.values():
        assert len(pages) == 2 and pages[0] != pages[1]
    # the main flow continues over each break with a pair: bottom of p, top of p + 1
    for p in range(len(flow.pages) - 1):
        bottom = {s.text for s in flow.pages[p].symbols if s.kind == "connector"}
        top = {s.text for s in flow.pages[p + 1].symbols if s.kind == "connector"}
        assert bottom & top


def test_back_edges_reach_their_targets() -> None:
    """The 'Tidak' branch of step 5 goes back to step 2 on the same page, through a lane."""
    steps, edges, heights = chain(8, 3, {5: 2})
    roomy = PageSpace(first=30000, later=30000, tail=900, top=0, bottom_min=bottom_row_min())
    flow = layout(steps, edges, heights, Geometry(3, 60.0), roomy)
    (page,) = flow.pages
    target = page.symbol_of_step(1)
    source = page.symbol_of_step(4)
    assert target is not None and source is not None
    back = [
        line
        for line in page.lines
        if line.points[0] in (source.port("left"), source.port("right"))
        and line.points[-1] in (target.port("left"), target.port("right"))
    ]
    assert len(back) == 1
    (_x0, _), (lane_x, _), (lane_x2, _), _ = back[0].points
    assert lane_x == lane_x2 and lane_x in flow.geometry.lanes()
    assert [label.text for label in page.labels] == ["Ya", "Tidak"]


def test_tiles_cover_rows_and_columns() -> None:
    steps, edges, heights = chain(6, 2, {4: 2})
    flow = layout(steps, edges, heights, Geometry(2, 60.0), SPACE)
    tiles = page_tiles(flow, flow.pages[0], font_file("Arial"))
    rows = {row for row, _ in tiles}
    assert rows == set(range(len(flow.pages[0].rows)))
    assert all(data.startswith(b"\x89PNG") for data in tiles.values())


def test_wrap_breaks_at_spaces_and_inside_long_words() -> None:
    face = Face("Arial", 10)
    assert wrap("satu dua tiga", face, 1000) == ["satu dua tiga"]
    lines = wrap("satu dua tiga", face, face.width("satu dua") + 2)
    assert lines == ["satu dua", "tiga"]
    long = wrap("Perlengkapan", face, face.width("Perleng") + 1.6)
    assert "".join(long) == "Perlengkapan" and len(long) == 2


def test_arrow_direction_survives_float_noise() -> None:
    """A vertical line whose ends differ by a rounding error (seen in the 45-step fixture)
    keeps a thin shaft and a downward head; a sign test on the difference made the head
    point sideways and the shaft a 5 pt wide bar."""
    from sk_generator.render.flowchart import Line
    from sk_generator.render.flowdraw import _line

    scale = 12.5

    def pt(x: float, y: float) -> tuple[float, float]:
        return (x * scale, y * scale)

    ops = _line(
        Line(((198.79999999999998, 23.0), (198.79999999999995, 163.25)), True), pt, 9, scale
    )
    head, shaft = ops
    assert head[0] == "polygon" and shaft[0] == "rect"
    x0, _y0, x1, _y1 = shaft[1]
    assert x1 - x0 == pytest.approx(9, abs=0.01)
    tip = head[1][0]
    assert tip[1] == max(y for _x, y in head[1])  # the tip is the lowest point: pointing down
