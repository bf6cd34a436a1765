"""Write an SOP's DOCX: one landscape section, the identity table, then the procedure."""

from __future__ import annotations

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from sk_generator.diagnostics import Issue
from sk_generator.errors import DataError
from sk_generator.load import Document, SopEntry
from sk_generator.model import Sop, kertas
from sk_generator.render import docxcache, kop, package, wml
from sk_generator.render.flowchart import LayoutError
from sk_generator.render.measure import Face
from sk_generator.render.sop import hints
from sk_generator.render.sop.identity import identity_section
from sk_generator.render.sop.limits import TooLong, too_long_issue
from sk_generator.render.sop.narrow import KEGIATAN_MIN_MM, PELAKSANA_NARROW_MM, ColumnsError
from sk_generator.render.sop.procedure import Plan, procedure_section
from sk_generator.render.sop.sheet import Page, Sheet


class SopBuilder:
    """Renders one SOP; after :meth:`build`, `plan` holds the measured procedure layout."""

    def __init__(self, document: Document, entry: SopEntry) -> None:
        self.document = document
        self.entry = entry
        self.sop: Sop = entry.sop
        instansi = document.instansi
        self.paper = document.kertas(entry.sop)
        self.page = Page.of(self.paper)
        self.base = Face(instansi.huruf.nama, float(instansi.huruf.ukuran))
        huruf = instansi.huruf
        paper = self.paper

        def start() -> DocxDocument:
            doc = new_docx()
            kop.apply_page(doc, paper, landscape=True)
            kop.apply_huruf(doc, huruf)
            return doc

        # A copy of python-docx's default document, prepared once per paper and typeface.
        self.doc = docxcache.fresh(("sop", paper, huruf.nama, huruf.ukuran), start)
        self.pictures = wml.Pictures(self.doc)
        self.sheet = Sheet(document, entry, self.doc, self.pictures, self.page, self.base)
        self.plan: Plan | None = None

    def build(self) -> tuple[bytes, int]:
        """The DOCX bytes and the number of pages the layout predicts."""
        first_pages, room = identity_section(self.sheet)
        self.plan = procedure_section(self.sheet, room)
        hints.attach(self.doc, self.sop)
        page_numbers(self.doc, self.base)
        pages = first_pages + len(self.plan.flow.pages) - self.plan.shared
        return package.docx_bytes(self.doc), pages


def page_numbers(doc: DocxDocument, face: Face) -> None:
    """ "- 2 -" centred in the header of every page but the first, as on the SK.

    The first page has its own (empty) header; any later section inherits the header
    and continues the numbering. The header sits 10 mm from the paper's edge, inside the
    20 mm top margin, so the text block (and the predicted pagination) is unchanged.
    """
    first, *rest = doc.sections
    first.different_first_page_header_footer = True
    for section in rest:
        section.different_first_page_header_footer = False
        section.header.is_linked_to_previous = True
    number = wml.run("2", face)
    xml = (
        f"<w:p {nsdecls('w')}>{wml.ppr(None, center=True)}{wml.run('- ', face)}"
        f'<w:fldSimple w:instr=" PAGE ">{number}</w:fldSimple>{wml.run(" -", face)}</w:p>'
    )
    old = first.header.paragraphs[0]._p
    old.addnext(parse_xml(xml))
    old.getparent().remove(old)


def render_sop(document: Document, entry: SopEntry) -> tuple[bytes, int | None]:
    """The SOP of `entry` as DOCX bytes, and the number of pages its layout predicts.

    A layout that cannot fit the page (a step or an identity row taller than a page, even
    in the smallest table type) is the data's problem, reported at the step (or the SOP)
    with the ways out, never an internal error.
    """
    try:
        return SopBuilder(document, entry).build()
    except LayoutError as exc:
        raise DataError([layout_issue(document, entry, exc)], str(exc)) from exc


def layout_issue(document: Document, entry: SopEntry, exc: LayoutError) -> Issue:
    """The located TATA-LETAK issue for a layout that does not fit."""
    sop = entry.sop
    paper = document.kertas(sop)
    if isinstance(exc, TooLong):
        return too_long_issue(document, entry, exc, paper)
    if isinstance(exc, ColumnsError):
        path: tuple[str | int, ...] = (*entry.prefix, "pelaksana")
        message = _columns_message(exc, paper)
    elif exc.step is not None:
        path = (*entry.prefix, "langkah", exc.step)
        message = (
            f"langkah {exc.step + 1} tidak muat dalam satu halaman tabel prosedur "
            f"({len(sop.pelaksana)} kolom pelaksana, kertas {paper}, huruf terkecil 8 pt); "
            "pendekkan uraian, kelengkapan atau output langkah ini, kurangi kolom "
            "pelaksana, atau pakai kertas yang lebih besar (`kertas:` Legal atau F4)"
        )
    else:
        path = (*entry.prefix, "nama")
        message = (
            f"identitas SOP tidak muat dalam halaman ({exc}); pendekkan isinya atau pakai "
            "kertas yang lebih besar (`kertas:` Legal atau F4)"
        )
    return document.source.issue(path, "TATA-LETAK", message)


def _columns_message(exc: ColumnsError, paper: str) -> str:
    """The limit the columns met, and the ways out that apply: a wider paper (if any),
    fewer columns, a shorter word where one word sets a Mutu Baku column's width."""
    ways = []
    wider = [name for name in ("F4", "Legal") if _long_side(name) > _long_side(paper)]
    if wider:
        ways.append(f"pakai kertas yang lebih lebar (`kertas:` {' atau '.join(wider)})")
    ways.append("kurangi kolom pelaksana")
    if exc.word:
        ways.append(f"pendekkan kata terpanjang kolom {exc.column} ('{exc.word}')")
    advice = ", ".join(ways[:-1]) + " atau " + ways[-1] if len(ways) > 1 else ways[0]
    return (
        f"{exc.count} kolom pelaksana tidak muat pada kertas {paper} melintang: setiap "
        f"kolom pelaksana paling sempit {_mm(PELAKSANA_NARROW_MM)} mm dan kolom Kegiatan "
        f"{_mm(KEGIATAN_MIN_MM)} mm, sehingga hanya muat {exc.most} kolom; {advice}"
    )


def _long_side(paper: str) -> float:
    """The long side of a paper (millimetres): the width of its landscape page."""
    return max(kertas.ukuran(paper))


def _mm(value: float) -> str:
    """A length in millimetres as Indonesian writes it: "8,5"."""
    return f"{value:g}".replace(".", ",")


__all__ = ["SopBuilder", "page_numbers", "render_sop"]
