"""Page images of a document as it will print: render, convert (warm LibreOffice), rasterise.

The same renderer and the same LibreOffice export as `build` make the PDF of each part
(SK, lampiran, SOP); ``pdftoppm`` (poppler) turns its pages into JPEG images that the
editor shows beside the form. Images live in the server's private temporary folder under
a fresh id per preview; only names this module made can be served back.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path

from sk_generator.checks import check
from sk_generator.errors import DataError, EnvironmentProblem
from sk_generator.pdf.warm import WarmConverter
from sk_generator.render import render_document

#: Resolution of the page images: an F4 page is 680 x 1040 pixels, readable on a screen.
DPI = 80
#: JPEG, not PNG: pdftoppm compresses a PNG page five times slower, and a preview is
#: waited for; at quality 88 the text stays sharp.
_IMAGE = re.compile(r"^p\d+-\d+\.jpg$")


@dataclass
class PreviewPart:
    label: str
    images: list[str] = field(default_factory=list)


@dataclass
class Preview:
    id: str
    parts: list[PreviewPart]
    seconds: float = 0.0

    @property
    def pages(self) -> int:
        return sum(len(p.images) for p in self.parts)


class Previewer:
    """Makes previews into `folder`; keeps the LibreOffice of `converter` warm."""

    def __init__(self, folder: Path, converter: WarmConverter) -> None:
        self.folder = folder
        self.converter = converter
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def preview(self, path: Path) -> Preview:
        """Pages of the document in `path`; :class:`DataError` when it has errors."""
        report = check([path])
        if report.failed() or not report.documents:
            raise DataError(report.issues, "dokumen masih memiliki kesalahan; perbaiki dulu")
        document = report.documents[0]
        with self._lock:
            number = next(self._ids)
        pid = f"{number:06d}"
        work = self.folder / pid
        work.mkdir(parents=True)
        parts = []
        for index, part in enumerate(render_document(document), start=1):
            docx = work / f"bagian-{index}.docx"
            docx.write_bytes(part.docx)
            pdf = docx.with_suffix(".pdf")
            self.converter.convert(docx, pdf)
            parts.append(PreviewPart(part.label, rasterise(pdf, work, f"p{index}")))
            docx.unlink()
        self._forget_old(number)
        return Preview(pid, parts)

    def image(self, pid: str, name: str) -> Path | None:
        """The file of one page image, or None for anything this module did not make."""
        if not pid.isdigit() or not _IMAGE.match(name):
            return None
        path = self.folder / pid / name
        return path if path.is_file() else None

    def _forget_old(self, number: int) -> None:
        """Keep the last few previews only (a long session must not fill the disk)."""
        for old in self.folder.iterdir():
            if old.name.isdigit() and int(old.name) < number - 4:
                shutil.rmtree(old, ignore_errors=True)


def rasterise(pdf: Path, folder: Path, prefix: str) -> list[str]:
    """JPEG file names of the pages of `pdf`, in order (pdftoppm from poppler-utils)."""
    if shutil.which("pdftoppm") is None:
        raise EnvironmentProblem(
            "pdftoppm tidak ditemukan; pasang dengan: sudo apt-get install poppler-utils"
        )
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(DPI),
            "-jpeg",
            "-jpegopt",
            "quality=88",
            str(pdf),
            str(folder / prefix),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf.unlink()
    names = [p.name for p in folder.glob(f"{prefix}-*.jpg")]
    return sorted(names, key=lambda n: int(n.rsplit("-", 1)[1].removesuffix(".jpg")))
