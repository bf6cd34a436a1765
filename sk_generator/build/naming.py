"""Output names: each document's folder (and bundle) name, unique within a batch.

Names go through :func:`sk_generator.outputs.safe_name`: the "/" of a nomor never creates
folders, and two documents with the same name are told apart by their data file's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from sk_generator.load import Document
from sk_generator.model import Keputusan
from sk_generator.outputs import safe_name

_GENERIC = re.compile(
    r"^\s*(penetapan\s+)?(standar\s+operasional\s+prosedur|sop)(\s*\(sop\))?(\s+ap\b)?\s*",
    re.IGNORECASE,
)


def output_names(documents: Sequence[Document]) -> list[str]:
    """The folder (and bundle) name of each document, unique within the batch.

    `<nomor>_<short tentang>` (SOP: its nama). A second document with the same name gets
    its data file's name appended, then a number: names compare case-insensitively,
    since Windows and macOS folders do.
    """
    return unique_names([(base_name(d), Path(d.source.path).stem) for d in documents])


def unique_names(named: Sequence[tuple[str, str]]) -> list[str]:
    """:func:`output_names` from each document's (base name, data file stem)."""
    taken: set[str] = set()
    names = []
    for name, stem in named:
        if name.lower() in taken:
            name = f"{name}_{safe_name(stem, limit=40)}"
        candidate, number = name, 2
        while candidate.lower() in taken:
            candidate = f"{name}-{number}"
            number += 1
        taken.add(candidate.lower())
        names.append(candidate)
    return names


def base_name(document: Document) -> str:
    model = document.model
    about = model.tentang if isinstance(model, Keputusan) else model.nama
    return f"{safe_name(nomor_of(document) or 'tanpa-nomor', limit=60)}_{short_title(about)}"


def short_title(text: str, limit: int = 40) -> str:
    """The telling words of a title, cut at a word boundary: "Standar Operasional
    Prosedur Pengumpulan Data Kinerja pada ..." -> "Pengumpulan-Data-Kinerja-pada-Dinas"."""
    rest = _GENERIC.sub("", text, count=1)
    words = (rest if rest.strip() else text).split()
    kept: list[str] = []
    for word in words:
        if kept and len("-".join([*kept, word])) > limit:
            break
        kept.append(word)
    return safe_name(" ".join(kept), limit=limit)


def nomor_of(document: Document) -> str:
    return document.model.nomor or ""
