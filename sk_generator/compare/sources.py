"""The two sides of a comparison: two files, two folders, or a path and a git revision.

Each side is loaded with its own records (a folder of an older revision is written out of
git into a temporary folder, records of the folders above included), so each version is
resolved exactly as it would have been printed.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from sk_generator.diagnostics import display_path
from sk_generator.errors import DataError, EnvironmentProblem, UserError
from sk_generator.load import CATALOG_FILE, RECORD_FILES, Document, Loader


@dataclass(frozen=True)
class Sisi:
    """One side: its documents by a key shared with the other side (the path relative
    to the compared folder, or the file name), and how the side is named to staff."""

    documents: dict[str, Document]
    nama: str


def load_side(path: Path, nama: str, *, shown: str | None = None) -> Sisi:
    """Load `path` (file or folder); any error in the data stops the comparison.

    `shown` replaces the temporary folder of a git revision in problem locations.
    """
    if not path.exists():
        raise UserError(f"berkas atau folder '{nama}' tidak ditemukan")
    result = Loader().load([path])
    errors = [issue for issue in result.issues if issue.is_error]
    if errors:
        if shown is not None:
            root = str(path.resolve().parent if path.is_file() else path.resolve())
            errors = [replace(i, file=i.file.replace(root, shown, 1)) for i in errors]
        raise DataError(
            errors, f"{nama} memuat kesalahan data; perbaiki dulu agar dapat dibandingkan"
        )
    documents: dict[str, Document] = {}
    for document in result.documents:
        file = document.source.path.resolve()
        key = file.name if path.is_file() else file.relative_to(path.resolve()).as_posix()
        documents[key] = document
    return Sisi(documents, nama)


def check_pair(lama: Path, baru: Path) -> None:
    """Two files or two folders; a record file alone cannot be compared."""
    if lama.is_dir() != baru.is_dir() and lama.exists() and baru.exists():
        raise UserError(
            "bandingkan dua berkas atau dua folder, bukan berkas dengan folder: "
            f"'{lama}' dan '{baru}'"
        )
    for path in (lama, baru):
        if path.is_file() and path.name in RECORD_FILES:
            raise UserError(
                f"'{path}' adalah berkas rujukan; bandingkan folder yang memuatnya agar "
                "terlihat dokumen mana yang berubah"
            )


# --- git ----------------------------------------------------------------------------------


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-C", str(cwd), *args], capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError:
        raise EnvironmentProblem(
            "git tidak terpasang; --sejak membaca versi lama dari git. Pasang dengan: "
            "sudo apt-get install git"
        ) from None


@contextlib.contextmanager
def git_version(path: Path, revisi: str) -> Iterator[tuple[Path, str]]:
    """`path` as it was at git revision `revisi`, written to a temporary folder.

    Yields the path of the old version and the text standing for the temporary folder in
    messages ("REV:" + the path in the repository). The folder is removed afterwards.
    """
    if not path.exists():
        raise UserError(f"berkas atau folder '{path}' tidak ditemukan")
    folder = path if path.is_dir() else path.parent
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise UserError(
            f"'{display_path(path)}' tidak berada di dalam repositori git, jadi tidak ada "
            "versi lama untuk --sejak; bandingkan dua salinan dengan: "
            "sk-generator beda LAMA BARU"
        )
    root = Path(top.stdout.decode().strip()).resolve()
    if _git(root, "rev-parse", "--verify", "--quiet", f"{revisi}^{{commit}}").returncode != 0:
        raise UserError(
            f"revisi '{revisi}' tidak dikenal di repositori {display_path(root)}; lihat "
            "daftarnya dengan: git log --oneline"
        )
    relative = PurePosixPath(path.resolve().relative_to(root).as_posix())
    wanted = _files_at(root, revisi, relative, folder=path.is_dir())
    if not any(name == relative or relative in name.parents for name in wanted):
        raise UserError(
            f"'{display_path(path)}' belum ada pada revisi '{revisi}'; pilih revisi yang lebih baru"
        )
    tmp = Path(tempfile.mkdtemp(prefix="sk-generator-beda-"))
    try:
        for name in wanted:
            shown = _git(root, "show", f"{revisi}:{name}")
            if shown.returncode != 0:  # pragma: no cover - listed a moment ago
                raise UserError(f"'{name}' tidak dapat dibaca dari revisi '{revisi}'")
            target = tmp / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(shown.stdout)
        yield tmp / relative, f"{revisi}:{relative.as_posix()}"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _files_at(
    root: Path, revisi: str, relative: PurePosixPath, *, folder: bool
) -> list[PurePosixPath]:
    """Data files under `relative` at `revisi`, and the record files of the folders above
    it up to the data root (the first holding the catalog), as the loader looks them up."""
    listed = _git(root, "ls-tree", "-r", "--name-only", "-z", revisi)
    names = [PurePosixPath(n) for n in listed.stdout.decode().split("\0") if n]
    inside = [
        n
        for n in names
        if (n == relative or relative in n.parents) and n.suffix in (".yaml", ".yml")
    ]
    start = relative if folder else relative.parent
    records: list[PurePosixPath] = []
    present = set(names)
    for above in (start, *start.parents):
        records.extend(above / name for name in RECORD_FILES if above / name in present)
        if above / CATALOG_FILE in present:
            break
    return sorted(set(inside) | set(records))
