"""Column planning of the procedure table: the width of every column and the table's type.

No fits "No."; a Pelaksana column holds the flowchart symbols and their lanes; the text
columns get at least their longest word, and the width left over goes where it
shortens the rows the most (:func:`plan_columns`).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from docx.shared import Mm

from sk_generator.model import Label, Sop
from sk_generator.render import context
from sk_generator.render.flowchart import SymbolKind, min_row_height
from sk_generator.render.measure import Face
from sk_generator.render.sop.cells import HANG, PAD_X, hyphenate, narrowest, text_height
from sk_generator.render.sop.narrow import (
    KEGIATAN_MIN,
    narrow_width,
)
from sk_generator.render.sop.sheet import Page

#: Pelaksana column width bounds (points).
PELAKSANA_MIN = Mm(18).pt
PELAKSANA_MAX = Mm(28).pt


@dataclass(frozen=True)
class Columns:
    """Procedure table column widths (twips) and the table's font."""

    no: int
    kegiatan: int
    pelaksana: int
    count: int
    kelengkapan: int
    waktu: int
    output: int
    keterangan: int
    face: Face

    @property
    def widths(self) -> list[int]:
        return [
            self.no,
            self.kegiatan,
            *([self.pelaksana] * self.count),
            self.kelengkapan,
            self.waktu,
            self.output,
            self.keterangan,
        ]

    @property
    def text_widths(self) -> list[int]:
        """No, Kegiatan, Kelengkapan, Waktu, Output, Keterangan."""
        return [self.no, self.kegiatan, self.kelengkapan, self.waktu, self.output, self.keterangan]

    @property
    def vertical(self) -> bool:
        """Whether the Pelaksana columns are narrow: names printed vertically."""
        return self.pelaksana < round(PELAKSANA_MIN * 20)

    @property
    def jumlah_label(self) -> int:
        """Width of the "Jumlah Waktu Penyelesaian" cell (No to Kelengkapan)."""
        return self.no + self.kegiatan + self.count * self.pelaksana + self.kelengkapan


#: Smallest type size of the procedure table: the planner shrinks the type to this
#: before it lets a column break inside a word.
MIN_SIZE = 8.0


def table_face(base: Face, pelaksana: int) -> Face:
    """The procedure table's type: 1 pt under the body size, 2 pt with over 5 columns."""
    step = 1 if pelaksana <= 5 else 2
    return base.with_(size=max(MIN_SIZE, base.size - step))


#: Width a text column needs beyond its longest word (points): both side paddings and
#: the measuring safety of :func:`measure.wrap`.
TEXT_PAD = 2 * PAD_X / 20 + 2
#: Steps (twips) in which the planner hands out the width left after the minimums.
_GROW = (60, 120, 240, 480, 960, 1920)
#: Least row height a step of width must save (per unit of width) to be handed out.
WORTH = 0.25
#: Keterangan's full header and its short form when the column is narrow (an instansi's
#: own `label.keterangan` replaces both).
KETERANGAN = "Keterangan"
KETERANGAN_SINGKAT = "Ket."


def _heads(label: Label) -> tuple[str, str, str, str, str]:
    """Text column headers: Kegiatan, Kelengkapan, Waktu, Output, Keterangan (short)."""
    ket = label.keterangan or KETERANGAN_SINGKAT
    return (label.kegiatan, label.kelengkapan, label.waktu, label.output, ket)


def step_texts(sop: Sop, i: int) -> list[list[tuple[str, str]]]:
    """The text cells of step `i`: No, Kegiatan, Kelengkapan, Waktu, Output, Keterangan."""
    langkah = sop.langkah[i]
    return [
        [("", context.nomor_langkah(i))],
        [("", langkah.kegiatan)],
        context.butir(list(langkah.kelengkapan)) if langkah.kelengkapan else [("", "")],
        [("", langkah.waktu or "")],
        [("", langkah.output or "")],
        [("", langkah.keterangan or "")],
    ]


def word_width(paragraphs: Sequence[tuple[str, str]], face: Face) -> float:
    """Least column width (points) in which no word of `paragraphs` breaks."""
    need = 0.0
    for number, text in paragraphs:
        hang = HANG / 20 if number else 0.0
        for word in text.split():
            need = max(need, face.width(word) + hang)
    return need + TEXT_PAD


def pelaksana_width(names: Sequence[str], bold: Face) -> tuple[float, float, float]:
    """Least, preferred and least hyphenated Pelaksana column width (points): room for
    the symbols and their lanes (`PELAKSANA_MIN`) and for the names' longest word 3 pt
    under the table's bold type (least), 1.5 pt under it (preferred), or 3 pt under it
    hyphenated where that is narrower (least hyphenated), at most `PELAKSANA_MAX`."""

    def need(size: float, hyphenated: bool) -> float:
        face = bold.with_(size=size)
        measure = functools.partial(narrowest, face=face) if hyphenated else face.width
        word = max((measure(w) for n in names for w in n.split()), default=0.0)
        return min(max(word + TEXT_PAD, PELAKSANA_MIN), PELAKSANA_MAX)

    small, large = max(7.0, bold.size - 3), max(7.0, bold.size - 1.5)
    return need(small, False), need(large, False), need(small, True)


