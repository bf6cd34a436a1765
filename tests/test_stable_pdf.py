"""Reproducible PDF bytes: time stamps from the document, identifiers from the content."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from sk_generator.stable import stable_pdf

LO_TAIL = (
    b"/Producer<FEFF>\n/CreationDate(D:20261201211432Z')>>\nendobj\n"
    b"trailer\n<</Size 101/Root 99 0 R\n/Info 100 0 R\n"
    b"/ID [ <45D2B6D07EBA1B935A7CD3EF8B7325DA>\n<45D2B6D07EBA1B935A7CD3EF8B7325DA> ]\n"
    b"/DocChecksum /5D4F6F1B734E715C4B6AA15B9FF40BEC\n>>\nstartxref\n"
)
XMP = (
    b"<xmp:CreateDate>2026-12-01T21:14:32Z</xmp:CreateDate>"
    b"<xmpMM:DocumentID>uuid:0d6ff1a3-58c2-4a8d-9ba2-3a1f35f0c0a1</xmpMM:DocumentID>"
)


def test_time_stamps_come_from_the_document_date() -> None:
    out = stable_pdf(b"%PDF-1.6\n" + XMP + LO_TAIL, dt.date(2022, 9, 21))
    assert b"/CreationDate(D:20220921000000Z')" in out
    assert b"<xmp:CreateDate>2022-09-21T00:00:00Z</xmp:CreateDate>" in out
    assert b"2026" not in out


def test_identifiers_follow_the_content_and_keep_their_length() -> None:
    first = b"%PDF-1.6\n" + XMP + LO_TAIL
    # Another conversion of the same DOCX: other time, other random identifiers.
    second = first.replace(b"211432", b"221507").replace(b"45D2B6D0", b"9A0C11E4")
    second = second.replace(b"0d6ff1a3", b"77aa01be").replace(b"5D4F6F1B", b"00112233")
    day = dt.date(2022, 9, 21)
    assert stable_pdf(first, day) == stable_pdf(second, day)
    assert len(stable_pdf(first, day)) == len(first)
    changed = first.replace(b"%PDF-1.6\n", b"%PDF-1.6\n% another page\n")
    ids = re.compile(rb"/ID \[ <(\w+)>")
    assert ids.search(stable_pdf(changed, day)) != ids.search(stable_pdf(first, day))
    match = re.search(rb"uuid:([0-9a-f-]+)<", stable_pdf(first, day))
    assert match and [len(p) for p in match.group(1).split(b"-")] == [8, 4, 4, 4, 12]
    assert re.search(rb"/DocChecksum /[0-9A-F]{32}\n", stable_pdf(first, day))


@pytest.mark.soffice
def test_libreoffice_pdf_made_twice_is_identical(tmp_path: Path) -> None:
    from sk_generator.load import load
    from sk_generator.render import render_document
    from tests.conftest import DATA, docx_to_pdf

    (document,) = load([DATA / "kapuas-hulu" / "sop-pengumpulan-data-kinerja.yaml"]).documents
    (part,) = render_document(document)
    day = dt.date(2023, 1, 2)
    first = stable_pdf(docx_to_pdf(part.docx, tmp_path, "a").read_bytes(), day)
    second = stable_pdf(docx_to_pdf(part.docx, tmp_path, "b").read_bytes(), day)
    assert first == second
    assert len(PdfReader(io.BytesIO(first)).pages) == 3
