"""The print bundle: the parts of one document merged into one PDF, and its manifest.

The print shop receives one PDF per document: the SK then Lampiran I, II, ... (or the
standalone SOP), with a bookmark per part, the document's metadata, page labels per part,
optionally blank pages so that every part starts on a right-hand page (duplex printing),
and a JSON manifest beside it (pages, paper size and orientation of each page, SHA-256).

PDF/A-2b: LibreOffice exports each part as PDF/A-2b (fonts embedded, sRGB output intent).
The merge keeps what PDF/A needs and pypdf can carry: the output intent, embedded fonts,
an XMP packet declaring PDF/A-2b that matches the document information dictionary, a file
identifier and an uncompressed metadata stream. It drops the parts' structure trees
(tagging is not required for level b). No validator (veraPDF) checks the result here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
)

from sk_generator.errors import ConversionError, EnvironmentProblem
from sk_generator.outputs import write_atomic
from sk_generator.version import __version__

MM_PER_PT = 25.4 / 72
#: Paper sizes recognised in the manifest, portrait width x height in millimetres.
PAPERS: dict[str, tuple[float, float]] = {
    "F4": (215.0, 330.0),
    "A4": (210.0, 297.0),
    "Letter": (215.9, 279.4),
    "Legal": (215.9, 355.6),
}
#: LibreOffice rounds page sizes (F4 comes out as 215.2 x 330.2 mm); 3 mm is tolerant of
#: that and still far from the next paper size.
PAPER_TOLERANCE_MM = 3.0
PRODUCER = f"sk-generator {__version__} (pypdf; LibreOffice)"


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


@dataclass(frozen=True)
class Bundle:
    data: bytes
    info: BundleInfo
    parts: list[PartInfo]
    pages: list[PageInfo]
    duplex: bool
    pdfa: bool

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def manifest(self, file_name: str) -> dict[str, Any]:
        """The manifest written beside the bundle (JSON-ready)."""
        return {
            "bundle": file_name,
            "sha256": self.sha256,
            "bytes": len(self.data),
            "page_count": len(self.pages),
            "title": self.info.title,
            "author": self.info.author,
            "subject": self.info.subject,
            "keywords": list(self.info.keywords),
            "duplex": self.duplex,
            "pdfa": "PDF/A-2b" if self.pdfa else None,
            "generator": f"sk-generator {__version__}",
            "parts": [
                {
                    "label": part.label,
                    "role": part.role,
                    "file": part.file,
                    "first_page": part.first_page,
                    "pages": part.pages,
                    "blank_pages_before": part.blank_before,
                }
                for part in self.parts
            ],
            "pages": [page.as_json() for page in self.pages],
        }


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


def merge(
    parts: Sequence[BundlePart],
    info: BundleInfo,
    *,
    duplex: bool = False,
    pdfa: bool = False,
    created: dt.datetime | None = None,
) -> Bundle:
    """Merge `parts` in order into one PDF with outline, metadata and page labels.

    `duplex` inserts a blank page (the size and orientation of the page before it) where a
    part would start on a left-hand page. `pdfa` requires every part to be PDF/A-2b
    already (:func:`sk_generator.pdf.convert` with ``pdfa=True``) and keeps the merge
    PDF/A-2b as far as pypdf allows (see the module docstring).
    """
    if not parts:
        raise ValueError("a bundle needs at least one part")
    readers = [PdfReader(io.BytesIO(part.pdf)) for part in parts]
    if pdfa:
        _require_pdfa(parts, readers)
    writer = PdfWriter()
    infos: list[PartInfo] = []
    pages: list[tuple[int | None, float, float]] = []  # (part, width, height)
    starts: list[int] = []
    for index, (part, reader) in enumerate(zip(parts, readers, strict=True)):
        blank = 0
        if duplex and len(writer.pages) % 2 == 1:
            _add_blank_like(writer, writer.pages[-1])
            pages.append((None, *page_size(writer.pages[-1])))
            blank = 1
        start = len(writer.pages)
        starts.append(start)
        writer.append(reader, import_outline=False)
        for page in writer.pages[start:]:
            pages.append((index, *page_size(page)))
        infos.append(
            PartInfo(part.label, part.role, part.file, start + 1, len(reader.pages), blank)
        )
        writer.add_outline_item(title=part.label, page_number=start)
    labels = _page_labels(writer, parts, starts)
    writer.page_mode = "/UseOutlines"
    created = (created or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    _set_metadata(writer, info, created, pdfa)
    if pdfa:
        intents = readers[0].root_object.get("/OutputIntents")
        if intents is not None:
            writer.root_object[NameObject("/OutputIntents")] = intents.clone(writer)
        versions = [reader.pdf_header for reader in readers]
        writer.pdf_header = max(versions)
    writer.generate_file_identifiers()
    buffer = io.BytesIO()
    writer.write(buffer)
    page_infos = [
        PageInfo(number, labels[number - 1], part, width, height)
        for number, (part, width, height) in enumerate(pages, start=1)
    ]
    return Bundle(buffer.getvalue(), info, infos, page_infos, duplex, pdfa)


def write_bundle(bundle: Bundle, target: Path) -> Path:
    """Write the bundle, then its manifest `<name>.manifest.json`; returns the manifest path.

    The manifest comes last: a manifest whose hash matches the PDF beside it means both
    were written completely.
    """
    write_atomic(target, bundle.data)
    manifest_path = manifest_path_for(target)
    text = json.dumps(bundle.manifest(target.name), ensure_ascii=False, indent=2) + "\n"
    write_atomic(manifest_path, text.encode("utf-8"))
    return manifest_path


def manifest_path_for(bundle_path: Path) -> Path:
    return bundle_path.with_name(bundle_path.stem + ".manifest.json")


def _add_blank_like(writer: PdfWriter, previous: Any) -> None:
    blank = writer.add_blank_page(float(previous.mediabox.width), float(previous.mediabox.height))
    blank.mediabox = previous.mediabox
    rotate = int(previous.get("/Rotate", 0) or 0)
    if rotate:
        blank[NameObject("/Rotate")] = NumberObject(rotate)


def _page_labels(writer: PdfWriter, parts: Sequence[BundlePart], starts: list[int]) -> list[str]:
    """Number each part from 1 (with its prefix); a blank page continues the part before."""
    total = len(writer.pages)
    labels: list[str] = []
    for index, part in enumerate(parts):
        start = starts[index]
        end = (starts[index + 1] if index + 1 < len(parts) else total) - 1
        writer.set_page_label(start, end, PageLabelStyle.DECIMAL, part.page_prefix or None, 1)
        labels += [f"{part.page_prefix}{n}" for n in range(1, end - start + 2)]
    return labels


def _pdf_date(moment: dt.datetime) -> str:
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def _set_metadata(writer: PdfWriter, info: BundleInfo, created: dt.datetime, pdfa: bool) -> None:
    """The information dictionary and an XMP packet saying the same (PDF/A requires both
    to agree); the packet declares PDF/A-2b only when `pdfa`."""
    keywords = ", ".join(info.keywords)
    writer.add_metadata(
        {
            "/Title": info.title,
            "/Author": info.author,
            "/Subject": info.subject,
            "/Keywords": keywords,
            "/Creator": f"sk-generator {__version__}",
            "/Producer": PRODUCER,
            "/CreationDate": _pdf_date(created),
            "/ModDate": _pdf_date(created),
        }
    )
    stamp = created.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    pdfaid = (
        '  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n'
        "   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n"
        "  </rdf:Description>\n"
        if pdfa
        else ""
    )
    xmp = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f"{pdfaid}"
        '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        "   <dc:format>application/pdf</dc:format>\n"
        "   <dc:title><rdf:Alt>"
        f'<rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li></rdf:Alt></dc:title>\n'
        f"   <dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>\n"
        "   <dc:description><rdf:Alt>"
        f'<rdf:li xml:lang="x-default">{escape(info.subject)}</rdf:li></rdf:Alt>'
        "</dc:description>\n"
        "  </rdf:Description>\n"
        '  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">\n'
        f"   <pdf:Keywords>{escape(keywords)}</pdf:Keywords>\n"
        f"   <pdf:Producer>{escape(PRODUCER)}</pdf:Producer>\n"
        "  </rdf:Description>\n"
        '  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n'
        f"   <xmp:CreatorTool>sk-generator {__version__}</xmp:CreatorTool>\n"
        f"   <xmp:CreateDate>{stamp}</xmp:CreateDate>\n"
        f"   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>\n"
        f"   <xmp:MetadataDate>{stamp}</xmp:MetadataDate>\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    # PDF/A: the metadata stream must not be compressed (no /Filter).
    stream = StreamObject()
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    stream.set_data(xmp.encode("utf-8"))
    writer.root_object[NameObject("/Metadata")] = writer._add_object(stream)


def _require_pdfa(parts: Sequence[BundlePart], readers: Sequence[PdfReader]) -> None:
    for part, reader in zip(parts, readers, strict=True):
        if pdfa_level(reader) != ("2", "B"):
            raise EnvironmentProblem(
                f"{part.label}: LibreOffice tidak menghasilkan PDF/A-2b (perlu LibreOffice "
                "7.4 atau lebih baru untuk --pdfa)"
            )
        missing = unembedded_fonts(reader)
        if missing:
            raise ConversionError(
                f"{part.label}: huruf tidak tertanam ({', '.join(missing)}); PDF/A "
                "mensyaratkan semua huruf tertanam"
            )


def pdfa_level(reader: PdfReader) -> tuple[str, str] | None:
    """(part, conformance) declared in the XMP packet, e.g. ("2", "B"), or None."""
    xmp = reader.xmp_metadata
    if xmp is None:
        return None
    text = xmp.stream.get_data().decode("utf-8", "replace")
    part = _xml_value(text, "pdfaid:part")
    conformance = _xml_value(text, "pdfaid:conformance")
    if part is None or conformance is None:
        return None
    return part, conformance.upper()


def _xml_value(text: str, tag: str) -> str | None:
    """Value of `tag` written as an element or as an attribute (both are valid XMP)."""
    start = text.find(f"<{tag}>")
    if start >= 0:
        end = text.find(f"</{tag}>", start)
        return text[start + len(tag) + 2 : end].strip()
    start = text.find(f'{tag}="')
    if start >= 0:
        end = text.find('"', start + len(tag) + 2)
        return text[start + len(tag) + 2 : end].strip()
    return None


def fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font the pages use (form XObjects included): base name -> embedded?"""
    found: dict[str, bool] = {}
    for page in reader.pages:
        for font in _page_fonts(page.get("/Resources"), set()):
            name = str(font.get("/BaseFont", font.get("/Name", "?")))
            found[name] = found.get(name, False) or _embedded(font)
    return found


