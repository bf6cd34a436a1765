"""Load data files into documents whose references are resolved against shared records.

Layout rule (documented in docs/panduan.md): a document finds its records in the files
`instansi.yaml`, `pejabat.yaml` and `regulasi.yaml` of its own folder and of each folder
above it, up to and including the first folder that holds a `regulasi.yaml` (the data
root, where the regulation catalog lives). So `data/regulasi.yaml` serves every agency and
`data/sintang/pejabat.yaml` serves only the documents under `data/sintang/`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sk_generator.datafiles import DATA_SUFFIXES, collect_files, not_a_file
from sk_generator.diagnostics import DataPath, Issue, Severity, sort_issues
from sk_generator.document import Document, Record, Records, SopEntry
from sk_generator.model import (
    InstansiFile,
    Keputusan,
    PejabatFile,
    RegulasiFile,
    Sop,
)
from sk_generator.partial import validate_document, validate_partially
from sk_generator.references import resolve
from sk_generator.yaml_source import Source, YamlProblem, load_source

RECORD_FILES: dict[str, type[BaseModel]] = {
    "instansi.yaml": InstansiFile,
    "pejabat.yaml": PejabatFile,
    "regulasi.yaml": RegulasiFile,
}
CATALOG_FILE = "regulasi.yaml"


@dataclass
class LoadResult:
    documents: list[Document]
    issues: list[Issue]
    #: Record files that were read and validated (reported as checked by `check`).
    record_files: list[Path]
    #: Documents with values set aside after a validation error (sk_generator.partial):
    #: their other parts are checked, but they are never rendered.
    partial: list[Document] = field(default_factory=list)
    #: The files named by the paths given (folders expanded).
    files: list[Path] = field(default_factory=list)
    #: Record files read from other folders (those above the checked ones).
    other_records: list[Path] = field(default_factory=list)


class Loader:
    """Loads documents and the record files around them, reading each file once."""

    def __init__(self) -> None:
        self._sources: dict[Path, Source | Issue] = {}
        #: The same sources by the name their issues carry (source_named, per issue).
        self._named: dict[str, Source] = {}
        #: Files being parsed elsewhere (:meth:`expect`): how to wait for each.
        self._pending: dict[Path, Callable[[], Source | Issue]] = {}
        self._record_models: dict[Path, BaseModel | None] = {}
        self._record_failed: dict[Path, set[DataPath]] = {}
        self._record_issues: dict[Path, list[Issue]] = {}
        self._records: dict[Path, Records] = {}
        self._dup_issues: dict[Path, list[Issue]] = {}

    def source(self, path: Path) -> Source | Issue:
        path = path.resolve()
        if path not in self._sources:
            pending = self._pending.pop(path, None)
            if pending is not None:
                self._keep_parsed(path, pending())
            else:
                self._keep_parsed(path, parse_file(path))
        return self._sources[path]

    def expect(self, pending: Mapping[Path, Callable[[], Source | Issue]]) -> None:
        """Take the named files' sources from elsewhere when they are needed (each
        callable waits for its file's :func:`parse_file` result, e.g. from a worker
        process), instead of parsing them here; replaces what was expected before
        (``expect({})``: parse every file here again)."""
        self._pending = {path.resolve(): wait for path, wait in pending.items()}

    def _keep_parsed(self, path: Path, parsed: Source | Issue) -> None:
        if isinstance(parsed, Source):
            self._keep(parsed)
        else:
            self._sources[path] = parsed

    def _keep(self, source: Source) -> None:
        self._sources[source.path.resolve()] = source
        self._named[source.name] = source

    def use_source(self, source: Source) -> None:
        """Read `source` instead of its file: a draft not yet saved is checked as if it
        were on disk (the web editor's checks as you type)."""
        self._keep(source)

    def source_named(self, name: str) -> Source | None:
        """A file already read, by the name its issues carry."""
        return self._named.get(name)

    def record_file(self, path: Path) -> tuple[Source | None, BaseModel | None]:
        """Validate a record file once; its issues are kept for `load` to report."""
        path = path.resolve()
        src = self.source(path)
        if path not in self._record_models:
            if isinstance(src, Issue):
                self._record_models[path] = None
                self._record_issues[path] = [src]
            else:
                result = validate_partially(RECORD_FILES[path.name], src, src.data)
                self._record_models[path] = result.model
                self._record_issues[path] = result.issues
                self._record_failed[path] = result.removed
        return (src if isinstance(src, Source) else None), self._record_models[path]

    def records_for(self, folder: Path) -> Records:
        folder = folder.resolve()
        if folder in self._records:
            return self._records[folder]
        records = Records()
        dup_issues: list[Issue] = []
        for path in record_paths(folder):
            src, model = self.record_file(path)
            records.files.append(path)
            for kind, rid in self._record_failed.get(path.resolve(), set()):
                records.failed.setdefault(str(kind), set()).add(str(rid))
            if src is None or model is None:
                continue
            table, key = _record_table(records, model)
            for rid, value in getattr(model, key).items():
                if rid in table:
                    first = table[rid]
                    dup_issues.append(
                        src.issue(
                            (key, rid),
                            "REF-GANDA",
                            f"id '{rid}' sudah dipakai di {first.source.name}:"
                            f"{first.source.locate(first.path, key=True)[0]}; "
                            "beri id lain atau hapus salah satu",
                            key=True,
                        )
                    )
                    continue
                table[rid] = Record(rid, value, src, (key, rid))
        self._records[folder] = records
        self._dup_issues[folder] = dup_issues
        return records

    def load(self, paths: Sequence[Path], *, skip: Collection[Path] = ()) -> LoadResult:
        """Load the files of `paths`; a data file in `skip` (resolved) is not read, but
        the records around it are (their own problems are still reported)."""
        files = collect_files(paths)
        documents: list[Document] = []
        partial: list[Document] = []
        issues: list[Issue] = []
        record_files: list[Path] = []
        for path in files:
            odd = not_a_file(path)
            if odd is not None:
                issues.append(odd)
                continue
            if path.name in RECORD_FILES:
                self.records_for(path.parent)
                record_files.append(path)
                continue
            if path.resolve() in skip:
                self.records_for(path.parent)
                continue
            src = self.source(path)
            if isinstance(src, Issue):
                issues.append(src)
                continue
            document, doc_issues, complete = self._document(src)
            issues.extend(doc_issues)
            # A document with unresolved references is reported but not handed on: rules
            # and renderers may rely on every id resolving.
            if document is not None:
                (documents if complete else partial).append(document)
        reported: set[Path] = set()
        for path, found in self._record_issues.items():
            if path not in reported:
                reported.add(path)
                issues.extend(found)
        for found in self._dup_issues.values():
            issues.extend(found)
        return LoadResult(
            documents,
            sort_issues(set(issues)),
            sorted(set(record_files)),
            partial,
            files,
            sorted(set(self._sources) - set(files)),
        )

    def _document(self, src: Source) -> tuple[Document | None, list[Issue], bool]:
        """The document (None when it cannot be checked further), its issues, and
        whether it is complete (nothing set aside: it may be rendered)."""
        data = src.data
        if not isinstance(data, dict) or "jenis" not in data:
            return (
                None,
                [
                    src.issue(
                        (),
                        "SKEMA",
                        "berkas data harus diawali `jenis: keputusan` atau "
                        "`jenis: sop`; berkas rujukan harus bernama instansi.yaml, "
                        "pejabat.yaml atau regulasi.yaml",
                    )
                ],
                False,
            )
        kind = data.get("jenis")
        model_cls: type[BaseModel] = Keputusan if kind == "keputusan" else Sop
        if kind not in ("keputusan", "sop"):
            return (
                None,
                [
                    src.issue(
                        ("jenis",),
                        "SKEMA",
                        f"jenis '{kind}' tidak dikenal; tulis `jenis: keputusan` "
                        "(SK dengan lampiran) atau `jenis: sop` (SOP mandiri)",
                    )
                ],
                False,
            )
        parts = validate_document(model_cls, src)
        model = parts.model
        if model is None:
            return None, parts.issues, False
        assert isinstance(model, Keputusan | Sop)
        records = self.records_for(src.path.parent)
        document = Document(src, model, records, parts.lampiran_index)
        found = [i for i in resolve(document) if not src.is_tainted(i.path)]
        if document.incomplete or any(i.is_error for i in found):
            return None, parts.issues + found, False
        return document, parts.issues + found, not parts.partial


def parse_file(path: Path) -> Source | Issue:
    """A data file parsed, or the located issue that it cannot be (what the loader
    keeps); a module-level function, so that worker processes can run it."""
    try:
        return load_source(path)
    except YamlProblem as problem:
        return problem.issue


def record_paths(folder: Path) -> list[Path]:
    """The record files a document in `folder` finds its records in (the layout rule in
    the module doc), nearest first."""
    return [
        directory / name
        for directory in _record_folders(folder)
        for name in RECORD_FILES
        if (directory / name).is_file()
    ]


def _record_folders(folder: Path) -> Iterator[Path]:
    """The folder and its parents, stopping at the first that holds the catalog."""
    for directory in (folder, *folder.parents):
        yield directory
        if (directory / CATALOG_FILE).is_file():
            return


def _record_table(records: Records, model: BaseModel) -> tuple[dict[str, Any], str]:
    if isinstance(model, InstansiFile):
        return records.instansi, "instansi"
    if isinstance(model, PejabatFile):
        return records.pejabat, "pejabat"
    return records.regulasi, "regulasi"


def load(paths: Sequence[Path]) -> LoadResult:
    """Load and validate data files or folders; every problem is in `issues`, none raised."""
    return Loader().load(paths)


__all__ = [
    "DATA_SUFFIXES",
    "Document",
    "LoadResult",
    "Loader",
    "Record",
    "Records",
    "Severity",
    "SopEntry",
    "load",
]
