"""The Matriks Perubahan: No | Bagian | Semula | Menjadi | Keterangan, under the kop.

Drafting practice shows a revision to the signing official as a *matriks perubahan*
(domain.md). The kop is the SK template's own (the instansi's restyled copy when it has
one): its body is cut after the kop rule and filled with the kop only, so the matriks
carries exactly the letterhead, typeface and paper of the documents it describes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import docx
import jinja2
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from docx.table import Table
from docxtpl import DocxTemplate, InlineImage

from sk_generator.document import Document
from sk_generator.errors import TemplateError
from sk_generator.render import kop, package
from sk_generator.render.context import kop as kop_lines
from sk_generator.render.keputusan import LOGO_HEIGHT
from sk_generator.templates import environment, template_path

#: Column shares of the text width: No, Bagian, Semula, Menjadi, Keterangan.
_SHARES = (0.06, 0.18, 0.29, 0.29, 0.18)
_HEADINGS = ("No", "Bagian", "Semula", "Menjadi", "Keterangan")
_TABLE_SIZE = Pt(10)
_KOP_RULE = "SK Kop Garis"


@dataclass(frozen=True)
class BagianMatriks:
    """One document's part of the matriks: its title line and its rows
    (bagian, semula, menjadi, keterangan)."""

    judul: str
    baris: Sequence[tuple[str, str, str, str]]


def render_matriks(
    document: Document, semula: str, menjadi: str, bagian: Sequence[BagianMatriks]
) -> bytes:
    """The matriks as DOCX bytes, with the kop of `document`'s instansi."""
    path = template_path(document)
    if not path.is_file():
        raise TemplateError(f"templat '{path}' tidak ditemukan")
    tpl = DocxTemplate(path)
    doc = tpl.get_docx()
    kop.apply_huruf(doc, document.instansi.huruf)
    _keep_kop(doc)
    context = {
        "kop": kop_lines(document),
        "catatan_tte": "",
        "logo": InlineImage(tpl, io.BytesIO(kop.logo_png(document)), height=LOGO_HEIGHT),
    }
    try:
        tpl.render(context, jinja_env=environment())
    except jinja2.TemplateError as exc:
        raise TemplateError(f"kop templat {path.name} tidak dapat diisi: {exc}") from exc
    # docxtpl replaces the body element while rendering; reopening its output gives a
    # python-docx document whose body is the rendered one.
    rendered = io.BytesIO()
    tpl.save(rendered)
    doc = docx.Document(io.BytesIO(rendered.getvalue()))
    kop.apply_page(doc, document.instansi.kertas)
    width = kop.text_width(document.instansi.kertas)
    _paragraph(doc, "MATRIKS PERUBAHAN", bold=True, center=True, before=0)
    _paragraph(doc, f"Semula: {semula}", before=6)
    _paragraph(doc, f"Menjadi: {menjadi}")
    for part in bagian:
        _paragraph(doc, part.judul, bold=True, before=12, after=6)
        _table(doc, width, part.baris)
    return package.docx_bytes(doc)


def _keep_kop(doc: DocxDocument) -> None:
    """Drop the SK body after the kop rule (the section properties stay). A restyled
    template without the named rule keeps its first table, the kop."""
    body = doc.element.body
    children = list(body)
    rules = [p._p for p in doc.paragraphs if p.style is not None and p.style.name == _KOP_RULE]
    tables = [child for child in children if child.tag == qn("w:tbl")]
    last = rules[0] if rules else tables[0] if tables else None
    cut = children.index(last) if last is not None else -1
    for child in children[cut + 1 :]:
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _paragraph(
    doc: DocxDocument,
    text: str,
    *,
    bold: bool = False,
    center: bool = False,
    before: int = 0,
    after: int = 0,
) -> None:
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = bold
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.keep_with_next = True
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _table(doc: DocxDocument, width: Length, rows: Sequence[tuple[str, str, str, str]]) -> Table:
    widths = [Length(int(width * share)) for share in _SHARES]
    table = doc.add_table(rows=1, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borders(table)
    header = table.rows[0]
    _repeat_header(header._tr)
    for cell, text in zip(header.cells, _HEADINGS, strict=True):
        _fill(cell, text, bold=True, center=True)
    body = rows or [("", "Tidak ada perubahan", "", "")]
    for number, values in enumerate(body, start=1):
        cells = table.add_row().cells
        texts = (f"{number}." if rows else "", *values)
        for cell, text in zip(cells, texts, strict=True):
            _fill(cell, text)
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = w
    for grid, w in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid.w = w
    return table


def _fill(cell: object, text: str, *, bold: bool = False, center: bool = False) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    for index, line in enumerate(text.split("\n")):
        if index:
            paragraph.add_run().add_break()
        run = paragraph.add_run(_nip_whole(line))
        run.bold = bold
        run.font.size = _TABLE_SIZE
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _nip_whole(line: str) -> str:
    """A NIP line keeps its number on one line ("NIP." may stand alone): the narrow
    Semula/Menjadi columns would otherwise break "19670621 199003 1 006" before "006"."""
    if not line.startswith("NIP. "):
        return line
    return "NIP. " + line.removeprefix("NIP. ").replace(" ", "\u00a0")


def _borders(table: Table) -> None:
    """Single lines around and between every cell, as a printed matriks has."""
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "auto")
        borders.append(line)
    tbl_pr = table._tbl.tblPr
    # Schema order: tblBorders comes before shd, tblLayout, tblCellMar and tblLook.
    later = [tbl_pr.find(qn(f"w:{tag}")) for tag in ("shd", "tblLayout", "tblCellMar", "tblLook")]
    anchor = next((element for element in later if element is not None), None)
    if anchor is None:
        tbl_pr.append(borders)
    else:
        anchor.addprevious(borders)


def _repeat_header(tr: object) -> None:
    tr_pr = tr.get_or_add_trPr()  # type: ignore[attr-defined]
    element = OxmlElement("w:tblHeader")
    tr_pr.append(element)


__all__ = ["BagianMatriks", "render_matriks"]
