"""The flow graph of an SOP: each step's column and symbol, and the arrows between steps."""

from __future__ import annotations

from sk_generator.model import Sop
from sk_generator.model.alur import successors
from sk_generator.render.flowchart import FlowEdge, FlowStep, SymbolKind


def flow_graph(sop: Sop) -> tuple[list[FlowStep], list[FlowEdge]]:
    """Steps (column, symbol) and arrows of `sop`'s flowchart.

    The arrows are :func:`sk_generator.model.alur.successors` (the one reading of
    `keputusan` and `lanjut` shared with the checks and the Waktu totals). The first step
    and every step where the flow ends are terminators (Mulai / Selesai, or the SOP's own
    words); an arrow to the step just below leaves at the bottom, any other at the side.
    A step shared by several pelaksana (adjacent columns, SOP-PELAKSANA) spans them.
    """
    graph = successors(sop)
    steps: list[FlowStep] = []
    edges: list[FlowEdge] = []
    for i, langkah in enumerate(sop.langkah):
        missing = [name for name in langkah.para_pelaksana if name not in sop.pelaksana]
        if missing:
            raise ValueError(f"langkah {i + 1}: pelaksana '{missing[0]}' bukan kolom pelaksana")
        columns = sorted(sop.pelaksana.index(name) for name in langkah.para_pelaksana)
        cabang = langkah.keputusan
        kind: SymbolKind
        if cabang is not None:
            kind = "decision"
        else:
            kind = "terminator" if i == 0 or not graph[i] else "process"
        text = sop.teks_mulai if i == 0 else sop.teks_selesai if not graph[i] else ""
        steps.append(FlowStep(columns[0], kind, text, span=columns[-1] - columns[0] + 1))
        for target in graph[i]:
            label = None
            if cabang is not None:
                ya = cabang.ya - 1 if cabang.ya is not None else i + 1
                label = cabang.label_ya if target == ya else cabang.label_tidak
            edges.append(FlowEdge(i, target, label, "bottom" if target == i + 1 else "side"))
    return steps, edges


__all__ = ["flow_graph"]
