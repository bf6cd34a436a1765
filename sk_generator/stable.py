"""Reproducible PDF bytes: the same document gives the same file, build after build.

LibreOffice stamps every PDF with the time of conversion (/CreationDate, and the XMP
dates of a PDF/A file), a fresh file identifier (/ID), a checksum of that (/DocChecksum)
and, in XMP, random document and instance UUIDs; pypdf gives a merged bundle a random
/ID. Everything else is a function of the DOCX. Here each of those values is replaced
by one derived from the document: dates from the document's own date (an SK's tanggal,
an SOP's tanggal efektif), identifiers from a hash of the rest of the file. Every
replacement has the length of what it replaces, so the cross-reference table's byte
offsets stay valid and the file needs no rewriting.

The time-zone suffix of a date is kept as LibreOffice wrote it: it has another length
in every zone ("Z'" or "+07'00'"), so it cannot be replaced in place. LibreOffice
therefore runs with TZ=UTC (pdf/soffice.py) and always writes "Z".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

_PDF_DATE = re.compile(rb"D:\d{14}")
_XMP_DATE = re.compile(rb"(?<=>)\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?=[^<]*</(?:xmp|pdf):)")
_UUID = re.compile(
    rb"uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


def stable_pdf(data: bytes, when: dt.date) -> bytes:
    """`data` with its time stamps set to `when` (00:00:00) and its identifiers derived
    from its content."""
    stamp = when.strftime("%Y%m%d000000").encode()
    data = _PDF_DATE.sub(b"D:" + stamp, data)
    data = _XMP_DATE.sub(when.strftime("%Y-%m-%dT00:00:00").encode(), data)
    # Identifiers hash the file with every identifier blanked, so they depend on the
    # content only (and two equal documents get equal identifiers).
    blank = _UUID.sub(b"uuid:", _ID.sub(b"/ID[]", _CHECKSUM.sub(b"/DocChecksum/", data)))
    digest = hashlib.sha256(blank).hexdigest()
    data = _UUID.sub(lambda m: _uuid_like(m.group(0), digest), data)
    data = _ID.sub(lambda m: _same_shape(m.group(0), digest), data)
    return _CHECKSUM.sub(lambda m: _same_shape(m.group(0), digest), data)


def _uuid_like(found: bytes, digest: str) -> bytes:
    """uuid:xxxxxxxx-... with the digest's hex digits in place of the random ones; two
    UUIDs of one file (document, instance) stay equal to each other's kind by position
    in the digest, which is what a reader needs: stable, well-formed values."""
    hex_digits = iter(digest * 2)
    return b"uuid:" + bytes(
        ord("-") if char == ord("-") else ord(next(hex_digits)) for char in found[5:]
    )


_HEX_RUN = re.compile(rb"(?<=<)[0-9A-Fa-f]+(?=>)|(?<=/)[0-9A-Fa-f]{16,}")


def _same_shape(found: bytes, digest: str) -> bytes:
    """Every hex run of `found` (inside <...>, or a name) replaced by digest digits of
    the same length and letter case."""

    def replace(match: re.Match[bytes]) -> bytes:
        run = match.group(0)
        digits = (digest * 4)[: len(run)]
        return (digits.upper() if run.upper() == run else digits).encode()

    return _HEX_RUN.sub(replace, found)


def document_moment(when: dt.date) -> dt.datetime:
    """The time stamp of a document's outputs: its date at midnight UTC."""
    return dt.datetime(when.year, when.month, when.day, tzinfo=dt.UTC)
