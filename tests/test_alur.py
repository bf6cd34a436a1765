"""The flow as a graph (issue 17): successors, Jumlah Waktu along paths, flowchart arrows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sk_generator.model import Sop
from sk_generator.model.alur import ends, is_graph, successors
from sk_generator.render.flowchart import FlowEdge, FlowPage, Symbol, symbol_crossings
from sk_generator.render.sop import SopBuilder, render_sop
from sk_generator.render.sop.flow import flow_graph
from sk_generator.waktu import CARA_GRAF, CARA_URUT, compute_sop
from tests.render.test_sop import BESAR, REFERENCE, SEEDS, dump, first_sop

ALUR = Path(__file__).parent / "data" / "alur" / "sop-alur.yaml"


def _sop() -> Sop:
    return first_sop(ALUR)[1].sop


def test_fixture_graph_forks_loops_and_ends() -> None:
    sop = _sop()
    assert is_graph(sop)
    # 2 waits on itself; 3 forks (simultan) into 4 and 5, both join at 6; 6 chooses 7 or 8.
    assert successors(sop) == [[1], [2, 1], [3, 4], [5], [5], [6, 7], [], []]
    assert ends(sop) == [6, 7]


def test_jumlah_waktu_is_the_longest_path_and_the_range_the_shortest() -> None:
    times = compute_sop(_sop())
    # Longest: 10 + 15 + 10 menit, the simultaneous branches once at their longest (5: 2
    # hari, not 4's 1 jam as well), 30 menit, then the longer choice (7: 2 hari).
    assert times.text_max == "4 hari 1 jam 5 menit"
    # Shortest: the simultaneous fork still waits for 5 (at least 1 hari), then 8 (1 hari).
    assert times.total.text_min() == "2 hari 1 jam 5 menit"
    assert times.text == "2–4 hari 1 jam 5 menit"
    assert times.cara == CARA_GRAF


def test_a_choice_instead_of_simultan_takes_the_shortest_branch_for_the_minimum() -> None:
    sop = _sop()
    steps = list(sop.langkah)
    steps[2] = steps[2].model_copy(update={"simultan": False})
    times = compute_sop(sop.model_copy(update={"langkah": steps}))
    assert times.text_max == "4 hari 1 jam 5 menit"
    # 4 (1 jam) instead of 5: 10 + 15 + 10 + 60 + 30 menit, then 8 (1 hari).
    assert times.total.text_min() == "1 hari 2 jam 5 menit"


@pytest.mark.parametrize("path", [*SEEDS.values(), BESAR], ids=[*SEEDS, "besar"])
def test_linear_sops_are_counted_as_before(path: Path) -> None:
    """Files without `lanjut` keep their meaning and their total: every step once."""
    sop = first_sop(path)[1].sop
    assert not is_graph(sop)
    times = compute_sop(sop)
    assert times.cara == CARA_URUT
    assert times.total == times.steps[-1].running


def test_flowchart_arrows_follow_the_graph() -> None:
    steps, edges = flow_graph(_sop())
    assert [s.kind for s in steps] == [
        "terminator",
        "decision",
        "process",
        "process",
        "process",
        "process",
        "terminator",
        "terminator",
    ]
    assert [s.text for s in steps if s.kind == "terminator"] == ["Mulai", "Selesai", "Selesai"]
    assert edges == [
        FlowEdge(0, 1),
        FlowEdge(1, 2, "Lengkap"),
        FlowEdge(1, 1, "Belum lengkap", "side"),
        FlowEdge(2, 3),
        FlowEdge(2, 4, None, "side"),
        FlowEdge(3, 5, None, "side"),
        FlowEdge(4, 5),
        FlowEdge(5, 6),
        FlowEdge(5, 7, None, "side"),
    ]


def test_fixture_dump(reference: Callable[[Path, str], None]) -> None:
    """The fixture's SOP as printed: the table rows and the graph's Jumlah Waktu."""
    document, entry = first_sop(ALUR)
    data, pages = render_sop(document, entry)
    assert pages == 2  # the procedure starts under the identity table
    text = dump(data)
    assert "T | Jumlah Waktu Penyelesaian | 4 hari 1 jam 5 menit" in text
    reference(REFERENCE / "sop-alur.txt", text)


def _waiting_decision() -> tuple[FlowPage, Symbol, float]:
    """The fixture's flowchart page holding step 2 (waiting on itself), its diamond and
    the Pelaksana column width."""
    document, entry = first_sop(ALUR)
    builder = SopBuilder(document, entry)
    builder.build()
    assert builder.plan is not None
    flow = builder.plan.flow
    page = flow.pages[flow.page_of(1)]
    diamond = page.symbol_of_step(1)
    assert diamond is not None and diamond.kind == "decision"
    return page, diamond, flow.geometry.column_width


def test_decision_waiting_on_itself_is_drawn_as_a_loop_into_its_entry() -> None:
    """The self-loop leaves the diamond at a side vertex and joins the entry line just
    above the diamond (the arrow head there), clear of the diamond itself."""
    page, diamond, _width = _waiting_decision()
    loops = [line for line in page.lines if line.points[0] == diamond.port("right")]
    assert len(loops) == 1
    (_start, out, up, end) = loops[0].points
    assert out[0] > diamond.box.right and up[1] < diamond.box.y
    assert end == (diamond.box.cx, up[1])
    assert not any(symbol is diamond for _line, symbol in symbol_crossings(page))


def test_the_self_loop_label_stands_on_the_loops_side() -> None:
    """The "Belum lengkap" label sits beside the loop's exit (right of the diamond's
    centre, below the exit line), not across the diamond by the entry line."""
    page, diamond, width = _waiting_decision()
    (label,) = [lab for lab in page.labels if lab.text.replace("\n", " ") == "Belum lengkap"]
    assert label.box.x > diamond.box.cx
    assert label.box.y > diamond.port("right")[1]
    assert label.box.right < width * 2  # its own cell
