"""Write the import corpus (Word and Excel SOPs made the way agencies make them).

Run from the repository root after changing a generator or a specification:

    .venv/bin/python -m tests.data.impor.buat_korpus

and review what `sk-generator impor` reads from the new files (the tests compare it with
the specifications in `spesifikasi.py`).
"""

from __future__ import annotations

from pathlib import Path

from tests.data.impor import korpus_docx, korpus_xlsx
from tests.data.impor.spesifikasi import ARSIP, IZIN, LAYANAN, SURAT

HERE = Path(__file__).resolve().parent

#: File name -> (specification, how it is made).
CORPUS = {
    "word-bentuk-di-sel.docx": (LAYANAN, "word-sel"),
    "word-bentuk-melayang.docx": (ARSIP, "word-melayang"),
    "word-tanda.docx": (SURAT, "word-tanda"),
    "word-vml.docx": (ARSIP, "word-vml"),
    "excel-bentuk.xlsx": (IZIN, "excel-bentuk"),
    "excel-sel-berwarna.xlsx": (IZIN, "excel-warna"),
    "excel-kolom-pelaksana.xlsx": (SURAT, "excel-kolom"),
}
#: A workbook with two SOPs, one per sheet: IZIN drawn, SURAT with a naming column.
DUA_SOP = "excel-dua-sop.xlsx"


def main() -> None:
    for name, (spec, how) in CORPUS.items():
        path = HERE / name
        if how == "word-sel":
            korpus_docx.in_cells(spec, path)
        elif how == "word-melayang":
            korpus_docx.floating(spec, path)
        elif how == "word-tanda":
            korpus_docx.marks(spec, path)
        elif how == "word-vml":
            korpus_docx.vml(spec, path)
        elif how == "excel-bentuk":
            korpus_xlsx.workbook(spec, path)
        elif how == "excel-warna":
            korpus_xlsx.workbook(spec, path, fills=True)
        else:
            korpus_xlsx.workbook(spec, path, naming=True)
    korpus_xlsx.workbook(IZIN, HERE / DUA_SOP, extra=SURAT)
    # Not SOPs at all: a damaged file and a letter without a procedure table.
    (HERE / "rusak.docx").write_bytes(b"PK\x03\x04 terpotong")
    doc = korpus_docx.new_document()
    korpus_docx.add(doc, korpus_docx.para("Surat undangan rapat koordinasi"))
    korpus_docx.save(doc, HERE / "bukan-sop.docx")


if __name__ == "__main__":
    main()
