"""Routes the geometry test once found faulty (tests/render/test_flowchart_geometry.py),
kept as fixed cases: a line into a busy connector row, and an arrow into a decision
whose sides are both taken."""

from __future__ import annotations

from sk_generator.render.flowchart import (
    FlowLayout,
    FlowStep,
    Geometry,
    SymbolKind,
    edges_of,
    layout,
    symbol_crossings,
)
from sk_generator.render.flowchart.labels import label_faults
from sk_generator.render.measure import Face
from tests.render.test_flowchart_geometry import SPACE

LABEL_FACE = Face("Arial", 7.0)
KINDS: dict[str, SymbolKind] = {"T": "terminator", "P": "process", "D": "decision"}


def _layout(
    columns: list[int],
    kinds: str,
    decisions: dict[int, tuple[int | None, int, str, str]],
    heights: list[int],
    geometry: Geometry,
) -> FlowLayout:
    """`decisions`: step index -> (ya, tidak, label ya, label tidak), 1-based targets."""
    symbol_kinds = [KINDS[k] for k in kinds]
    steps = [FlowStep(c, k) for c, k in zip(columns, symbol_kinds, strict=True)]
    branches = [decisions.get(i) for i in range(len(steps))]
    edges = edges_of(symbol_kinds, branches)
    flow = layout(steps, edges, heights, geometry, SPACE, label_width=LABEL_FACE.width)
    for page in flow.pages:
        assert symbol_crossings(page) == []
        assert label_faults(page, geometry) == []
    return flow


def test_line_into_a_busy_connector_row_runs_in_the_gap_below_it() -> None:
    """Step 15's "Tidak disetujui" goes back to step 7 on an earlier page through the
    connector in column 3 of a top row holding pentagons in columns 1, 2 and 3; the
    decision's right side is taken, so the line leaves on the left and would pass the
    two other pentagons at their height: it runs under them and enters from below."""
    flow = _layout(
        [0, 1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 0, 2, 0, 0, 1, 0],
        "TPDPPPPPPPPPPPDPT",
        {2: (None, 15, "Ya", "Tidak"), 14: (17, 7, "Disetujui", "Tidak disetujui")},
        [
            3155,
            1082,
            1280,
            1695,
            3490,
            1558,
            1499,
            2950,
            1573,
            880,
            880,
            3872,
            3241,
            3129,
            1831,
            1744,
            1160,
        ],
        Geometry(3, 70.12941136420085),
    )
    page = flow.pages[flow.page_of(14)]
    connectors = [s for s in page.symbols if s.kind == "connector" and s.box.y < 20]
    assert sorted(s.column for s in connectors) == [0, 1, 2]
    entered = [
        s for s in connectors if any(line.points[-1] == s.port("bottom") for line in page.lines)
    ]
    assert [s.column for s in entered] == [2]


def test_arrows_into_a_decision_with_every_port_taken() -> None:
    """Step 8's diamond has arrows at all four ports (its entry, its two exits to other
    pages, step 10's "Tidak lengkap" coming back): every arrow still finds a way that
    meets no other symbol (an arrow may join one already entering a step)."""
    flow = _layout(
        [5, 2, 6, 0, 4, 1, 0, 0, 5, 0, 5, 1, 5, 2, 8, 7, 7, 5, 6, 6, 0, 4],
        "TPPPPPPDPDPPDPPPPPPPPT",
        {
            7: (14, 17, "Ya", "Tidak"),
            9: (None, 8, "Lengkap", "Tidak lengkap"),
            12: (16, 10, "Ya", "Tidak"),
        },
        [
            3778,
            3036,
            3752,
            2468,
            2661,
            2872,
            3699,
            1280,
            3984,
            4000,
            1069,
            3347,
            1979,
            2845,
            2542,
            1000,
            900,
            2145,
            2263,
            1410,
            2411,
            2185,
        ],
        Geometry(9, 72.29879859360956),
    )
    page = flow.pages[flow.page_of(7)]
    diamond = page.symbol_of_step(7)
    # Every port of step 8's diamond is taken, and no line runs through a symbol.
    assert diamond is not None and diamond.used == {"left", "right", "top", "bottom"}
