"""A step shared by several pelaksana (issue 17 item 2): one process box spanning their
columns, arrows meeting it in the column of the step at their other end, and the
Pelaksana cells of those columns merged into one in its row (no grid line cuts the box).

The fixture is sop-alur with step 6 done by Sekretaris, Kepala Bidang and Kepala Dinas
(columns 3-5); step 5 (Kepala Bidang) leads into it, step 4 (Sekretaris) jumps into it,
and it chooses between step 7 (Kepala Bidang) and step 8 (Sekretaris).
"""

from __future__ import annotations

import dataclasses
import io

import docx
import pytest
from docx.oxml.ns import qn

from sk_generator.render.flowchart import FlowPage, Geometry, symbol_crossings
from sk_generator.render.sop import SopBuilder
from sk_generator.render.sop.flow import flow_graph
from tests.render.test_sop import first_sop
from tests.test_alur import ALUR

SHARED = ["Kepala Dinas", "Sekretaris", "Kepala Bidang"]  # any order: columns 3-5


@pytest.fixture(scope="module")
def built() -> tuple[SopBuilder, bytes]:
    document, entry = first_sop(ALUR)
    steps = list(entry.sop.langkah)
    steps[5] = steps[5].model_copy(update={"pelaksana": SHARED})
    sop = entry.sop.model_copy(update={"langkah": steps})
    builder = SopBuilder(document, dataclasses.replace(entry, sop=sop))
    data, _pages = builder.build()
    return builder, data


def _page(builder: SopBuilder) -> tuple[FlowPage, Geometry]:
    """The flowchart page holding the shared step (and its neighbours 4 to 7)."""
    assert builder.plan is not None
    page = next(p for p in builder.plan.flow.pages if p.symbol_of_step(5) is not None)
    assert all(page.symbol_of_step(i) is not None for i in (3, 4, 6))
    return page, builder.plan.flow.geometry


def test_the_shared_step_spans_its_columns(built: tuple[SopBuilder, bytes]) -> None:
    builder, _data = built
    steps, _edges = flow_graph(builder.sop)
    assert (steps[5].column, steps[5].span) == (2, 3)
    page, g = _page(builder)
    box = page.symbol_of_step(5)
    assert box is not None and box.kind == "process" and box.span == 3
    # From the first spanned column's symbol edge to the last's: the lanes between the
    # columns are inside it, the outer lanes free.
    assert box.box.x == pytest.approx(g.center(2) - g.symbol_w / 2)
    assert box.box.right == pytest.approx(g.center(4) + g.symbol_w / 2)
    assert symbol_crossings(page) == []


def test_arrows_meet_the_box_in_the_other_steps_column(built: tuple[SopBuilder, bytes]) -> None:
    builder, _data = built
    page, g = _page(builder)
    box = page.symbol_of_step(5)
    assert box is not None
    ends = {line.points[-1]: line for line in page.lines}
    starts = {line.points[0]: line for line in page.lines}
    # Step 5 (Kepala Bidang, column 4) straight down into the box's top in column 4.
    into = ends[(g.center(3), box.box.y)]
    assert {x for x, _y in into.points} == {g.center(3)}
    # Out of the box's bottom in column 4, straight down to step 7 (Kepala Bidang).
    out = starts[(g.center(3), box.box.bottom)]
    assert {x for x, _y in out.points} == {g.center(3)}
    seven = page.symbol_of_step(6)
    assert seven is not None and out.points[-1] == seven.port("top")
    # Step 4 jumps into a side of the box.
    assert (box.box.right, box.box.cy) in ends or (box.box.x, box.box.cy) in ends


def test_the_pelaksana_cells_of_the_shared_row_are_one(built: tuple[SopBuilder, bytes]) -> None:
    builder, data = built
    page, _g = _page(builder)
    index = next(k for k, row in enumerate(page.rows) if row.step == 5)
    assert page.cell_groups(index, 5) == [(0, 1), (1, 1), (2, 3)]
    assert page.cell_groups(index - 1, 5) == [(c, 1) for c in range(5)]
    table = docx.Document(io.BytesIO(data)).tables[-1]
    row = table.rows[2 + index]  # two header rows first
    assert row.cells[1].text.startswith("Memutuskan tindak lanjut")
    merged = [
        int(span.get(qn("w:val")))
        for tc in row._tr.iterchildren(qn("w:tc"))
        if (span := tc.tcPr.find(qn("w:gridSpan"))) is not None
    ]
    assert merged == [3]
    above = [
        tc.tcPr.find(qn("w:gridSpan")) for tc in table.rows[1 + index]._tr.iterchildren(qn("w:tc"))
    ]
    assert above == [None] * len(above)
