"""DrawingML and VML shapes as flowchart symbols: kind, text, box and line ends.

Word (`wps:wsp` in `wp:inline`/`wp:anchor`, groups `wpg:wgp`, legacy VML `v:*`) and
Excel (`xdr:sp`, `xdr:cxnSp`, `xdr:grpSp`) draw the same preset geometries; this module
names them. Sizes are in EMU (12700 per point) as the files hold them; the readers place
the boxes in their table's frame.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from sk_generator.impor.grid import ShapeKind

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
EMU_PER_PT = 12700

_PRESETS: dict[str, ShapeKind] = {
    "flowChartTerminator": "terminator",
    "roundRect": "terminator",
    "flowChartAlternateProcess": "terminator",
    "flowChartProcess": "process",
    "rect": "process",
    "flowChartPredefinedProcess": "process",
    "flowChartDecision": "decision",
    "diamond": "decision",
    "flowChartOffpageConnector": "offpage",
    "homePlate": "offpage",
    "pentagon": "offpage",
    "flowChartConnector": "connector",
    "ellipse": "connector",
}
_LINE = re.compile(r"^(line|straightConnector1|bentConnector\d|curvedConnector\d)$")
#: VML shape types (`o:spt`, `#_x0000_tNNN`) of the flowchart symbols.
_VML_TYPES: dict[str, ShapeKind] = {
    "109": "process",
    "110": "decision",
    "116": "terminator",
    "176": "terminator",
    "177": "offpage",
    "120": "connector",
    "1": "process",
    "2": "terminator",
    "4": "decision",
    "32": "arrow",
    "20": "arrow",
    "33": "arrow",
    "34": "arrow",
}


@dataclass
class Drawn:
    """A shape as found in the file: kind, text and box (EMU, in its own parent frame)."""

    kind: ShapeKind
    text: str
    x: float
    y: float
    w: float
    h: float
    ident: str = ""
    start_id: str = ""
    end_id: str = ""
    flip_h: bool = False
    flip_v: bool = False

    def line_ends(self) -> tuple[tuple[float, float], tuple[float, float]]:
        x0, x1 = (self.x + self.w, self.x) if self.flip_h else (self.x, self.x + self.w)
        y0, y1 = (self.y + self.h, self.y) if self.flip_v else (self.y, self.y + self.h)
        return (x0, y0), (x1, y1)


def q(tag: str) -> str:
    prefix, name = tag.split(":")
    return f"{{{NS[prefix]}}}{name}"


def text_of(element: etree._Element) -> str:
    """Text of the paragraphs inside a shape's text box, one line each."""
    lines = []
    for p in element.iter(q("w:p"), q("a:p")):
        parts = [t.text or "" for t in p.iter(q("w:t"), q("a:t"))]
        lines.append("".join(parts).strip())
    return "\n".join(line for line in lines if line)


def kind_of(sp_pr: etree._Element | None, is_connector: bool, text: str) -> ShapeKind:
    """The symbol a shape's preset geometry draws; a frameless text box is a label."""
    if is_connector:
        return "arrow"
    geom = sp_pr.find(q("a:prstGeom")) if sp_pr is not None else None
    prst = geom.get("prst", "") if geom is not None else ""
    if _LINE.match(prst):
        return "arrow"
    line = sp_pr.find(q("a:ln")) if sp_pr is not None else None
    frameless = line is not None and line.find(q("a:noFill")) is not None
    if frameless and text:
        return "label"
    if prst in _PRESETS:
        return _PRESETS[prst]
    return "label" if text else "other"


def xfrm_box(xfrm: etree._Element | None) -> tuple[float, float, float, float, bool, bool]:
    if xfrm is None:
        return 0.0, 0.0, 0.0, 0.0, False, False
    off = xfrm.find(q("a:off"))
    ext = xfrm.find(q("a:ext"))
    x = float(off.get("x", 0)) if off is not None else 0.0
    y = float(off.get("y", 0)) if off is not None else 0.0
    w = float(ext.get("cx", 0)) if ext is not None else 0.0
    h = float(ext.get("cy", 0)) if ext is not None else 0.0
    return x, y, w, h, xfrm.get("flipH") in ("1", "true"), xfrm.get("flipV") in ("1", "true")


def connection_ids(element: etree._Element) -> tuple[str, str]:
    start = element.find(".//" + q("a:stCxn"))
    end = element.find(".//" + q("a:endCxn"))
    return (
        start.get("id", "") if start is not None else "",
        end.get("id", "") if end is not None else "",
    )


def word_shapes(
    graphic_data: etree._Element, box: tuple[float, float, float, float]
) -> list[Drawn]:
    """The shapes of a Word drawing (`wps:wsp` or a `wpg:wgp` group) placed in `box`."""
    out: list[Drawn] = []
    for child in graphic_data:
        if child.tag == q("wps:wsp"):
            out.append(_word_shape(child, box, top=True))
        elif child.tag == q("wpg:wgp"):
            out.extend(_group(child, box))
    return out


