"""Many Pelaksana columns (up to 15 and more on A4 landscape): how narrow the columns may
go, the data problem when even that does not fit, and the names printed vertically
(bottom to top), as agencies print the headers of such tables.

A vertical name's lines stack across the column's width and run along the header row's
height; words are never broken: the row is made tall enough for each name's longest
word, then taller until every name fits in the lines the column's width holds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from docx.shared import Mm

from sk_generator.render.flowchart import LayoutError
from sk_generator.render.measure import Face, wrap
from sk_generator.render.sop.cells import PAD_X

#: With many Pelaksana columns (over about 10 on A4 landscape), what the columns may go
#: down to, their names printed vertically, before the text columns give up anything:
#: the narrowest (room for the symbols, both lanes and a short label) and the widest
#: they take before the text columns get the rest (points).
PELAKSANA_NARROW_MM = 8.5
PELAKSANA_NARROW = Mm(PELAKSANA_NARROW_MM).pt
PELAKSANA_NARROW_MAX = Mm(12).pt
#: Kegiatan's least width when the Pelaksana columns go narrow: about 18 characters a
#: line in the smallest table type, never squeezed further.
KEGIATAN_MIN_MM = 30
KEGIATAN_MIN = Mm(KEGIATAN_MIN_MM).pt

#: Smallest type of a vertical name (points), and the tallest header row (twips) the
#: larger types may take before a smaller one is tried.
MIN_NAME_SIZE = 6.5
TALLEST = round(Mm(32).pt * 20)
#: Free space (points) at each end of a vertical line: what a horizontal cell's side
#: padding is to a horizontal line.
END_PAD = PAD_X / 20 + 3.0


def narrow_width(
    cells: Sequence[Sequence[Sequence[tuple[str, str]]]],
    face: Face,
    count: int,
    free: int,
    names: Sequence[str],
) -> int:
    """The width (twips) of each of `count` narrow Pelaksana columns sharing `free`
    twips (`cells`: each step's text columns, `names` their printed headers): at most
    `PELAKSANA_NARROW_MAX`; :class:`ColumnsError` when not even `PELAKSANA_NARROW` fits."""
    narrow = math.ceil(PELAKSANA_NARROW * 20)
    if free < count * narrow:
        widest = max(
            (
                (w, k)
                for texts in cells
                for k in range(1, 5)
                for _n, t in texts[k]
                for w in t.split()
            ),
            key=lambda item: face.width(item[0]),
            default=("", 1),
        )
        word, k = widest
        # Worth shortening only when the word, not the column's header, sets its width.
        if face.width(word) <= face.with_(bold=True).width(names[k]):
            word = ""
        column = "Keterangan" if k == 4 else names[k]
        raise ColumnsError(count, max(free // narrow, 0), word, column)
    return min(free // count, round(PELAKSANA_NARROW_MAX * 20))


class ColumnsError(LayoutError):
    """The Pelaksana columns do not fit the page even narrow, in the smallest type, with
    the text columns at their least: `count` columns where `most` would fit; `word` is
    the widest word of the Mutu Baku/Keterangan columns (in column `column`) when it
    sets its column's least width ("" when the headers do)."""

    def __init__(self, count: int, most: int, word: str, column: str) -> None:
        super().__init__(f"{count} kolom pelaksana tidak muat; paling banyak {most}")
        self.count = count
        self.most = most
        self.word = word
        self.column = column


def vertical_names(names: Sequence[str], bold: Face, width: int) -> tuple[Face, int]:
    """The names' type and the header row height (twips) that prints every name of
    `names` vertically, words whole, in a Pelaksana column `width` twips wide.

    The table's bold type first, then half a point smaller each time down to
    `MIN_NAME_SIZE`, while the row would be taller than `TALLEST`; the shortest row
    wins when none keeps under it.
    """
    best: tuple[int, Face] | None = None
    size = bold.size
    while size >= MIN_NAME_SIZE:
        face = bold.with_(size=size)
        height = _height(names, face, width)
        if height is not None:
            if height <= TALLEST:
                return face, height
            if best is None or height < best[0]:
                best = (height, face)
        size -= 0.5
    if best is None:
        face = bold.with_(size=MIN_NAME_SIZE)
        return face, _length_twips(names, face, 1)
    return best[1], best[0]


def _height(names: Sequence[str], face: Face, width: int) -> int | None:
    """Row height for `names` at `face`, or None when not one line fits across."""
    lines = math.floor((width - 2 * PAD_X) / face.line_twips)
    if lines < 1:
        return None
    return _length_twips(names, face, lines)


def _length_twips(names: Sequence[str], face: Face, lines: int) -> int:
    """Least row height in which each name wraps into at most `lines` lines."""
    length = max(face.width(word) for name in names for word in name.split())
    while any(len(wrap(name, face, length)) > lines for name in names):
        length += 1.0
    # wrap() keeps its own safety margin inside `length`; the ends keep END_PAD each.
    return math.ceil((length + 2 * END_PAD) * 20)


__all__ = [
    "END_PAD",
    "KEGIATAN_MIN",
    "KEGIATAN_MIN_MM",
    "MIN_NAME_SIZE",
    "PELAKSANA_NARROW",
    "PELAKSANA_NARROW_MAX",
    "PELAKSANA_NARROW_MM",
    "TALLEST",
    "ColumnsError",
    "narrow_width",
    "vertical_names",
]
