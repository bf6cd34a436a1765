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

from sk_generator.bundle.merge import (
    Bundle,
    manifest_json,
    manifest_path_for,
    manifest_text,
    merge,
    write_bundle,
)
from sk_generator.bundle.model import (
    PAPERS,
    BundleInfo,
    BundlePart,
    PageInfo,
    PartInfo,
    page_size,
    paper_name,
)
from sk_generator.bundle.pdfa import fonts, pdfa_level, unembedded_fonts
from sk_generator.bundle.xmp import PRODUCER

__all__ = [
    "PAPERS",
    "PRODUCER",
    "Bundle",
    "BundleInfo",
    "BundlePart",
    "PageInfo",
    "PartInfo",
    "fonts",
    "manifest_json",
    "manifest_path_for",
    "manifest_text",
    "merge",
    "page_size",
    "paper_name",
    "pdfa_level",
    "unembedded_fonts",
    "write_bundle",
]
