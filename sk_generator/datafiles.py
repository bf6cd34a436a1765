"""Which files a command reads: the YAML files named or found in the folders given."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sk_generator.diagnostics import Issue, Severity, display_path
from sk_generator.errors import UserError

DATA_SUFFIXES = (".yaml", ".yml")
#: The file that marks a folder as the archive of signed documents (sk_generator.build.arsip):
#: the data snapshots inside are records of what was signed, not documents to check or build.
ARCHIVE_MARKER = "ARSIP-SK-GENERATOR.txt"


def in_archive(path: Path, top: Path) -> bool:
    """Whether `path` lies in an archive folder below `top` (a folder the user named)."""
    for parent in path.parents:
        if parent == top or top not in parent.parents:
            return False
        if (parent / ARCHIVE_MARKER).is_file():
            return True
    return False


def collect_files(paths: Sequence[Path]) -> list[Path]:
    """Expand folders into their YAML files (sorted); a missing path is a usage error.

    Inside a folder, a folder or a broken link named `*.yaml` is kept (not resolved), so
    that the loader reports it (:func:`not_a_file`) instead of failing to read it. Archive
    folders of signed documents are skipped; a file inside one can still be named.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.suffix in DATA_SUFFIXES)
            files.extend(sorted(p for p in found if not in_archive(p, path)))
        elif path.is_file():
            files.append(path)
        elif path.exists():
            raise UserError(
                f"'{path}' bukan berkas biasa maupun folder; sebutkan berkas .yaml atau folder data"
            )
        elif path.is_symlink():
            raise UserError(f"'{path}' adalah tautan ke berkas yang tidak ada; {_BROKEN_LINK}")
        else:
            raise UserError(f"berkas atau folder '{path}' tidak ditemukan")
    unique: dict[Path, None] = {}
    for f in files:
        unique.setdefault(f.resolve() if f.is_file() else f.parent.resolve() / f.name, None)
    return list(unique)


_BROKEN_LINK = "hapus tautan itu atau pulihkan berkas tujuannya"


def not_a_file(path: Path) -> Issue | None:
    """A data file name that is not a readable file: a folder, a broken link, a device."""
    if path.is_file():
        return None
    if path.is_dir():
        message = (
            f"'{path.name}' adalah folder, bukan berkas data; ganti nama folder itu (nama "
            "berakhiran .yaml hanya untuk berkas data)"
        )
    elif path.is_symlink():
        message = f"'{path.name}' adalah tautan ke berkas yang tidak ada; {_BROKEN_LINK}"
    else:
        message = f"'{path.name}' bukan berkas biasa; hapus atau ganti namanya"
    folder = display_path(path.parent)
    name = path.name if folder == "." else f"{folder}/{path.name}"
    return Issue(name, 1, 1, Severity.ERROR, "BERKAS", (), message)
