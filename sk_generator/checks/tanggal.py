"""Dates: the SOP's own dates in order, and a lampiran SOP that agrees with its SK.

PermenPANRB 35/2012: Tanggal Efektif (the date signed) is not before Tanggal Pembuatan
(drafting finished); a Tanggal Revisi is not before Tanggal Pembuatan. A lampiran SOP
takes its nomor and tanggal efektif from the SK; seed 003 typed them a second time and
they came out different.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sk_generator.checks.registry import Finding, rule
from sk_generator.diagnostics import DataPath, Severity
from sk_generator.document import Document, SopEntry
from sk_generator.model import BulanTahun, Keputusan, Sop
from sk_generator.wording.tanggal import tanggal


def _own(document: Document, entry: SopEntry) -> Sop:
    """The SOP as written in the file (without values inherited from the SK)."""
    model = document.model
    if isinstance(model, Keputusan):
        return model.lampiran[entry.index]
    return entry.sop


@rule(
    "TANGGAL-EFEKTIF",
    Severity.ERROR,
    "Tanggal efektif tidak boleh sebelum tanggal pembuatan",
    scope="sop",
    penjelasan=(
        "Menurut PermenPANRB 35/2012, tanggal pembuatan adalah tanggal SOP selesai disusun, "
        "sedangkan tanggal efektif adalah tanggal SOP ditandatangani dan mulai berlaku, "
        "sehingga tanggal efektif tidak mungkin mendahului tanggal pembuatan. Perbaiki salah "
        "satu tanggal; pada SOP lampiran, tanggal efektif sama dengan tanggal SK kecuali "
        "ditulis tersendiri."
    ),
    wrong="""
tanggal_pembuatan: 2024-01-06
tanggal_efektif: 2024-01-02
""",
    right="""
tanggal_pembuatan: 2024-01-02
tanggal_efektif: 2024-01-06
""",
)
def efektif_after_pembuatan(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """An SOP takes effect when it is signed, which is after its drafting is finished. In
    a lampiran the tanggal efektif is the SK's date unless the SOP sets its own."""
    sop = entry.sop
    if sop.tanggal_efektif is None or sop.tanggal_efektif >= sop.tanggal_pembuatan:
        return
    inherited = _own(document, entry).tanggal_efektif is None
    where = ("tanggal_pembuatan",) if inherited else ("tanggal_efektif",)
    source = " (tanggal SK)" if inherited else ""
    yield (
        where,
        f"tanggal efektif {tanggal(sop.tanggal_efektif)}{source} sebelum tanggal pembuatan "
        f"{tanggal(sop.tanggal_pembuatan)}; SOP berlaku setelah selesai disusun: perbaiki "
        "salah satu tanggal",
    )


