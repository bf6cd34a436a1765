"""SOP pagination as printed: identity rows cut only between list items, procedure pages
at most 40% empty but the last, and the lampiran's signature beside its last steps.

The PDF tests read LibreOffice's pages with pypdf; the emptiness test measures the
layout model, whose page count the PDF tests of test_sop.py pin to LibreOffice's.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from sk_generator.render import context
from sk_generator.render.measure import Face
from sk_generator.render.sop import SopBuilder
from sk_generator.render.sop.cells import GridCell
from sk_generator.render.sop.identity import MAX_EMPTY, split_items
from sk_generator.render.sop.sheet import PAGE_SAFETY
from tests.conftest import docx_to_pdf
from tests.render.test_sop import BESAR, SEEDS, first_sop

#: The seeds whose identity table takes more than one page.
LONG_IDENTITY = ["lampung-barat", "sintang"]


def _flat(text: str) -> str:
    """Text with its line breaks and hyphenation undone, for comparing wrapped text."""
    return re.sub(r"\s+", "", text)


def _pdf_pages(name: str, tmp_path: Path) -> tuple[SopBuilder, list[str]]:
    document, entry = first_sop(SEEDS[name])
    builder = SopBuilder(document, entry)
    data, _pages = builder.build()
    reader = PdfReader(io.BytesIO(docx_to_pdf(data, tmp_path, "sop").read_bytes()))
    return builder, [_flat(page.extract_text()) for page in reader.pages]


@pytest.mark.soffice
@pytest.mark.parametrize("name", LONG_IDENTITY)
def test_identity_items_whole_on_one_page(name: str, tmp_path: Path) -> None:
    """Every Dasar Hukum ... Pencatatan item prints whole on one page, and a heading whose
    items continue on the next page is repeated there."""
    builder, pages = _pdf_pages(name, tmp_path)
    ident = context.identitas_sop(builder.document, builder.entry)
    checked = 0
    for head, items in ident.grid:
        butir = context.butir(items)
        for _number, text in butir:
            holders = [p for p, page in enumerate(pages) if _flat(text) in page]
            assert holders, f"{head}: item cut over a page break: {text[:60]}"
            checked += 1
        first = next(p for p, page in enumerate(pages) if _flat(butir[0][1]) in page)
        last = next(p for p, page in enumerate(pages) if _flat(butir[-1][1]) in page)
        for p in range(first, last + 1):
            assert _flat(head) in pages[p], f"{head} not repeated on page {p + 1}"
    assert checked >= 10


@pytest.mark.soffice
@pytest.mark.parametrize("name", LONG_IDENTITY)
def test_signature_page_holds_a_step(name: str, tmp_path: Path) -> None:
    """The last page, which closes with the signer's name and NIP, also prints the last
    step's Kegiatan and the total."""
    builder, pages = _pdf_pages(name, tmp_path)
    signer = context.penutup_lampiran(builder.document)
    last = pages[-1]
    assert last.endswith(_flat(signer.nama + signer.pangkat + signer.nip))
    assert _flat(builder.sop.langkah[-1].kegiatan) in last
    assert _flat("Jumlah Waktu Penyelesaian") in last


@pytest.mark.parametrize("path", [*SEEDS.values(), BESAR], ids=[*SEEDS, "besar"])
def test_procedure_pages_at_most_40_percent_empty(path: Path) -> None:
    """Each procedure page but the last ends in a connector row taking the rest of the
    text block: that row (counted empty, though it holds the pentagons) is at most 40% of
    the page, and the last page holds the last step with the tail."""
    document, entry = first_sop(path)
    builder = SopBuilder(document, entry)
    builder.build()
    plan = builder.plan
    assert plan is not None
    body = builder.page.height - PAGE_SAFETY
    pages = plan.flow.pages
    for p, page in enumerate(pages[:-1]):
        closing = page.rows[-1]
        assert closing.kind == "bottom"
        assert closing.height <= body * MAX_EMPTY, f"page {p + 1}: {closing.height} of {body}"
    assert pages[-1].rows[-1].step == len(builder.sop.langkah) - 1
    assert len(pages) >= 3 or path != BESAR


def test_split_between_items_repeats_the_heading() -> None:
    """A cell cut for `room` keeps whole items under its heading, and the rest starts
    under the same heading; the boundary is the height of the items taken."""
    bold, small = Face("Arial", 12, True), Face("Arial", 11)
    items = [(f"{k}.", f"Peraturan nomor {k} " + "kata " * 30) for k in (1, 2, 3)]
    cell = GridCell("Dasar Hukum:", items, 6000, bold, small)
    two = GridCell("Dasar Hukum:", items[:2], 6000, bold, small).height()
    first, rest = split_items(cell, two)
    assert (first.head, first.items) == ("Dasar Hukum:", items[:2])
    assert (rest.head, rest.items) == ("Dasar Hukum:", items[2:])
    first, rest = split_items(cell, two - 1)
    assert (first.items, rest.items) == (items[:1], items[1:])
    first, rest = split_items(
        cell, GridCell("Dasar Hukum:", items[:1], 6000, bold, small).height() - 1
    )
    assert (first.head, first.items, rest.items) == ("", [], items)
    first, rest = split_items(cell, cell.height())
    assert (first.items, rest.head, rest.items) == (items, "", [])
