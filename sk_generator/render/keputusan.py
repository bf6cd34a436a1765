"""Render the Keputusan Kepala Dinas (SK) from templates/sk/keputusan.docx with docxtpl.

The template prints finished strings from :func:`context.keputusan_context`; this module
adds the logo, renders with the project's jinja2 environment (sandboxed, autoescaping,
StrictUndefined), and then applies what depends on the instansi and cannot live in a
static template: paper size and margins, the typeface, and table widths that fill the
text block of the chosen paper.
"""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path

import docx
import jinja2
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Length, Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from sk_generator.errors import TemplateError
from sk_generator.load import Document
from sk_generator.model import Keputusan
from sk_generator.render import docxcache, kop, package
from sk_generator.render.context import keputusan_context
from sk_generator.sandbox import refusal_message
from sk_generator.templates import environment, template_path

LOGO_HEIGHT = Mm(25)


def render_keputusan(document: Document, *, template: Path | None = None) -> bytes:
    """The SK of `document` as DOCX bytes.

    `template` replaces the instansi's template (tests). Raises :class:`TemplateError`
    when the template uses a value the data does not give.
    """
    model = document.model
    if not isinstance(model, Keputusan):
        raise TypeError("render_keputusan needs a keputusan document")
    path = template or template_path(document)
    if not path.is_file():
        raise TemplateError(f"templat '{path}' tidak ditemukan")
    instansi = document.instansi
    huruf = instansi.huruf
    template_bytes = _template_bytes(path, path.stat().st_mtime_ns)

    def start() -> DocxDocument:
        doc = docx.Document(io.BytesIO(template_bytes))
        kop.apply_huruf(doc, huruf)  # styles only: rendering does not touch them
        return doc

    # A fresh DocxTemplate per render (rendering changes it), on a copy of the template
    # document prepared once per template and typeface.
    tpl = DocxTemplate(io.BytesIO(template_bytes))
    tpl.docx = docxcache.fresh(("sk", str(path), template_bytes, huruf.nama, huruf.ukuran), start)
    context = keputusan_context(document)
    context["logo"] = InlineImage(tpl, io.BytesIO(kop.logo_png(document)), height=LOGO_HEIGHT)
    try:
        tpl.render(context, jinja_env=_environment())
    except jinja2.UndefinedError as exc:
        name = undefined_name(str(exc))
        raise TemplateError(
            f"templat {path.name}: nilai '{name}' tidak tersedia dari data "
            f"(placeholder {{{{ ... {name} ... }}}} di templat; periksa ejaannya)"
        ) from exc
    except (jinja2.TemplateSyntaxError, SecurityError) as exc:
        raise TemplateError(refusal_message(path.name, exc)) from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"templat {path.name} tidak dapat diisi: {exc}") from exc

    doc = tpl.docx
    kop.apply_page(doc, document.kertas())
    fit_tables(doc, kop.text_width(document.kertas()))
    if tpl.crc_to_new_media or tpl.crc_to_new_embedded or tpl.zipname_to_replace:
        out = io.BytesIO()  # docxtpl rewrites the saved ZIP for these replacements
        tpl.save(out)
        return out.getvalue()
    tpl.pre_processing()
    return package.docx_bytes(doc)


@functools.lru_cache(maxsize=8)
def _template_bytes(path: Path, mtime_ns: int) -> bytes:
    """The template file's bytes, read once per process (and again when it changes)."""
    del mtime_ns  # part of the cache key only
    return path.read_bytes()


#: Compiled templates kept by :func:`_environment`, per source text.
_COMPILED_MAX = 32


@functools.cache
def _environment() -> SandboxedEnvironment:
    """The project's jinja2 environment, compiling each template source once.

    docxtpl turns the template's XML into one jinja2 source and compiles it on every
    render (`from_string`), which was most of an SK's rendering time; the source only
    changes with the template file, so the compiled template is kept, keyed by the
    source text itself. A compiled template holds no render state: rendering it again
    with another context is what jinja2 does for templates loaded by name.
    """
    env = environment()
    compile_source = env.from_string
    compiled: dict[str, jinja2.Template] = {}

    def from_string(source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return compile_source(source, globals, template_class)
        found = compiled.get(source)
        if found is None:
            if len(compiled) >= _COMPILED_MAX:
                compiled.clear()
            found = compiled[source] = compile_source(source)
        return found

    env.from_string = from_string  # type: ignore[method-assign]
    return env


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
