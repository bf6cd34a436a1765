"""The Word templates: where they are, the one jinja2 environment, what they may print.

Kept below render and checks so that `check` can reject an agency's edited SK template
(a misspelt placeholder) with the same contract the renderer fills, without rendering.

The jinja2 environment every template is rendered with is:

- sandboxed: a template (staff may edit them in Word) sees the data context only
  (sandbox.py);
- autoescape on: "Dinas A & B" or "<" in the data reach the XML escaped, so Word shows
  them literally instead of breaking the document;
- StrictUndefined: a placeholder the data does not provide is an error naming the
  variable, never a silent blank in an official document.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from sk_generator.document import Document
from sk_generator.sandbox import TemplateSandbox

#: The variables templates/sk/keputusan.docx may use: the SK context's keys
#: (render/context.py:keputusan_context, tested to match) and the logo the renderer adds.
KEPUTUSAN_FIELDS = frozenset(
    {
        "kop",
        "judul",
        "pertimbangan",
        "diktum",
        "ditetapkan",
        "ttd",
        "tembusan",
        "catatan_tte",
        "logo",
    }
)


def environment() -> SandboxedEnvironment:
    """A fresh :class:`~sk_generator.sandbox.TemplateSandbox` (see there for its limits)."""
    return TemplateSandbox()


def _default_template() -> Path:
    """templates/sk/keputusan.docx of the source checkout, else the copy a regular install
    puts in <prefix>/share/sk-generator/ (pyproject's data-files)."""
    relative = Path("templates") / "sk" / "keputusan.docx"
    checkout = Path(__file__).resolve().parents[1] / relative
    if checkout.is_file():
        return checkout
    return Path(sys.prefix) / "share" / "sk-generator" / relative


TEMPLATE = _default_template()


def template_path(document: Document) -> Path:
    """The SK template of `document`'s instansi: its own (`templat_keputusan`, relative to
    instansi.yaml, so staff can restyle a copy in Word) or the project's default."""
    own = document.instansi.templat_keputusan
    return document.instansi_folder / own if own else TEMPLATE


def missing_template_values(path: Path) -> list[str]:
    """Placeholders of the SK template at `path` that the SK context does not provide.

    Lets `check` reject an edited template (a misspelt placeholder) before a build
    fails on it; the rendering itself raises the same problem as TemplateError.
    """
    used = DocxTemplate(path).get_undeclared_template_variables(jinja_env=environment())
    return sorted(set(used) - KEPUTUSAN_FIELDS)
