"""Merging the parts into one PDF, and writing it with its manifest."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle
from pypdf.generic import NameObject, NumberObject

from sk_generator.bundle.model import BundleInfo, BundlePart, PageInfo, PartInfo, page_size
from sk_generator.bundle.pdfa import require_pdfa
from sk_generator.bundle.xmp import set_metadata
from sk_generator.outputs import write_atomic
from sk_generator.stable import stable_pdf
from sk_generator.version import __version__


@dataclass(frozen=True)
class Bundle:
    data: bytes
    info: BundleInfo
    parts: list[PartInfo]
    pages: list[PageInfo]
    duplex: bool
    pdfa: bool

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def manifest(self, file_name: str) -> dict[str, Any]:
        """The manifest written beside the bundle (JSON-ready)."""
        return {
            "bundle": file_name,
            "sha256": self.sha256,
            "bytes": len(self.data),
            "page_count": len(self.pages),
            "title": self.info.title,
            "author": self.info.author,
            "subject": self.info.subject,
            "keywords": list(self.info.keywords),
            "duplex": self.duplex,
            "pdfa": "PDF/A-2b" if self.pdfa else None,
            "generator": f"sk-generator {__version__}",
            "parts": [
                {
                    "label": part.label,
                    "role": part.role,
                    "file": part.file,
                    "first_page": part.first_page,
                    "pages": part.pages,
                    "blank_pages_before": part.blank_before,
                }
                for part in self.parts
            ],
            "pages": [page.as_json() for page in self.pages],
        }


def merge(
    parts: Sequence[BundlePart],
    info: BundleInfo,
    *,
    duplex: bool = False,
    pdfa: bool = False,
    created: dt.datetime | None = None,
) -> Bundle:
    """Merge `parts` in order into one PDF with outline, metadata and page labels.

    `duplex` inserts a blank page (the size and orientation of the page before it) where a
    part would start on a left-hand page. `pdfa` requires every part to be PDF/A-2b
    already (:func:`sk_generator.pdf.convert` with ``pdfa=True``) and keeps the merge
    PDF/A-2b as far as pypdf allows (see the module docstring).
    """
    if not parts:
        raise ValueError("a bundle needs at least one part")
    readers = [PdfReader(io.BytesIO(part.pdf)) for part in parts]
    if pdfa:
        require_pdfa(parts, readers)
    writer = PdfWriter()
    infos: list[PartInfo] = []
    pages: list[tuple[int | None, float, float]] = []  # (part, width, height)
    starts: list[int] = []
    for index, (part, reader) in enumerate(zip(parts, readers, strict=True)):
        blank = 0
        if duplex and len(writer.pages) % 2 == 1:
            _add_blank_like(writer, writer.pages[-1])
            pages.append((None, *page_size(writer.pages[-1])))
            blank = 1
        start = len(writer.pages)
        starts.append(start)
        writer.append(reader, import_outline=False)
        for page in writer.pages[start:]:
            pages.append((index, *page_size(page)))
        infos.append(
            PartInfo(part.label, part.role, part.file, start + 1, len(reader.pages), blank)
        )
        writer.add_outline_item(title=part.label, page_number=start)
    labels = _page_labels(writer, parts, starts)
    writer.page_mode = "/UseOutlines"
    created = (created or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    set_metadata(writer, info, created, pdfa)
    if pdfa:
        intents = readers[0].root_object.get("/OutputIntents")
        if intents is not None:
            writer.root_object[NameObject("/OutputIntents")] = intents.clone(writer)
        versions = [reader.pdf_header for reader in readers]
        writer.pdf_header = max(versions)
    writer.generate_file_identifiers()
    buffer = io.BytesIO()
    writer.write(buffer)
    page_infos = [
        PageInfo(number, labels[number - 1], part, width, height)
        for number, (part, width, height) in enumerate(pages, start=1)
    ]
    # Same parts and date: same bytes (time stamps and identifiers made stable).
    data = stable_pdf(buffer.getvalue(), created.date())
    return Bundle(data, info, infos, page_infos, duplex, pdfa)


def write_bundle(bundle: Bundle, target: Path) -> Path:
    """Write the bundle, then its manifest `<name>.manifest.json`; returns the manifest path.

    The manifest comes last: a manifest whose hash matches the PDF beside it means both
    were written completely.
    """
    write_atomic(target, bundle.data)
    manifest_path = manifest_path_for(target)
    write_atomic(manifest_path, manifest_json(bundle, target.name))
    return manifest_path


def manifest_json(bundle: Bundle, file_name: str) -> bytes:
    """The manifest of `bundle` saved as `file_name`, as UTF-8 JSON text."""
    return manifest_text(bundle.manifest(file_name))


def manifest_text(content: dict[str, Any]) -> bytes:
    """A manifest's content as the file holds it (also for fields added later, such as
    the build's record in sk_generator.build.incremental)."""
    text = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")


def manifest_path_for(bundle_path: Path) -> Path:
    return bundle_path.with_name(bundle_path.stem + ".manifest.json")


def _add_blank_like(writer: PdfWriter, previous: Any) -> None:
    blank = writer.add_blank_page(float(previous.mediabox.width), float(previous.mediabox.height))
    blank.mediabox = previous.mediabox
    rotate = int(previous.get("/Rotate", 0) or 0)
    if rotate:
        blank[NameObject("/Rotate")] = NumberObject(rotate)


def _page_labels(writer: PdfWriter, parts: Sequence[BundlePart], starts: list[int]) -> list[str]:
    """Number each part from 1 (with its prefix); a blank page continues the part before."""
    total = len(writer.pages)
    labels: list[str] = []
    for index, part in enumerate(parts):
        start = starts[index]
        end = (starts[index + 1] if index + 1 < len(parts) else total) - 1
        writer.set_page_label(start, end, PageLabelStyle.DECIMAL, part.page_prefix or None, 1)
        labels += [f"{part.page_prefix}{n}" for n in range(1, end - start + 2)]
    return labels
