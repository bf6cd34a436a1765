"""The flow read from shapes: what today's model (a chain plus ya/tidak decisions) cannot
hold is reported as di-luar-model, located at the shape."""

from __future__ import annotations

from sk_generator.impor.alur import FlowInput, read_flow
from sk_generator.impor.grid import Shape


def _symbol(kind: str, row: int, col: int, ident: str) -> Shape:
    x, y = 100.0 * col, 50.0 * row
    return Shape(
        kind,
        "",
        x + 10,
        y + 10,
        60,
        30,
        f"tabel 1, baris {row + 1}, kolom {col + 1}",
        ident,
        row=row,
        col=col,
        frame="tabel 1",
    )


def _arrow(a: Shape, b: Shape) -> Shape:
    start = (a.x + a.w / 2, a.y + a.h)
    end = (b.x + b.w / 2, b.y)
    return Shape("arrow", "", 0, 0, 0, 0, a.place, start=start, end=end, frame="tabel 1")


def _input(shapes: list[Shape], steps: int = 4) -> FlowInput:
    return FlowInput(
        rows=[(0, r) for r in range(steps)],
        numbers=list(range(1, steps + 1)),
        columns=[2, 3],
        shapes={0: shapes},
        marks=[[("", False, 0), ("", False, 0)] for _ in range(steps)],
        texts=[""] * steps,
        places=[f"tabel 1, baris {r + 1}" for r in range(steps)],
    )


def test_fork_jump_second_end_and_shared_step_are_reported() -> None:
    s = [
        _symbol("terminator", 0, 2, "1"),
        _symbol("process", 1, 3, "2"),
        _symbol("terminator", 2, 2, "3"),
        _symbol("terminator", 3, 3, "4"),
    ]
    shared = _symbol("process", 1, 2, "5")
    arrows = [_arrow(s[0], s[1]), _arrow(s[0], s[3]), _arrow(s[1], s[3])]
    flow = read_flow(_input([*s, shared, *arrows]))
    assert [step.column for step in flow.steps] == [0, 1, 0, 1]
    assert [(n.place, n.kind, n.message) for n in flow.notes] == [
        (
            "tabel 1, baris 2, kolom 3",
            "di-luar-model",
            "langkah 2 digambar lebih dari sekali (kolom pelaksana lain); model alur saat ini "
            "hanya memuat satu pelaksana per langkah: yang pertama dipakai",
        ),
        (
            "tabel 1, baris 1, kolom 3",
            "di-luar-model",
            "langkah 1 bercabang ke langkah 2, 4 (percabangan tanpa keputusan); model alur saat "
            "ini hanya memuat urutan lurus",
        ),
        (
            "tabel 1, baris 2, kolom 4",
            "di-luar-model",
            "panah langkah 2 menuju langkah 4, bukan langkah 3; model alur saat ini mengikuti "
            "urutan tabel",
        ),
        (
            "tabel 1, baris 3, kolom 3",
            "di-luar-model",
            "langkah 3 digambar sebagai terminator (akhir kedua?); model alur saat ini hanya "
            "punya satu akhir: langkah terakhir",
        ),
    ]


def test_a_plain_chain_has_no_notes() -> None:
    s = [
        _symbol("terminator", 0, 2, "1"),
        _symbol("process", 1, 3, "2"),
        _symbol("terminator", 2, 2, "3"),
    ]
    flow = read_flow(_input([*s, _arrow(s[0], s[1]), _arrow(s[1], s[2])], steps=3))
    assert [step.column for step in flow.steps] == [0, 1, 0]
    assert flow.notes == []