def _word_shape(wsp: etree._Element, box: tuple[float, float, float, float], *, top: bool) -> Drawn:
    sp_pr = wsp.find(q("wps:spPr"))
    txbx = wsp.find(q("wps:txbx"))
    text = text_of(txbx) if txbx is not None else ""
    connector = wsp.find(q("wps:cNvCnPr")) is not None
    kind = kind_of(sp_pr, connector, text)
    x, y, w, h, fh, fv = xfrm_box(sp_pr.find(q("a:xfrm")) if sp_pr is not None else None)
    if top:  # the anchor's box is the shape's box
        x, y, w, h = box
    c_nv = wsp.find(q("wps:cNvPr"))
    start, end = connection_ids(wsp)
    ident = c_nv.get("id", "") if c_nv is not None else ""
    return Drawn(kind, text, x, y, w, h, ident, start, end, fh, fv)


def _group(group: etree._Element, box: tuple[float, float, float, float]) -> Iterator[Drawn]:
    """Children of a group, mapped from the group's child frame into `box`."""
    pr = group.find(q("wpg:grpSpPr"))
    xfrm = pr.find(q("a:xfrm")) if pr is not None else None
    ch_off = xfrm.find(q("a:chOff")) if xfrm is not None else None
    ch_ext = xfrm.find(q("a:chExt")) if xfrm is not None else None
    cx0 = float(ch_off.get("x", 0)) if ch_off is not None else 0.0
    cy0 = float(ch_off.get("y", 0)) if ch_off is not None else 0.0
    cw = float(ch_ext.get("cx", 0)) if ch_ext is not None else 0.0
    ch = float(ch_ext.get("cy", 0)) if ch_ext is not None else 0.0
    sx = box[2] / cw if cw else 1.0
    sy = box[3] / ch if ch else 1.0
    for child in group:
        if child.tag == q("wps:wsp"):
            shape = _word_shape(child, box, top=False)
            shape.x = box[0] + (shape.x - cx0) * sx
            shape.y = box[1] + (shape.y - cy0) * sy
            shape.w *= sx
            shape.h *= sy
            yield shape
        elif child.tag in (q("wpg:grpSp"), q("wpg:wgp")):
            inner = child.find(q("wpg:grpSpPr"))
            x, y, w, h, _fh, _fv = xfrm_box(inner.find(q("a:xfrm")) if inner is not None else None)
            sub = (box[0] + (x - cx0) * sx, box[1] + (y - cy0) * sy, w * sx, h * sy)
            yield from _group(child, sub)


_STYLE_ITEM = re.compile(r"([\w-]+)\s*:\s*([^;]+)")
_UNITS = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "": 0.75}


def vml_length(value: str) -> float:
    """A VML style length in points ("12pt", "1.5in", "20px")."""
    match = re.match(r"^\s*(-?[\d.]+)\s*([a-z]*)\s*$", value)
    if not match:
        return 0.0
    return float(match.group(1)) * _UNITS.get(match.group(2), 0.75)


def vml_shape(element: etree._Element) -> Drawn | None:
    """A legacy VML shape (`v:rect`, `v:roundrect`, `v:shape`, `v:line`) in EMU."""
    name = etree.QName(element).localname
    style = dict(_STYLE_ITEM.findall(element.get("style", "")))
    text = text_of(element)
    if name == "line":
        start = [vml_length(v) for v in element.get("from", "0,0").split(",")]
        end = [vml_length(v) for v in element.get("to", "0,0").split(",")]
        drawn = Drawn("arrow", "", start[0], start[1], end[0] - start[0], end[1] - start[1])
        return _emu(drawn)
    kinds: dict[str, ShapeKind] = {
        "rect": "process",
        "roundrect": "terminator",
        "oval": "connector",
    }
    kind = kinds.get(name)
    if name == "shape":
        spt = element.get(q("o:spt")) or element.get("type", "").rsplit("t", 1)[-1]
        kind = _VML_TYPES.get(spt.split(".")[0])
    if kind is None:
        return None
    if element.get("stroked") == "f" and text:
        kind = "label"
    x = vml_length(str(style.get("margin-left", style.get("left", "0"))))
    y = vml_length(str(style.get("margin-top", style.get("top", "0"))))
    w = vml_length(str(style.get("width", "0")))
    h = vml_length(str(style.get("height", "0")))
    flip = style.get("flip", "")
    return _emu(Drawn(kind, text, x, y, w, h, flip_h="x" in flip, flip_v="y" in flip))


def _emu(drawn: Drawn) -> Drawn:
    """VML lengths are read in points; the readers expect EMU like DrawingML."""
    if drawn.w < 0:
        drawn.x, drawn.w, drawn.flip_h = drawn.x + drawn.w, -drawn.w, not drawn.flip_h
    if drawn.h < 0:
        drawn.y, drawn.h, drawn.flip_v = drawn.y + drawn.h, -drawn.h, not drawn.flip_v
    drawn.x, drawn.y, drawn.w, drawn.h = (
        v * EMU_PER_PT for v in (drawn.x, drawn.y, drawn.w, drawn.h)
    )
    return drawn
