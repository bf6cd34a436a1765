"""The bundle step: one document's complete set of output files, in memory.

Everything a document's folder will hold is made here before any of it is written: the
DOCX and PDF of each part and the merged print bundle with its manifest. A failure
while merging therefore never leaves a folder half-updated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sk_generator.build.metadata import info_of, page_prefixes
from sk_generator.build.rendering import StagedPart
from sk_generator.bundle import BundlePart, manifest_json, manifest_path_for, merge
from sk_generator.load import Document
from sk_generator.model import Keputusan
from sk_generator.stable import document_moment, stable_pdf


@dataclass(frozen=True)
class OutputFile:
    name: str
    data: bytes


@dataclass
class OutputSet:
    """A document's new outputs: `files` in folder order, and what they hold."""

    folder: str
    #: The formats built (the commit replaces only files of these formats).
    formats: frozenset[str]
    files: list[OutputFile] = field(default_factory=list)
    #: Pages of the bundle (blank duplex pages included), else of the part PDFs; 0 for
    #: a DOCX-only build.
    pages: int = 0
    bundle: str | None = None
    manifest: str | None = None


def assemble(
    document: Document,
    name: str,
    parts: Sequence[StagedPart],
    pdf_pages: Mapping[Path, int],
    formats: frozenset[str],
    *,
    duplex: bool,
    pdfa: bool,
) -> OutputSet:
    """The files of one document named `name`; `pdf_pages` has each converted part's
    page count, keyed by its PDF beside the staged DOCX."""
    outputs = OutputSet(name, formats)
    pdf_paths = [part.docx.with_suffix(".pdf") for part in parts]
    # LibreOffice stamps the conversion time and random identifiers: made stable, so
    # the same data gives the same bytes (and the fingerprint means the content).
    day = document_date(document)
    wanted = formats & {"pdf", "bundle"}
    pdfs = [stable_pdf(path.read_bytes(), day) for path in pdf_paths] if wanted else []
    if "docx" in formats:
        outputs.files += [OutputFile(f"{p.suffix}.docx", p.docx.read_bytes()) for p in parts]
    if "pdf" in formats:
        outputs.files += [
            OutputFile(f"{part.suffix}.pdf", pdf) for part, pdf in zip(parts, pdfs, strict=True)
        ]
        outputs.pages = sum(pdf_pages[path] for path in pdf_paths)
    if "bundle" in formats:
        prefixes = page_prefixes([part.role for part in parts])
        bundle_parts = [
            BundlePart(
                part.label,
                pdf,
                part.role,
                f"{part.suffix}.pdf" if "pdf" in formats else None,
                prefix,
            )
            for part, pdf, prefix in zip(parts, pdfs, prefixes, strict=True)
        ]
        moment = document_moment(day)
        bundle = merge(bundle_parts, info_of(document), duplex=duplex, pdfa=pdfa, created=moment)
        outputs.bundle = f"{name}.pdf"
        outputs.manifest = manifest_path_for(Path(outputs.bundle)).name
        outputs.files.append(OutputFile(outputs.bundle, bundle.data))
        outputs.files.append(OutputFile(outputs.manifest, manifest_json(bundle, outputs.bundle)))
        outputs.pages = len(bundle.pages)
    return outputs


def document_date(document: Document) -> dt.date:
    """The date every output of `document` carries: the SK's tanggal, the SOP's tanggal
    efektif (the day it was signed)."""
    model = document.model
    day = model.tanggal if isinstance(model, Keputusan) else model.tanggal_efektif
    assert day is not None  # load() refuses a standalone SOP without it
    return day
