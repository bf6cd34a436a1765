"""templates/sk/keputusan.docx is what templates/sk/make_template.py produces.

Compared part by part on word/*.xml (document, styles, headers, footers, ...), never on
zip bytes: zip entries carry timestamps. After changing the script run
`python templates/sk/make_template.py` and commit both.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "templates" / "sk" / "make_template.py"
TEMPLATE = ROOT / "templates" / "sk" / "keputusan.docx"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_sk_template", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _word_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        }


def test_committed_template_equals_script_output() -> None:
    produced = _word_parts(_script().build())
    committed = _word_parts(TEMPLATE.read_bytes())
    assert sorted(committed) == sorted(produced)
    for name in ("word/document.xml", "word/styles.xml"):
        assert name in committed
    for name, xml in produced.items():
        assert committed[name] == xml, f"{name} differs; run `python templates/sk/make_template.py`"


def test_template_is_placeholders_and_simple_loops() -> None:
    """No filters, calls or arithmetic in the template: formatting happens in Python."""
    xml = "".join(_word_parts(TEMPLATE.read_bytes()).values())
    for forbidden in ("|", "(", "+", "~", "{%p set", "{% set", "macro"):
        for tag in _tags(xml):
            assert forbidden not in tag, tag


def _tags(xml: str) -> list[str]:
    tags = []
    for opening, closing in (("{{", "}}"), ("{%", "%}")):
        start = xml.find(opening)
        while start != -1:
            end = xml.index(closing, start)
            tags.append(xml[start : end + 2])
            start = xml.find(opening, end)
    return tags
