"""Load data files into documents whose references are resolved against shared records.

Layout rule (documented in docs/panduan.md): a document finds its records in the files
`instansi.yaml`, `pejabat.yaml` and `regulasi.yaml` of its own folder and of each folder
above it, up to and including the first folder that holds a `regulasi.yaml` (the data
root, where the regulation catalog lives). So `data/regulasi.yaml` serves every agency and
`data/sintang/pejabat.yaml` serves only the documents under `data/sintang/`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from sk_generator.diagnostics import DataPath, Issue, Severity, sort_issues
from sk_generator.errors import UserError
from sk_generator.model import (
    Instansi,
    InstansiFile,
    Keputusan,
    Pejabat,
    PejabatFile,
    Peraturan,
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
DATA_SUFFIXES = (".yaml", ".yml")

T = TypeVar("T")


@dataclass(frozen=True)
class Record(Generic[T]):
    """A shared record and where it is defined (to report problems in the record itself)."""

    id: str
    value: T
    source: Source
    path: DataPath


@dataclass
class Records:
    """The records visible from one folder, by id."""

    instansi: dict[str, Record[Instansi]] = field(default_factory=dict)
    pejabat: dict[str, Record[Pejabat]] = field(default_factory=dict)
    regulasi: dict[str, Record[Peraturan]] = field(default_factory=dict)
    #: Record files read, nearest first (shown when an id is not found).
    files: list[Path] = field(default_factory=list)
    #: Ids of records that failed validation, by kind ("pejabat"): already reported in
    #: their own file, so a document citing one gets no follow-on "not found" error.
    failed: dict[str, set[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class SopEntry:
    """An SOP as rendered and checked: inherited values from the SK already filled in.

    `prefix` is the SOP's path inside the file (``("lampiran", 0)`` or ``()``) so that an
    issue about ``langkah[3]`` is located in the right place; `index` numbers lampiran.
    """

    sop: Sop
    prefix: DataPath
    index: int


@dataclass
class Document:
    """A validated SK or standalone SOP with its records."""

    source: Source
    model: Keputusan | Sop
    records: Records
    #: Position in the file of each lampiran in `model.lampiran` (a lampiran that failed
    #: validation is left out of the model; the others keep their place in messages).
    lampiran_index: list[int] = field(default_factory=list)
    #: Cites a record that failed validation: reported there; rules are not run.
    incomplete: bool = False

    @property
    def is_keputusan(self) -> bool:
        return isinstance(self.model, Keputusan)

    @property
    def instansi(self) -> Instansi:
        return self.records.instansi[self.instansi_id].value

    @property
    def instansi_id(self) -> str:
        model = self.model
        assert model.instansi is not None  # guaranteed by resolve()
        return model.instansi

    @property
    def instansi_folder(self) -> Path:
        """Folder of the instansi record (its logo path is relative to it)."""
        return self.records.instansi[self.instansi_id].source.path.parent

    def pejabat(self, pejabat_id: str, pada: dt.date | None = None) -> Pejabat:
        """The official as on `pada` (default: the document's date; see Pejabat.pada)."""
        record = self.records.pejabat[pejabat_id].value
        model = self.model
        when = pada or (model.tanggal if isinstance(model, Keputusan) else model.tanggal_efektif)
        return record.pada(when) if record.menjabat and when else record

    def peraturan(self, rujukan: str | Peraturan) -> Peraturan:
        """The regulation a citation means: the catalog entry for an id, or the inline one."""
        if isinstance(rujukan, str):
            return self.records.regulasi[rujukan].value
        return rujukan

    def sops(self) -> list[SopEntry]:
        """The SOPs of this document: the lampiran of an SK, or the standalone SOP."""
        model = self.model
        if isinstance(model, Sop):
            return [SopEntry(model, (), 0)]
        entries = []
        for index, sop in enumerate(model.lampiran):
            inherited: dict[str, Any] = {
                "instansi": sop.instansi or model.instansi,
                "nomor": sop.nomor or model.nomor,
                "tanggal_efektif": sop.tanggal_efektif or model.tanggal,
                "disahkan_oleh": sop.disahkan_oleh or model.penandatangan,
            }
            position = self.lampiran_index[index] if self.lampiran_index else index
            prefix: DataPath = ("lampiran", position)
            entries.append(SopEntry(sop.model_copy(update=inherited), prefix, index))
        return entries

    def jam_kerja_per_hari(self, sop: Sop) -> float | None:
        """The working-day length for `sop`: its own, else its instansi's (a lampiran's
        instansi is the SK's unless it names another)."""
        if sop.jam_kerja_per_hari is not None:
            return sop.jam_kerja_per_hari
        instansi_id = sop.instansi or self.instansi_id
        return self.records.instansi[instansi_id].value.jam_kerja_per_hari


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


def collect_files(paths: Sequence[Path]) -> list[Path]:
    """Expand folders into their YAML files (sorted); a missing path is a usage error."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in DATA_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise UserError(f"berkas atau folder '{path}' tidak ditemukan")
    unique: dict[Path, None] = {}
    for f in files:
        unique.setdefault(f.resolve(), None)
    return list(unique)


class Loader:
    """Loads documents and the record files around them, reading each file once."""

    def __init__(self) -> None:
        self._sources: dict[Path, Source | Issue] = {}
        self._record_models: dict[Path, BaseModel | None] = {}
        self._record_failed: dict[Path, set[DataPath]] = {}
        self._record_issues: dict[Path, list[Issue]] = {}
        self._records: dict[Path, Records] = {}
        self._dup_issues: dict[Path, list[Issue]] = {}

    def source(self, path: Path) -> Source | Issue:
        path = path.resolve()
        if path not in self._sources:
            try:
                self._sources[path] = load_source(path)
            except YamlProblem as problem:
                self._sources[path] = problem.issue
        return self._sources[path]

    def source_named(self, name: str) -> Source | None:
        """A file already read, by the name its issues carry."""
        for source in self._sources.values():
            if isinstance(source, Source) and source.name == name:
                return source
        return None

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
        for directory in _record_folders(folder):
            for name in RECORD_FILES:
                path = directory / name
                if not path.is_file():
                    continue
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

    def load(self, paths: Sequence[Path]) -> LoadResult:
        files = collect_files(paths)
        documents: list[Document] = []
        partial: list[Document] = []
        issues: list[Issue] = []
        record_files: list[Path] = []
        for path in files:
            if path.name in RECORD_FILES:
                self.records_for(path.parent)
                record_files.append(path)
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


__all__ = ["Document", "LoadResult", "Loader", "Records", "Severity", "SopEntry", "load"]
