"""Render the Keputusan Kepala Dinas (SK) from templates/sk/keputusan.docx with docxtpl.

The template prints finished strings from :func:`context.keputusan_context`; this module
adds the logo, renders with the project's jinja2 environment (sandboxed, autoescaping,
StrictUndefined), and then applies what depends on the instansi and cannot live in a
static template: paper size and margins, the typeface, and table widths that fill the
text block of the chosen paper.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import jinja2
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Length, Mm
from docxtpl import DocxTemplate, InlineImage

from sk_generator.errors import TemplateError
from sk_generator.load import Document
from sk_generator.model import Keputusan
from sk_generator.render import kop
from sk_generator.render.context import keputusan_context
from sk_generator.render.jinja import environment

#: templates/ at the repository root (the package is used from a source checkout).
TEMPLATE = Path(__file__).resolve().parents[2] / "templates" / "sk" / "keputusan.docx"
LOGO_HEIGHT = Mm(25)


def render_keputusan(document: Document, *, template: Path | None = None) -> bytes:
    """The SK of `document` as DOCX bytes.

    `template` replaces templates/sk/keputusan.docx (tests, or an agency's own layout).
    Raises :class:`TemplateError` when the template uses a value the data does not give.
    """
    model = document.model
    if not isinstance(model, Keputusan):
        raise TypeError("render_keputusan needs a keputusan document")
    path = template or TEMPLATE
    if not path.is_file():
        raise TemplateError(f"templat '{path}' tidak ditemukan")
    tpl = DocxTemplate(path)
    context = keputusan_context(document)
    context["logo"] = InlineImage(tpl, io.BytesIO(kop.logo_png(document)), height=LOGO_HEIGHT)
    try:
        tpl.render(context, jinja_env=environment())
    except jinja2.UndefinedError as exc:
        name = undefined_name(str(exc))
        raise TemplateError(
            f"templat {path.name}: nilai '{name}' tidak tersedia dari data "
            f"(placeholder {{{{ ... {name} ... }}}} di templat; periksa ejaannya)"
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"templat {path.name} rusak: {exc.message}") from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"templat {path.name} tidak dapat diisi: {exc}") from exc

    doc = tpl.docx
    instansi = document.instansi
    kop.apply_page(doc, instansi.kertas)
    kop.apply_huruf(doc, instansi.huruf)
    fit_tables(doc, kop.text_width(instansi.kertas))
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


_UNDEFINED = re.compile(r"has no attribute '([^']+)'|'([^']+)' is undefined")


def undefined_name(message: str) -> str:
    """The missing variable or attribute named in a jinja2 UndefinedError message."""
    match = _UNDEFINED.search(message)
    if not match:
        return message
    return match.group(1) or match.group(2)


def fit_tables(doc: DocxDocument, width: Length) -> None:
    """Widen or narrow each body table's last column so the table spans `width`.

    The template is drawn for F4; A4 is 5 mm narrower. Only the last (text) column
    changes, so the label and colon columns keep the widths staff gave them.
    """
    for table in doc.tables:
        grid = table._tbl.tblGrid.gridCol_lst
        if len(grid) < 2:
            continue
        fixed = sum(int(col.w or 0) for col in grid[:-1])
        last = Length(int(width) - fixed)
        if last <= 0:
            continue
        grid[-1].w = last
        for row in table.rows:
            row.cells[-1].width = last
        tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
        if tbl_w is not None:
            tbl_w.set(qn("w:w"), str(Length(width).twips))
            tbl_w.set(qn("w:type"), "dxa")
