"""Text cells of the SOP's tables: measured heights, their XML, and splitting a cell.

Every row of the SOP's tables has an *exact* height computed here from its text with the
real font's metrics (:mod:`sk_generator.render.measure`), so the page breaks are known
before any XML is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pyphen

from sk_generator.render import wml
from sk_generator.render.measure import Face, line_count, wrap

#: Cell padding of text cells (twips): 1.5 mm at the sides, 1 mm above and below.
PAD_X = 85
PAD_Y = 57
#: Room before a numbered item's text: 6 mm holds "10.".
HANG = 340
#: The "number" of the rest of a numbered item continued in the next row.
CONTINUED = " "
#: Indonesian hyphenation patterns (pyphen ships LibreOffice's hyph_id_ID).
_HYPHENATOR = pyphen.Pyphen(lang="id_ID")


def hyphenate(text: str, face: Face, width: float) -> str:
    """`text` with every word wider than `width` points broken, with a hyphen, where
    Indonesian hyphenation allows: "Pertanggungjawaban" -> "Pertanggung- jawaban".

    The word processor would otherwise break such a word anywhere, without a hyphen
    ("Kepegawaia / n"). The piece and the rest are separated by a space: since the whole
    word did not fit on a line, the line always breaks there.
    """
    words = []
    for word in text.split():
        # The word processors break after a slash ("Staf/ Jabatan") without a hyphen.
        if all(face.width(part) <= width for part in re.split(r"(?<=/)", word)):
            words.append(word)
            continue
        while face.width(word) > width:
            # Longest piece that fits, leaving at least three letters ("Perleng- kapan",
            # not "Perlengkap- an") when there is such a piece.
            cuts = [(h, t) for h, t in _HYPHENATOR.iterate(word) if face.width(h + "-") <= width]
            cut = next((c for c in cuts if len(c[1]) >= 3), cuts[0] if cuts else None)
            if cut is None:
                break
            words.append(cut[0] + "-")
            word = cut[1]
        words.append(word)
    return " ".join(words)


def narrowest(word: str, face: Face) -> float:
    """Width (points) of `word`, or of the wider half of its most even hyphenation when
    that is narrower: the least a column needs to print the word whole or hyphenated."""
    halves = [
        max(face.width(head + "-"), face.width(tail)) for head, tail in _HYPHENATOR.iterate(word)
    ]
    return min([face.width(word), *halves])


def text_height(paragraphs: Sequence[tuple[str, str]], face: Face, width: int) -> int:
    """Height (twips) of a cell's paragraphs ``(number, text)`` with padding.

    A numbered paragraph hangs its text at the number column (`HANG` twips); number
    `CONTINUED` is the rest of a numbered item split over two rows: indented, no number.
    """
    lines = 0
    for number, text in paragraphs:
        usable = width - 2 * PAD_X - (HANG if number else 0)
        lines += line_count(text, face, usable / 20)
        if number.strip():
            words = text.split()
            if words and face.width(words[0]) > (usable / 20) - 1.5:
                lines += 1  # the number stands alone on its line before a too-long word
    return lines * face.line_twips + 2 * PAD_Y


def cell_text(
    paragraphs: Sequence[tuple[str, str]],
    face: Face,
    *,
    center: bool = False,
    append: bool = False,
    bold: Sequence[bool | None] = (),
) -> str:
    """A text cell's paragraphs ``(number, text)`` as XML: numbered ones hang at `HANG`,
    `CONTINUED` ones are indented as far; the first has the cell's top padding as space
    before (none when `append`ed under a heading)."""
    return wml.paragraphs(
        paragraphs,
        face,
        hang=HANG,
        continued=CONTINUED,
        pad_top=0 if append else PAD_Y,
        center=center,
        bold=bold,
    )


#: Paragraph of a flowchart tile: no spacing, 1 pt type, the picture inline.
_PICTURE_PPR = (
    '<w:pPr><w:spacing w:before="0" w:after="0"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr>'
)
_PICTURE_RPR = '<w:rPr><w:sz w:val="2"/></w:rPr>'


def picture_cell(
    pictures: wml.Pictures, png: bytes, width: int, height: int, *, span: int = 1
) -> str:
    """A zero-padding cell (spanning `span` grid columns) exactly filled by an inline
    picture (`width` x `height` twips). Wrap distances are written as 0: without them
    LibreOffice shifts the picture by its default distance and the pieces no longer meet."""
    drawing = pictures.inline(png, width * 635, height * 635, no_distance=True)
    content = f"<w:p>{_PICTURE_PPR}<w:r>{_PICTURE_RPR}{drawing}</w:r></w:p>"
    return wml.cell(width, content, no_padding=True, span=span)


@dataclass
class GridCell:
    """A cell of the identity grid: a bold heading (none on a continuation) and items."""

    head: str
    items: list[tuple[str, str]]
    width: int
    bold: Face
    small: Face

    def height(self) -> int:
        h = text_height(self.items, self.small, self.width) if self.items else 2 * PAD_Y
        if self.head:
            h += self.bold.line_twips * len(wrap(self.head, self.bold, self._usable("")))
        return h

    def _usable(self, number: str) -> float:
        return (self.width - 2 * PAD_X - (HANG if number else 0)) / 20

    def split(self, room: int) -> tuple[GridCell, GridCell] | None:
        """The lines that fit in `room` twips and the rest; None when the heading and two
        lines do not fit (the whole row then starts the next page)."""
        if self.height() <= room:
            return self, GridCell("", [], self.width, self.bold, self.small)
        head_h = self.height() - (
            text_height(self.items, self.small, self.width) if self.items else 2 * PAD_Y
        )
        left = room - 2 * PAD_Y - head_h
        pitch = self.small.line_twips
        if left < 2 * pitch:
            return None
        taken: list[tuple[str, str]] = []
        for k, (number, text) in enumerate(self.items):
            lines = wrap(text, self.small, self._usable(number))
            need = (text_height([(number, text)], self.small, self.width) - 2 * PAD_Y) // pitch
            if need * pitch <= left:
                taken.append((number, text))
                left -= need * pitch
                continue
            fit = left // pitch
            rest_items = list(self.items[k + 1 :])
            if fit >= 1 and need == len(lines):
                cut = _cut(text, lines, fit)
                taken.append((number, text[:cut].rstrip()))
                rest_items.insert(0, (CONTINUED if number else "", text[cut:].strip()))
            else:
                rest_items.insert(0, (number, text))
            first = GridCell(self.head, taken, self.width, self.bold, self.small)
            rest = GridCell("", rest_items, self.width, self.bold, self.small)
            return first, rest
        raise AssertionError("a cell taller than the room must split")  # pragma: no cover


def _cut(text: str, lines: Sequence[str], count: int) -> int:
    """Index in `text` where wrapped line `count` (0-based) starts."""
    visible = sum(len(line.replace(" ", "")) for line in lines[:count])
    for index, char in enumerate(text):
        if visible == 0:
            return index
        if not char.isspace():
            visible -= 1
    return len(text)


__all__ = [
    "CONTINUED",
    "HANG",
    "PAD_X",
    "PAD_Y",
    "GridCell",
    "cell_text",
    "hyphenate",
    "narrowest",
    "picture_cell",
    "text_height",
]
