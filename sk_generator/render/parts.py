"""Render a document into its DOCX parts: the SK, its lampiran, or a standalone SOP.

This is the contract between rendering and building (PDF, bundle): `render_document`
returns one :class:`RenderedPart` per printed document, in print order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sk_generator.document import Document
from sk_generator.render.keputusan import render_keputusan
from sk_generator.render.sop import render_sop
from sk_generator.wording.bilangan import romawi

Role = Literal["keputusan", "lampiran", "sop"]


@dataclass(frozen=True)
class RenderedPart:
    role: Role
    #: Bookmark text in the bundle: "Keputusan", "Lampiran I: SOP Pengumpulan Data Kinerja".
    label: str
    #: File-name suffix: "keputusan", "lampiran-1", "sop".
    suffix: str
    docx: bytes
    #: Pages the layout predicts (SOP pagination), or None where Word/LibreOffice decides.
    expected_pages: int | None
    landscape: bool
    #: "F4", "A4", "Legal", "Letter" or a custom "210 x 330 mm" (sk_generator.model.kertas).
    paper: str


def render_document(document: Document) -> list[RenderedPart]:
    """The SK followed by each lampiran, or the standalone SOP."""
    paper = document.kertas()
    parts: list[RenderedPart] = []
    if document.is_keputusan:
        parts.append(
            RenderedPart(
                "keputusan",
                "Keputusan",
                "keputusan",
                render_keputusan(document),
                None,
                False,
                paper,
            )
        )
        entries = document.sops()
        for entry in entries:
            docx, pages = render_sop(document, entry)
            number = romawi(entry.index + 1)
            label = (
                f"Lampiran {number}: SOP {entry.sop.nama}"
                if len(entries) > 1
                else (f"Lampiran: SOP {entry.sop.nama}")
            )
            parts.append(
                RenderedPart(
                    "lampiran",
                    label,
                    f"lampiran-{entry.index + 1}",
                    docx,
                    pages,
                    True,
                    document.kertas(entry.sop),
                )
            )
    else:
        (entry,) = document.sops()
        docx, pages = render_sop(document, entry)
        parts.append(
            RenderedPart(
                "sop", f"SOP {entry.sop.nama}", "sop", docx, pages, True, document.kertas(entry.sop)
            )
        )
    return parts
