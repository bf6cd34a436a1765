"""A document's status: `draf` while drafting, `ditetapkan` once signed.

A signed document is archived and frozen by the build (sk_generator.build.frozen), so
these rules catch what cannot be right for a signed document before it is archived: a
nomor still waiting for its number, and a status written on a lampiran (which is signed
with its SK, on the SK's status).
"""

from __future__ import annotations

from collections.abc import Iterator

from sk_generator.checks.nomor import parse_nomor
from sk_generator.checks.registry import Finding, rule
from sk_generator.diagnostics import Severity
from sk_generator.document import Document
from sk_generator.model import Keputusan


@rule(
    "STATUS-LAMPIRAN",
    Severity.ERROR,
    "Status ditulis di SK, bukan di lampirannya",
    scope="dokumen",
    penjelasan=(
        "Lampiran ditandatangani bersama SK-nya, jadi statusnya (draf atau ditetapkan) adalah "
        "status SK. Tulis `status:` sekali, di bagian atas berkas SK."
    ),
    wrong="""
jenis: keputusan
lampiran:
  - nama: Pengumpulan Data Kinerja
    status: ditetapkan
""",
    right="""
jenis: keputusan
status: ditetapkan
lampiran:
  - nama: Pengumpulan Data Kinerja
""",
)
def status_on_lampiran(document: Document) -> Iterator[Finding]:
    """A lampiran has no status of its own; one written there would be silently ignored."""
    model = document.model
    if not isinstance(model, Keputusan):
        return
    for entry in document.sops():
        if model.lampiran[entry.index].status is not None:
            yield (
                (*entry.prefix, "status"),
                "lampiran mengikuti status SK-nya; hapus baris ini dan tulis `status: "
                f"{model.lampiran[entry.index].status}` di bagian atas SK bila SK itu "
                "memang sudah ditandatangani",
            )


@rule(
    "STATUS-NOMOR-DRAF",
    Severity.ERROR,
    "Dokumen yang ditetapkan sudah bernomor",
    scope="dokumen",
    penjelasan=(
        "Dokumen berstatus ditetapkan sudah ditandatangani dan diarsipkan pada build "
        "berikutnya; nomor urutnya pasti sudah diberikan dari buku agenda. Isi nomor urutnya, "
        "atau biarkan `status: draf` sampai dokumen ditandatangani."
    ),
    wrong="""
status: ditetapkan
nomor: 503/ /DPMPTSP/2024
""",
    right="""
status: ditetapkan
nomor: 503/27/DPMPTSP/2024
""",
)
def signed_without_number(document: Document) -> Iterator[Finding]:
    """A signed document was given its number: archiving a draft nomor would freeze it."""
    model = document.model
    if model.status != "ditetapkan" or model.nomor is None:
        return
    nomor = parse_nomor(model.nomor)
    if not nomor.problems and nomor.draft:
        yield (
            ("status",),
            f"dokumen berstatus ditetapkan, tetapi nomor '{model.nomor}' belum punya nomor "
            "urut; isi nomor urut dari buku agenda, atau tulis `status: draf` sampai "
            "dokumen ditandatangani",
        )
