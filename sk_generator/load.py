"""Load data files into documents whose references are resolved against shared records.

Layout rule (documented in docs/panduan.md): a document finds its records in the files
`instansi.yaml`, `pejabat.yaml` and `regulasi.yaml` of its own folder and of each folder
above it, up to and including the first folder that holds a `regulasi.yaml` (the data
root, where the regulation catalog lives). So `data/regulasi.yaml` serves every agency and
`data/sintang/pejabat.yaml` serves only the documents under `data/sintang/`.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

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
from sk_generator.validation import translate, validate
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
            entries.append(SopEntry(sop.model_copy(update=inherited), ("lampiran", index), index))
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

    def record_file(self, path: Path) -> tuple[Source | None, BaseModel | None]:
        """Validate a record file once; its issues are kept for `load` to report."""
        path = path.resolve()
        src = self.source(path)
        if path not in self._record_models:
            if isinstance(src, Issue):
                self._record_models[path] = None
                self._record_issues[path] = [src]
            else:
                model, issues = validate(RECORD_FILES[path.name], src)
                self._record_models[path] = model
                self._record_issues[path] = issues
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
            document, doc_issues = self._document(src)
            issues.extend(doc_issues)
            # A document with unresolved references is reported but not handed on: rules
            # and renderers may rely on every id resolving.
            if document is not None and not any(i.is_error for i in doc_issues):
                documents.append(document)
        reported: set[Path] = set()
        for path, found in self._record_issues.items():
            if path not in reported:
                reported.add(path)
                issues.extend(found)
        for found in self._dup_issues.values():
            issues.extend(found)
        return LoadResult(documents, sort_issues(set(issues)), sorted(set(record_files)))

    def _document(self, src: Source) -> tuple[Document | None, list[Issue]]:
        data = src.data
        if not isinstance(data, dict) or "jenis" not in data:
            return None, [
                src.issue(
                    (),
                    "SKEMA",
                    "berkas data harus diawali `jenis: keputusan` atau "
                    "`jenis: sop`; berkas rujukan harus bernama instansi.yaml, "
                    "pejabat.yaml atau regulasi.yaml",
                )
            ]
        kind = data.get("jenis")
        model_cls: type[BaseModel] = Keputusan if kind == "keputusan" else Sop
        if kind not in ("keputusan", "sop"):
            return None, [
                src.issue(
                    ("jenis",),
                    "SKEMA",
                    f"jenis '{kind}' tidak dikenal; tulis `jenis: keputusan` "
                    "(SK dengan lampiran) atau `jenis: sop` (SOP mandiri)",
                )
            ]
        try:
            model = model_cls.model_validate(data)
        except ValidationError as exc:
            return None, translate(exc, src, model_cls, data)
        assert isinstance(model, Keputusan | Sop)
        records = self.records_for(src.path.parent)
        document = Document(src, model, records)
        return document, list(resolve(document))


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


_KIND_FILE = {"instansi": "instansi.yaml", "pejabat": "pejabat.yaml", "regulasi": "regulasi.yaml"}


def _unknown(document: Document, kind: str, rid: str, path: DataPath) -> Issue:
    table: dict[str, Any] = getattr(document.records, kind)
    close = difflib.get_close_matches(rid, list(table), n=1, cutoff=0.6)
    hint = f"; mungkin maksudnya '{close[0]}'?" if close else ""
    if not table:
        hint = f"; belum ada berkas {_KIND_FILE[kind]} di folder ini atau di atasnya"
    elif not close:
        shown = ", ".join(sorted(table)[:8])
        hint = f"; yang tersedia: {shown}" + (", ..." if len(table) > 8 else "")
    return document.source.issue(
        path, "REF", f"{kind} '{rid}' tidak ditemukan di {_KIND_FILE[kind]}{hint}"
    )


def resolve(document: Document) -> Iterable[Issue]:
    """Every id a document uses must exist; a standalone SOP must carry its own identity."""
    model = document.model
    records = document.records
    if model.instansi is None:
        yield document.source.issue(
            (),
            "SKEMA",
            "`instansi` wajib diisi pada SOP mandiri; tambahkan baris `instansi: <id instansi>`",
        )
    elif model.instansi not in records.instansi:
        yield _unknown(document, "instansi", model.instansi, ("instansi",))
    if isinstance(model, Keputusan):
        if model.penandatangan not in records.pejabat:
            yield _unknown(document, "pejabat", model.penandatangan, ("penandatangan",))
        yield from _citations(document, model.mengingat, ("mengingat",))
        yield from _citations(document, model.memperhatikan, ("memperhatikan",))
    for entry in document.sops():
        sop = entry.sop
        if not entry.prefix:
            for name in ("nomor", "tanggal_efektif", "disahkan_oleh"):
                if getattr(sop, name) is None:
                    yield document.source.issue(
                        (),
                        "SKEMA",
                        f"`{name}` wajib diisi pada SOP mandiri; tambahkan baris `{name}: ...`",
                    )
        if entry.prefix and sop.instansi and sop.instansi not in records.instansi:
            yield _unknown(document, "instansi", sop.instansi, (*entry.prefix, "instansi"))
        raw = sop.disahkan_oleh
        if raw is not None and raw not in records.pejabat:
            where = (*entry.prefix, "disahkan_oleh")
            yield _unknown(document, "pejabat", raw, where)
        yield from _citations(document, sop.dasar_hukum, (*entry.prefix, "dasar_hukum"))
    for rid, record in records.regulasi.items():
        del rid
        for index, ref in enumerate(record.value.diubah_dengan):
            if ref not in records.regulasi:
                yield _unknown_in_record(
                    record, ref, (*record.path, "diubah_dengan", index), records
                )
        if record.value.dicabut_oleh and record.value.dicabut_oleh not in records.regulasi:
            yield _unknown_in_record(
                record, record.value.dicabut_oleh, (*record.path, "dicabut_oleh"), records
            )


def _unknown_in_record(
    record: Record[Peraturan], ref: str, path: DataPath, records: Records
) -> Issue:
    close = difflib.get_close_matches(ref, list(records.regulasi), n=1, cutoff=0.6)
    hint = f"; mungkin maksudnya '{close[0]}'?" if close else ""
    return record.source.issue(path, "REF", f"regulasi '{ref}' tidak ditemukan di katalog{hint}")


def _citations(document: Document, items: Sequence[Any], path: DataPath) -> Iterator[Issue]:
    for index, item in enumerate(items):
        if isinstance(item, str) and item not in document.records.regulasi:
            yield _unknown(document, "regulasi", item, (*path, index))


def load(paths: Sequence[Path]) -> LoadResult:
    """Load and validate data files or folders; every problem is in `issues`, none raised."""
    return Loader().load(paths)


__all__ = ["Document", "LoadResult", "Loader", "Records", "Severity", "SopEntry", "load"]
