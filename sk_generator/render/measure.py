"""Text measurement with the real font's advance widths, for exact table row heights.

The SOP procedure table uses fixed ("exact") row heights so that the flowchart pieces in
the Pelaksana cells line up and the page breaks are known in advance. A fixed height
clips what does not fit, so every height here must be an upper bound of what Word and
LibreOffice lay out:

- widths come from the TrueType file fontconfig picks for the family (Arial is served by
  Liberation Sans, which has Arial's advance widths), read with Pillow's FreeType binding
  at 2048 px per em (font units, so hinting does not round them) and summed per character
  without kerning (kerning only narrows text);
- lines break only at spaces (both word processors may also break after hyphens or
  slashes, which can only save lines); a word wider than the column breaks between
  characters, as both do;
- paragraphs use exact line spacing, so a line's height is a number we choose, not a
  font metric each program rounds its own way.
"""

from __future__ import annotations

import functools
import math
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

#: Font size at which advances are read: 2048 px per em = Arial's units per em.
_UNITS = 2048
#: Line pitch as a multiple of the font size: above Arial's 1.149 (ascent + descent +
#: gap), so exact spacing never cuts a glyph.
LINE_FACTOR = 1.2
#: Width kept free on each line against rounding in the word processors (points).
WIDTH_SAFETY = 1.5

_FALLBACKS = (
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)


@functools.cache
def font_file(family: str, bold: bool = False) -> str:
    """The font file fontconfig (and so LibreOffice) uses for `family`."""
    pattern = f"{family}:bold" if bold else family
    if shutil.which("fc-match"):
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", pattern],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        if found and Path(found).is_file():
            return found
    for path in _FALLBACKS:
        if Path(path).is_file():
            return path
    raise FileNotFoundError(f"no font file found for {pattern!r}; install fonts-liberation2")


@functools.cache
def _font(family: str, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_file(family, bold), _UNITS)


@functools.cache
def _advance(family: str, bold: bool, char: str) -> float:
    """Advance width of `char` in em."""
    return _font(family, bold).getlength(char) / _UNITS


@functools.lru_cache(maxsize=1 << 16)
def _em(family: str, bold: bool, text: str) -> float:
    """Width of `text` in em: the sum of advances of its widest line (a line break in a
    cell, as spreadsheets export "5 \nMenit", prints as a line break; other whitespace
    controls such as a tab or a stray carriage return count as a space, since the font
    has no glyph for them and Pillow's layout refuses them)."""
    return max(
        sum(_advance(family, bold, " " if ch.isspace() else ch) for ch in line)
        for line in text.split("\n")
    )


@dataclass(frozen=True)
class Face:
    """A font family at a size (points), regular or bold."""

    family: str
    size: float
    bold: bool = False

    def width(self, text: str) -> float:
        """Width of `text` in points (sum of advances, no kerning; the widest line)."""
        return _em(self.family, self.bold, text) * self.size

    @property
    def line(self) -> float:
        """Exact line pitch in points, rounded up to whole twips."""
        return math.ceil(self.size * LINE_FACTOR * 20) / 20

    @property
    def line_twips(self) -> int:
        return round(self.line * 20)

    def with_(self, *, size: float | None = None, bold: bool | None = None) -> Face:
        return Face(
            self.family,
            self.size if size is None else size,
            self.bold if bold is None else bold,
        )


def wrap(text: str, face: Face, width: float) -> list[str]:
    """Lines of `text` (explicit newlines kept) in a column `width` points wide."""
    usable = max(width - WIDTH_SAFETY, 1.0)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            lines.append("")
            continue
        # Widths add up (no kerning), so a line's width is kept as a running sum.
        space = face.width(" ")
        current = ""
        current_w = 0.0
        for word in words:
            word_w = face.width(word)
            if current and current_w + space + word_w <= usable:
                current = f"{current} {word}"
                current_w += space + word_w
                continue
            if not current and word_w <= usable:
                current, current_w = word, word_w
                continue
            if current:
                lines.append(current)
            current, current_w = word, word_w
            while current_w > usable:
                head = _fit_chars(current, face, usable)
                lines.append(head)
                current = current[len(head) :]
                current_w = face.width(current)
        lines.append(current)
    return lines


def _fit_chars(word: str, face: Face, usable: float) -> str:
    """The longest prefix of `word` that fits (at least one character)."""
    for end in range(len(word), 0, -1):
        if face.width(word[:end]) <= usable:
            return word[:end]
    return word[:1]


@functools.lru_cache(maxsize=1 << 16)
def line_count(text: str, face: Face, width: float) -> int:
    """Number of lines of :func:`wrap` (kept per text, face and width: the column
    planner asks for the same cells at many widths, and rows repeat across documents)."""
    return len(wrap(text, face, width))


def longest_word(texts: Sequence[str], face: Face) -> float:
    """Width of the widest single word among `texts` (points)."""
    return max((face.width(w) for t in texts for w in t.split()), default=0.0)


def pt_to_twips(value: float) -> int:
    """Points to whole twips, rounded up (heights must not shrink)."""
    return math.ceil(value * 20 - 1e-9)


__all__ = ["LINE_FACTOR", "Face", "font_file", "line_count", "longest_word", "pt_to_twips", "wrap"]
