"""Where the corpus files draw their table rows and flowchart shapes (points).

One layout serves the Word and the Excel files: rows (header, steps, off-page
connector rows, repeated header, Jumlah), column widths, and the shapes in the
procedure table's frame (x from its left edge, y from its top edge).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.data.impor.spesifikasi import Spec

NO_W, KEG_W, PEL_W, KEL_W, WAK_W, OUT_W, KET_W = 30, 150, 90, 95, 50, 80, 75
HEAD_H = (22, 30)
CONNECTOR_H = 34
SIZES = {"terminator": (78, 26), "process": (78, 32), "decision": (70, 44), "offpage": (28, 24)}


@dataclass
class LRow:
    kind: str  # head1, head2, step, connector, jumlah
    height: float
    step: int | None = None


@dataclass
class LShape:
    kind: str
    text: str
    x: float
    y: float
    w: float
    h: float
    row: int
    ident: int = 0
    #: Lines: start and end point; connectors (Excel): ids of the end shapes.
    start: tuple[float, float] | None = None
    end: tuple[float, float] | None = None
    start_id: int = 0
    end_id: int = 0


@dataclass
class Layout:
    widths: list[float]
    rows: list[LRow]
    shapes: list[LShape] = field(default_factory=list)

    def top(self, row: int) -> float:
        return sum(r.height for r in self.rows[:row])

    def left(self, col: int) -> float:
        return sum(self.widths[:col])


def widths(spec: Spec) -> list[float]:
    return [NO_W, KEG_W, *[PEL_W] * len(spec.pelaksana), KEL_W, WAK_W, OUT_W, KET_W]


def rows(spec: Spec, step_h: float, *, typed_header: bool) -> list[LRow]:
    out = [LRow("head1", HEAD_H[0]), LRow("head2", HEAD_H[1])]
    for i in range(len(spec.steps)):
        out.append(LRow("step", step_h, i))
        if i in spec.breaks:
            out.append(LRow("connector", CONNECTOR_H))
            if typed_header:
                out += [LRow("head1", HEAD_H[0]), LRow("head2", HEAD_H[1])]
            out.append(LRow("connector", CONNECTOR_H))
    out.append(LRow("jumlah", 20))
    return out


class _Drawer:
    def __init__(self, spec: Spec, layout: Layout) -> None:
        self.spec = spec
        self.layout = layout
        self.next_id = 10

    def shape(self, kind: str, text: str, col: int, row: int) -> LShape:
        w, h = SIZES[kind]
        cx = self.layout.left(2 + col) + PEL_W / 2
        cy = self.layout.top(row) + self.layout.rows[row].height / 2
        self.next_id += 1
        made = LShape(kind, text, cx - w / 2, cy - h / 2, w, h, row, self.next_id)
        self.layout.shapes.append(made)
        return made

    def line(self, a: LShape, b: LShape, *, side: str = "bottom", to: str = "top") -> LShape:
        start = _port(a, side)
        end = _port(b, to)
        self.next_id += 1
        made = LShape(
            "arrow",
            "",
            min(start[0], end[0]),
            min(start[1], end[1]),
            abs(end[0] - start[0]),
            abs(end[1] - start[1]),
            a.row,
            self.next_id,
            start,
            end,
            a.ident,
            b.ident,
        )
        self.layout.shapes.append(made)
        return made

    def label(self, text: str, x: float, y: float, row: int) -> None:
        self.next_id += 1
        self.layout.shapes.append(
            LShape("label", text, x, y, 8 + 5 * len(text), 14, row, self.next_id)
        )


def _port(s: LShape, side: str) -> tuple[float, float]:
    return {
        "bottom": (s.x + s.w / 2, s.y + s.h),
        "top": (s.x + s.w / 2, s.y),
        "right": (s.x + s.w, s.y + s.h / 2),
        "left": (s.x, s.y + s.h / 2),
    }[side]


def draw(spec: Spec, step_h: float, *, typed_header: bool) -> Layout:
    layout = Layout(widths(spec), rows(spec, step_h, typed_header=typed_header))
    d = _Drawer(spec, layout)
    row_of = {r.step: k for k, r in enumerate(layout.rows) if r.step is not None}
    symbols = [d.shape(s.kind, "", s.col, row_of[i]) for i, s in enumerate(spec.steps)]
    connectors = [k for k, r in enumerate(layout.rows) if r.kind == "connector"]
    letters = iter("AB")
    for i, step in enumerate(spec.steps[:-1]):
        a, b = symbols[i], symbols[i + 1]
        if i in spec.breaks:
            letter = next(letters)
            bottom = d.shape("offpage", letter, step.col, connectors[0])
            top = d.shape("offpage", letter, spec.steps[i + 1].col, connectors[1])
            d.line(a, bottom)
            d.line(top, b)
        else:
            d.line(a, b)
        if step.kind == "decision":
            d.label(step.label_ya, a.x + a.w / 2 + 3, a.y + a.h + 2, a.row)
    for i, step in enumerate(spec.steps):
        if step.tidak is None:
            continue
        a, target = symbols[i], symbols[step.tidak]
        label_x = a.x + a.w + 3
        d.label(step.label_tidak, label_x, a.y + a.h / 2 - 16, a.row)
        crossing = [b for b in spec.breaks if step.tidak <= b < i]
        if crossing:
            letter = next(letters)
            col = min(len(spec.pelaksana) - 1, step.col + 1)
            here = d.shape("offpage", letter, col, connectors[1])
            there = d.shape("offpage", letter, col, connectors[0])
            d.line(a, here, side="right", to="bottom")
            d.line(there, target, side="top", to="right")
        else:
            d.line(a, target, side="right", to="right")
    return layout
