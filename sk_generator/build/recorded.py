"""What a document folder's manifest records of the build that made it.

Each document's bundle manifest records, besides the bundle (bundle/merge.py), what the
next build needs to decide whether the folder is current (incremental.py) and whether the
document need be loaded at all (reuse.py):

- ``input_fingerprint``: the fingerprint of the inputs it was made from (fingerprint.py);
- ``source``: its data file, relative to the output folder (to find the folders of a
  document whose data file was removed or renamed, see stale.py);
- ``files``: every file the build made in the folder, in folder order, with its size and
  SHA-256;
- ``check``: what checking the document found, with the key of the inputs checked
  (reuse.py).

The manifest is the only place this is kept: no hidden file beside it, so deleting
`output/` (or one document's folder) is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sk_generator.build.location import PART_FILE

FINGERPRINT_KEY = "input_fingerprint"
SOURCE_KEY = "source"
FILES_KEY = "files"
CHECK_KEY = "check"


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
    #: The ``check`` section (reuse.py); None without one.
    check: dict[str, Any] | None = None

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
    #: The ``check`` section to record (reuse.py): not part of what is compared.
    check: dict[str, Any] | None = field(default=None, compare=False)


def manifest_fields(inputs: Inputs, files: Sequence[tuple[str, bytes]]) -> dict[str, Any]:
    """The manifest's record of this build (see the module doc)."""
    fields: dict[str, Any] = {
        FINGERPRINT_KEY: inputs.fingerprint,
        SOURCE_KEY: inputs.source,
        FILES_KEY: {
            name: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in files
        },
    }
    if inputs.check is not None:
        fields[CHECK_KEY] = inputs.check
    return fields


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
            data.get(CHECK_KEY) if isinstance(data.get(CHECK_KEY), dict) else None,
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def recorded_folders(out_dir: Path, *, skip: Collection[str] = ()) -> Iterator[Recorded]:
    """The document folders of `out_dir` with a manifest this tool wrote (by name; not
    those named in `skip`, hidden ones or links)."""
    with os.scandir(out_dir) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        if entry.name.startswith(".") or entry.name in skip:
            continue
        if entry.is_symlink() or not entry.is_dir():
            continue
        recorded = read_recorded(Path(entry.path))
        if recorded is not None:
            yield recorded


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