def unembedded_fonts(reader: PdfReader) -> list[str]:
    return sorted(name for name, embedded in fonts(reader).items() if not embedded)


def _page_fonts(resources: PdfObject | None, seen: set[int]) -> Iterator[DictionaryObject]:
    if resources is None:
        return
    resources = resources.get_object()
    if not isinstance(resources, DictionaryObject) or id(resources) in seen:
        return
    seen.add(id(resources))
    font_dict = resources.get("/Font")
    if font_dict is not None:
        for ref in font_dict.get_object().values():
            yield ref.get_object()
    xobjects = resources.get("/XObject")
    if xobjects is not None:
        for ref in xobjects.get_object().values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Form":
                yield from _page_fonts(xobject.get("/Resources"), seen)


def _embedded(font: DictionaryObject) -> bool:
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True  # glyphs are drawn by content streams inside the PDF
    if subtype == "/Type0":
        descendants = font.get("/DescendantFonts")
        if not isinstance(descendants, ArrayObject | list) or not descendants:
            return False
        return all(_embedded(d.get_object()) for d in descendants)
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


__all__ = [
    "PAPERS",
    "Bundle",
    "BundleInfo",
    "BundlePart",
    "PageInfo",
    "PartInfo",
    "fonts",
    "manifest_path_for",
    "merge",
    "page_size",
    "paper_name",
    "pdfa_level",
    "unembedded_fonts",
    "write_bundle",
]
