"""Signed documents are frozen: the build side of the archive (arsip.py).

Before rendering, each `status: ditetapkan` document is compared with its archived
version of the same penetapan (nomor, tanggal, recorded revisions):

- no archived version yet (the first build after signing, or a new penetapan): it is
  built and then archived;
- the data now prints the same as the archived data: it is built, and the files the
  archive holds are written from the archive (so a newer tool or font never reprints a
  signed document differently);
- the data now prints something else (an edited record, an edited SK): the document is
  refused (not rendered, its output folder and its archive untouched) and the build,
  after making the other documents, fails with the changes as `sk-generator beda` lists
  them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sk_generator.build.arsip import Versi, archive, ditetapkan, find, load_archived
from sk_generator.build.assemble import OutputFile, OutputSet
from sk_generator.build.plan import Plan
from sk_generator.compare import compare_documents, daftar_perubahan
from sk_generator.datafiles import in_archive
from sk_generator.diagnostics import Issue, display_path
from sk_generator.errors import DataError
from sk_generator.load import Document

#: Where a refused document's message points, and what it says to do.
FIX = (
    "kembalikan perubahan itu (pergantian pejabat atau kenaikan pangkat dicatat sebagai "
    "pejabat baru atau masa baru di `menjabat`, bukan dengan mengubah data lama), catat "
    "perubahannya sebagai revisi di `revisi:` SOP-nya (tanggal dan uraian), atau bila "
    "dokumen ini diterbitkan "
    "ulang, ubah `status` menjadi draf sampai nomor dan tanggal barunya ditetapkan"
)


@dataclass(frozen=True)
class Refusal:
    """A signed document whose data now prints differently from its archive."""

    document: Document
    versi: Versi
    #: The change lines, numbered as `beda` prints them.
    changes: list[str]


@dataclass
class Frozen:
    """The signed documents of one build and what the build may do with each."""

    refused: list[Refusal] = field(default_factory=list)
    #: Data files of documents to archive once committed.
    to_archive: set[Path] = field(default_factory=set)
    #: Data files of documents built from their archive, and that archived version.
    served: dict[Path, Versi] = field(default_factory=dict)

    def remaining(self, plan: Plan) -> Plan:
        """`plan` without the refused documents."""
        refused = {_key(r.document) for r in self.refused}
        kept = [
            (document, name)
            for document, name in zip(plan.documents, plan.names, strict=True)
            if _key(document) not in refused
        ]
        return replace(plan, documents=[d for d, _ in kept], names=[n for _, n in kept])

    def serve(self, document: Document, outputs: OutputSet) -> OutputSet:
        """`outputs` with each file the archive holds taken from the archive."""
        versi = self.served.get(_key(document))
        if versi is None:
            return outputs
        archived = versi.read_files()
        files = [OutputFile(f.name, archived.get(f.name, f.data)) for f in outputs.files]
        return replace(outputs, files=files)

    def keep(self, document: Document, outputs: OutputSet) -> Path | None:
        """After the commit: archive a newly signed document; returns the new version."""
        if _key(document) not in self.to_archive or find(document) is not None:
            return None  # (a build into another output folder may have archived it since)
        return archive(document, [(f.name, f.data) for f in outputs.files])


def _key(document: Document) -> Path:
    return document.source.path.resolve()


def freeze(documents: Sequence[Document]) -> Frozen:
    """Decide, before rendering, what happens to each signed document (module doc)."""
    frozen = Frozen()
    for document in documents:
        path = _key(document)
        # A copy inside an archive is a record, not a document to sign again.
        if not ditetapkan(document) or in_archive(path, Path(path.anchor)):
            continue
        versi = find(document)
        if versi is None:
            frozen.to_archive.add(path)
            continue
        changes = _changes(versi, document)
        if changes:
            frozen.refused.append(Refusal(document, versi, changes))
        else:
            frozen.served[path] = versi
    return frozen


def _changes(versi: Versi, document: Document) -> list[str]:
    """What differs from the archived version: damaged archive files, else the changes
    in what the data prints (as `beda` lists them)."""
    if versi.penetapan is None:
        return [
            f"  {versi.folder / 'arsip.json'} tidak dapat dibaca (rusak atau diubah); "
            "pulihkan dari cadangan"
        ]
    damaged = versi.damaged()
    if damaged:
        return [
            f"  berkas arsip {name} hilang atau berubah setelah diarsipkan (SHA-256-nya tidak "
            "sama dengan arsip.json); pulihkan dari cadangan"
            for name in damaged
        ]
    signed = load_archived(versi)
    if signed is None:
        return [
            "  data arsip tidak dapat dibaca oleh versi sk-generator ini; bandingkan sendiri "
            "dengan berkas di arsip"
        ]
    return daftar_perubahan(compare_documents(signed, document))


def refusal_error(refusals: Sequence[Refusal], built: int) -> DataError:
    """One located issue per refused document, and the changes in the message."""
    issues: list[Issue] = []
    lines = [
        f"{len(refusals)} dokumen yang sudah ditetapkan tidak dibuat ulang karena datanya "
        f"kini berbeda dari yang ditandatangani ({built} dokumen lain dibuat):"
    ]
    for item in refusals:
        where = display_path(item.versi.folder)
        issues.append(
            item.document.source.issue(
                ("status",),
                "DITETAPKAN",
                f"dokumen ini sudah ditetapkan dan diarsipkan di {where}; datanya kini "
                "dicetak berbeda, jadi tidak dibuat ulang (berkas keluaran dan arsipnya "
                f"tidak diubah). Perbaiki: {FIX}",
            )
        )
        lines.append(f"{item.document.source.name} (dibanding arsip {where}):")
        lines += item.changes
        lines.append(
            f"  (rinciannya: sk-generator beda {display_path(item.versi.data_file)} "
            f"{item.document.source.name})"
        )
    return DataError(issues, "\n".join(lines))
