"""Input fingerprints: one SHA-256 over everything a document's outputs depend on.

A document's outputs are a function of its inputs: its data file, the shared records it
resolves (its instansi, the pejabat who sign it, every regulation it cites and the
catalog entries that amend or revoke those), the instansi's logo and SK template, the
tool itself (every file of the package, and the default SK template), the fonts
LibreOffice can see, and the build options that change the files (duplex, PDF/A). Equal
fingerprints mean equal outputs, so an incremental build (incremental.py) leaves a
document alone when its folder's manifest records the same fingerprint.

The formats built are not part of it: the manifest lists the files made, and a build
asking for a format the folder lacks builds the document again.

Cost: each shared record, logo and template is serialised or hashed once per build (a
:class:`Fingerprinter` caches them), the package and the font list once per process and
once per build; so fingerprinting N documents is linear in N and in the size of their
own data files.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sk_generator.load import Document
from sk_generator.model import Keputusan
from sk_generator.templates import TEMPLATE, template_path
from sk_generator.version import __version__

#: Changes when the recipe below changes, so old manifests never match by accident.
_RECIPE = "sk-generator input fingerprint 1"


class Fingerprinter:
    """Fingerprints the documents of one build; `options` are the build options that
    change the outputs (e.g. ``{"duplex": True, "pdfa": False}``)."""

    def __init__(self, options: dict[str, bool]) -> None:
        self._common = common_inputs(options)
        self._records: dict[tuple[str, str], bytes] = {}
        self._files: dict[Path, bytes] = {}

    def fingerprint(self, document: Document) -> str:
        digest = hashlib.sha256()
        for item in self._common:
            add(digest, item.encode())
        add(digest, document.source.text.encode())
        for kind, record_id in sorted(resolved_records(document)):
            add(digest, f"{kind}:{record_id}".encode())
            add(digest, self._record(document, kind, record_id))
        if document.has_logo and document.instansi.logo:
            add(digest, self._file(document.instansi_folder / document.instansi.logo))
        if document.is_keputusan:
            add(digest, self._file(template_path(document)))
        return digest.hexdigest()

    def _record(self, document: Document, kind: str, record_id: str) -> bytes:
        """The record as validated (comments and layout of its file do not count)."""
        key = (kind, record_id)
        if key not in self._records:
            table: dict[str, Any] = getattr(document.records, kind)
            record = table.get(record_id)
            value = record.value.model_dump_json() if record is not None else "-"
            self._records[key] = value.encode()
        return self._records[key]

    def _file(self, path: Path) -> bytes:
        """A file's digest (a logo, a template); "-" when it cannot be read."""
        if path not in self._files:
            try:
                self._files[path] = hashlib.sha256(path.read_bytes()).hexdigest().encode()
            except OSError:
                self._files[path] = b"-"
        return self._files[path]


def common_inputs(options: dict[str, bool]) -> tuple[str, ...]:
    """What every document of a build shares: the recipe, the tool, the fonts and the
    build options that change the files."""
    settings = ",".join(f"{key}={value}" for key, value in sorted(options.items()))
    return (_RECIPE, __version__, tool_digest(), fonts_digest(), settings)


def resolved_records(document: Document) -> set[tuple[str, str]]:
    """(kind, id) of every shared record `document` resolves (see module doc)."""
    model = document.model
    found = {("instansi", document.instansi_id)}
    if isinstance(model, Keputusan):
        found.add(("pejabat", model.penandatangan))
    for entry in document.sops():
        if entry.sop.instansi:
            found.add(("instansi", entry.sop.instansi))
        if entry.sop.disahkan_oleh:
            found.add(("pejabat", entry.sop.disahkan_oleh))
    cited = [c.item for c in document.citation_items() if isinstance(c.item, str)]
    found.update(("regulasi", regulation) for regulation in _with_links(document, cited))
    return found


def _with_links(document: Document, cited: list[str]) -> Iterator[str]:
    """`cited` and, transitively, the catalog entries they name (amendments, revocation)."""
    catalog = document.records.regulasi
    seen: set[str] = set()
    pending = list(cited)
    while pending:
        regulation = pending.pop()
        if regulation in seen:
            continue
        seen.add(regulation)
        yield regulation
        record = catalog.get(regulation)
        if record is not None:
            pending += record.value.diubah_dengan
            if record.value.dicabut_oleh:
                pending.append(record.value.dicabut_oleh)


def add(digest: Any, data: bytes) -> None:
    """Length-prefixed, so that two inputs can never run into each other."""
    digest.update(len(data).to_bytes(8, "big"))
    digest.update(data)


@functools.cache
def tool_digest() -> str:
    """Every file of the package (code, templates, schemas) and the default SK template:
    a changed renderer rebuilds everything, even while the version number stays."""
    root = Path(__file__).resolve().parents[1]  # the sk_generator package
    digest = hashlib.sha256()
    files = [p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in sorted(files):
        add(digest, path.relative_to(root).as_posix().encode())
        add(digest, path.read_bytes())
    add(digest, TEMPLATE.read_bytes() if TEMPLATE.is_file() else b"-")
    return digest.hexdigest()


def fonts_digest() -> str:
    """The fonts fontconfig offers LibreOffice (file, family, version): a font installed
    or updated changes line breaks, so every PDF is made again. One `fc-list` call
    (a few milliseconds) per build."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return "no fc-list"
    try:
        listed = subprocess.run(
            [fc_list, "--format", "%{file}|%{family}|%{fontversion}\n"],
            capture_output=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return "fc-list failed"
    return hashlib.sha256(b"\n".join(sorted(listed.splitlines()))).hexdigest()
