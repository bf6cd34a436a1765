"""The data folder the editor works on: what it holds, and paths that never leave it.

Every path the browser sends is relative to the data folder and goes through
:meth:`Workspace.resolve`, which refuses absolute paths, ``..``, symbolic links that lead
outside, hidden files and anything but a ``.yaml`` data file: the server can read and write
exactly the data files under the folder and nothing else (no templates, no other files).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from sk_generator.datafiles import DATA_SUFFIXES, in_archive
from sk_generator.load import CATALOG_FILE, RECORD_FILES

_JENIS = re.compile(r"^jenis:\s*['\"]?(keputusan|sop)\b", re.M)
_NAMA = re.compile(r"^(?:tentang|nama):\s*(?:>-?\s*\n\s+)?['\"]?(.+?)['\"]?\s*$", re.M)


class OutsideFolder(Exception):
    """A path that is not a data file inside the data folder."""


@dataclass(frozen=True)
class Entry:
    """One data file as the navigation lists it."""

    path: str  # relative to the data folder, with '/'
    kind: str  # keputusan, sop, instansi, pejabat, regulasi
    title: str


@dataclass
class Dinas:
    """A folder holding instansi.yaml: the Dinas, its records and its documents."""

    folder: str
    title: str
    records: list[Entry] = field(default_factory=list)
    documents: list[Entry] = field(default_factory=list)


@dataclass(frozen=True)
class Workspace:
    root: Path

    def resolve(self, relative: str, *, must_exist: bool = True) -> Path:
        """The data file `relative` names, or :class:`OutsideFolder`."""
        pure = PurePosixPath(relative.replace("\\", "/"))
        if not relative or pure.is_absolute() or any(p in ("..", "") for p in pure.parts):
            raise OutsideFolder(relative)
        if any(part.startswith(".") for part in pure.parts) or pure.suffix not in DATA_SUFFIXES:
            raise OutsideFolder(relative)
        root = self.root.resolve()
        target = (root / pure).resolve()
        if not target.is_relative_to(root):
            raise OutsideFolder(relative)
        if must_exist and not target.is_file():
            raise OutsideFolder(relative)
        return target

    def folder(self, relative: str) -> Path:
        """A folder inside the data folder (for creating files in it)."""
        pure = PurePosixPath(relative.replace("\\", "/") or ".")
        if (
            pure.is_absolute()
            or ".." in pure.parts
            or any(p.startswith(".") and p != "." for p in pure.parts)
        ):
            raise OutsideFolder(relative)
        root = self.root.resolve()
        target = (root / pure).resolve()
        if not target.is_relative_to(root):
            raise OutsideFolder(relative)
        return target

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.root.resolve()).as_posix()

    def kind_of(self, path: Path) -> str | None:
        if path.name in RECORD_FILES:
            return path.name.removesuffix(".yaml")
        match = _JENIS.search(_read(path))
        return match.group(1) if match else None

    def catalog(self) -> str | None:
        path = self.root / CATALOG_FILE
        return CATALOG_FILE if path.is_file() else None

    def dinas(self) -> list[Dinas]:
        """Every folder with an instansi.yaml, with its records and documents, sorted."""
        out = []
        root = self.root.resolve()
        for instansi in sorted(root.rglob("instansi.yaml")):
            if any(p.startswith(".") for p in instansi.relative_to(root).parts):
                continue
            if in_archive(instansi, root):
                continue
            folder = instansi.parent
            out.append(self._dinas(folder))
        return out

    def _dinas(self, folder: Path) -> Dinas:
        rel = self.relative(folder) if folder != self.root.resolve() else "."
        text = _read(folder / "instansi.yaml")
        nama = re.search(r"^\s+nama:\s*['\"]?(.+?)['\"]?\s*$", text, re.M)
        daerah = re.search(r"^\s+daerah:\s*['\"]?(.+?)['\"]?\s*$", text, re.M)
        title = " ".join(m.group(1) for m in (nama, daerah) if m) or rel
        dinas = Dinas(rel, title)
        for name in ("instansi.yaml", "pejabat.yaml", CATALOG_FILE):
            if (folder / name).is_file():
                dinas.records.append(Entry(self.relative(folder / name), name[:-5], name))
        for path in sorted(folder.iterdir()):
            if path.suffix not in DATA_SUFFIXES or path.name in RECORD_FILES:
                continue
            kind = self.kind_of(path)
            if kind is None:
                continue
            match = _NAMA.search(_read(path))
            title = " ".join(match.group(1).split()) if match else path.stem
            dinas.documents.append(Entry(self.relative(path), kind, title))
        return dinas


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
