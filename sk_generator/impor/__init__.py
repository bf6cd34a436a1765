"""Import existing SOPs (Word .docx, Excel .xlsx) into data files that `check` accepts.

Readers (:mod:`docx`, :mod:`xlsx`) bring a file to tables and shapes (:mod:`grid`); the
procedure table, the identity section and the flow are found in those
(:mod:`prosedur`, :mod:`identitas`, :mod:`alur`) and assembled (:mod:`susun`,
:mod:`dokumen`); :mod:`tulis` writes the YAML. :func:`import_files` runs a batch: every
file gets its own :class:`FileResult` and a bad file never stops the others.
"""

from __future__ import annotations

from sk_generator.impor.batch import SUFFIXES, collect, import_files
from sk_generator.impor.report import FileResult, ImportProblem, Note, Summary

__all__ = ["SUFFIXES", "FileResult", "ImportProblem", "Note", "Summary", "collect", "import_files"]
