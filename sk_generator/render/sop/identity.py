"""Page 1 of an SOP: the Lampiran heading (in a lampiran) and the identity table.

The identity table: the instansi block with its logo | Nomor SOP ... Nama SOP, then the
two-column grid Dasar Hukum | Kualifikasi Pelaksana, Keterkaitan |
Peralatan/Perlengkapan, Peringatan | Pencatatan dan Pendataan. A grid row that does not
fit under the rows before starts the next page, whole, unless that leaves a page more
than 40% empty (`MAX_EMPTY`) or takes an extra page: then every such row is split
between its list items (never inside one, unless one item alone is taller than a page)
into two exact-height rows, the first filling the page and the second repeating the
heading. Exact heights keep the identity pages counted, not guessed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from docx.image.image import Image as DocxImage
from docx.shared import Emu, Length, Mm

from sk_generator.model import Keputusan
from sk_generator.render import context, kop, wml
from sk_generator.render.flowchart import LayoutError
from sk_generator.render.measure import Face, wrap
from sk_generator.render.sop import limits
from sk_generator.render.sop.cells import PAD_X, PAD_Y, GridCell, cell_text, text_height
from sk_generator.render.sop.columns import TEXT_PAD
from sk_generator.render.sop.limits import TooLong, tallest
from sk_generator.render.sop.sheet import PAGE_SAFETY, TINY, Sheet

LOGO_HEIGHT = Mm(20)
#: The most of a page (a fraction of its text block) a page but the last of a part may
#: leave empty: a grid row that would leave more is split between its list items.
MAX_EMPTY = 0.4

#: What each heading row prints (LAMPIRAN ... KEPUTUSAN, NOMOR, TANGGAL, TENTANG): the
#: field to shorten when the heading does not fit (the date is never long).
_HEADING_FIELDS = ("penetap", "nomor", "tentang", "tentang")

#: A row of the top part: label, value paragraphs, value in bold.
_TopRow = tuple[str, list[tuple[str, str]], bool]
#: The top row of "Disahkan oleh" (its name line is bold).
_DISAHKAN = 4


def identity_section(sheet: Sheet) -> tuple[int, int]:
    """Lampiran heading and identity table; returns the number of pages they take and
    the room (twips) left under them on their last page."""
    full = sheet.page.height - PAGE_SAFETY - TINY
    heading = context.lampiran_heading(sheet.document, sheet.entry)
    heading_h = _heading_table(sheet, heading, full) if heading is not None else 0
    ident = context.identitas_sop(sheet.document, sheet.entry)
    w = sheet.page.width
    grid = [round(w * 0.34), round(w * 0.16)]
    grid.append(w - sum(grid))
    rows, top_h, top_parts = _top_rows(sheet, ident, grid)
    title_h = title_height(sheet)
    # The title block and the top rows are one unit (the instansi block spans the top
    # rows): when they do not fit under the heading, they start the next page, after an
    # explicit break, so that LibreOffice breaks where the layout counted.
    pages, used = 1, heading_h + title_h
    if heading is not None and heading_h + title_h + top_h > full:
        pages, used = 2, title_h or TINY
    if used + top_h > full:
        raise TooLong(tallest([("judul", title_h), *top_parts]), limits.IDENTITY)
    if pages == 1 and heading is not None:
        wml.append_paragraphs(sheet.doc, f"<w:p>{wml.ppr(sheet.base.line_twips)}</w:p>")
    _title_block(sheet, page_break=pages == 2)
    # The grid rows fill the pages, whole or split between list items (see the module's
    # docstring), so that every part keeps an exact height and the page count is known.
    start = (pages, full - used - top_h)
    whole = list(rows)
    pages, gaps, room = _grid_rows(sheet, ident, grid, whole, start, whole=True)
    split = _grid_rows(sheet, ident, grid, rows, start, whole=False)
    if split[0] < pages or any(gap > full * MAX_EMPTY for gap in gaps):
        pages, _gaps, room = split
    else:
        rows = whole
    wml.append_table(sheet.doc, wml.table(grid, rows, borders=True, pad_x=PAD_X))
    return pages, room


def _top_rows(
    sheet: Sheet, ident: context.IdentitasSop, grid: Sequence[int]
) -> tuple[list[str], int, list[tuple[str, int]]]:
    """The six rows Nomor SOP ... Nama SOP beside the instansi block, their height, and
    the height of each part a long text can make tall (see :mod:`.limits`)."""
    base = sheet.base
    bold = base.with_(bold=True)
    label_w, value_w = grid[1], grid[2]
    signer = [t for t in ident.disahkan if t]
    label = sheet.document.instansi.label
    top_rows: list[_TopRow] = [
        (label.nomor_sop, [("", ident.nomor)], False),
        (label.tanggal_pembuatan, [("", ident.tanggal_pembuatan)], False),
        (label.tanggal_revisi, [("", ident.tanggal_revisi)], False),
        (label.tanggal_efektif, [("", ident.tanggal_efektif)], False),
        (label.disahkan_oleh, [("", t) for t in signer], False),
        (label.nama_sop, [("", ident.nama)], True),
    ]
    heights = [
        max(
            text_height([("", text)], bold, label_w),
            text_height(values, bold if strong else base, value_w),
        )
        for text, values, strong in top_rows
    ]
    block, block_h = _instansi_block(sheet, ident, grid[0])
    parts = [
        ("nomor", heights[0]),
        ("disahkan", heights[4]),
        ("nama", heights[5]),
        ("instansi", block_h),
    ]
    if block_h > sum(heights):
        heights[4] += block_h - sum(heights)
    rows = []
    for k, ((text, values, strong), h) in enumerate(zip(top_rows, heights, strict=True)):
        # The instansi block spans the six rows (a vertical merge).
        first = wml.cell(grid[0], block, vmerge="restart", middle=True)
        # The name line of "Disahkan oleh" in bold, as signed.
        name_bold = (None, True) if k == _DISAHKAN and len(signer) >= 2 else ()
        cells = [
            first if k == 0 else wml.cell(grid[0], "", vmerge=""),
            wml.cell(label_w, cell_text([("", text)], bold)),
            wml.cell(value_w, cell_text(values, bold if strong else base, bold=name_bold)),
        ]
        rows.append(wml.row(h, cells))
    return rows, sum(heights), parts


def _instansi_block(sheet: Sheet, ident: context.IdentitasSop, width: int) -> tuple[str, int]:
    """The logo and the kop's name lines (PEMERINTAH ..., DINAS ..., sub-units) centred:
    its XML and least height."""
    bold = sheet.base.with_(bold=True)
    logo = kop.logo_png(sheet.document)
    block_lines = list(ident.instansi)
    block_h = (
        Length(LOGO_HEIGHT).twips
        + 2 * PAD_Y
        + 120
        + sum(len(wrap(t, bold, (width - 2 * PAD_X) / 20)) for t in block_lines) * bold.line_twips
    )
    image = DocxImage.from_blob(logo)
    ratio = image.px_width / image.px_height
    drawing = sheet.pictures.inline(logo, int(Emu(int(LOGO_HEIGHT * ratio))), LOGO_HEIGHT)
    block = f"<w:p>{wml.ppr(None, after=120, center=True)}<w:r>{drawing}</w:r></w:p>" + cell_text(
        [("", t) for t in block_lines], bold, center=True, append=True
    )
    return block, block_h


def _grid_rows(
    sheet: Sheet,
    ident: context.IdentitasSop,
    grid: Sequence[int],
    rows: list[str],
    start: tuple[int, int],
    *,
    whole: bool,
) -> tuple[int, list[int], int]:
    """Append the grid rows Dasar Hukum | Kualifikasi Pelaksana ... to `rows` below the
    top rows (`start`: the page they end on and the room left under them); returns the
    number of pages the identity section takes, the room left empty at the foot of each
    page but the last, and the room left under the table on its last page.

    `whole`: a row that fits on a page but not under the rows before it starts the next
    page; otherwise it is split between its list items to fill the page."""
    base = sheet.base
    bold = base.with_(bold=True)
    full = sheet.page.height - PAGE_SAFETY - TINY
    pages, room = start
    gaps: list[int] = []
    half = (grid[0] + grid[1], grid[2])
    small = base.with_(size=max(8.0, base.size - 1))
    pairs = [ident.grid[k : k + 2] for k in range(0, len(ident.grid), 2)]
    for (head_l, items_l), (head_r, items_r) in pairs:
        # Heading and list share a cell, so a heading never ends a page alone.
        grid_cells = [
            GridCell(head_l, context.butir(items_l), half[0], bold, small),
            GridCell(head_r, context.butir(items_r), half[1], bold, small),
        ]
        while True:
            h = max(c.height() for c in grid_cells)
            if h <= room:
                rows.append(_grid_row(grid, grid_cells, h))
                room -= h
                break
            parts = None if whole and h <= full else _split(grid_cells, room, full)
            if parts is not None:
                rows.append(_grid_row(grid, [head for head, _rest in parts], room))
                grid_cells = [rest for _head, rest in parts]
            elif room == full:
                raise LayoutError(f"{head_l} / {head_r}: baris tidak dapat dipecah")
            else:
                gaps.append(room)
            pages += 1
            room = full
    return pages, gaps, room


def _split(cells: list[GridCell], room: int, full: int) -> list[tuple[GridCell, GridCell]] | None:
    """The row's cells cut to fit `room`: between list items, the heading repeated on the
    continuation; at a line only when an item is taller than a whole page (`room` is
    `full`); None when no item fits (the row then starts the next page)."""
    parts = [split_items(c, room) for c in cells]
    if any(head.items for head, _rest in parts):
        return parts
    if room < full:
        return None
    lines = [c.split(room) for c in cells]
    if all(part is not None for part in lines):
        return [part for part in lines if part is not None]
    return None


def split_items(cell: GridCell, room: int) -> tuple[GridCell, GridCell]:
    """The whole items of `cell` that fit in `room` under its heading, and the rest under
    the same heading (an empty cell when all fit; nothing taken when none does)."""
    empty = GridCell("", [], cell.width, cell.bold, cell.small)
    if cell.height() <= room:
        return cell, empty
    taken = 0
    while taken < len(cell.items):
        trial = GridCell(cell.head, cell.items[: taken + 1], cell.width, cell.bold, cell.small)
        if trial.height() > room:
            break
        taken += 1
    if taken == 0:
        return empty, cell
    first = GridCell(cell.head, cell.items[:taken], cell.width, cell.bold, cell.small)
    rest = GridCell(cell.head, cell.items[taken:], cell.width, cell.bold, cell.small)
    return first, rest


def _grid_row(grid: Sequence[int], cells: list[GridCell], h: int) -> str:
    out = []
    for width, span, content in ((grid[0] + grid[1], 2, cells[0]), (grid[2], 1, cells[1])):
        xml = ""
        if content.head:
            xml += cell_text([("", content.head)], content.bold)
        if content.items:
            xml += cell_text(content.items, content.small, append=bool(content.head))
        if not content.head and not content.items:
            xml = wml.TINY_P
        out.append(wml.cell(width, xml, span=span))
    return wml.row(h, out)


def heading_label_width(sheet: Sheet, heading: context.LampiranHeading) -> int:
    """Width (twips) of the heading's label column: its longest label on one line.

    Measured over the labels of every lampiran of the SK ("LAMPIRAN VIII" is longer than
    "LAMPIRAN X"), so that the colons stand in the same place on each lampiran.
    """
    labels = [label for label, _value in heading.rows()]
    model = sheet.document.model
    count = len(model.lampiran) if isinstance(model, Keputusan) else 0
    if count > 1:
        labels += [f"LAMPIRAN {context.romawi(k)}" for k in range(1, count + 1)]
    return math.ceil((max(sheet.base.width(label) for label in labels) + TEXT_PAD) * 20)


def title_lines(sheet: Sheet) -> list[str]:
    """The title block above the identity table: the SOP's own lines, else the
    instansi's, then the SOP's name, all in capitals; none when the lines are empty."""
    sop = sheet.sop
    lines = sop.judul if sop.judul is not None else sheet.document.instansi.judul_sop
    return [line.upper() for line in [*lines, sop.nama]] if lines else []


def title_height(sheet: Sheet) -> int:
    """Twips the title block takes with the blank line under it (0 without one)."""
    lines = title_lines(sheet)
    if not lines:
        return 0
    bold = sheet.base.with_(bold=True)
    count = sum(len(wrap(line, bold, sheet.page.width / 20)) for line in lines)
    return count * bold.line_twips + sheet.base.line_twips


def _title_block(sheet: Sheet, *, page_break: bool) -> None:
    """The title block, centred and bold, with a blank line under it; `page_break` starts
    it on a new page (a tiny paragraph carries the break when there is no title)."""
    lines = title_lines(sheet)
    bold = sheet.base.with_(bold=True)
    xml = "".join(
        f"<w:p>{wml.ppr(bold.line_twips, center=True, page_break=page_break and k == 0)}"
        f"{wml.run(line, bold)}</w:p>"
        for k, line in enumerate(lines)
    )
    if lines:
        xml += f"<w:p>{wml.ppr(sheet.base.line_twips)}</w:p>"
    elif page_break:
        xml = f"<w:p>{wml.ppr(TINY, page_break=True)}</w:p>"
    if xml:
        wml.append_paragraphs(sheet.doc, xml)


def _heading_table(sheet: Sheet, heading: context.LampiranHeading, full: int) -> int:
    """The Lampiran heading at the top right; returns its height with the blank line that
    follows it (written by the caller, unless the identity table starts a new page).

    The heading is never broken: taller than a page, it is the data's problem, blamed on
    its tallest row (:class:`TooLong`)."""
    base: Face = sheet.base
    w = sheet.page.width
    widths = [heading_label_width(sheet, heading), round(w * 0.015)]
    widths.append(round(w * 0.5) - sum(widths))
    indent = w - sum(widths)
    total = 0
    rows = []
    parts = []
    for field, (label, value) in zip(_HEADING_FIELDS, heading.rows(), strict=True):
        h = max(
            text_height([("", label)], base, widths[0]),
            text_height([("", value)], base, widths[2]),
        )
        texts = (label, ":", value)
        cells = [
            wml.cell(width, cell_text([("", t)], base))
            for width, t in zip(widths, texts, strict=True)
        ]
        rows.append(wml.row(h, cells))
        parts.append((field, h))
        total += h
    if total > full:
        raise TooLong(tallest(parts), limits.HEADING)
    xml = wml.table(widths, rows, borders=False, pad_x=PAD_X, indent=indent)
    wml.append_table(sheet.doc, xml)
    return total + base.line_twips


__all__ = [
    "LOGO_HEIGHT",
    "MAX_EMPTY",
    "heading_label_width",
    "identity_section",
    "split_items",
    "title_height",
    "title_lines",
]
