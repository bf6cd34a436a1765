"""Who does each step and where the flow goes, from the shapes drawn over the table.

Into today's flow model: a chain of steps in table order, each with one Pelaksana, and
decisions with a "ya" and a "tidak" target. A step's Pelaksana is the column its symbol
sits in; without a symbol, a mark in a Pelaksana cell ("v", "X", a filled cell, a
picture), or the text of a single Pelaksana column. A decision's exits are the arrows
leaving its diamond, followed through off-page connector pairs (same letter, or in order
when unlabelled), named by the label nearest their start ("Ya", "Tidak", "Lengkap", ...).
What the drawing shows beyond the model (a step drawn twice, a jump, a fork, a second
end) is reported, never silently dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from sk_generator.impor.grid import STEP_KINDS, Shape
from sk_generator.impor.report import Note

#: How far (points) a line's end may lie from a symbol and still be joined to it.
SNAP = 8.0
#: How far (points) from an arrow's start its label may lie.
LABEL_REACH = 45.0
_MARKS = {"v", "x", "√", "✓", "✔", "*", "●", "o", "ok", "•"}
_YES = re.compile(r"^(ya|y|lengkap|benar|sesuai|setuju|disetujui|valid|sah|ok|baik)\b", re.I)
_NO = re.compile(r"^(tidak|tdk|t|belum|salah|ditolak|kurang|tidak\s+\w+)\b", re.I)
_BACK = re.compile(r"kembali\s+ke\s+(?:langkah|kegiatan|no\.?|nomor|tahap)\s*(\d+)", re.I)


@dataclass
class Branch:
    tidak: int
    ya: int | None = None
    label_ya: str = "Ya"
    label_tidak: str = "Tidak"


@dataclass
class StepFlow:
    column: int | None = None
    decision: Branch | None = None
    #: Next steps as written (`lanjut`), known only from this toolkit's own hints.
    lanjut: list[int] | None = None
    simultan: bool = False
    #: A shared step's Pelaksana columns (0-based, as written), from the hints only.
    shared: list[int] | None = None


@dataclass
class FlowInput:
    """One procedure's steps as the flow sees them."""

    #: (table, row) of every step, in order; printed numbers for "kembali ke N".
    rows: list[tuple[int, int]]
    numbers: list[int | None]
    #: Grid column of each Pelaksana column, left to right.
    columns: list[int]
    shapes: dict[int, list[Shape]]
    #: Per step: the cells of the Pelaksana columns as (text, filled, pictures).
    marks: list[list[tuple[str, bool, int]]]
    texts: list[str]
    places: list[str]


@dataclass
class Flow:
    steps: list[StepFlow]
    notes: list[Note] = field(default_factory=list)


def read_flow(data: FlowInput) -> Flow:
    flow = Flow([StepFlow() for _ in data.rows])
    symbols = _symbols(data, flow)
    for i, symbol in symbols.items():
        flow.steps[i].column = (
            data.columns.index(symbol.col) if symbol.col in data.columns else None
        )
    for i, step in enumerate(flow.steps):
        if step.column is None:
            step.column = _from_marks(data, i, flow)
    _decisions(data, symbols, flow)
    return flow


def _symbols(data: FlowInput, flow: Flow) -> dict[int, Shape]:
    """The symbol of each step: a step shape in the step's row, in a Pelaksana column."""
    found: dict[int, Shape] = {}
    where = {row: i for i, row in enumerate(data.rows)}
    for t_index, shapes in data.shapes.items():
        for shape in shapes:
            if shape.kind not in STEP_KINDS or shape.col not in data.columns:
                continue
            i = where.get((t_index, shape.row if shape.row is not None else -1))
            if i is None:
                continue
            if i in found:
                flow.notes.append(
                    Note(
                        shape.place,
                        f"langkah {i + 1} digambar lebih dari sekali (kolom pelaksana lain); "
                        "model alur saat ini hanya memuat satu pelaksana per langkah: yang "
                        "pertama dipakai",
                        "di-luar-model",
                    )
                )
                continue
            found[i] = shape
    return found


