"""Incremental builds: a document whose inputs are unchanged is not built again.

Each document's bundle manifest records, besides the bundle (bundle/merge.py), what the
next build needs to decide whether the folder is current:

- ``input_fingerprint``: the fingerprint of the inputs it was made from (fingerprint.py);
- ``source``: its data file, relative to the output folder (to find the folders of a
  document whose data file was removed or renamed, see stale.py);
- ``files``: every file the build made in the folder, in folder order, with its size and
  SHA-256.

The manifest is the only place this is kept: no hidden file beside it, so deleting
`output/` (or one document's folder) is always safe; a folder without a matching
manifest is simply built again. A build without the bundle format writes no manifest:
it skips a document only when an earlier build's manifest vouches for the files asked
for, and otherwise builds it (its unchanged files are still not rewritten, report.py).

A document is skipped when its folder's manifest has the same fingerprint and source,
lists files of every format asked for, each still there with its recorded size, and
no part file it does not list lies beside them (one a later commit would drop). A listed
file modified after its manifest was written is checked against its SHA-256 (a copy of
the folder may reorder modification times; a hand edit makes it differ).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sk_generator.build.assemble import OutputFile, OutputSet
from sk_generator.build.fingerprint import Fingerprinter
from sk_generator.build.location import PART_FILE
from sk_generator.build.plan import Plan
from sk_generator.bundle import manifest_text
from sk_generator.load import Document

FINGERPRINT_KEY = "input_fingerprint"
SOURCE_KEY = "source"
FILES_KEY = "files"


@dataclass(frozen=True)
class Recorded:
    """What a document folder's manifest says about the build that made it."""

    folder: Path
    manifest: Path
    fingerprint: str
    source: str
    #: File name -> (bytes, sha256), in folder order (the manifest excluded).
    files: dict[str, tuple[int, str]]
    #: Pages of the bundle (blank duplex pages included), and of its parts.
    pages: int
    part_pages: int

    def names(self, formats: Collection[str]) -> list[str]:
        """The folder's files of `formats`, as a build of those formats lists them."""
        names = []
        for name in self.files:
            match = PART_FILE.match(name)
            if (match.group(2) if match else "bundle") in formats:
                names.append(name)
        return names + ([self.manifest.name] if "bundle" in formats else [])


@dataclass(frozen=True)
class Inputs:
    """What a document is made from, as the manifest records it."""

    fingerprint: str
    #: The data file (see :func:`source_label`).
    source: str


def with_record(outputs: OutputSet, inputs: Inputs | None) -> OutputSet:
    """`outputs` with this build's record in its manifest (see the module doc): added
    once the files are final (a signed document's come from its archive, frozen.py)."""
    if inputs is None or outputs.manifest is None:
        return outputs
    made = [(f.name, f.data) for f in outputs.files if f.name != outputs.manifest]
    files = []
    for file in outputs.files:
        if file.name == outputs.manifest:
            content = json.loads(file.data) | manifest_fields(inputs, made)
            file = OutputFile(file.name, manifest_text(content))
        files.append(file)
    return dataclasses.replace(outputs, files=files)


def manifest_fields(inputs: Inputs, files: Sequence[tuple[str, bytes]]) -> dict[str, Any]:
    """The manifest's record of this build (see the module doc)."""
    return {
        FINGERPRINT_KEY: inputs.fingerprint,
        SOURCE_KEY: inputs.source,
        FILES_KEY: {
            name: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in files
        },
    }


def source_label(source: Path, out_dir: Path) -> str:
    """A data file as the manifest records it: relative to the output folder, "/"
    separated (the same on every machine with the same layout); absolute where no
    relative path exists (another drive on Windows)."""
    try:
        return Path(os.path.relpath(source.resolve(), out_dir.resolve())).as_posix()
    except ValueError:
        return source.resolve().as_posix()


def read_recorded(folder: Path) -> Recorded | None:
    """The record in `folder`'s manifest; None without one (or one this tool did not
    write with a record: an older version, another program)."""
    manifest = folder / f"{folder.name}.manifest.json"
    try:
        data = json.loads(manifest.read_bytes())
        files = {
            str(name): (int(entry["bytes"]), str(entry["sha256"]))
            for name, entry in data[FILES_KEY].items()
        }
        return Recorded(
            folder,
            manifest,
            str(data[FINGERPRINT_KEY]),
            str(data[SOURCE_KEY]),
            files,
            int(data["page_count"]),
            sum(int(part["pages"]) for part in data["parts"]),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def up_to_date(recorded: Recorded | None, inputs: Inputs, formats: Collection[str]) -> bool:
    """Whether the folder of `recorded` holds the outputs asked for of these inputs."""
    if recorded is None or Inputs(recorded.fingerprint, recorded.source) != inputs:
        return False
    parts = [PART_FILE.match(name) for name in recorded.files]
    made = {match.group(2) for match in parts if match}
    if any(kind not in made for kind in ("docx", "pdf") if kind in formats):
        return False
    try:
        written = recorded.manifest.stat().st_mtime_ns
        with os.scandir(recorded.folder) as entries:
            names = [entry.name for entry in entries]
        if any(PART_FILE.match(name) and name not in recorded.files for name in names):
            return False  # a part of another build (a lampiran since removed)
        return all(_intact(recorded, name, written) for name in recorded.files)
    except OSError:
        return False


def _intact(recorded: Recorded, name: str, written: int) -> bool:
    size, sha256 = recorded.files[name]
    path = recorded.folder / name
    status = path.lstat()
    if not path.is_file() or path.is_symlink() or status.st_size != size:
        return False
    if status.st_mtime_ns <= written:
        return True
    return hashlib.sha256(path.read_bytes()).hexdigest() == sha256


def document_inputs(plan: Plan, *, duplex: bool, pdfa: bool) -> dict[str, Inputs]:
    """Each document's inputs by folder name."""
    fingerprinter = Fingerprinter({"duplex": duplex, "pdfa": pdfa})
    return {
        name: Inputs(
            fingerprinter.fingerprint(document), source_label(document.source.path, plan.out_dir)
        )
        for document, name in zip(plan.documents, plan.names, strict=True)
    }


def partition(
    plan: Plan, inputs: Mapping[str, Inputs], force: bool, build: Collection[Path] = ()
) -> tuple[list[tuple[Document, Recorded]], Plan]:
    """The documents whose folder is up to date (with its record), and the plan of the
    others; with `force` every document is built, and always those whose data file (as
    resolved) is in `build` (a signed document to archive, frozen.py)."""
    kept: list[tuple[Document, Recorded]] = []
    todo: list[tuple[Document, str]] = []
    for document, name in zip(plan.documents, plan.names, strict=True):
        skip = not force and name in inputs and document.source.path.resolve() not in build
        recorded = read_recorded(plan.out_dir / name) if skip else None
        if recorded is not None and up_to_date(recorded, inputs[name], plan.formats):
            kept.append((document, recorded))
        else:
            todo.append((document, name))
    rest = dataclasses.replace(plan, documents=[d for d, _ in todo], names=[n for _, n in todo])
    return kept, rest
