"""The flowchart's geometry over many generated procedures (hypothesis): 1-10 Pelaksana
columns, 1-60 steps, up to three decisions (several may share a column) whose "tidak"
(and sometimes "ya") branches jump back and forward, to any step including the first
(real SOPs loop back to step 1, the Mulai capsule), rows of random height over several
pages.

On every page: no label outside the page, on a grid line, crossed by a line, over a
symbol or over another label; no line through any symbol (steps and off-page
connectors alike); and the line crossings are counted (reported as hypothesis events,
`--hypothesis-show-statistics`) and stay rare.
"""

from __future__ import annotations

from hypothesis import event, given, settings
from hypothesis import strategies as st

from sk_generator.render.flowchart import (
    FlowStep,
    Geometry,
    PageSpace,
    SymbolKind,
    bottom_row_min,
    edges_of,
    layout,
    min_row_height,
    symbol_crossings,
)
from sk_generator.render.flowchart.graph import line_crossings
from sk_generator.render.flowchart.labels import label_faults
from sk_generator.render.measure import Face
from sk_generator.render.sop.columns import PELAKSANA_MAX, PELAKSANA_MIN

LABELS = [
    ("Ya", "Tidak"),
    ("Lengkap", "Tidak lengkap"),
    ("Disetujui", "Tidak disetujui"),
    ("Benar", "Salah"),
    ("Sesuai", "Tidak sesuai"),
    ("Lengkap dan benar", "Belum lengkap"),
]
LABEL_FACE = Face("Arial", 7.0)
#: F4 landscape with the table's header rows: about 420 pt of rows a page.
SPACE = PageSpace(first=7400, later=8400, tail=1400, top=0, bottom_min=bottom_row_min())


@st.composite
def procedures(draw: st.DrawFn) -> tuple[list[FlowStep], list, list[int], Geometry]:
    columns = draw(st.integers(1, 10))
    n = draw(st.integers(1, 60))
    width = draw(st.floats(float(PELAKSANA_MIN), float(PELAKSANA_MAX)))
    kinds: list[SymbolKind] = []
    branches: list = []
    steps = []
    for i in range(n):
        column = draw(st.integers(0, columns - 1))
        # At most three decisions (SOPs AP have one to three), in any columns.
        room = kinds.count("decision") < min(columns, 3)
        decide = room and 0 < i < n - 1 and n > 2 and draw(st.integers(0, 4)) == 0
        if decide:
            # "Tidak" goes back or forward to any other step, the first one included.
            tidak = draw(st.integers(1, n).filter(lambda t, i=i: t != i + 1))
            ya = draw(st.one_of(st.none(), st.integers(i + 2, n)))
            label_ya, label_tidak = draw(st.sampled_from(LABELS))
            branches.append((ya, tidak, label_ya, label_tidak))
            kind: SymbolKind = "decision"
        else:
            branches.append(None)
            kind = "terminator" if i in (0, n - 1) else "process"
        kinds.append(kind)
        steps.append(FlowStep(column, kind, "Mulai" if i == 0 else ""))
    heights = [max(round(min_row_height(k) * 20), draw(st.integers(600, 4000))) for k in kinds]
    return steps, edges_of(kinds, branches), heights, Geometry(columns, width)


@settings(max_examples=100, deadline=None, derandomize=True)
@given(procedures())
def test_labels_and_lines_never_collide(case) -> None:
    steps, edges, heights, geometry = case
    flow = layout(steps, edges, heights, geometry, SPACE, label_width=LABEL_FACE.width)
    labelled = sum(1 for e in edges if e.label)
    placed = sum(len(page.labels) for page in flow.pages)
    # Every labelled exit has its label (an edge to another page is labelled on the
    # page it leaves).
    assert placed == labelled
    total = 0
    for page in flow.pages:
        assert label_faults(page, geometry) == []
        assert symbol_crossings(page) == []
        total += line_crossings(page)
    event(f"crossings: {min(total, 5)}{'+' if total >= 5 else ''}")
