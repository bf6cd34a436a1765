"""The landscape page of an SOP and the document being written."""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Twips
from docx.text.paragraph import Paragraph

from sk_generator.load import Document, SopEntry
from sk_generator.model import Sop
from sk_generator.render import kop, wml
from sk_generator.render.measure import Face

#: Room kept free at the bottom of every page against rounding in the word processors.
PAGE_SAFETY = 100
#: Tiny paragraphs (page break, end of document): 1 pt font, 1 pt exact line.
TINY = 20
#: A tiny paragraph that starts a new page: it opens every procedure page but one that
#: shares the identity table's page (a paragraph also keeps two tables apart).
PAGE_BREAK_P = (
    '<w:p><w:pPr><w:pageBreakBefore/><w:spacing w:before="0" w:after="0" w:line="20" '
    'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>'
)


@dataclass(frozen=True)
class Page:
    """Text block of the landscape page, in twips."""

    width: int
    height: int

    @classmethod
    def of(cls, paper: str) -> Page:
        width, height = kop.paper_size(paper)
        body_w = kop.text_width(paper, landscape=True)
        body_h = Length(width - kop.MARGIN_TOP - kop.MARGIN_BOTTOM)
        del height
        return cls(Length(body_w).twips, Length(body_h).twips)


@dataclass
class Sheet:
    """The SOP being rendered: its data, the DOCX being written, and the page and base
    type everything is measured against."""

    document: Document
    entry: SopEntry
    doc: DocxDocument
    pictures: wml.Pictures
    page: Page
    base: Face

    @property
    def sop(self) -> Sop:
        return self.entry.sop


def tiny_paragraph(paragraph: Paragraph) -> None:
    """A paragraph 1 pt high (section break carrier, end of document)."""
    pf = paragraph.paragraph_format
    pf.space_before = Twips(0)
    pf.space_after = Twips(0)
    pf.line_spacing = Twips(TINY)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p_pr = paragraph._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "2")
    rpr.append(sz)
    # The schema puts a paragraph mark's rPr before the section properties it may carry.
    sect_pr = p_pr.find(qn("w:sectPr"))
    if sect_pr is None:
        p_pr.append(rpr)
    else:
        sect_pr.addprevious(rpr)


__all__ = ["PAGE_BREAK_P", "PAGE_SAFETY", "TINY", "Page", "Sheet", "tiny_paragraph"]
