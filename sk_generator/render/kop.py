"""Page mechanics shared by every rendered document: kop logo, paper, margins, typeface.

The kop *text* (PEMERINTAH ..., DINAS ..., address and contact lines) is formatted in
:func:`sk_generator.render.context.kop`; this module does what is not text:

- :func:`logo_png` gives the instansi's logo file, or a neutral placeholder emblem drawn
  here (never someone's real coat of arms) when the instansi has no logo;
- :func:`apply_page` sets paper (F4 215 x 330 mm by default; A4, Legal, Letter or a custom
  size when the instansi or the document says),
  orientation and margins (left 3 cm, right 2 cm, bottom 2.5 cm) on every section;
- :func:`apply_huruf` sets the instansi's typeface and size on the document defaults and
  the Normal style, so that named styles which do not choose a font of their own follow.

The SOP renderer can use the same functions so that the SK and its lampiran match.
"""

from __future__ import annotations

import bisect
import functools
import math
import struct
import zlib
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, Mm, Pt

from sk_generator.diagnostics import Issue
from sk_generator.errors import DataError
from sk_generator.load import Document
from sk_generator.model import Huruf, kertas


def paper_size(paper: str) -> tuple[Length, Length]:
    """Portrait width and height of a paper (a name or a custom size, see model.kertas)."""
    width, height = kertas.ukuran(paper)
    return Mm(width), Mm(height)


MARGIN_LEFT = Mm(30)
MARGIN_RIGHT = Mm(20)
MARGIN_BOTTOM = Mm(25)
#: The kop sits at the top margin on page 1; the body starts two lines below its rule
#: (domain.md), which the kop rule's spacing provides. Pages 2+ carry the page number in
#: the header above this margin.
MARGIN_TOP = Mm(20)
HEADER_DISTANCE = Mm(10)
FOOTER_DISTANCE = Mm(10)


def text_width(paper: str, *, landscape: bool = False) -> Length:
    """Width between the margins, for tables that should span the text block."""
    width, height = paper_size(paper)
    return Length((height if landscape else width) - MARGIN_LEFT - MARGIN_RIGHT)


def apply_page(doc: DocxDocument, paper: str, *, landscape: bool = False) -> None:
    """Paper size, orientation and margins on every section of `doc`."""
    width, height = paper_size(paper)
    for section in doc.sections:
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width = height if landscape else width
        section.page_height = width if landscape else height
        section.left_margin = MARGIN_LEFT
        section.right_margin = MARGIN_RIGHT
        section.top_margin = MARGIN_TOP
        section.bottom_margin = MARGIN_BOTTOM
        section.header_distance = HEADER_DISTANCE
        section.footer_distance = FOOTER_DISTANCE


def apply_huruf(doc: DocxDocument, huruf: Huruf) -> None:
    """The instansi's typeface and size on the document defaults and the Normal style.

    Styles that set a size of their own (kop lines) keep it: only the family and the body
    size come from the data, everything else stays as staff styled the template.
    """
    styles = doc.styles.element
    rpr_default = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    targets = [rpr_default] if rpr_default is not None else []
    normal = doc.styles["Normal"]
    targets.append(normal.element.get_or_add_rPr())
    for rpr in targets:
        _set_fonts(rpr, huruf.nama)
        _set_size(rpr, Pt(huruf.ukuran))


def _set_fonts(rpr: BaseOxmlElement, name: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), name)


def _set_size(rpr: BaseOxmlElement, size: Length) -> None:
    half_points = str(round(size.pt * 2))
    for tag in ("w:sz", "w:szCs"):
        element = rpr.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            rpr.append(element)
        element.set(qn("w:val"), half_points)
    # Schema order inside rPr puts sz/szCs after fonts, bold, ...; keep it valid for Word.
    _reorder_rpr(rpr)


_RPR_ORDER = [
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
]


def _reorder_rpr(rpr: BaseOxmlElement) -> None:
    rank = {qn(f"w:{name}"): index for index, name in enumerate(_RPR_ORDER)}
    children = list(rpr)
    children.sort(key=lambda child: rank.get(child.tag, len(rank)))
    for child in children:
        rpr.remove(child)
        rpr.append(child)


# --- logo ------------------------------------------------------------------------------


def logo_png(document: Document) -> bytes:
    """The instansi's logo file, or the placeholder emblem when it has none.

    A logo that is named but missing is a data error at the `logo:` line, not a silent
    placeholder: an official document must not lose its emblem unnoticed.
    """
    instansi = document.instansi
    if not instansi.logo or not document.has_logo:
        return placeholder_emblem_png()
    missing = document.missing_logo()
    if missing is not None:
        record, message = missing
        issue: Issue = record.source.issue((*record.path, "logo"), "LOGO", message)
        raise DataError([issue], message)
    path = document.instansi_folder / instansi.logo
    return Path(path).read_bytes()