def _from_marks(data: FlowInput, i: int, flow: Flow) -> int | None:
    cells = data.marks[i]
    marked = [k for k, (text, filled, _p) in enumerate(cells) if text.lower() in _MARKS or filled]
    how = "tanda (v/X/sel berwarna)"
    if not marked:
        marked = [k for k, (_t, _f, pictures) in enumerate(cells) if pictures]
        how = "gambar di sel"
    if not marked:
        return None
    if len(marked) > 1 or how == "gambar di sel":
        flow.notes.append(
            Note(
                data.places[i],
                f"pelaksana langkah {i + 1} ditebak dari {how} di kolom {marked[0] + 1} "
                f"dari kolom pelaksana yang bertanda: {', '.join(str(k + 1) for k in marked)}",
            )
        )
    return marked[0]


def _decisions(data: FlowInput, symbols: dict[int, Shape], flow: Flow) -> None:
    arrows = [s for shapes in data.shapes.values() for s in shapes if s.kind == "arrow"]
    labels = [s for shapes in data.shapes.values() for s in shapes if s.kind == "label"]
    connectors = [s for shapes in data.shapes.values() for s in shapes if s.kind == "offpage"]
    by_symbol = {id(s): i for i, s in symbols.items()}
    graph = _Graph(arrows, list(symbols.values()) + connectors, connectors)
    for i, symbol in symbols.items():
        exits = [(arrow, graph.target(arrow, by_symbol)) for arrow in graph.leaving(symbol)]
        if symbol.kind == "decision":
            flow.steps[i].decision = _branch(i, symbol, exits, labels, data, flow)
        else:
            _check_chain(i, symbol, exits, len(data.rows), flow)
    for i, step in enumerate(flow.steps):
        if step.decision is None and i not in symbols:
            found = _BACK.search(data.texts[i])
            if found:
                target = _number(data, int(found.group(1)))
                if target is not None:
                    step.decision = Branch(tidak=target + 1)
                    flow.notes.append(
                        Note(
                            data.places[i],
                            f"langkah {i + 1} dianggap keputusan karena teksnya menyebut "
                            f"'{found.group(0)}'; cabang tidak ke langkah {target + 1}",
                        )
                    )


def _branch(
    i: int,
    symbol: Shape,
    exits: list[tuple[Shape, int | None]],
    labels: list[Shape],
    data: FlowInput,
    flow: Flow,
) -> Branch | None:
    named: list[tuple[str, int | None, str]] = []
    for arrow, target in exits:
        label = _nearest_label(arrow, labels)
        named.append((label.text if label else "", target, arrow.place))
    yes = [n for n in named if n[0] and _YES.match(n[0]) and not _NO.match(n[0])]
    no = [n for n in named if n[0] and _NO.match(n[0])]
    if not no:
        back = [n for n in named if n[1] is not None and n[1] <= i]
        no = back or [n for n in named if n[1] is not None and n[1] != i + 1]
        if no:
            flow.notes.append(
                Note(
                    symbol.place,
                    f"cabang 'tidak' langkah {i + 1} ditebak (tanpa label): panah ke langkah "
                    f"{no[0][1] + 1 if no[0][1] is not None else '?'}",
                )
            )
    if not no or no[0][1] is None:
        flow.notes.append(
            Note(
                symbol.place,
                f"belah ketupat langkah {i + 1}: tujuan cabang 'tidak' tidak terbaca dari "
                "panahnya; isi `keputusan.tidak` dengan nomor langkah tujuan",
                "tak-terbaca",
            )
        )
        return Branch(tidak=i + 1, label_tidak=no[0][0] if no and no[0][0] else "Tidak")
    branch = Branch(tidak=no[0][1] + 1)
    if no[0][0]:
        branch.label_tidak = no[0][0]
    rest = [n for n in named if n is not no[0]]
    chosen = yes[0] if yes else (rest[0] if rest else None)
    if chosen is not None:
        if chosen[0] and _YES.match(chosen[0]):
            branch.label_ya = chosen[0]
        if chosen[1] is not None and chosen[1] != i + 1:
            branch.ya = chosen[1] + 1
    if len(named) > 2:
        flow.notes.append(
            Note(
                symbol.place,
                f"belah ketupat langkah {i + 1} punya lebih dari dua cabang; "
                "hanya ya/tidak yang dimuat",
                "di-luar-model",
            )
        )
    return branch


def _check_chain(
    i: int, symbol: Shape, exits: list[tuple[Shape, int | None]], count: int, flow: Flow
) -> None:
    targets = sorted({t for _a, t in exits if t is not None})
    if len(targets) > 1:
        shown = ", ".join(str(t + 1) for t in targets)
        flow.notes.append(
            Note(
                symbol.place,
                f"langkah {i + 1} bercabang ke langkah {shown} (percabangan "
                "tanpa keputusan); model alur saat ini hanya memuat urutan lurus",
                "di-luar-model",
            )
        )
    elif targets and targets[0] != i + 1 and i + 1 < count:
        flow.notes.append(
            Note(
                symbol.place,
                f"panah langkah {i + 1} menuju langkah {targets[0] + 1}, bukan "
                f"langkah {i + 2}; model alur saat ini mengikuti urutan tabel",
                "di-luar-model",
            )
        )
    if symbol.kind == "terminator" and 0 < i < count - 1:
        flow.notes.append(
            Note(
                symbol.place,
                f"langkah {i + 1} digambar sebagai terminator (akhir kedua?); "
                "model alur saat ini hanya punya satu akhir: langkah terakhir",
                "di-luar-model",
            )
        )


def _nearest_label(arrow: Shape, labels: list[Shape]) -> Shape | None:
    if arrow.start is None:
        return None
    best: tuple[float, Shape] | None = None
    for label in labels:
        d = _box_distance(label, arrow.start)
        if d <= LABEL_REACH and (best is None or d < best[0]):
            best = (d, label)
    return best[1] if best else None


def _number(data: FlowInput, printed: int) -> int | None:
    """Index of the step printed with number `printed` (numbering may skip)."""
    if printed in data.numbers:
        return data.numbers.index(printed)
    return printed - 1 if 0 < printed <= len(data.rows) else None


def _box_distance(shape: Shape, point: tuple[float, float]) -> float:
    px, py = point
    dx = max(shape.x - px, 0.0, px - (shape.x + shape.w))
    dy = max(shape.y - py, 0.0, py - (shape.y + shape.h))
    return float((dx * dx + dy * dy) ** 0.5)


class _Graph:
    """Arrows between symbols, joined by ids (Excel) or by where their ends lie."""

    def __init__(self, arrows: list[Shape], nodes: list[Shape], connectors: list[Shape]) -> None:
        self.arrows = arrows
        self.nodes = nodes
        self.connectors = connectors

    def _node_at(self, point: tuple[float, float] | None, ident: str, table: Shape) -> Shape | None:
        if ident:
            for node in self.nodes:
                if node.ident == ident and node.frame == table.frame:
                    return node
        if point is None:
            return None
        same = [n for n in self.nodes if n.frame == table.frame]
        best = min(same, key=lambda n: _box_distance(n, point), default=None)
        return best if best is not None and _box_distance(best, point) <= SNAP else None

    def leaving(self, node: Shape) -> Iterator[Shape]:
        for arrow in self.arrows:
            if self._node_at(arrow.start, arrow.start_id, arrow) is node:
                yield arrow

    def target(self, arrow: Shape, steps: dict[int, int], depth: int = 0) -> int | None:
        node = self._node_at(arrow.end, arrow.end_id, arrow)
        if node is None or depth > 4:
            return None
        if node.kind != "offpage":
            return steps.get(id(node))
        partner = self._partner(node)
        if partner is None:
            return None
        for onward in self.leaving(partner):
            return self.target(onward, steps, depth + 1)
        return None

    def _partner(self, node: Shape) -> Shape | None:
        """The other connector of an off-page pair: same letter, else the next in order."""
        key = node.text.strip().lower()
        others = [c for c in self.connectors if c is not node]
        if key:
            same = [c for c in others if c.text.strip().lower() == key]
            return same[0] if same else None
        unlabelled = [c for c in self.connectors if not c.text.strip()]
        position = unlabelled.index(node)
        pair = position ^ 1  # connectors come in pairs: (bottom of page N, top of N + 1)
        return unlabelled[pair] if pair < len(unlabelled) else None
