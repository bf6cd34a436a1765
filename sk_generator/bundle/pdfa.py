"""PDF/A checks on the parts: the declared level and whether every font is embedded."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, PdfObject

from sk_generator.bundle.model import BundlePart
from sk_generator.errors import ConversionError, EnvironmentProblem


def require_pdfa(parts: Sequence[BundlePart], readers: Sequence[PdfReader]) -> None:
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
