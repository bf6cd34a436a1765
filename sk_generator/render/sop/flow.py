"""The flow graph of an SOP: each step's column and symbol, and the arrows between steps."""

from __future__ import annotations

from sk_generator.model import Sop
from sk_generator.render.flowchart import FlowEdge, FlowStep, SymbolKind, edges_of


def flow_graph(sop: Sop) -> tuple[list[FlowStep], list[FlowEdge]]:
    """Steps (column, symbol) and arrows of `sop`'s flowchart."""
    n = len(sop.langkah)
    kinds: list[SymbolKind] = []
    branches: list[tuple[int | None, int, str, str] | None] = []
    steps = []
    for i, langkah in enumerate(sop.langkah):
        if langkah.pelaksana not in sop.pelaksana:
            raise ValueError(
                f"langkah {i + 1}: pelaksana '{langkah.pelaksana}' bukan kolom pelaksana"
            )
        cabang = langkah.keputusan
        kind: SymbolKind
        if cabang is not None:
            kind = "decision"
            branches.append((cabang.ya, cabang.tidak, cabang.label_ya, cabang.label_tidak))
        else:
            kind = "terminator" if i in (0, n - 1) else "process"
            branches.append(None)
        kinds.append(kind)
        # The first and last symbols read Mulai / Selesai (or the SOP's own words).
        text = sop.teks_mulai if i == 0 else sop.teks_selesai if i == n - 1 else ""
        steps.append(FlowStep(sop.pelaksana.index(langkah.pelaksana), kind, text))
    return steps, edges_of(kinds, branches)


__all__ = ["flow_graph"]