@rule(
    "TANGGAL-REVISI",
    Severity.ERROR,
    "Tanggal revisi tidak boleh sebelum tanggal pembuatan",
    scope="sop",
    penjelasan=(
        "Revisi mengubah SOP yang sudah ada, sehingga tanggal revisi selalu sesudah tanggal "
        "pembuatan (PermenPANRB 35/2012). Bila ada beberapa revisi, tulis tanggalnya berurutan "
        "dari yang terlama."
    ),
    wrong="""
tanggal_pembuatan: 2024-02-10
tanggal_revisi: 2023-12-01
""",
    right="""
tanggal_pembuatan: 2024-02-10
tanggal_revisi: 2024-12-01
""",
)
def revisi_after_pembuatan(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """A revision changes an existing SOP, so it comes after the drafting date; revisions
    are listed oldest first (in `revisi:` or the older `tanggal_revisi:` list)."""
    del document
    sop = entry.sop
    previous = None
    for index, revisi in enumerate(sop.tanggal_revisi_semua()):
        where = ("revisi", index, "tanggal") if sop.revisi else ("tanggal_revisi", index)
        if revisi < sop.tanggal_pembuatan:
            yield (
                where,
                f"tanggal revisi {tanggal(revisi)} sebelum tanggal pembuatan "
                f"{tanggal(sop.tanggal_pembuatan)}; perbaiki tanggalnya (revisi selalu "
                "sesudah pembuatan)",
            )
        elif previous is not None and revisi < previous:
            yield (
                where,
                f"tanggal revisi {tanggal(revisi)} sebelum revisi sebelumnya "
                f"{tanggal(previous)}; urutkan tanggal revisi dari yang terlama",
            )
        previous = revisi


@rule(
    "TANGGAL-LAMPIRAN",
    Severity.ERROR,
    "SOP lampiran tidak boleh berlaku sebelum tanggal SK",
    scope="sop",
    penjelasan=(
        "Lampiran merupakan bagian tidak terpisahkan dari SK (UU 12/2011 Lampiran II), sehingga"
        " SOP di dalamnya tidak dapat berlaku sebelum SK ditetapkan. Hapus `tanggal_efektif` "
        "pada SOP lampiran agar tanggalnya mengikuti tanggal SK."
    ),
    wrong="""
tanggal: 2024-02-10          # SK
lampiran:
  - nama: Pengumpulan Data Kinerja
    tanggal_efektif: 2024-01-06
""",
    right="""
tanggal: 2024-02-10
lampiran:
  - nama: Pengumpulan Data Kinerja   # tanggal efektif = tanggal SK
""",
)
def lampiran_not_before_sk(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """A lampiran is part of the SK and has no force before the SK is signed."""
    model = document.model
    if not isinstance(model, Keputusan):
        return
    own = _own(document, entry).tanggal_efektif
    if own is not None and own < model.tanggal:
        yield (
            ("tanggal_efektif",),
            f"SOP lampiran berlaku {tanggal(own)}, sebelum SK ditetapkan "
            f"{tanggal(model.tanggal)}; hapus `tanggal_efektif` agar mengikuti tanggal SK",
        )


@rule(
    "LAMPIRAN-BEDA-SK",
    Severity.ERROR,
    "Nomor dan tanggal SOP lampiran mengikuti SK",
    scope="sop",
    penjelasan=(
        "Nomor dan tanggal pada kepala lampiran dan pada identitas SOP lampiran adalah nomor "
        "dan tanggal SK itu sendiri; bila diketik ulang, keduanya mudah berbeda dari SK. Hapus "
        "`nomor` dan `tanggal_efektif` pada SOP lampiran agar keduanya diambil dari SK."
    ),
    wrong="""
nomor: 520/11/KPTS/III.20/2024
tanggal: 2024-02-10
lampiran:
  - nama: Pengumpulan Data Kinerja
    nomor: 050/12/KPTS/II.08/2024
    tanggal_efektif: 2024-03-04
""",
    right="""
nomor: 520/11/KPTS/III.20/2024
tanggal: 2024-02-10
lampiran:
  - nama: Pengumpulan Data Kinerja   # nomor dan tanggal diambil dari SK
""",
)
def lampiran_follows_sk(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """The lampiran heading (NOMOR, TANGGAL) and the SOP identity are the SK's own nomor
    and date. Typed a second time they drift apart (seed 003: lampiran 050/12/KPTS/II.08/
    2024 of 4 Maret 2024 under SK 520/11/KPTS/III.20/2024 of 10 Februari 2024). A later
    date is reported here, an earlier one by TANGGAL-LAMPIRAN."""
    model = document.model
    if not isinstance(model, Keputusan):
        return
    own = _own(document, entry)
    if own.nomor is not None and " ".join(own.nomor.split()) != model.nomor:
        yield (
            ("nomor",),
            f"nomor SOP lampiran '{own.nomor}' berbeda dari nomor SK '{model.nomor}'; hapus "
            "`nomor` agar mengikuti nomor SK",
        )
    if own.tanggal_efektif is not None and own.tanggal_efektif > model.tanggal:
        yield (
            ("tanggal_efektif",),
            f"tanggal SOP lampiran {tanggal(own.tanggal_efektif)} berbeda dari tanggal SK "
            f"{tanggal(model.tanggal)}; hapus `tanggal_efektif` agar mengikuti tanggal SK",
        )


@rule(
    "TANGGAL-BULAN",
    Severity.WARNING,
    "Tanggal SOP sebaiknya lengkap dengan harinya",
    scope="sop",
    penjelasan=(
        "Sebagian instansi mencetak tanggal pembuatan, revisi atau efektif SOP hanya dengan "
        "bulan dan tahun (Oktober 2024); bentuk itu diterima dan dicetak seperti ditulis. "
        "Tanggal lengkap lebih baik: tanggal efektif adalah hari SOP ditandatangani "
        "(PermenPANRB 35/2012), dan urutan tanggal dalam bulan yang sama tidak dapat "
        "diperiksa tanpa harinya. Tulis harinya bila diketahui."
    ),
    wrong="""
tanggal_pembuatan: Oktober 2024
""",
    right="""
tanggal_pembuatan: 14 Oktober 2024
""",
)
def full_dates(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """Month-year dates are accepted where agencies print them (model.common.BulanTahun)
    and printed as written; the full date is preferred, so each one written in the SOP
    itself (not a date inherited from the SK) is a warning at its own line."""
    sop = _own(document, entry)
    written: list[tuple[DataPath, str, dt.date | None]] = [
        (("tanggal_pembuatan",), "tanggal pembuatan", sop.tanggal_pembuatan),
        (("tanggal_efektif",), "tanggal efektif", sop.tanggal_efektif),
    ]
    written += [
        (("tanggal_revisi", i), "tanggal revisi", d) for i, d in enumerate(sop.tanggal_revisi)
    ]
    written += [
        (("revisi", i, "tanggal"), "tanggal revisi", r.tanggal) for i, r in enumerate(sop.revisi)
    ]
    for path, name, day in written:
        if isinstance(day, BulanTahun):
            yield (
                path,
                f"{name} ditulis bulan dan tahun saja ('{tanggal(day)}') dan dicetak demikian; "
                f"tanggal lengkap lebih baik: tulis harinya bila diketahui, mis. "
                f"'17 {tanggal(day)}'",
            )


def hari_ini() -> dt.date:
    """Today's date (a function so that tests can pin the boundary)."""
    return dt.date.today()


def _one_year_after(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@rule(
    "TANGGAL-MASA-DEPAN",
    Severity.ERROR,
    "Tanggal dokumen tidak boleh lebih dari setahun ke depan",
    scope="dokumen",
    penjelasan=(
        "SK dan SOP diberi tanggal saat ditetapkan; tanggal yang lebih dari setahun setelah hari"
        " ini hampir pasti salah ketik tahun (misalnya 2099 atau 2052 untuk 2025) dan akan "
        "tercetak apa adanya. Perbaiki tahunnya."
    ),
    wrong="""
tanggal: 2099-02-10
""",
    right="""
tanggal: 2024-02-10
""",
)
def not_far_ahead(document: Document) -> Iterator[Finding]:
    """A date more than a year after today is a typo in the year (2099, 2052 for 2025);
    drafts prepared ahead stay within a year. Each date is checked where it is written
    (a lampiran's inherited dates at the SK's `tanggal`)."""
    limit = _one_year_after(hari_ini())
    model = document.model
    written: list[tuple[DataPath, dt.date | None]] = []
    if isinstance(model, Keputusan):
        written.append((("tanggal",), model.tanggal))
        sops: list[tuple[DataPath, Sop]] = [
            (entry.prefix, sop) for entry, sop in zip(document.sops(), model.lampiran, strict=True)
        ]
    else:
        sops = [((), model)]
    for prefix, sop in sops:
        written.append(((*prefix, "tanggal_pembuatan"), sop.tanggal_pembuatan))
        written.append(((*prefix, "tanggal_efektif"), sop.tanggal_efektif))
        written.extend(
            ((*prefix, "tanggal_revisi", i), day) for i, day in enumerate(sop.tanggal_revisi)
        )
    for path, day in written:
        if day is not None and day > limit:
            yield (
                path,
                f"tanggal {tanggal(day)} lebih dari setahun setelah hari ini "
                f"({tanggal(hari_ini())}); periksa tahunnya",
            )