@functools.cache
def placeholder_emblem_png(size: int = 240) -> bytes:
    """A neutral grey emblem (ring, shield and star) as a transparent PNG.

    Drawn from geometry, so the repository carries no image of anyone's coat of arms;
    4x supersampling keeps the edges smooth at print size.
    """
    star = _star_polygon(size / 2, size * 0.50, size * 0.20, size * 0.085)
    shield = _shield_polygon(size)
    dark = (70, 70, 70)
    mid = (150, 150, 150)
    rows = []
    samples = ((0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75))
    centre = size / 2
    # The polygon tests by scanline: each sample row's edge crossings are computed once
    # (what `_inside` computes per point), then a point is inside when an odd number of
    # crossings lie to its right.
    inner_cx, inner_cy, scale = size / 2, size * 0.48, _INNER_SCALE
    crossings: dict[float, tuple[list[float], list[float], list[float]]] = {}
    for y in range(size):
        for dy in (0.25, 0.75):
            py = y + dy
            crossings[py] = (
                _crossings(py, shield),
                _crossings(py, star),
                _crossings(inner_cy + (py - inner_cy) / scale, shield),
            )
    for y in range(size):
        row = bytearray(b"\x00")  # PNG filter type 0 for the scanline
        for x in range(size):
            cover_dark = cover_mid = 0
            for dx, dy in samples:
                px, py = x + dx, y + dy
                r = math.hypot(px - centre, py - centre)
                shield_x, star_x, inner_x = crossings[py]
                in_shield = _odd_right(px, shield_x)
                if (
                    size * 0.455 <= r <= size * 0.495
                    or _odd_right(px, star_x)
                    or (in_shield and not _odd_right(inner_cx + (px - inner_cx) / scale, inner_x))
                ):
                    cover_dark += 1
                elif size * 0.415 <= r <= size * 0.43:
                    cover_mid += 1
            total = cover_dark + cover_mid
            if total == 0:
                row += b"\x00\x00\x00\x00"
                continue
            colour = dark if cover_dark >= cover_mid else mid
            row += bytes((*colour, round(255 * total / len(samples))))
        rows.append(bytes(row))
    return _png(size, size, b"".join(rows))


def _star_polygon(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    points = []
    for index in range(10):
        radius = outer if index % 2 == 0 else inner
        angle = -math.pi / 2 + index * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def _shield_polygon(size: int) -> list[tuple[float, float]]:
    """A heater shield: flat top, straight sides, curved to a point at the bottom."""
    left, right, top = size * 0.25, size * 0.75, size * 0.22
    shoulder, tip = size * 0.52, size * 0.80
    points = [(left, top), (right, top), (right, shoulder)]
    steps = 16
    for i in range(1, steps):
        t = i / steps
        # quadratic curve from the right shoulder to the tip, and on to the left shoulder
        x = (1 - t) ** 2 * right + 2 * (1 - t) * t * right + t**2 * (size / 2)
        y = (1 - t) ** 2 * shoulder + 2 * (1 - t) * t * tip + t**2 * tip
        points.append((x, y))
    points.append((size / 2, tip))
    for i in range(1, steps):
        t = i / steps
        x = (1 - t) ** 2 * (size / 2) + 2 * (1 - t) * t * left + t**2 * left
        y = (1 - t) ** 2 * tip + 2 * (1 - t) * t * tip + t**2 * shoulder
        points.append((x, y))
    points.append((left, shoulder))
    return points


#: The shield's inner edge: the shield shrunk towards (size / 2, 0.48 size) by this.
_INNER_SCALE = 0.90


def _inside_inner(px: float, py: float, shield: list[tuple[float, float]], size: int) -> bool:
    """Inside the shield shrunk towards its centre: the outline is the difference."""
    cx, cy = size / 2, size * 0.48
    scale = _INNER_SCALE
    return _inside(cx + (px - cx) / scale, cy + (py - cy) / scale, shield)


def _crossings(py: float, polygon: list[tuple[float, float]]) -> list[float]:
    """Sorted x of the edges of `polygon` crossed by the horizontal line at `py`, computed
    exactly as :func:`_inside` does."""
    out = []
    j = len(polygon) - 1
    for i in range(len(polygon)):
        xi, yi = polygon[i]
        xj, yj = polygon[j]
        if (yi > py) != (yj > py):
            out.append((xj - xi) * (py - yi) / (yj - yi) + xi)
        j = i
    out.sort()
    return out


def _odd_right(px: float, crossings: list[float]) -> bool:
    """Whether an odd number of `crossings` lie strictly right of `px` (`_inside`)."""
    return (len(crossings) - bisect.bisect_right(crossings, px)) % 2 == 1


def _inside(px: float, py: float, polygon: list[tuple[float, float]]) -> bool:
    inside = False
    j = len(polygon) - 1
    for i in range(len(polygon)):
        xi, yi = polygon[i]
        xj, yj = polygon[j]
        if (yi > py) != (yj > py) and px < (xj - xi) * (py - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    # pHYs at 300 dpi so Word sizes the image sensibly even without an explicit size.
    dots = round(300 / 0.0254)
    phys = struct.pack(">IIB", dots, dots, 1)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"pHYs", phys)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )
