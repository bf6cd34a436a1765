"""Write a python-docx document to DOCX bytes, compressing each distinct part once.

`Document.save` deflates every part of the package on every save. For our documents
most of the bytes are parts that never change between documents of a batch: the
template's styles (about 350 KB of XML, the same for every document of one instansi),
`stylesWithEffects.xml` (440 KB), the theme, and the flowchart tiles. Here the package
is written with the same parts, relationships and content types as `Document.save`
(python-docx's own `PackageWriter` steps), into a ZIP written by hand so that a part's
compressed form can be reused: it is kept per content (size, CRC-32, then the bytes
compared) for the process. Pictures are stored without compression (PNG and JPEG are
compressed already). Entries carry a fixed timestamp, so equal documents give equal
bytes.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections import OrderedDict
from typing import Any, cast

from docx.document import Document as DocxDocument
from docx.opc.pkgwriter import PackageWriter

#: Parts kept in compressed form (a batch needs a dozen: styles, theme, settings, ...).
CACHE_SIZE = 256
#: Smallest part worth keeping (small parts compress in microseconds).
CACHE_MIN = 2048
_STORED_SUFFIXES = (".png", ".jpeg", ".jpg", ".gif")
#: 1980-01-01 00:00, the earliest ZIP date.
_DATE = (0 << 9) | (1 << 5) | 1
_TIME = 0

#: The steps of `PackageWriter.write` (python-docx 1.x), called here with our writer.
_WRITER_STEPS = ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")

_compressed: OrderedDict[tuple[int, int], tuple[bytes, bytes]] = OrderedDict()


def docx_bytes(doc: DocxDocument) -> bytes:
    """The DOCX package of `doc`, as `doc.save` would write it (same parts, order and
    relationships)."""
    if not all(hasattr(PackageWriter, name) for name in _WRITER_STEPS):
        out = io.BytesIO()  # another python-docx: its own writer
        doc.save(out)
        return out.getvalue()
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    writer = _ZipWriter()
    PackageWriter._write_content_types_stream(writer, package.parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    # _ZipWriter provides the one method PackageWriter calls (write(pack_uri, blob)).
    PackageWriter._write_parts(cast(Any, writer), package.parts)
    return writer.close()


def clear_cache() -> None:
    _compressed.clear()


def _deflate(blob: bytes, crc: int) -> bytes:
    if len(blob) < CACHE_MIN:
        return _raw_deflate(blob)
    key = (len(blob), crc)
    found = _compressed.get(key)
    if found is not None and found[0] == blob:
        _compressed.move_to_end(key)
        return found[1]
    data = _raw_deflate(blob)
    _compressed[key] = (blob, data)
    if len(_compressed) > CACHE_SIZE:
        _compressed.popitem(last=False)
    return data


def _raw_deflate(blob: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(blob) + compressor.flush()


class _ZipWriter:
    """The `write(pack_uri, blob)` / `close()` side of python-docx's PhysPkgWriter."""

    def __init__(self) -> None:
        self._out = io.BytesIO()
        self._central: list[bytes] = []

    def write(self, pack_uri, blob: bytes) -> None:
        name = pack_uri.membername.encode("utf-8")
        crc = zlib.crc32(blob)
        if name.lower().endswith(tuple(s.encode() for s in _STORED_SUFFIXES)):
            method, data = 0, blob
        else:
            method, data = 8, _deflate(blob, crc)
        offset = self._out.tell()
        self._out.write(
            struct.pack(
                "<4sHHHHHLLLHH",
                b"PK\x03\x04",
                20,
                0,
                method,
                _TIME,
                _DATE,
                crc,
                len(data),
                len(blob),
                len(name),
                0,
            )
        )
        self._out.write(name)
        self._out.write(data)
        self._central.append(
            struct.pack(
                "<4sHHHHHHLLLHHHHHLL",
                b"PK\x01\x02",
                20,
                20,
                0,
                method,
                _TIME,
                _DATE,
                crc,
                len(data),
                len(blob),
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )

    def close(self) -> bytes:
        start = self._out.tell()
        for entry in self._central:
            self._out.write(entry)
        size = self._out.tell() - start
        count = len(self._central)
        self._out.write(
            struct.pack("<4sHHHHLLH", b"PK\x05\x06", 0, 0, count, count, size, start, 0)
        )
        return self._out.getvalue()


__all__ = ["clear_cache", "docx_bytes"]
