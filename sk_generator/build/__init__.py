"""Build documents: check, render DOCX, convert to PDF in one batch, merge print bundles.

Output layout (one folder per document, named from its nomor and a short tentang)::

    output/700-109-DISNAKERTRANS.TU.1-2022_Pengumpulan-Data-Kinerja-pada-Dinas/
        keputusan.docx   keputusan.pdf
        lampiran-1.docx  lampiran-1.pdf
        700-109-DISNAKERTRANS.TU.1-2022_Pengumpulan-Data-Kinerja-pada-Dinas.pdf
        700-109-DISNAKERTRANS.TU.1-2022_Pengumpulan-Data-Kinerja-pada-Dinas.manifest.json

The bundle carries the folder's name so it can travel alone (to the print shop). A
standalone SOP has `sop.docx` / `sop.pdf`.

The steps, one module each, run by :func:`build` (pipeline.py): plan (check, names) ->
flow (rendering, in parallel, feeding the converter sk_generator.pdf as each document is
rendered; assemble, the bundle and every file of a document in memory, and commit, into
the document's folder, as soon as its PDFs are made). Output naming is in naming.py, PDF
metadata in metadata.py.
"""

from __future__ import annotations

from sk_generator.build.naming import base_name, output_names, short_title
from sk_generator.build.pipeline import BuildResult, BuiltDocument, build
from sk_generator.build.plan import FORMATS, Format
from sk_generator.build.progress import Progress, Stage

__all__ = [
    "FORMATS",
    "BuildResult",
    "BuiltDocument",
    "Format",
    "Progress",
    "Stage",
    "base_name",
    "build",
    "output_names",
    "short_title",
]
