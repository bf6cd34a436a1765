"""Reusing an earlier check: a document whose inputs are unchanged is not even loaded.

On a no-op rebuild of a kabupaten's catalogue, parsing and checking a thousand data files
(YAML parsing above all) would cost far more than deciding that their folders are
current. So each document's manifest also keeps (under ``check``, recorded.py) what
checking it found (:class:`~sk_generator.checks.Known`), what its output name and report
line are made of, and a *check key*: one SHA-256 over every input its load and checks
read:

- the data file's bytes, and its name as its issues print it (relative to the working
  folder);
- the bytes of each record file the loader reads for it (instansi.yaml, pejabat.yaml and
  regulasi.yaml of its folder and of the folders above, up to the data root);
- the other files its checks and outputs read (the instansi's logo, its SK template),
  listed beside the key so that the next build can hash them before loading anything;
- the tool, the fonts and the build options (fingerprint.py), and today's date (some
  checks compare dates with today).

A later build that computes the same key, and finds the folder intact (recorded.py),
hands the check those findings instead of loading the file (the report is the same) and
keeps the folder. Anything else loads the document as before: a changed byte, `--semua`,
a signed document (frozen.py compares it with its archive), a folder name that would now
differ. The key is coarser than the input fingerprint: an edited record loads every
document beside it, and the fingerprint then decides which are built again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sk_generator.build.arsip import ditetapkan
from sk_generator.build.fingerprint import add, common_inputs, resolved_records
from sk_generator.build.metadata import title_of
from sk_generator.build.naming import base_name, nomor_of
from sk_generator.build.recorded import Inputs, Recorded, recorded_folders, up_to_date
from sk_generator.checks import Known
from sk_generator.diagnostics import display_path
from sk_generator.load import RECORD_FILES, Document, record_paths
from sk_generator.templates import template_path

#: Changes when the recipe above changes, so old keys never match by accident.
_RECIPE = "sk-generator check key 1"


class CheckKeys:
    """The check keys of one build's data files; `options` as for the fingerprint."""

    def __init__(self, options: dict[str, bool]) -> None:
        self._common = (_RECIPE, *common_inputs(options), today())
        self._digests: dict[Path, bytes] = {}
        self._prefixes: dict[Path, bytes] = {}
        self._folders: dict[Path, bytes] = {}

    def prefix(self, path: Path) -> bytes:
        """The key's part that is known before loading (all but the other files); read
        once per build, before the document is loaded (see :meth:`key`)."""
        path = path.resolve()
        if path not in self._prefixes:
            digest = hashlib.sha256()
            for item in self._common:
                add(digest, item.encode())
            add(digest, display_path(path).encode())
            add(digest, self._digest(path))
            add(digest, self._records(path.parent))
            self._prefixes[path] = digest.digest()
        return self._prefixes[path]

    def _records(self, folder: Path) -> bytes:
        """The record files a document in `folder` reads: their names and digests, once
        per folder."""
        if folder not in self._folders:
            digest = hashlib.sha256()
            for record in record_paths(folder):
                add(digest, str(record).encode())
                add(digest, self._digest(record))
            self._folders[folder] = digest.digest()
        return self._folders[folder]

    def key(self, path: Path, others: Iterable[str]) -> str:
        """The check key of the data file `path` with the other files `others`."""
        digest = hashlib.sha256(self.prefix(path))
        for other in others:
            add(digest, other.encode())
            add(digest, self._digest(Path(other)))
        return digest.hexdigest()

    def _digest(self, path: Path) -> bytes:
        """A file's SHA-256; "-" when it cannot be read (a missing logo is an input too)."""
        if path not in self._digests:
            try:
                self._digests[path] = hashlib.sha256(path.read_bytes()).digest()
            except OSError:
                self._digests[path] = b"-"
        return self._digests[path]


def today() -> str:
    """Today's date, as part of every key (a function, so that tests can move it)."""
    return dt.date.today().isoformat()


@dataclass(frozen=True)
class Reused:
    """A document not loaded again, described by its folder's manifest."""

    #: The data file (resolved).
    path: Path
    recorded: Recorded
    known: Known
    #: What its output name is made of (naming.py), its nomor and PDF title.
    base: str
    nomor: str
    title: str

    @property
    def source_name(self) -> str:
        return display_path(self.path)


def other_files(document: Document) -> list[str]:
    """The files besides data and records that `document`'s checks and outputs read."""
    found: set[Path] = set()
    for kind, record_id in resolved_records(document):
        record = document.records.instansi.get(record_id) if kind == "instansi" else None
        if record is not None:
            folder = record.source.path.parent
            for name in (record.value.logo, record.value.templat_keputusan):
                if name:
                    found.add(folder / name)
    if document.is_keputusan:
        found.add(template_path(document))
    return sorted(os.path.abspath(path) for path in found)


def check_record(document: Document, known: Known, keys: CheckKeys) -> dict[str, Any] | None:
    """The manifest's ``check`` section for `document`; None for a signed document,
    which is always loaded (see the module doc)."""
    if ditetapkan(document):
        return None
    others = other_files(document)
    return {
        "key": keys.key(document.source.path, others),
        "other_files": others,
        "base_name": base_name(document),
        "nomor": nomor_of(document),
        "title": title_of(document),
        **known.to_json(),
    }


def find_reusable(
    files: Iterable[Path], out_dir: Path, keys: CheckKeys, formats: Collection[str]
) -> dict[Path, Reused]:
    """The data files among `files` whose check can be reused, with their manifests."""
    by_source = _recorded_by_source(out_dir)
    found: dict[Path, Reused] = {}
    for path in files:
        if path.name in RECORD_FILES:
            continue
        path = path.resolve()
        recorded = by_source.get(path)
        reused = _reused(path, recorded, keys, formats) if recorded else None
        if reused is not None:
            found[reused.path] = reused
    return found


def _reused(
    path: Path, recorded: Recorded, keys: CheckKeys, formats: Collection[str]
) -> Reused | None:
    check = recorded.check
    try:
        if check is None or keys.key(path, check["other_files"]) != check["key"]:
            return None
        if not up_to_date(recorded, Inputs(recorded.fingerprint, recorded.source), formats):
            return None
        known = Known.from_json(check)
        base, nomor, title = str(check["base_name"]), str(check["nomor"]), str(check["title"])
    except (KeyError, ValueError, TypeError, AttributeError):
        return None  # a manifest edited by hand, or of another version: load the file
    return Reused(path, recorded, known, base, nomor, title)


def _recorded_by_source(out_dir: Path) -> Mapping[Path, Recorded]:
    """Each document folder's manifest with a ``check`` section, by its data file."""
    if not out_dir.is_dir():
        return {}  # the first build
    return {
        (out_dir / recorded.source).resolve(): recorded
        for recorded in recorded_folders(out_dir)
        if recorded.check is not None
    }
