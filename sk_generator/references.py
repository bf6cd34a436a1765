"""Every id a document uses must name a record: resolve them, reporting each unknown id
once, where the user wrote it, with a hint that leads to the right fix."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sk_generator.diagnostics import DataPath, Issue
from sk_generator.document import Document, Records
from sk_generator.hints import unknown_id_message
from sk_generator.model import Keputusan


def _unknown(document: Document, kind: str, rid: str, path: DataPath) -> Issue | None:
    if rid in document.records.failed.get(kind, set()):
        document.incomplete = True  # the record's own errors are reported in its file
        return None
    table: dict[str, Any] = getattr(document.records, kind)
    message = unknown_id_message(kind, rid, sorted(table), document.records.files)
    return document.source.issue(path, "REF", message)


def resolve(document: Document) -> Iterator[Issue]:
    """Every id a document uses must exist; a standalone SOP must carry its own identity.

    Each id is checked where the user wrote it: a lampiran's inherited signer is the SK's
    `penandatangan`, checked once there.
    """
    for found in _references(document):
        if found is not None:
            yield found


def _references(document: Document) -> Iterator[Issue | None]:
    model = document.model
    records = document.records
    if model.instansi is None:
        yield document.source.issue(
            ("instansi",),
            "SKEMA",
            "`instansi` wajib diisi pada SOP mandiri; tambahkan baris `instansi: <id instansi>`",
        )
    elif model.instansi not in records.instansi:
        yield _unknown(document, "instansi", model.instansi, ("instansi",))
    if isinstance(model, Keputusan):
        if model.penandatangan not in records.pejabat:
            yield _unknown(document, "pejabat", model.penandatangan, ("penandatangan",))
        own = model.lampiran
    else:
        own = [model]
        for name in ("nomor", "tanggal_efektif", "disahkan_oleh"):
            if getattr(model, name) is None:
                yield document.source.issue(
                    (name,),
                    "SKEMA",
                    f"`{name}` wajib diisi pada SOP mandiri; tambahkan baris `{name}: ...`",
                )
    for entry, sop in zip(document.sops(), own, strict=True):
        if entry.prefix and sop.instansi and sop.instansi not in records.instansi:
            yield _unknown(document, "instansi", sop.instansi, (*entry.prefix, "instansi"))
        if sop.disahkan_oleh is not None and sop.disahkan_oleh not in records.pejabat:
            where = (*entry.prefix, "disahkan_oleh")
            yield _unknown(document, "pejabat", sop.disahkan_oleh, where)
    for citation in document.citation_items():
        item = citation.item
        if isinstance(item, str) and item not in records.regulasi:
            yield _unknown(document, "regulasi", item, citation.path)
    yield from _catalog_links(records)


def _catalog_links(records: Records) -> Iterator[Issue]:
    """Amendment and revocation links inside the catalog point at catalogued entries."""
    failed = records.failed.get("regulasi", set())
    for record in records.regulasi.values():
        links: list[tuple[str, DataPath]] = [
            (ref, ("diubah_dengan", i)) for i, ref in enumerate(record.value.diubah_dengan)
        ]
        if record.value.dicabut_oleh:
            links.append((record.value.dicabut_oleh, ("dicabut_oleh",)))
        for ref, where in links:
            if ref not in records.regulasi and ref not in failed:
                message = unknown_id_message(
                    "regulasi", ref, sorted(records.regulasi), records.files
                )
                yield record.source.issue((*record.path, *where), "REF", message)