def plan_columns(
    page: Page, base: Face, sop: Sop, *, size: float | None = None, label: Label | None = None
) -> Columns:
    """Column widths of the procedure table, at table type `size` or smaller.

    No fits "No."; a Pelaksana column holds the symbols and their lanes (and the names'
    longest word when it can); every text column (Kegiatan, Kelengkapan, Waktu, Output,
    Keterangan) is at least as wide as its longest word and its header, Keterangan
    only "Ket." when it holds little. When the page is too narrow for that, the type
    shrinks in half points down to `MIN_SIZE` before any word has to break. The width
    left over goes, in steps, to the column that shortens the rows the most (the sum of
    the step rows' heights, each at least its symbol's); when no step shortens a row any
    more, the Pelaksana names get room for larger type, Keterangan for its full header,
    and the rest is shared by text volume. Headers are the instansi's `label`s, which
    wrap between words like the cells.
    """
    face = table_face(base, len(sop.pelaksana)) if size is None else base.with_(size=size)
    while True:
        planned = _plan_columns(page, face, sop, label or Label(), force=face.size <= MIN_SIZE)
        if planned is not None:
            return planned
        face = face.with_(size=face.size - 0.5)


def _plan_columns(page: Page, face: Face, sop: Sop, label: Label, *, force: bool) -> Columns | None:
    bold = face.with_(bold=True)
    n = len(sop.pelaksana)
    total = page.width
    no_head = max(map(bold.width, label.no.split()))
    no = round((max(no_head, face.width(f"{len(sop.langkah)}.")) + TEXT_PAD + 2) * 20)
    cells = [step_texts(sop, i)[1:] for i in range(len(sop.langkah))]
    heads = _heads(label)
    minimum = _minimum_widths(cells, face, heads)
    whole, preferred, hyphenated = (math.ceil(w * 20) for w in pelaksana_width(sop.pelaksana, bold))
    # Names whole when their columns take at most half the table; else they may hyphenate.
    least = whole if n * whole <= total // 2 else hyphenated
    pel = least
    room = total - no - n * pel - sum(minimum)
    if room < 0:
        # Narrower Pelaksana columns first (their names may then shrink).
        pel = max(round(PELAKSANA_MIN * 20), pel + math.floor(room / n))
        room = total - no - n * pel - sum(minimum)
    if room < 0:
        if not force:
            return None
        # Even the smallest type does not fit: narrow Pelaksana columns with vertical
        # names; the text columns keep every word whole and Kegiatan a readable width.
        minimum[0] = max(minimum[0], math.ceil(KEGIATAN_MIN * 20))
        pel = least = preferred = narrow_width(cells, face, n, total - no - sum(minimum), heads)
        room = total - no - n * pel - sum(minimum)
    floors = [round(min_row_height(_kind(sop, i)) * 20) for i in range(len(cells))]
    widths = _grow(_RowCost(cells, face, floors, page.height // 2), minimum, room)
    rest = total - no - n * pel - sum(widths)
    # What no row needs: the names in larger type, Keterangan's full header, ...
    wider = min(preferred - pel, rest // n) if pel == least else 0
    pel += max(wider, 0)
    rest -= n * max(wider, 0)
    ket_full = math.ceil(word_width([("", label.keterangan or KETERANGAN)], bold) * 20)
    if rest >= ket_full - widths[4] > 0:
        rest -= ket_full - widths[4]
        widths[4] = ket_full
    volume = [sum(face.width(t) for texts in cells for _n, t in texts[k]) for k in range(5)]
    volume[0] = volume[0] * 2 + 1  # Kegiatan reads best wider than its share
    shares = [math.floor(rest * v / sum(volume)) for v in volume]
    widths = [w + d for w, d in zip(widths, shares, strict=True)]
    # Rounding goes to Kegiatan so the table is exactly the text block wide.
    widths[0] += total - no - n * pel - sum(widths)
    kegiatan, kelengkapan, waktu, output, keterangan = widths
    return Columns(no, kegiatan, pel, n, kelengkapan, waktu, output, keterangan, face)


def _minimum_widths(
    cells: Sequence[Sequence[Sequence[tuple[str, str]]]], face: Face, heads: Sequence[str]
) -> list[int]:
    """Least widths (twips) of Kegiatan, Kelengkapan, Waktu, Output and Keterangan: the
    longest word of the column and of its header; Waktu also holds "30 menit"."""
    bold = face.with_(bold=True)
    minimum = []
    for k, head in enumerate(heads):
        words = max((word_width(texts[k], face) for texts in cells), default=0.0)
        minimum.append(math.ceil(max(words, word_width([("", head)], bold)) * 20))
    minimum[2] = max(minimum[2], math.ceil((face.width("30 menit") + TEXT_PAD) * 20))
    return minimum


def _kind(sop: Sop, i: int) -> SymbolKind:
    return "decision" if sop.langkah[i].keputusan is not None else "process"


class _RowCost:
    """The summed step-row heights of a choice of text column widths, memoised.

    Each row is at least its symbol's height (`floors`); a row over `tall` twips (half a
    page) costs ten times its excess: it is what would leave a page half empty, or not
    fit on one at all.
    """

    def __init__(
        self,
        cells: Sequence[Sequence[Sequence[tuple[str, str]]]],
        face: Face,
        floors: Sequence[int],
        tall: int,
    ) -> None:
        self.cells = cells
        self.face = face
        self.floors = floors
        self.tall = tall
        self._heights: dict[tuple[int, int], list[int]] = {}
        self._costs: dict[tuple[int, ...], int] = {}

    def heights(self, k: int, width: int) -> list[int]:
        key = (k, width)
        if key not in self._heights:
            self._heights[key] = [text_height(t[k], self.face, width) for t in self.cells]
        return self._heights[key]

    def __call__(self, candidate: Sequence[int]) -> int:
        key = tuple(candidate)
        total = self._costs.get(key)
        if total is None:
            columns = [self.heights(k, w) for k, w in enumerate(candidate)]
            rows = list(map(max, self.floors, *columns))
            total = sum(rows) + 9 * sum(row - self.tall for row in rows if row > self.tall)
            self._costs[key] = total
        return total


def _grow(cost: _RowCost, minimum: Sequence[int], room: int) -> list[int]:
    """Hand out `room` twips over the text columns, a step at a time, each step to the
    column (or pair of columns) where it saves the most row height per twip; stop when
    no step saves at least `WORTH` twips of height per twip of width. Then move width
    between columns while that shortens the rows (the greedy steps cannot undo an early
    choice).

    No column grows wider than Kegiatan (whose own steps make room for the others).
    """
    widths = list(minimum)
    # One column, or two at once: a row held up by two columns shrinks only when both grow.
    groups = [(k,) for k in range(5)] + list(itertools.combinations(range(5), 2))
    now = cost(widths)
    while room > 0:
        best: tuple[float, list[int], int] | None = None
        for group in groups:
            for step in sorted({min(g, room // len(group)) for g in _GROW} - {0}):
                candidate = [w + step if k in group else w for k, w in enumerate(widths)]
                if max(candidate[1:]) > candidate[0]:
                    continue  # Kegiatan stays the widest text column
                spent = step * len(group)
                saved = now - cost(candidate)
                if saved >= WORTH * spent and (best is None or saved / spent > best[0]):
                    best = (saved / spent, candidate, spent)
        if best is None:
            break
        _ratio, widths, spent = best
        room -= spent
        now = cost(widths)
    return _rebalance(cost, minimum, widths)


def _rebalance(cost: _RowCost, minimum: Sequence[int], widths: list[int]) -> list[int]:
    """Move width from one text column to another while that lowers the cost."""
    now = cost(widths)
    improved = True
    while improved:
        improved = False
        for give, take in itertools.permutations(range(5), 2):
            for step in _GROW:
                candidate = list(widths)
                candidate[give] -= step
                candidate[take] += step
                if candidate[give] < minimum[give] or max(candidate[1:]) > candidate[0]:
                    continue
                after = cost(candidate)
                if after < now:
                    widths, now, improved = candidate, after, True
    return widths


def name_usable(width: int) -> float:
    """Width (points) a Pelaksana name's words may take in a column `width` twips wide."""
    return (width - 2 * PAD_X) / 20 - 2


def header_names(names: Sequence[str], face: Face, width: int) -> list[str]:
    """The Pelaksana names as printed: hyphenated where a word is still too wide."""
    return [hyphenate(name, face, name_usable(width)) for name in names]


def name_face_for(names: Sequence[str], bold: Face, width: int) -> Face:
    """The Pelaksana names' type: the table's, smaller (to 7 pt) until every word fits
    (a word that does not fit at 7 pt is hyphenated, :func:`header_names`)."""
    usable = name_usable(width)
    size = bold.size
    while (
        size > 7 and max(bold.with_(size=size).width(w) for n in names for w in n.split()) > usable
    ):
        size -= 0.5
    return bold.with_(size=size)


__all__ = [
    "MIN_SIZE",
    "PELAKSANA_MAX",
    "PELAKSANA_MIN",
    "TEXT_PAD",
    "Columns",
    "header_names",
    "name_face_for",
    "name_usable",
    "pelaksana_width",
    "plan_columns",
    "step_texts",
    "table_face",
    "word_width",
]
