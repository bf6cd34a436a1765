"""Where outputs go: problems with the output location, found early and told plainly.

Every problem with the output folder (a file in its path, no permission, a read-only
medium, a full disk, a file or a link where a document's folder or file goes) is an
environment problem (exit 3) with an Indonesian message naming the path and the fix;
none reaches the user as a traceback.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from sk_generator.errors import EnvironmentProblem

#: Names this tool writes in a document's folder besides the bundle and its manifest.
PART_FILE = re.compile(r"^(keputusan|sop|lampiran-\d+)\.(docx|pdf)$")


def check_location(out_dir: Path, names: Sequence[str]) -> None:
    """Refuse, before anything is rendered, an output folder that cannot take the
    documents `names` (their folder names)."""
    _check_folder_path(out_dir)
    if not out_dir.exists():
        return
    for name in names:
        folder = out_dir / name
        if folder.is_symlink():
            _refuse_link(folder)
        if folder.exists() and not folder.is_dir():
            raise EnvironmentProblem(
                f"'{folder}' adalah berkas, padahal di situ folder dokumen dibuat; "
                "pindahkan atau hapus berkas itu lalu jalankan lagi"
            )
        if folder.is_dir():
            _check_document_folder(folder)


def _check_folder_path(out_dir: Path) -> None:
    for path in (out_dir, *out_dir.parents):
        if path.exists() or path.is_symlink():
            if not path.is_dir():
                where = "sudah ada" if path == out_dir else f"(di jalur {out_dir}) sudah ada"
                raise EnvironmentProblem(
                    f"'{path}' {where} sebagai berkas, bukan folder; "
                    "pilih folder keluaran lain (-o)"
                )
            if not os.access(path, os.W_OK | os.X_OK):
                raise EnvironmentProblem(
                    f"tidak ada izin menulis di folder '{path}'; pilih folder keluaran lain "
                    "(-o) atau ubah izinnya"
                )
            return


def _check_document_folder(folder: Path) -> None:
    for entry in folder.iterdir():
        if not (PART_FILE.match(entry.name) or entry.name.startswith(folder.name + ".")):
            continue
        if entry.is_symlink():
            _refuse_link(entry)
        if entry.is_dir():
            raise EnvironmentProblem(
                f"'{entry}' adalah folder, padahal di situ berkas {entry.name} ditulis; "
                "pindahkan atau hapus folder itu lalu jalankan lagi"
            )


def _refuse_link(path: Path) -> None:
    raise EnvironmentProblem(
        f"'{path}' adalah tautan (symlink) ke '{os.readlink(path)}'; keluaran tidak pernah "
        "ditulis melalui tautan. Hapus tautan itu lalu jalankan lagi"
    )
