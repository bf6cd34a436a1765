"""A batch import: each file read, drafted, written and checked on its own.

The records visible from the output folder (instansi, pejabat, the regulation catalog)
are read before each file, so a pejabat added for the first SOP of a Dinas is found for
the next. Each written data file is run through `check`; its errors join the file's
notes, so the report says at once what staff must still fix.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from sk_generator.checks import check
from sk_generator.errors import UserError
from sk_generator.impor import dokumen, tulis
from sk_generator.impor.docx import read_docx
from sk_generator.impor.report import FileResult, ImportProblem, Note
from sk_generator.impor.rujukan import Catalog
from sk_generator.impor.xlsx import read_xlsx
from sk_generator.load import Loader
from sk_generator.render.sop import hints as flow_hints

SUFFIXES = (".docx", ".xlsx", ".xlsm")


def collect(paths: Sequence[Path]) -> list[Path]:
    """Files to import: the given files, and every file inside given folders (sorted).
    Word/Excel lock files ("~$...") are left out; other kinds are reported per file."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file() and not _skip(p))
            files += sorted(found, key=lambda p: str(p).lower())
        elif path.is_file():
            files.append(path)
        else:
            raise UserError(f"berkas atau folder '{path}' tidak ditemukan")
    return list(dict.fromkeys(files))


def _skip(path: Path) -> bool:
    return path.name.startswith(("~$", ".")) or any(p.startswith(".") for p in path.parts[:-1])


def import_files(paths: Sequence[Path], out: Path) -> list[FileResult]:
    """Import every file under `paths` into folder `out`; one result per file."""
    files = collect(paths)
    out.mkdir(parents=True, exist_ok=True)
    written: set[Path] = set()
    results = []
    for path in files:
        try:
            results += _import_file(path, out, written)
        except Exception as exc:  # a file we cannot read must not stop the batch
            results.append(FileResult(path, problem=_problem(exc)))
    return results


def _problem(exc: Exception) -> ImportProblem:
    """What to report for a file (or one SOP in it) that could not be imported."""
    if isinstance(exc, ImportProblem):
        return exc
    return ImportProblem(
        f"berkas tidak dapat dibaca ({type(exc).__name__}: {exc}); bila berkas ini "
        "terbuka normal di Word/Excel, laporkan ke pengembang"
    )


def read(path: Path) -> dokumen.Content:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        content = read_docx(path)
        hints = None
        for _name, blob in content.custom_xml:
            hints = hints or flow_hints.parse(blob)
        return dokumen.Content(content.tables, content.paragraphs, hints)
    if suffix in (".xlsx", ".xlsm"):
        return dokumen.Content(read_xlsx(path), kind="buku kerja")
    if suffix in (".doc", ".xls"):
        raise ImportProblem(
            f"format lama {suffix} tidak didukung; buka di Word/Excel lalu simpan sebagai {suffix}x"
        )
    raise ImportProblem("bukan berkas .docx atau .xlsx; lewati atau simpan ulang sebagai .docx")


def _import_file(path: Path, out: Path, written: set[Path]) -> list[FileResult]:
    """Every SOP of one file: one result each (a workbook may hold a sheet per SOP)."""
    content = read(path)
    results = []
    for number, part in enumerate(dokumen.parts(content), start=1):
        result = FileResult(path)
        name = path.stem if number == 1 else f"{path.stem} ({number})"
        try:
            _import_part(part, name, path, out, written, result)
        except Exception as exc:  # the next SOP of the file is still imported
            result.problem = _problem(exc)
        results.append(result)
    return results


def _import_part(
    part: dokumen.Content, name: str, path: Path, out: Path, written: set[Path], result: FileResult
) -> None:
    records = Loader().records_for(out)
    draft = dokumen.draft(part, name, records, Catalog(records))
    target = _target(out, str(draft.data["nama"]), written)
    header = [
        f"Diimpor dari {path.name} dengan `sk-generator impor`.",
        "Baris DITEBAK / TIDAK TERBACA di bawah menandai nilai yang perlu diperiksa.",
    ]
    text = tulis.dump_sop(draft.data, draft.comments, header, out)
    note = f"Ditambahkan oleh `sk-generator impor` dari {path.name}: periksa isinya."
    if draft.pejabat is not None:
        pid, fields = draft.pejabat
        tulis.write_text(
            out / "pejabat.yaml",
            tulis.add_records(out / "pejabat.yaml", "pejabat", {pid: fields}, note),
        )
    if draft.instansi is not None:
        iid, fields = draft.instansi
        tulis.write_text(
            out / "instansi.yaml",
            tulis.add_records(out / "instansi.yaml", "instansi", {iid: fields}, note),
        )
    tulis.write_text(target, text)
    written.add(target)
    result.output = target
    result.notes = draft.notes
    langkah = draft.data["langkah"]
    result.summary.steps = len(langkah)
    result.summary.columns = len(draft.data["pelaksana"])
    result.summary.decisions = sum(1 for s in langkah if "keputusan" in s)
    report = check([target])
    for issue in report.issues:
        if issue.is_error:
            result.notes.append(Note(f"{target.name}:{issue.line}", issue.message, "tak-terbaca"))


def _target(out: Path, nama: str, written: set[Path]) -> Path:
    base = "-".join(re.findall(r"[a-z0-9]+", nama.lower()))[:60].strip("-") or "sop"
    target = out / f"sop-{base}.yaml"
    n = 2
    while target in written:
        target = out / f"sop-{base}-{n}.yaml"
        n += 1
    return target
