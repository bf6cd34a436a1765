"""Which pages of a changed PDF differ: the "which pages" of the build's change report.

A byte comparison says that a file changed; staff need to know which printed pages to
read again, and the print shop which to reprint. Pages are compared by their text:
one edit can renumber the font subsets and objects of every page, so bytes or content
streams would name every page. A change of drawing alone (an arrow moved, nothing
written differently) has no text to show it; then no page is named and the report
names the file only.
"""

from __future__ import annotations

import io
from itertools import zip_longest
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError


def changed_pages(old: Path, new: bytes) -> tuple[int, ...]:
    """The 1-based numbers of the pages of `new` whose text differs from the same page
    of the PDF at `old`, and of pages only one of them has; () when either cannot be
    read (the report then names the file without pages: a detail, never a failure)."""
    try:
        before = _texts(PdfReader(old))
        after = _texts(PdfReader(io.BytesIO(new)))
    except (PyPdfError, OSError, ValueError, KeyError):
        return ()
    pairs = zip_longest(before, after)  # a page only one of them has meets None
    return tuple(number for number, (was, now) in enumerate(pairs, start=1) if was != now)


def _texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]
