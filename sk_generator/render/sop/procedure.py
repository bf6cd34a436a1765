"""After the identity table: "SOP : NAMA", the procedure table with its flowchart, the
total and (in a lampiran) the signer's closing.

The procedure starts under the identity table when its title, header and first step
fit on that page, else on the next page. The procedure table: No | Kegiatan |
Pelaksana... | Mutu Baku (Kelengkapan, Waktu, Output) | Keterangan, one table per page,
each with the header rows: every page but the last ends with a connector row of its own
height and a written page break, every page but the first starts with one; the last
table ends with "Jumlah Waktu Penyelesaian"; a lampiran closes with the signer's jabatan
and name at the bottom right. No row fills a page: the breaks are written, and the
pages' room is counted exactly, so the page count is known.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from sk_generator.model import Label
from sk_generator.render import context, flowdraw, wml
from sk_generator.render.flowchart import (
    LABEL_SIZE,
    FlowEdge,
    FlowLayout,
    FlowPage,
    FlowStep,
    Geometry,
    LayoutError,
    PageSpace,
    bottom_row_min,
    layout,
    min_row_height,
    paginate,
)
from sk_generator.render.flowchart.pagination import connector_row_height
from sk_generator.render.measure import Face, font_file, wrap
from sk_generator.render.sop import limits, riwayat
from sk_generator.render.sop.cells import PAD_X, cell_text, picture_cell, text_height
from sk_generator.render.sop.columns import (
    KETERANGAN,
    KETERANGAN_SINGKAT,
    Columns,
    header_names,
    name_face_for,
    plan_columns,
    step_texts,
    table_face,
)
from sk_generator.render.sop.flow import flow_graph
from sk_generator.render.sop.limits import TooLong
from sk_generator.render.sop.narrow import ColumnsError, vertical_names
from sk_generator.render.sop.sheet import PAGE_BREAK_P, PAGE_SAFETY, TINY, Sheet, tiny_paragraph

#: The total row's label unless the instansi writes its own (`label.jumlah_waktu`).
JUMLAH = Label().jumlah_waktu
#: Text cells of a step row in table order: No, Kegiatan | Kelengkapan ... Keterangan
#: (the Pelaksana columns sit between Kegiatan and Kelengkapan).
_CENTRED = (0, 3)


@dataclass
class Plan:
    """Everything measured for the procedure section before any XML is written."""

    cols: Columns
    #: The instansi's labels of the table (header, total row).
    label: Label
    title: str
    header: tuple[int, int]
    ket_label: str
    name_face: Face
    #: The Pelaksana names as printed (hyphenated where a word is too wide).
    names: list[str]
    cells_text: list[list[list[tuple[str, str]]]]
    heights: list[int]
    total_text: str
    jumlah_h: int
    closing: list[tuple[str, bool]]
    flow: FlowLayout
    #: The first procedure page is the identity table's last page.
    shared: bool


def procedure_section(sheet: Sheet, room: int) -> Plan:
    """Plan and write the procedure section below the identity table, which left `room`
    twips on its last page; a step too tall for a page first tries smaller type (down to
    8 pt) before giving up."""
    plan: Plan | None = None
    size = table_face(sheet.base, len(sheet.sop.pelaksana)).size
    while plan is None:
        try:
            plan = plan_procedure(sheet, size, room)
        except ColumnsError:
            raise  # planned at the smallest type already
        except LayoutError:
            if size <= 8:
                raise
            size -= 1
    _build_procedure(sheet, plan)
    return plan


def plan_procedure(sheet: Sheet, size: float, room: int = 0) -> Plan:
    """Column widths, measured heights and the paginated flowchart at table `size`,
    starting in the `room` (twips) left under the identity table when it suffices."""
    sop = sheet.sop
    label = sheet.document.instansi.label
    cols = plan_columns(sheet.page, sheet.base, sop, size=size, label=label)
    face = cols.face
    bold = face.with_(bold=True)
    title_face = sheet.base.with_(bold=True)
    title = context.judul_prosedur(sop.nama)
    title_h = title_face.line_twips * len(wrap(title, title_face, sheet.page.width / 20)) + 120
    header, ket_label, name_face, names = _header_heights(cols, list(sop.pelaksana), label)
    steps, edges = flow_graph(sop)
    cells_text = [step_texts(sop, i) for i in range(len(sop.langkah))]
    heights = []
    for i, texts in enumerate(cells_text):
        h = max(text_height(t, face, w) for t, w in zip(texts, cols.text_widths, strict=True))
        heights.append(max(h, round(min_row_height(steps[i].kind) * 20)))
    total_text = context.jumlah_waktu(sheet.document, sop)
    jumlah_h = max(
        text_height([("", label.jumlah_waktu)], bold, cols.jumlah_label),
        text_height([("", total_text)], bold, cols.waktu),
    )
    closing = closing_lines(sheet)
    body = sheet.page.height - PAGE_SAFETY
    tail = jumlah_h + riwayat.height(sheet, face) + _closing_height(sheet, closing)
    # Every page but a shared first one starts with the page-break paragraph.
    later = body - TINY - sum(header)
    first = room - sheet.base.line_twips - title_h - sum(header)
    one = tail if len(heights) == 1 else bottom_row_min()
    shared = first >= heights[0] + one
    space = PageSpace(
        first=first if shared else later - title_h,
        later=later,
        tail=tail,
        top=0,
        bottom_min=bottom_row_min(),
        page=body,
    )
    flow = _layout(sheet, cols, (steps, edges), heights, space, closing=bool(closing))
    return Plan(
        cols,
        label,
        title,
        header,
        ket_label,
        name_face,
        names,
        cells_text,
        heights,
        total_text,
        jumlah_h,
        closing,
        flow,
        shared,
    )


def _layout(
    sheet: Sheet,
    cols: Columns,
    graph: tuple[list[FlowStep], list[FlowEdge]],
    heights: list[int],
    space: PageSpace,
    *,
    closing: bool,
) -> FlowLayout:
    """The flowchart's pages; a step that fits no page is blamed on the text beside it
    when that is what does not fit (:func:`_blame_fixed_parts`)."""
    label_face = Face(sheet.base.family, LABEL_SIZE)
    geometry = Geometry(cols.count, cols.pelaksana / 20)
    steps, edges = graph
    try:
        return layout(steps, edges, heights, geometry, space, label_width=label_face.width)
    except LayoutError as exc:
        _blame_fixed_parts(exc, heights, space, riwayat.height(sheet, cols.face), closing)
        raise


def _blame_fixed_parts(
    exc: LayoutError, heights: list[int], space: PageSpace, revisi: int, closing: bool
) -> None:
    """Raise :class:`TooLong` when the step `exc` blames would fit a page on its own but
    not beside the parts that must share its page: the title line on the first page (the
    SOP's name), or the tail on the last (the Riwayat Revisi table or the closing signer,
    whichever is taller)."""
    space = replace(space, top=connector_row_height(1))

    def fits(changed: PageSpace) -> bool:
        try:
            paginate(heights, changed)
        except LayoutError:
            return False
        return True

    if exc.step == 0 and fits(replace(space, first=space.later)):
        raise TooLong("nama", limits.PROCEDURE_TITLE) from exc
    if exc.step == len(heights) - 1 and fits(replace(space, tail=space.bottom_min)):
        others = space.tail - revisi
        field = "revisi" if revisi > others or not closing else "penutup"
        raise TooLong(field, limits.LAST_PAGE) from exc


def _header_heights(
    cols: Columns, names: list[str], label: Label
) -> tuple[tuple[int, int], str, Face, list[str]]:
    """Heights of the two header rows, Keterangan's header text (the instansi's own, else
    "Ket." when the full word does not fit), the Pelaksana names' type and the names as
    printed (hyphenated where a word is too wide; whole when printed vertically)."""
    bold = cols.face.with_(bold=True)
    n = cols.count
    fits = bold.width(KETERANGAN) + 2 * PAD_X / 20 + 2 <= cols.keterangan / 20
    ket_label = label.keterangan or (KETERANGAN if fits else KETERANGAN_SINGKAT)
    h1 = max(
        text_height([("", label.pelaksana)], bold, cols.pelaksana * n),
        text_height([("", label.mutu_baku)], bold, cols.kelengkapan + cols.waktu + cols.output),
    )
    printed = names
    if cols.vertical:
        name_face, names_h = vertical_names(names, bold, cols.pelaksana)
    else:
        name_face = name_face_for(names, bold, cols.pelaksana)
        printed = header_names(names, name_face, cols.pelaksana)
        names_h = max(text_height([("", name)], name_face, cols.pelaksana) for name in printed)
    h2 = max(
        names_h,
        text_height([("", label.kelengkapan)], bold, cols.kelengkapan),
        text_height([("", label.waktu)], bold, cols.waktu),
        text_height([("", label.output)], bold, cols.output),
    )
    spans = max(
        text_height([("", label.no)], bold, cols.no),
        text_height([("", label.kegiatan)], bold, cols.kegiatan),
        text_height([("", ket_label)], bold, cols.keterangan),
    )
    h2 += max(0, spans - (h1 + h2))
    return (h1, h2), ket_label, name_face, printed


def _build_procedure(sheet: Sheet, plan: Plan) -> None:
    """One table per page, each after a page break (the first after a blank line when
    it shares the identity table's page), the Jumlah row closing the last."""
    cols = plan.cols
    title_face = sheet.base.with_(bold=True)
    title = wml.ppr(title_face.line_twips, after=120) + wml.run(plan.title, title_face)
    font = font_file(sheet.base.family)
    last = len(plan.flow.pages) - 1
    for p, page in enumerate(plan.flow.pages):
        if p == 0 and plan.shared:
            wml.append_paragraphs(sheet.doc, f"<w:p>{wml.ppr(sheet.base.line_twips)}</w:p>")
        else:
            wml.append_paragraphs(sheet.doc, PAGE_BREAK_P)
        if p == 0:
            wml.append_paragraphs(sheet.doc, f"<w:p>{title}</w:p>")
        rows = [*_header_rows(sheet, plan), *_page_rows(sheet, plan, page, font)]
        if p == last:
            rows.append(_jumlah_row(plan))
        wml.append_table(sheet.doc, wml.table(cols.widths, rows, borders=True, pad_x=PAD_X))
    riwayat.write(sheet, cols.face)
    _closing(sheet, plan.closing)


def _jumlah_row(plan: Plan) -> str:
    cols = plan.cols
    bold = cols.face.with_(bold=True)
    jumlah = [
        wml.cell(
            cols.jumlah_label, cell_text([("", plan.label.jumlah_waktu)], bold), span=3 + cols.count
        ),
        wml.cell(cols.waktu, cell_text([("", plan.total_text)], bold, center=True)),
        wml.cell(cols.output, ""),
        wml.cell(cols.keterangan, ""),
    ]
    return wml.row(plan.jumlah_h, jumlah)


def _header_rows(sheet: Sheet, plan: Plan) -> list[str]:
    """Header rows: No | Kegiatan | Pelaksana (n) | Mutu Baku (3) | Keterangan; No,
    Kegiatan and Keterangan span both rows; repeated on every page."""
    cols = plan.cols
    label = plan.label
    bold = cols.face.with_(bold=True)
    n = cols.count
    widths = cols.widths
    last = len(widths) - 1

    def head(index: int, text: str, *, vmerge: str | None = None) -> str:
        xml = cell_text([("", text)], bold, center=True)
        return wml.cell(widths[index], xml, vmerge=vmerge, middle=True)

    r1 = [
        head(0, label.no, vmerge="restart"),
        head(1, label.kegiatan, vmerge="restart"),
        wml.cell(n * cols.pelaksana, cell_text([("", label.pelaksana)], bold, center=True), span=n),
        wml.cell(
            cols.kelengkapan + cols.waktu + cols.output,
            cell_text([("", label.mutu_baku)], bold, center=True),
            span=3,
        ),
        head(last, plan.ket_label, vmerge="restart"),
    ]
    r2 = [wml.cell(widths[0], "", vmerge=""), wml.cell(widths[1], "", vmerge="")]
    for name in plan.names:
        # A vertical name has no space before it: that would shift it across the column.
        name_xml = cell_text([("", name)], plan.name_face, center=True, append=cols.vertical)
        r2.append(wml.cell(cols.pelaksana, name_xml, middle=True, vertical=cols.vertical))
    for k, text in enumerate((label.kelengkapan, label.waktu, label.output)):
        r2.append(head(2 + n + k, text))
    r2.append(wml.cell(widths[last], "", vmerge=""))
    return [wml.row(plan.header[0], r1, header=True), wml.row(plan.header[1], r2, header=True)]


def _page_rows(sheet: Sheet, plan: Plan, page: FlowPage, font: str) -> list[str]:
    """The rows of one flowchart page: text cells and the flowchart's tiles."""
    cols = plan.cols
    n = cols.count
    widths = cols.widths
    order = [0, 1, 2 + n, 3 + n, 4 + n, 5 + n]
    pel = cols.pelaksana
    empty_pelaksana = wml.cell(pel, wml.TINY_P, no_padding=True)
    tiles = flowdraw.page_tiles(plan.flow, page, font)
    rows = []
    for index, flow_row in enumerate(page.rows):
        texts = plan.cells_text[flow_row.step] if flow_row.step is not None else None
        text_cells = []
        for k, cell_index in enumerate(order):
            xml = ""
            if texts is not None:
                xml = cell_text(texts[k], cols.face, center=k in _CENTRED)
            text_cells.append(wml.cell(widths[cell_index], xml))
        flow_cells = []
        for column, span in page.cell_groups(index, n):
            tile = tiles.get((index, column))
            if tile is None and span == 1:
                flow_cells.append(empty_pelaksana)
            else:
                assert tile is not None  # a merged cell holds its shared step's box
                cell = picture_cell(sheet.pictures, tile, pel * span, flow_row.height, span=span)
                flow_cells.append(cell)
        rows.append(wml.row(flow_row.height, [*text_cells[:2], *flow_cells, *text_cells[2:]]))
    return rows


# closing ---------------------------------------------------------------------------------


def closing_lines(sheet: Sheet) -> list[tuple[str, bool]]:
    """Lines at the bottom right of a lampiran: blank, jabatan, space, name, pangkat, NIP."""
    if not sheet.entry.prefix:
        return []
    signer = context.penutup_lampiran(sheet.document)
    lines: list[tuple[str, bool]] = [("", False), (signer.jabatan, False)]
    lines += [("", False)] * 3
    lines.append((signer.nama, True))
    lines += [(t, False) for t in (signer.pangkat, signer.nip) if t]
    return lines


def _closing_indent(sheet: Sheet) -> int:
    return round(sheet.page.width * 0.62)


def _closing_height(sheet: Sheet, lines: Sequence[tuple[str, bool]]) -> int:
    if not lines:
        return TINY
    width = (sheet.page.width - _closing_indent(sheet)) / 20
    count = 0
    for text, strong in lines:
        count += len(wrap(text, sheet.base.with_(bold=strong), width))
    return count * sheet.base.line_twips


def _closing(sheet: Sheet, lines: Sequence[tuple[str, bool]]) -> None:
    if not lines:
        tiny_paragraph(sheet.doc.add_paragraph())
        return
    xml = []
    for text, strong in lines:
        face = sheet.base.with_(bold=strong)
        props = wml.ppr(face.line_twips, left=_closing_indent(sheet))
        content = wml.run(text, face, underline=strong) if text else ""
        xml.append(f"<w:p>{props}{content}</w:p>")
    wml.append_paragraphs(sheet.doc, "".join(xml))


__all__ = ["JUMLAH", "Plan", "closing_lines", "plan_procedure", "procedure_section"]
