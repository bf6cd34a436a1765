"""NIP and pangkat/golongan of the officials a document uses.

The problems are in the pejabat record, so they are reported in ``pejabat.yaml`` at the
record's own line (an :class:`Elsewhere` finding), once per record however many documents
use it (`check` merges identical issues).

NIP (PP 11/2017 and BKN practice): 18 digits = birth date yyyymmdd, first appointment
yyyymm, gender (1 pria, 2 wanita), 3-digit sequence. PPPK numbers have the same layout but
carry the code 21 where a PNS number has the appointment month: a NIP whose digits 13-14
are "21" is taken as PPPK and only its appointment year is checked (no month can be 21, so
nothing valid is lost).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from sk_generator.checks.registry import Elsewhere, Finding, rule
from sk_generator.diagnostics import Severity
from sk_generator.document import Document, Record
from sk_generator.model import GOLONGAN, Keputusan, Pejabat
from sk_generator.wording.pejabat import nip as nip_cetak

#: Digits 13-14 of a PPPK number (in place of the PNS appointment month).
PPPK_CODE = "21"

#: Pangkat per golongan ruang (BKN; domain.md). "Tingkat I" is often written "Tk. I".
PANGKAT: dict[str, str] = dict(
    zip(
        GOLONGAN,
        (
            "Juru Muda",
            "Juru Muda Tingkat I",
            "Juru",
            "Juru Tingkat I",
            "Pengatur Muda",
            "Pengatur Muda Tingkat I",
            "Pengatur",
            "Pengatur Tingkat I",
            "Penata Muda",
            "Penata Muda Tingkat I",
            "Penata",
            "Penata Tingkat I",
            "Pembina",
            "Pembina Tingkat I",
            "Pembina Utama Muda",
            "Pembina Utama Madya",
            "Pembina Utama",
        ),
        strict=True,
    )
)


def norm_pangkat(text: str) -> str:
    """Pangkat without case or spelling variants: "Pembina TK. I" == "pembina tingkat i"."""
    text = re.sub(r"\s+", " ", text.casefold()).strip()
    text = re.sub(r"\btk\s*\.?\s*(?=i\b)", "tingkat ", text)
    return re.sub(r"\s+", " ", text)


def pejabat_records(document: Document) -> list[Record[Pejabat]]:
    """The pejabat records `document` uses (signer, SOP approvers), each once."""
    ids: list[str] = []
    model = document.model
    if isinstance(model, Keputusan):
        ids.append(model.penandatangan)
    ids.extend(e.sop.disahkan_oleh for e in document.sops() if e.sop.disahkan_oleh)
    table = document.records.pejabat
    return [table[i] for i in dict.fromkeys(ids) if i in table]


def _nips(document: Document) -> Iterator[tuple[Record[Pejabat], str]]:
    for record in pejabat_records(document):
        if record.value.nip:
            yield record, record.value.nip


def birth_date(nip: str) -> dt.date | None:
    try:
        return dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return None


def is_pppk(nip: str) -> bool:
    return nip[12:14] == PPPK_CODE


def _at(record: Record[Pejabat], message: str) -> Elsewhere:
    return Elsewhere(record.source, (*record.path, "nip"), message)


@rule(
    "NIP-LAHIR",
    Severity.ERROR,
    "Delapan angka pertama NIP adalah tanggal lahir yang ada",
    scope="dokumen",
    penjelasan=(
        "Menurut ketentuan BKN, delapan angka pertama NIP adalah tanggal lahir pegawai (tahun, "
        "bulan, tanggal), misalnya 19670621 untuk 21 Juni 1967. Tanggal yang tidak ada di "
        "kalender, sebelum tahun 1900, atau belum terjadi menandakan salah ketik; cocokkan NIP "
        "di `pejabat.yaml` dengan data kepegawaian."
    ),
    wrong="""
pejabat:
  kadis:
    nip: 19671321 199003 1 006   # bulan 13
""",
    right="""
pejabat:
  kadis:
    nip: 19670621 199003 1 006
""",
)
def nip_birth(document: Document) -> Iterator[Finding]:
    """Digits 1-8 are the birth date (yyyymmdd): a day that is not in the calendar, a
    year before 1900 or a date in the future is a typing mistake."""
    today = dt.date.today()
    for record, nip in _nips(document):
        born = birth_date(nip)
        if born is None or born.year < 1900 or born > today:
            yield _at(
                record,
                f"NIP {nip_cetak(nip)}: '{nip[:8]}' bukan tanggal lahir (tahun, bulan, "
                "tanggal) yang ada; periksa delapan angka pertama NIP",
            )


@rule(
    "NIP-PENGANGKATAN",
    Severity.ERROR,
    "Angka 9-14 NIP adalah bulan pengangkatan yang mungkin",
    scope="dokumen",
    penjelasan=(
        "Angka ke-9 sampai ke-14 NIP adalah tahun dan bulan pengangkatan pertama sebagai CPNS "
        "(ketentuan BKN), misalnya 199003 untuk Maret 1990: bulannya 01 sampai 12, tidak di "
        "masa depan, dan tidak sebelum pegawai berumur 18 tahun. Pada NIP PPPK angka ke-13 dan "
        "ke-14 berisi kode 21, sehingga hanya tahunnya yang diperiksa. Cocokkan NIP di "
        "`pejabat.yaml` dengan data kepegawaian."
    ),
    wrong="""
