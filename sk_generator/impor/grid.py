"""What the Word and Excel readers hand on: tables of cells and the drawn shapes.

Both readers bring their file into the same form, so that finding the identity section,
the procedure table and the flow is written once (:mod:`sop`, :mod:`flow`). Coordinates
are points in the table's own frame (x from its left edge, y from its top edge); every
cell and shape carries `place`, the location staff can find in the original file
("tabel 2, baris 5, kolom 3" in Word, "Sheet1!C5" in Excel).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

#: The symbols of PermenPANRB 35/2012 and what else a flowchart holds.
ShapeKind = Literal[
    "terminator", "process", "decision", "offpage", "connector", "arrow", "label", "other"
]
#: Symbols that stand for a step of the procedure.
STEP_KINDS = ("terminator", "process", "decision")


@dataclass
class Shape:
    """A drawn shape or line, positioned in its table's frame (points)."""

    kind: ShapeKind
    text: str
    x: float
    y: float
    w: float
    h: float
    place: str
    #: The shape's own id in the file (Excel connectors name their ends by it).
    ident: str = ""
    #: For connectors: ids of the shapes at the start and the end (Excel `stCxn`/`endCxn`).
    start_id: str = ""
    end_id: str = ""
    #: For lines: start and end points (after flips), in the frame.
    start: tuple[float, float] | None = None
    end: tuple[float, float] | None = None
    #: Row and grid column of the table the shape's centre falls in (set by the reader).
    row: int | None = None
    col: int | None = None
    #: The table (Word) or sheet (Excel) whose frame the coordinates are in.
    frame: str = ""

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)


@dataclass
class Cell:
    """One cell: its text (paragraphs joined by newlines), where it starts and spans."""

    text: str
    col: int
    span: int
    place: str
    #: A vertically merged cell's continuation (Word `vMerge` without restart; an Excel
    #: merged range's lower cells): empty, the text stays in the first cell.
    merged_up: bool = False
    #: A background fill other than white or none (a "filled cell" mark).
    filled: bool = False
    #: Shapes or pictures inside the cell (Word inline drawings, pictures).
    pictures: int = 0

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in (line.strip() for line in self.text.split("\n")) if p]

    @property
    def flat(self) -> str:
        """The text on one line: line breaks inside a cell ("5 \\nMenit") become spaces."""
        return " ".join(self.text.split())


@dataclass
class Row:
    cells: list[Cell]
    place: str
    #: Repeated as a header on every page (Word `tblHeader`).
    header: bool = False

    def at(self, col: int) -> Cell | None:
        """The cell covering grid column `col`."""
        for cell in self.cells:
            if cell.col <= col < cell.col + cell.span:
                return cell
        return None

    def text_at(self, col: int) -> str:
        cell = self.at(col)
        return cell.flat if cell is not None and not cell.merged_up else ""

    @property
    def empty(self) -> bool:
        return all(not c.flat for c in self.cells)


@dataclass
class Table:
    """A Word table or an Excel sheet: rows, column edges and row edges (points)."""

    name: str
    rows: list[Row]
    #: x of every column edge, len = columns + 1.
    col_edges: list[float]
    #: y of every row edge, len = rows + 1.
    row_edges: list[float]
    shapes: list[Shape] = field(default_factory=list)
    #: Row heights were not in the file: positions by rows are estimates.
    heights_guessed: bool = False

    def col_at(self, x: float) -> int | None:
        return _index_at(self.col_edges, x)

    def row_at(self, y: float) -> int | None:
        return _index_at(self.row_edges, y)

    def locate(self, shape: Shape) -> None:
        """Set the row and column the shape's centre falls in."""
        cx, cy = shape.center
        if shape.row is None:
            shape.row = self.row_at(cy)
        if shape.col is None:
            shape.col = self.col_at(cx)


def _index_at(edges: list[float], value: float) -> int | None:
    for index in range(len(edges) - 1):
        if edges[index] <= value < edges[index + 1]:
            return index
    return None


_SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    """Text for matching labels: lower case, single spaces, no ':' or '.' at the ends."""
    return _SPACES.sub(" ", text).strip().strip(":.").strip().lower()


def edges(sizes: list[float], start: float = 0.0) -> list[float]:
    out = [start]
    for size in sizes:
        out.append(out[-1] + size)
    return out
