"""Whether a logo file can be printed on the kop: it exists, is readable, is a PNG or JPEG
image that decodes completely, and is of a sensible size.

`check` reports the problem (INSTANSI-LOGO) at the `logo:` line and rendering refuses
the same file with the same message, so a build never fails on a logo `check` accepted.
SVG is refused with how to convert it: Word documents made by python-docx embed raster
images only.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from PIL import Image

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 5000
FORMATS = ("PNG", "JPEG")

_RESAVE = "simpan ulang lambang daerah sebagai PNG atau JPG"


def logo_problem(path: Path, logo: str) -> str | None:
    """What is wrong with the logo file `path` (written `logo` in instansi.yaml), or None."""
    if not path.is_file():
        return (
            f"berkas logo '{logo}' tidak ditemukan (dicari di {path}); periksa nama berkas "
            "atau hapus `logo:` untuk memakai lambang pengganti"
        )
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return f"berkas logo '{logo}' tidak dapat dibaca; periksa izin aksesnya"
    if size == 0:
        return f"berkas logo '{logo}' kosong; {_RESAVE}"
    if size > MAX_BYTES:
        return (
            f"berkas logo '{logo}' terlalu besar ({size / 2**20:.1f} MB; paling besar "
            f"{MAX_BYTES // 2**20} MB); perkecil gambarnya, mis. lebar 600 piksel"
        )
    if b"<svg" in head.lower() or path.suffix.lower() == ".svg":
        return (
            f"logo '{logo}' berformat SVG, yang belum dapat dicetak pada kop; {_RESAVE} "
            "(mis. ekspor dari Inkscape atau aplikasi gambar lain)"
        )
    return _image_problem(path, logo)


def _image_problem(path: Path, logo: str) -> str | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                kind, (width, height) = image.format, image.size
                image.load()  # decodes everything: a truncated file fails here
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Warning):
        return (
            f"berkas logo '{logo}' bukan gambar yang dapat dibaca (rusak atau terpotong); {_RESAVE}"
        )
    if kind not in FORMATS:
        return f"logo '{logo}' berformat {kind}; {_RESAVE}"
    if max(width, height) > MAX_PIXELS:
        return (
            f"logo '{logo}' berukuran {width} x {height} piksel (paling besar {MAX_PIXELS}); "
            "perkecil gambarnya, mis. lebar 600 piksel"
        )
    return None
