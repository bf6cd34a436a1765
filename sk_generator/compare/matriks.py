"""Write a comparison as a Matriks Perubahan: DOCX, or PDF through LibreOffice."""

from __future__ import annotations

import tempfile
from pathlib import Path

from sk_generator.compare import Laporan
from sk_generator.errors import UserError
from sk_generator.outputs import write_atomic
from sk_generator.pdf import ConversionJob, convert
from sk_generator.render.matriks import BagianMatriks, render_matriks

_STATUS = {"baru": "Dokumen baru", "dihapus": "Dokumen dihapus"}


def matriks_docx(laporan: Laporan) -> bytes:
    """The matriks of every compared document that changed (or all, when none did),
    under the kop of the first one."""
    results = [d for d in laporan.dokumen if d.status != "tetap"] or list(laporan.dokumen)
    if not results:
        raise UserError("tidak ada dokumen untuk dibandingkan, jadi tidak ada matriks")
    parts = []
    for hasil in results:
        if hasil.status in _STATUS:
            rows = [(_STATUS[hasil.status], "", "", hasil.nama)]
        else:
            rows = [
                (p.bagian, p.semula or "-", p.menjadi or "-", _keterangan(p.jenis, p.keterangan))
                for p in hasil.perubahan
            ]
        parts.append(BagianMatriks(hasil.judul, rows))
    return render_matriks(results[0].document, laporan.lama, laporan.baru, parts)


def _keterangan(jenis: str, note: str) -> str:
    word = {"tambah": "Ditambahkan", "hapus": "Dihapus", "ubah": "Diubah"}[jenis]
    return f"{word}; {note}" if note else word


def write_matriks(laporan: Laporan, target: Path, fmt: str) -> None:
    """Write the matriks to `target` as `fmt` ("docx" or "pdf"), atomically."""
    data = matriks_docx(laporan)
    if fmt == "docx":
        write_atomic(target, data)
        return
    with tempfile.TemporaryDirectory(prefix="sk-generator-matriks-") as tmp:
        source = Path(tmp) / "matriks-perubahan.docx"
        source.write_bytes(data)
        result = convert([ConversionJob(source, target.resolve(), target.name)])
        result.raise_for_failures()
