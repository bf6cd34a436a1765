"""The optional Riwayat Revisi table: No | Tanggal | Uraian Revisi, one row per `revisi:`.

It follows the procedure table on the SOP's last page, before a lampiran's closing
signature (the signer's block ends every lampiran). Its height is reserved on the last
page like the Jumlah Waktu row, so the predicted page count stays exact.
"""

from __future__ import annotations

from sk_generator.render import wml
from sk_generator.render.measure import Face
from sk_generator.render.sop.cells import PAD_X, cell_text, text_height
from sk_generator.render.sop.sheet import Sheet
from sk_generator.wording import tanggal

JUDUL = "RIWAYAT REVISI"
HEADINGS = ("No.", "Tanggal", "Uraian Revisi")
#: Space above the heading, twips (a blank line of 12 pt).
_BEFORE = 240
_NO = 700
_TANGGAL = 2600


def rows(sheet: Sheet) -> list[tuple[str, str, str]]:
    """(No., tanggal, uraian) per revision, oldest first; none when the table is off."""
    sop = sheet.sop
    if not sop.riwayat_revisi:
        return []
    return [(f"{i}.", tanggal(r.tanggal), r.uraian) for i, r in enumerate(sop.revisi, start=1)]


def _widths(sheet: Sheet) -> list[int]:
    return [_NO, _TANGGAL, sheet.page.width - _NO - _TANGGAL]


def _row_heights(sheet: Sheet, face: Face) -> list[int]:
    bold = face.with_(bold=True)
    widths = _widths(sheet)
    out = [max(text_height([("", t)], bold, w) for t, w in zip(HEADINGS, widths, strict=True))]
    for values in rows(sheet):
        out.append(
            max(text_height([("", t)], face, w) for t, w in zip(values, widths, strict=True))
        )
    return out


def height(sheet: Sheet, face: Face) -> int:
    """Twips the heading and the table take; 0 without revisions."""
    if not rows(sheet):
        return 0
    heading = sheet.base.with_(bold=True).line_twips + _BEFORE
    return heading + sum(_row_heights(sheet, face))


def write(sheet: Sheet, face: Face) -> None:
    """Append the heading and the table (nothing without revisions)."""
    values = rows(sheet)
    if not values:
        return
    title_face = sheet.base.with_(bold=True)
    props = wml.ppr(title_face.line_twips, before=_BEFORE)
    wml.append_paragraphs(sheet.doc, f"<w:p>{props}{wml.run(JUDUL, title_face)}</w:p>")
    widths = _widths(sheet)
    heights = _row_heights(sheet, face)
    bold = face.with_(bold=True)
    header = [
        wml.cell(w, cell_text([("", t)], bold, center=True), middle=True)
        for t, w in zip(HEADINGS, widths, strict=True)
    ]
    xml_rows = [wml.row(heights[0], header, header=True)]
    for (no, when, uraian), h in zip(values, heights[1:], strict=True):
        cells = [
            wml.cell(widths[0], cell_text([("", no)], face, center=True)),
            wml.cell(widths[1], cell_text([("", when)], face, center=True)),
            wml.cell(widths[2], cell_text([("", uraian)], face)),
        ]
        xml_rows.append(wml.row(h, cells))
    wml.append_table(sheet.doc, wml.table(widths, xml_rows, borders=True, pad_x=PAD_X))
