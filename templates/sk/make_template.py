"""Generate templates/sk/keputusan.docx, the docxtpl template of the Keputusan Kepala Dinas.

Run `python templates/sk/make_template.py` after changing this script and commit both; a
test (tests/render/test_keputusan_template.py) fails when they disagree.

Staff may instead restyle keputusan.docx in Word (fonts, spacing, kop sizes, the rule
under the kop): every paragraph uses a named style "SK ...", so a change to the style
changes every paragraph of its kind. Once the .docx is edited by hand, stop regenerating
it and delete the agreement test, or port the change back here.

The template holds placeholders and simple loops only; every string arrives finished from
sk_generator.render.context.keputusan_context (dates, ordinals, NIP, citations). Paper size,
margins and the instansi's typeface are applied by the renderer (sk_generator.render.kop),
since they depend on the data; the values here (F4, Arial 12) are only the defaults.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from sk_generator.render import docxcache, kop

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "keputusan.docx"

FONT = "Arial"
SIZE = Pt(12)
#: F4 text width between the margins; the renderer refits the last column per paper.
TEXT_WIDTH = kop.text_width("F4")
#: Column widths shared by the Menimbang/Mengingat table and the diktum table, so that
#: their colons align: label | ":" | number | text.
LABEL = Cm(3.5)
COLON = Cm(0.5)
NUMBER = Cm(0.8)
#: Left edge of the Ditetapkan lines (from the left margin).
RIGHT_BLOCK = Cm(8)
#: The signature lines are centred between this indent and the right margin: wide enough
#: for "KEPALA DINAS TENAGA KERJA DAN TRANSMIGRASI" on one line, as seed 000 prints it.
SIGNATURE_BLOCK = Cm(5.5)
LOGO_COLUMN = Cm(2.8)


def build() -> bytes:
    """The template as DOCX bytes (deterministic in word/*.xml)."""
    doc = docx.Document()
    docxcache.drop_styles_with_effects(doc)
    _defaults(doc)
    _styles(doc)
    _page(doc)
    _kop(doc)
    _judul(doc)
    _pertimbangan(doc)
    _para(doc, "SK Memutuskan", "MEMUTUSKAN :")
    _diktum(doc)
    _penutup(doc)
    _tembusan(doc)
    _header_footer(doc)
    doc.core_properties.title = "Keputusan Kepala Dinas (templat sk_generator)"
    doc.core_properties.author = "sk_generator"
    doc.core_properties.last_modified_by = "sk_generator"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# --- styles ------------------------------------------------------------------------------


def _defaults(doc: DocxDocument) -> None:
    rpr = doc.styles.element.find(
        qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr")
    )
    assert rpr is not None
    for child in list(rpr):
        rpr.remove(child)
    fonts = OxmlElement("w:rFonts")
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), FONT)
    rpr.append(fonts)
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), str(int(SIZE.pt * 2)))
        rpr.append(size)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "id-ID")
    lang.set(qn("w:eastAsia"), "id-ID")
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)
    ppr = doc.styles.element.find(
        qn("w:docDefaults") + "/" + qn("w:pPrDefault") + "/" + qn("w:pPr")
    )
    if ppr is not None:
        for child in list(ppr):
            ppr.remove(child)

    normal = doc.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    normal.font.name = FONT
    normal.font.size = SIZE
    fonts = normal.element.get_or_add_rPr().find(qn("w:rFonts"))
    assert fonts is not None
    fonts.set(qn("w:cs"), FONT)
    fonts.set(qn("w:eastAsia"), FONT)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.widow_control = True


def _style(
    doc: DocxDocument,
    name: str,
    *,
    base: str = "Normal",
    align: WD_ALIGN_PARAGRAPH | None = None,
    bold: bool = False,
    underline: bool = False,
    size: float | None = None,
    before: float = 0,
    after: float = 0,
    left: Length | None = None,
    hanging: Length | None = None,
    tabs: tuple[Length, ...] = (),
    keep_next: bool = False,
) -> ParagraphStyle:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = doc.styles[base]
    style.quick_style = True
    if bold:
        style.font.bold = True
    if underline:
        style.font.underline = True
    if size is not None:
        style.font.size = Pt(size)
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if left is not None:
        fmt.left_indent = left
    if hanging is not None:
        fmt.first_line_indent = -hanging
    for position in tabs:
        fmt.tab_stops.add_tab_stop(position)
    if keep_next:
        fmt.keep_with_next = True
    return style


def _styles(doc: DocxDocument) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    _style(doc, "SK Kop Pemerintah", align=center, bold=True, size=14)
    _style(doc, "SK Kop Dinas", align=center, bold=True, size=16)
    _style(doc, "SK Kop Unit", align=center, bold=True, size=12)
    _style(doc, "SK Kop Alamat", align=center, size=10)
    rule = _style(doc, "SK Kop Garis", size=2, after=24)
    _bottom_rule(rule)
    _style(doc, "SK Judul", align=center, bold=True, keep_next=True)
    _style(doc, "SK Tentang", align=center, bold=True, before=12, after=12, keep_next=True)
    _style(doc, "SK Jabatan Penetap", align=center, bold=True, before=12, after=12)
    _style(doc, "SK Label")
    _style(doc, "SK Isi", align=justify)
    _style(doc, "SK Butir", align=justify, left=NUMBER, hanging=NUMBER, tabs=(NUMBER,))
    _style(doc, "SK Memutuskan", align=center, bold=True, before=12, after=12, keep_next=True)
    _style(
        doc,
        "SK Ditetapkan",
        left=RIGHT_BLOCK,
        tabs=(Length(RIGHT_BLOCK + Cm(3.2)),),
        keep_next=True,
    )
    _style(doc, "SK Tanda Tangan", align=center, left=SIGNATURE_BLOCK, keep_next=True)
    _style(doc, "SK Nama Penandatangan", base="SK Tanda Tangan", bold=True, underline=True)
    doc.styles["SK Nama Penandatangan"].paragraph_format.space_before = Pt(60)
    _style(doc, "SK Tembusan Judul", before=24, keep_next=True)
    _style(doc, "SK Tembusan", left=Cm(0.6), hanging=Cm(0.6), tabs=(Cm(0.6),))
    _style(doc, "SK Nomor Halaman", align=center)
    _style(doc, "SK Catatan TTE", align=center, size=8)


def _bottom_rule(style: ParagraphStyle) -> None:
    """The kop's double rule: a thick line over a thin one, as pemda letterheads print it."""
    ppr = style.element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "thickThinSmallGap")
    bottom.set(qn("w:sz"), "24")
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "auto")
    borders.append(bottom)
    ppr.insert(0, borders)
    # pBdr must precede spacing and the other pPr children in schema order.
    for tag in ("w:keepNext", "w:keepLines", "w:pageBreakBefore"):
        element = ppr.find(qn(tag))
        if element is not None:
            ppr.remove(element)
            ppr.insert(0, element)


# --- page and body ---------------------------------------------------------------------


def _page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    kop.apply_page(doc, "F4")  # the renderer applies the instansi's paper the same way
    # No page number on page 1 (it carries the kop); "- 2 -" at the top from page 2 on.
    section.different_first_page_header_footer = True


def _para(doc: DocxDocument, style: str, text: str = "") -> None:
    paragraph = doc.add_paragraph(style=style)
    if text:
        paragraph.add_run(text)


def _cell_paragraphs(cell: _Cell, lines: list[tuple[str, str]]) -> None:
    """Fill a cell with (style, text) paragraphs, reusing its first empty paragraph."""
    first = cell.paragraphs[0]
    for index, (style, text) in enumerate(lines):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph.style = style
        if text:
            paragraph.add_run(text)


def _table(doc: DocxDocument, widths: list[Length], rows: int) -> Table:
    """A borderless, fixed-layout table whose cells carry no side padding.

    Zero padding keeps the label column flush with the body text; the colon and number
    columns make the gaps.
    """
    table = doc.add_table(rows=rows, cols=len(widths))
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    # python-docx's table already has a tblW (type auto): set it, a second one is invalid.
    width = tbl_pr.find(qn("w:tblW"))
    assert width is not None
    width.set(qn("w:w"), str(sum(int(w.twips) for w in widths)))
    width.set(qn("w:type"), "dxa")
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("left", 0), ("right", 57)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(value))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    # Schema order: ... tblLayout, tblCellMar, tblLook.
    look = tbl_pr.find(qn("w:tblLook"))
    if look is None:
        tbl_pr.append(margins)
    else:
        look.addprevious(margins)
    for grid, w in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid.w = w
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w
    return table


def _kop(doc: DocxDocument) -> None:
    table = _table(doc, [LOGO_COLUMN, Length(TEXT_WIDTH - LOGO_COLUMN)], rows=1)
    logo, text = table.rows[0].cells
    logo.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    text.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _cell_paragraphs(logo, [("SK Kop Alamat", "{{ logo }}")])
    _cell_paragraphs(
        text,
        [
            ("SK Kop Pemerintah", "{{ kop.pemerintah }}"),
            ("SK Kop Dinas", "{{ kop.dinas }}"),
            ("SK Kop Unit", "{%p for baris in kop.sub_unit %}"),
            ("SK Kop Unit", "{{ baris }}"),
            ("SK Kop Unit", "{%p endfor %}"),
            ("SK Kop Alamat", "{{ kop.alamat }}"),
            ("SK Kop Alamat", "{%p if kop.kontak %}"),
            ("SK Kop Alamat", "{{ kop.kontak }}"),
            ("SK Kop Alamat", "{%p endif %}"),
        ],
    )
    _para(doc, "SK Kop Garis")


def _judul(doc: DocxDocument) -> None:
    _para(doc, "SK Judul", "{{ judul.keputusan }}")
    _para(doc, "SK Judul", "{{ judul.nomor }}")
    _para(doc, "SK Tentang", "TENTANG")
    _para(doc, "SK Judul", "{{ judul.tentang }}")
    _para(doc, "SK Jabatan Penetap", "{{ judul.jabatan }}")


def _pertimbangan(doc: DocxDocument) -> None:
    """Menimbang / Mengingat / Memperhatikan: one row per item, built in context.py."""
    widths = [LABEL, COLON, NUMBER, Length(TEXT_WIDTH - LABEL - COLON - NUMBER)]
    table = _table(doc, widths, rows=3)
    loop, body, end = table.rows
    _cell_paragraphs(loop.cells[0], [("SK Label", "{%tr for b in pertimbangan %}")])
    _cell_paragraphs(body.cells[0], [("SK Label", "{{ b.label }}")])
    _cell_paragraphs(body.cells[1], [("SK Label", "{{ b.titik_dua }}")])
    _cell_paragraphs(body.cells[2], [("SK Label", "{{ b.nomor }}")])
    _cell_paragraphs(body.cells[3], [("SK Isi", "{{ b.teks }}")])
    _cell_paragraphs(end.cells[0], [("SK Label", "{%tr endfor %}")])


def _diktum(doc: DocxDocument) -> None:
    """Menetapkan and KESATU, KEDUA, ...: label | colon | text with butir a., b. below."""
    widths = [LABEL, COLON, Length(TEXT_WIDTH - LABEL - COLON)]
    table = _table(doc, widths, rows=3)
    loop, body, end = table.rows
    _cell_paragraphs(loop.cells[0], [("SK Label", "{%tr for d in diktum %}")])
    _cell_paragraphs(body.cells[0], [("SK Label", "{{ d.label }}")])
    _cell_paragraphs(body.cells[1], [("SK Label", "{{ d.titik_dua }}")])
    _cell_paragraphs(
        body.cells[2],
        [
            ("SK Isi", "{{ d.isi }}"),
            ("SK Butir", "{%p for t in d.butir %}"),
            ("SK Butir", "{{ t.huruf }}\t{{ t.teks }}"),
            ("SK Butir", "{%p endfor %}"),
        ],
    )
    _cell_paragraphs(end.cells[0], [("SK Label", "{%tr endfor %}")])


def _penutup(doc: DocxDocument) -> None:
    """Ditetapkan di / pada tanggal, then the signature block, at the right."""
    first = doc.add_paragraph(style="SK Ditetapkan")
    first.paragraph_format.space_before = Pt(24)
    first.add_run("Ditetapkan di\t: {{ ditetapkan.tempat }}")
    _para(doc, "SK Ditetapkan", "pada tanggal\t: {{ ditetapkan.tanggal }}")
    signer = doc.add_paragraph(style="SK Tanda Tangan")
    signer.paragraph_format.space_before = Pt(12)
    signer.add_run("{{ ttd.jabatan }}")
    _para(doc, "SK Nama Penandatangan", "{{ ttd.nama }}")
    _para(doc, "SK Tanda Tangan", "{%p if ttd.pangkat %}")
    _para(doc, "SK Tanda Tangan", "{{ ttd.pangkat }}")
    _para(doc, "SK Tanda Tangan", "{%p endif %}")
    _para(doc, "SK Tanda Tangan", "{%p if ttd.nip %}")
    _para(doc, "SK Tanda Tangan", "{{ ttd.nip }}")
    _para(doc, "SK Tanda Tangan", "{%p endif %}")


def _tembusan(doc: DocxDocument) -> None:
    _para(doc, "SK Tembusan", "{%p if tembusan %}")
    _para(doc, "SK Tembusan Judul", "Tembusan:")
    _para(doc, "SK Tembusan", "{%p for t in tembusan %}")
    _para(doc, "SK Tembusan", "{{ t.nomor }}\t{{ t.teks }}")
    _para(doc, "SK Tembusan", "{%p endfor %}")
    _para(doc, "SK Tembusan", "{%p endif %}")


def _header_footer(doc: DocxDocument) -> None:
    section = doc.sections[0]
    number = section.header.paragraphs[0]
    number.style = "SK Nomor Halaman"
    number.add_run("- ")
    _page_field(number)
    number.add_run(" -")
    section.first_page_header.paragraphs[0].style = "SK Nomor Halaman"
    for footer in (section.footer, section.first_page_footer):
        note = footer.paragraphs[0]
        note.style = "SK Catatan TTE"
        note.add_run("{{ catatan_tte }}")


def _page_field(paragraph: Paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def main() -> int:
    OUTPUT.write_bytes(build())
    return 0


if __name__ == "__main__":
    sys.exit(main())
