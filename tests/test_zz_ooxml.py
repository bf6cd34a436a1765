"""Every DOCX we write opens in Word as it is: openxml-audit finds no schema error and
predicts no repair or rewrite by Word.

The module's name sorts last so that it runs after the rest of the suite and audits every
DOCX that the suite rendered in this process (collected by ``tests/conftest.py``); it also
renders the seeds and every fixture itself, so it audits them when run alone.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openxml_audit import OpenXmlValidator
from openxml_audit.verdict import AppPrediction, predict

from sk_generator.load import load
from sk_generator.render import render_document
from tests.conftest import DATA, RENDERED_DOCX, TESTDATA

#: Folders of data files whose documents the suite renders.
SOURCES = [
    DATA,
    TESTDATA / "render",
    TESTDATA / "sop",
    TESTDATA / "as_printed",
    TESTDATA / "model" / "ok",
]


def _render_sources() -> int:
    count = 0
    for folder in SOURCES:
        for document in load([folder]).documents:
            count += len(render_document(document))
    return count


def test_every_docx_opens_cleanly_in_word(tmp_path: Path) -> None:
    assert _render_sources() >= 10
    validator = OpenXmlValidator(max_errors=0)
    findings = []
    for digest, data in sorted(RENDERED_DOCX.items()):
        path = tmp_path / f"{digest}.docx"
        path.write_bytes(data)
        result = validator.validate(path)
        verdict = predict(result)
        errors = [str(e) for e in result.errors]
        if errors or verdict.prediction is not AppPrediction.OPENS_CLEAN:
            findings.append(f"{digest}: {verdict.headline}: {errors[:5]}")
    assert findings == []
    assert len(RENDERED_DOCX) >= 10


@pytest.mark.parametrize("broken", ["tblW", "rPr"])
def test_the_audit_catches_what_word_repairs(tmp_path: Path, broken: str) -> None:
    """The audit itself fails on the two faults this project once had."""
    (document,) = load([DATA / "sintang"]).documents
    parts = render_document(document)
    data = parts[0].docx if broken == "tblW" else parts[1].docx
    source = zipfile.ZipFile(io.BytesIO(data))
    xml = source.read("word/document.xml").decode()
    if broken == "tblW":
        xml = xml.replace("<w:tblW ", '<w:tblW w:w="0" w:type="auto"/><w:tblW ', 1)
    else:  # the paragraph mark's rPr after section properties (a section break)
        section = re.search(r"<w:sectPr.*?</w:sectPr>", xml)
        assert section is not None
        xml, count = re.subn(
            r"(<w:rPr><w:sz w:val=\"2\"/></w:rPr>)(</w:pPr>)",
            lambda found: section.group(0) + found.group(1) + found.group(2),
            xml,
            count=1,
        )
        assert count == 1
    out = tmp_path / "broken.docx"
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = xml.encode() if item.filename == "word/document.xml" else source.read(item)
            target.writestr(item, content)
    result = OpenXmlValidator(max_errors=0).validate(out)
    assert predict(result).prediction is not AppPrediction.OPENS_CLEAN
