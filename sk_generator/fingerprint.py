"""Content fingerprints of a document's outputs, and what changed since the last build.

Every document folder in the output holds a hidden fingerprint file: the data file it
was built from, the SHA-256 of each output file and, for each PDF, a hash per page.
Outputs are reproducible (:mod:`sk_generator.stable`), so equal hashes mean equal
documents: a build compares the outputs it just made with the folder's fingerprint,
reports each document as baru, berubah (which files, which pages) or tetap, and leaves
an unchanged folder alone. Incremental builds reuse the same file and functions.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pypdf import PdfReader
from pypdf.errors import PdfReadError

#: The fingerprint file in each document folder (hidden: staff never need to open it).
FINGERPRINT_FILE = ".sk-generator.json"
Status = Literal["baru", "berubah", "tetap"]


@dataclass(frozen=True)
class Fingerprint:
    """What a document folder holds: `files` name -> SHA-256, `pages` PDF name -> one
    hash per page, and `source`, the data file it was built from."""

    source: str
    files: dict[str, str]
    pages: dict[str, list[str]] = field(default_factory=dict)

    def to_json(self) -> bytes:
        data = {"sumber": self.source, "berkas": self.files, "halaman": self.pages}
        return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()

    @classmethod
    def from_json(cls, data: bytes) -> Fingerprint | None:
        try:
            raw: Any = json.loads(data)
            return cls(str(raw["sumber"]), dict(raw["berkas"]), dict(raw.get("halaman", {})))
        except (ValueError, KeyError, TypeError):
            return None  # damaged or foreign: treated as no fingerprint


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def page_hashes(pdf: bytes) -> list[str]:
    """One hash per page: its content stream and the images it draws (a flowchart tile
    may change while the page's drawing commands do not)."""
    try:
        reader = PdfReader(io.BytesIO(pdf))
        hashes = []
        for page in reader.pages:
            digest = hashlib.sha256()
            contents = page.get_contents()
            digest.update(contents.get_data() if contents is not None else b"")
            resources = page.get("/Resources")
            xobjects = resources.get_object().get("/XObject") if resources is not None else None
            table: Any = xobjects.get_object() if xobjects is not None else {}
            for name in sorted(table):
                digest.update(name.encode())
                digest.update(table[name].get_object().get_data())
            hashes.append(digest.hexdigest())
        return hashes
    except (PdfReadError, ValueError, KeyError):
        return []


def fingerprint(source: str, files: Sequence[tuple[str, bytes]]) -> Fingerprint:
    """The fingerprint of a document's new outputs (`files`: name, bytes)."""
    return Fingerprint(
        source,
        {name: sha256(data) for name, data in files},
        {name: page_hashes(data) for name, data in files if name.endswith(".pdf")},
    )


def read_fingerprint(folder: Path) -> Fingerprint | None:
    """The fingerprint a document folder holds, or None (no folder, an older build)."""
    path = folder / FINGERPRINT_FILE
    try:
        return Fingerprint.from_json(path.read_bytes())
    except OSError:
        return None


@dataclass(frozen=True)
class Change:
    """A document compared with its previous build: `files` that differ (new, changed
    or no longer made) and, per changed PDF, the 1-based `pages` that differ."""

    status: Status
    files: tuple[str, ...] = ()
    pages: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def describe(self) -> str:
        """ "tetap", "baru", or "berubah: lampiran-1.pdf (halaman 3), ..."."""
        if self.status != "berubah":
            return self.status
        shown = []
        for name in self.files:
            pages = self.pages.get(name)
            shown.append(f"{name} (halaman {', '.join(map(str, pages))})" if pages else name)
        return "berubah: " + ", ".join(shown)


def compare(old: Fingerprint | None, new: Fingerprint, *, folder_exists: bool) -> Change:
    """`new` against the folder's previous fingerprint."""
    if old is None:
        return Change("berubah" if folder_exists else "baru", tuple(sorted(new.files)))
    names = sorted(set(old.files) | set(new.files))
    differ = tuple(n for n in names if old.files.get(n) != new.files.get(n))
    if not differ:
        return Change("tetap")
    pages = {}
    for name in differ:
        before, after = old.pages.get(name), new.pages.get(name)
        if before and after:
            count = max(len(before), len(after))
            pages[name] = tuple(
                i + 1
                for i in range(count)
                if i >= len(before) or i >= len(after) or before[i] != after[i]
            )
    return Change("berubah", differ, pages)
