"""The build side of signed documents (:mod:`sk_generator.arsip`): archive at the first
build after signing, refuse a later build that would print something else.

A refused document is not written (its folder and its archive stay as they were); the
other documents build as usual, and the build then fails (exit 1) listing what changed,
as `sk-generator beda` between the archived data and the data now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sk_generator.arsip import Putusan, archive, archived_document, decide
from sk_generator.build.assemble import OutputSet
from sk_generator.compare.dokumen import compare_documents
from sk_generator.diagnostics import Issue, display_path
from sk_generator.errors import DataError
from sk_generator.fingerprint import FINGERPRINT_FILE, fingerprint
from sk_generator.load import Document


@dataclass(frozen=True)
class Refusal:
    """A signed document whose new outputs differ from its archive."""

    document: Document
    archive: Path
    changes: list[str]


def _files(outputs: OutputSet) -> list[tuple[str, bytes]]:
    return [(f.name, f.data) for f in outputs.files if f.name != FINGERPRINT_FILE]


def guard(out_dir: Path, document: Document, outputs: OutputSet) -> Putusan:
    """What may happen to `document`'s new outputs (see :func:`sk_generator.arsip.decide`)."""
    made = fingerprint(document.source.name, _files(outputs))
    return decide(out_dir, outputs.folder, document, made)


def keep(out_dir: Path, document: Document, outputs: OutputSet, putusan: Putusan) -> None:
    """After the commit: archive a newly signed document (or a new revision of one)."""
    if putusan.hasil == "arsipkan":
        archive(out_dir, outputs.folder, document, _files(outputs))


def refusal(document: Document, putusan: Putusan) -> Refusal:
    assert putusan.versi is not None
    signed = archived_document(putusan.versi)
    changes = [p.teks() for p in compare_documents(signed, document)] if signed else []
    return Refusal(document, putusan.versi.folder, changes)


def refusal_error(refusals: Sequence[Refusal], built: int) -> DataError:
    """One located issue per refused document, and the changes in the message."""
    issues: list[Issue] = []
    lines = [
        f"{len(refusals)} dokumen yang sudah ditetapkan tidak dibuat ulang karena hasilnya "
        f"akan berbeda dari arsipnya ({built} dokumen lain dibuat):"
    ]
    for item in refusals:
        where = display_path(item.archive)
        issues.append(
            item.document.source.issue(
                ("status",),
                "DITETAPKAN",
                f"dokumen ini sudah ditetapkan (arsip: {where}); hasil build berbeda dari "
                "arsip, jadi tidak ditulis. Kembalikan datanya, atau catat revisinya di "
                "`revisi:` (tanggal dan uraian) agar versi baru diarsipkan",
            )
        )
        lines.append(f"{item.document.source.name}:")
        shown = item.changes or ["(isi sama, tetapi berkas hasilnya berbeda)"]
        lines += [f"  {number}. {text}" for number, text in enumerate(shown, start=1)]
    return DataError(issues, "\n".join(lines))
