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
from sk_generator.render.flowchart import bottom_row_min
from sk_generator.render.measure import Face
from sk_generator.render.sop import SopBuilder
from sk_generator.render.sop.cells import GridCell
from sk_generator.render.sop.identity import MAX_EMPTY, split_items
from sk_generator.render.sop.procedure import Plan, plan_procedure
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


@pytest.mark.soffice
def test_lampung_barat_procedure_starts_beside_peringatan(tmp_path: Path) -> None:
    """Page 3 holds the identity's last row (Peringatan) and, under it, the procedure's
    title, header and first steps; 5 pages in all, as predicted."""
    builder, pages = _pdf_pages("lampung-barat", tmp_path)
    third = pages[2]
    assert third.startswith(_flat("- 3 -Peringatan:"))
    assert _flat("SOP : PENGUMPULAN DATA KINERJA") in third
    assert _flat(builder.sop.langkah[0].kegiatan) in third
    assert len(pages) == 5


def _built(path: Path) -> tuple[SopBuilder, Plan]:
    document, entry = first_sop(path)
    builder = SopBuilder(document, entry)
    builder.build()
    assert builder.plan is not None
    return builder, builder.plan


@pytest.mark.parametrize("path", [*SEEDS.values(), BESAR], ids=[*SEEDS, "besar"])
def test_procedure_pages_at_most_40_percent_empty(path: Path) -> None:
    """Each procedure page but the last leaves at most 40% of the text block empty under
    its rows, and closes with a connector row of its own height (no filler row); the
    last page holds the last step with the tail."""
    builder, plan = _built(path)
    body = builder.page.height - PAGE_SAFETY
    pages = plan.flow.pages
    for p, page in enumerate(pages[:-1]):
        closing = page.rows[-1]
        assert closing.kind == "bottom"
        assert closing.height == pages[0].rows[-1].height <= bottom_row_min(2)
        empty = plan.flow.space.capacity(p) - sum(row.height for row in page.rows)
        assert 0 <= empty <= body * MAX_EMPTY, f"page {p + 1}: {empty} of {body} empty"
    assert pages[-1].rows[-1].step == len(builder.sop.langkah) - 1
    assert len(pages) >= 3 or path != BESAR


@pytest.mark.parametrize("path", [*SEEDS.values(), BESAR], ids=[*SEEDS, "besar"])
def test_last_two_procedure_pages_balanced(path: Path) -> None:
    """Moving the break between the last two pages one step either way would not make
    what they hold (rows, connector rows, the tail on the last) more even without leaving
    the second-to-last page more than 40% empty (Kapuas Hulu: 5 + 2 steps become 5 + 4;
    4 + 5 would be more even but leave page 2 too empty)."""
    builder, plan = _built(path)
    body = builder.page.height - PAGE_SAFETY
    space = plan.flow.space
    steps = plan.flow.steps
    p = len(steps) - 2
    joined = steps[p] + steps[p + 1]

    def spread(k: int) -> int | None:
        a = space.used(p, sum(plan.heights[i] for i in joined[:k]), last=False)
        b = space.used(p + 1, sum(plan.heights[i] for i in joined[k:]), last=True)
        fits = a <= space.capacity(p) and b <= space.capacity(p + 1)
        full = space.capacity(p) - a <= body * MAX_EMPTY
        return abs(a - b) if fits and full and 0 < k < len(joined) else None

    k = len(steps[p])
    chosen = spread(k)
    assert chosen is not None
    for other in (k - 1, k + 1):
        worse = spread(other)
        assert worse is None or worse >= chosen, (other, worse, chosen)


@pytest.mark.parametrize("name", ["lampung-barat", "sintang"])
def test_procedure_starts_under_the_identity_when_it_fits(name: str) -> None:
    """The procedure shares the identity table's last page when the blank line, its
    title, header rows, first step and closing connector row fit in the room left: the
    boundary is that exact room (Sintang's room is too small; Lampung Barat's third
    page holds only Peringatan)."""
    builder, plan = _built(SEEDS[name])
    header = sum(plan.header)
    title = builder.base.with_(bold=True).line_twips + 120
    need = builder.base.line_twips + title + header + plan.heights[0] + bottom_row_min()
    size = plan.cols.face.size
    assert plan_procedure(builder.sheet, size, need).shared
    assert not plan_procedure(builder.sheet, size, need - 1).shared
    assert plan.shared is (name == "lampung-barat")


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
