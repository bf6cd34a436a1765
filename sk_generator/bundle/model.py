"""What a bundle is made of and records: parts, metadata, pages and paper sizes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sk_generator.model.kertas import KERTAS

MM_PER_PT = 25.4 / 72
#: Paper sizes recognised in the manifest, portrait width x height in millimetres.
PAPERS: dict[str, tuple[float, float]] = KERTAS
#: LibreOffice rounds page sizes (F4 comes out as 215.2 x 330.2 mm); 3 mm is tolerant of
#: that and still far from the next paper size.
PAPER_TOLERANCE_MM = 3.0


@dataclass(frozen=True)
class BundlePart:
    """One printed part: `label` is its bookmark, `pdf` the PDF bytes."""

    label: str
    pdf: bytes
    #: "keputusan", "lampiran" or "sop" (recorded in the manifest).
    role: str = "lampiran"
    #: The part's own PDF file name, when it is also written (recorded in the manifest).
    file: str | None = None
    #: Page-label prefix of this part ("Lampiran I-" gives Lampiran I-1, I-2, ...).
    page_prefix: str = ""


@dataclass(frozen=True)
class BundleInfo:
    """Document metadata: Title, Author (the instansi), Subject (the nomor), Keywords."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageInfo:
    number: int
    label: str
    #: Index of the part the page belongs to; None for a blank duplex page.
    part: int | None
    width_pt: float
    height_pt: float

    @property
    def paper(self) -> str | None:
        return paper_name(self.width_pt, self.height_pt)

    @property
    def orientation(self) -> str:
        return "landscape" if self.width_pt > self.height_pt else "portrait"

    def as_json(self) -> dict[str, Any]:
        return {
            "page": self.number,
            "label": self.label,
            "part": self.part,
            "blank": self.part is None,
            "paper": self.paper,
            "orientation": self.orientation,
            "width_mm": round(self.width_pt * MM_PER_PT, 1),
            "height_mm": round(self.height_pt * MM_PER_PT, 1),
        }


@dataclass(frozen=True)
class PartInfo:
    label: str
    role: str
    file: str | None
    first_page: int
    pages: int
    #: Blank pages inserted before this part (duplex).
    blank_before: int


def paper_name(width_pt: float, height_pt: float) -> str | None:
    """ "F4", "A4", ... for a page size in points (either orientation), or None."""
    short, long = sorted((width_pt * MM_PER_PT, height_pt * MM_PER_PT))
    for name, (w, h) in PAPERS.items():
        if abs(short - w) <= PAPER_TOLERANCE_MM and abs(long - h) <= PAPER_TOLERANCE_MM:
            return name
    return None


def page_size(page: Any) -> tuple[float, float]:
    """Displayed width and height in points: the media box turned by /Rotate."""
    box = page.mediabox
    width, height = float(box.width), float(box.height)
    if int(page.get("/Rotate", 0) or 0) % 180:
        width, height = height, width
    return width, height
