"""What a document's PDFs say about it: title, author, subject, keywords, page labels."""

from __future__ import annotations

from collections.abc import Sequence

from sk_generator.build.naming import nomor_of
from sk_generator.bundle import BundleInfo
from sk_generator.load import Document
from sk_generator.model import Keputusan
from sk_generator.wording import jabatan_penetap, romawi, title_case


def title_of(document: Document) -> str:
    """The PDF title: "Keputusan Kepala Dinas ... Nomor ... tentang ..." or "SOP ..."."""
    model = document.model
    if isinstance(model, Keputusan):
        penetap = jabatan_penetap(model, document.instansi)
        return f"Keputusan {penetap} Nomor {model.nomor} tentang {model.tentang}"
    return f"Standar Operasional Prosedur {model.nama}"


def info_of(document: Document) -> BundleInfo:
    """The bundle's metadata; the author is the instansi, the subject its nomor."""
    instansi = document.instansi
    author = f"{title_case(instansi.nama)} {instansi.daerah}"
    model = document.model
    keywords = ["Keputusan Kepala Dinas"] if isinstance(model, Keputusan) else []
    keywords += ["SOP AP", *(f"SOP {entry.sop.nama}" for entry in document.sops())]
    keywords.append(instansi.daerah)
    tanggal = model.tanggal if isinstance(model, Keputusan) else model.tanggal_efektif
    if tanggal is not None:
        keywords.append(str(tanggal.year))
    return BundleInfo(title_of(document), author, nomor_of(document), tuple(keywords))


def page_prefixes(roles: Sequence[str]) -> list[str]:
    """Page-label prefix of each part, by role: "" for the SK and a standalone SOP,
    "Lampiran-" for a sole lampiran, "Lampiran I-", "Lampiran II-" for several."""
    count = sum(1 for role in roles if role == "lampiran")
    prefixes, number = [], 0
    for role in roles:
        if role != "lampiran":
            prefixes.append("")
            continue
        number += 1
        prefixes.append("Lampiran-" if count == 1 else f"Lampiran {romawi(number)}-")
    return prefixes