pejabat:
  kadis:
    nip: 19670621 198003 1 006   # diangkat umur 12 tahun
""",
    right="""
pejabat:
  kadis:
    nip: 19670621 199003 1 006
""",
)
def nip_appointment(document: Document) -> Iterator[Finding]:
    """Digits 9-14 are the first appointment as CPNS (yyyymm): the month is 01-12, not in
    the future, and not before the 18th birthday (the minimum age for appointment). PPPK
    numbers carry the code 21 instead of a month: only their year is checked."""
    today = dt.date.today()
    for record, nip in _nips(document):
        year, month = int(nip[8:12]), nip[12:14]
        shown = f"NIP {nip_cetak(nip)}"
        if not is_pppk(nip) and not 1 <= int(month) <= 12:
            yield _at(
                record,
                f"{shown}: bulan pengangkatan '{month}' tidak ada (harus 01-12; NIP PPPK "
                f"memakai kode {PPPK_CODE}); periksa angka ke-9 sampai ke-14 NIP",
            )
            continue
        appointed = (year, 1 if is_pppk(nip) else int(month))
        born = birth_date(nip)
        if appointed > (today.year, today.month):
            yield _at(
                record,
                f"{shown}: tahun/bulan pengangkatan {nip[8:14]} belum terjadi; periksa angka "
                "ke-9 sampai ke-14 NIP",
            )
        elif born is not None:
            adult = (born.year + 18, 1 if is_pppk(nip) else born.month)
            if appointed < adult:
                yield _at(
                    record,
                    f"{shown}: diangkat {nip[8:14]} sebelum berumur 18 tahun (lahir "
                    f"{nip[:8]}); periksa tanggal lahir dan tahun pengangkatan pada NIP",
                )


@rule(
    "NIP-KELAMIN",
    Severity.ERROR,
    "Angka ke-15 NIP adalah 1 (pria) atau 2 (wanita)",
    scope="dokumen",
    penjelasan=(
        "Menurut ketentuan BKN, angka ke-15 NIP menunjukkan jenis kelamin: 1 untuk pria dan 2 "
        "untuk wanita. Angka lain adalah salah ketik; cocokkan NIP di `pejabat.yaml` dengan "
        "data kepegawaian."
    ),
    wrong="""
pejabat:
  kadis:
    nip: 19670621 199003 3 006
""",
    right="""
pejabat:
  kadis:
    nip: 19670621 199003 1 006
""",
)
def nip_gender(document: Document) -> Iterator[Finding]:
    """Digit 15 codes the gender: 1 for pria, 2 for wanita; any other digit is a typo."""
    for record, nip in _nips(document):
        if nip[14] not in "12":
            yield _at(
                record,
                f"NIP {nip_cetak(nip)}: angka ke-15 '{nip[14]}' harus 1 (pria) atau 2 "
                "(wanita); periksa NIP",
            )


@rule(
    "PANGKAT-GOLONGAN",
    Severity.ERROR,
    "Pangkat sesuai dengan golongan ruang",
    scope="dokumen",
    penjelasan=(
        "Setiap golongan ruang PNS mempunyai satu pangkat, misalnya III/d Penata Tingkat I dan "
        "IV/b Pembina Tingkat I; pangkat yang tidak sesuai akan tercetak salah di bawah nama "
        'penanda tangan. Perbaiki pangkat atau golongan di `pejabat.yaml`. Penulisan "Tingkat '
        'I" dan "Tk. I" dianggap sama.'
    ),
    wrong="""
pejabat:
  kadis:
    pangkat: Pembina Utama Muda
    golongan: IV/b
""",
    right="""
pejabat:
  kadis:
    pangkat: Pembina Tk. I
    golongan: IV/b
""",
)
def pangkat_golongan(document: Document) -> Iterator[Finding]:
    """Each golongan ruang has one pangkat (IV/b is Pembina Tingkat I). "Tingkat I",
    "Tk. I" and "TK. I" are the same; case does not matter. A period in office that
    gives its own pangkat or golongan (a promotion) is checked as well."""
    for record in pejabat_records(document):
        pejabat = record.value
        found = [(record.path, pejabat.pangkat, pejabat.golongan)]
        for index, masa in enumerate(pejabat.menjabat):
            if masa.pangkat or masa.golongan:
                path = (*record.path, "menjabat", index)
                found.append(
                    (path, masa.pangkat or pejabat.pangkat, masa.golongan or pejabat.golongan)
                )
        for path, pangkat, golongan in found:
            message = _pangkat_mismatch(pangkat, golongan)
            if message:
                yield Elsewhere(record.source, (*path, "pangkat"), message)


def _pangkat_mismatch(pangkat: str | None, golongan: str | None) -> str | None:
    if not pangkat or not golongan:
        return None
    expected = PANGKAT[golongan]
    given = norm_pangkat(pangkat)
    if given == norm_pangkat(expected):
        return None
    matching = [g for g, p in PANGKAT.items() if norm_pangkat(p) == given]
    hint = f" (pangkat itu golongan {matching[0]})" if matching else ""
    return (
        f"pangkat '{pangkat}' tidak sesuai golongan {golongan}{hint}; golongan {golongan} "
        f"berpangkat '{expected}': perbaiki pangkat atau golongannya"
    )
