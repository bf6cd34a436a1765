"""Nomor naskah: kode klasifikasi / nomor urut / kode unit / tahun (Permendagri 83/2022).

E.g. "700/109/DISNAKERTRANS.TU.1/2022" or "000.8.3.3/12/DPMPTSP/2024". A blank nomor
urut ("503/ /DPMPTSP/2017") marks a draft waiting for its number from the agenda book.
The three rules exclude one another: a nomor is either malformed (NOMOR-BENTUK), a draft
(NOMOR-DRAF) or complete, and only a complete one has its year checked (NOMOR-TAHUN).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sk_generator.checks.registry import Finding, Seen, SharedFinding, rule
from sk_generator.diagnostics import DataPath, Severity
from sk_generator.document import Document
from sk_generator.model import Keputusan
from sk_generator.wording.tanggal import tanggal

_KODE = re.compile(r"^\d{3}(\.\d+)*$")
_URUT = re.compile(r"^\d+(\.\d+)*[A-Za-z]?$")
_UNIT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]*$")
_TAHUN = re.compile(r"^\d{4}$")
CONTOH = "700/109/DISNAKERTRANS.TU.1/2022"
#: A part still holding a skeleton's placeholder ("[KODE UNIT]"): TEKS-ISIAN reports it,
#: so its shape is not judged twice.
_ISIAN = re.compile(r"^\[[^\[\]]+\]$")


@dataclass(frozen=True)
class Nomor:
    """A nomor split into its parts, with what is wrong with its shape."""

    text: str
    parts: list[str]
    problems: list[str]

    @property
    def draft(self) -> bool:
        return len(self.parts) >= 2 and self.parts[1] == ""

    @property
    def tahun(self) -> int | None:
        return int(self.parts[-1]) if not self.problems else None

    @property
    def canonical(self) -> str:
        return "/".join(part or " " for part in self.parts)


def parse_nomor(text: str) -> Nomor:
    parts = [part.strip() for part in text.split("/")]
    problems: list[str] = []
    if len(parts) < 4:
        problems.append(f"nomor hanya punya {len(parts)} bagian yang dipisah '/'")
        return Nomor(text, parts, problems)
    kode, urut, units, tahun = parts[0], parts[1], parts[2:-1], parts[-1]
    if not _KODE.match(kode) and not _ISIAN.match(kode):
        problems.append(
            f"kode klasifikasi '{kode}' harus angka klasifikasi arsip, mis. 700 atau 000.8.3.3"
        )
    if urut and not _URUT.match(urut) and not _ISIAN.match(urut):
        problems.append(f"nomor urut '{urut}' harus angka")
    for unit in units:
        if not _UNIT.match(unit) and not _ISIAN.match(unit):
            problems.append(
                f"kode unit '{unit}' hanya boleh huruf, angka, titik dan strip (tanpa spasi)"
            )
    if not _TAHUN.match(tahun):
        problems.append(f"bagian terakhir '{tahun}' harus tahun empat angka")
    if not problems and text != Nomor(text, parts, []).canonical:
        problems.append(f"ada spasi di sekitar '/'; tulis '{Nomor(text, parts, []).canonical}'")
    return Nomor(text, parts, problems)


def _nomor_fields(document: Document) -> Iterator[tuple[str, dt.date | None]]:
    """The document's own nomor (SK, or standalone SOP) and the date its year must match.

    A lampiran SOP's own nomor is not checked here: it must not differ from the SK's at
    all (LAMPIRAN-BEDA-SK).
    """
    model = document.model
    if isinstance(model, Keputusan):
        yield model.nomor, model.tanggal
    elif model.nomor is not None:
        yield model.nomor, model.tanggal_efektif


@rule(
    "NOMOR-BENTUK",
    Severity.WARNING,
    "Nomor berbentuk kode klasifikasi/nomor urut/kode unit/tahun",
    scope="dokumen",
    penjelasan=(
        "Nomor naskah dinas terdiri atas empat bagian yang dipisahkan garis miring tanpa spasi:"
        " kode klasifikasi arsip (Permendagri 83/2022, misalnya 700 atau 000.8.3.3), nomor urut"
        " dari buku agenda, kode unit, dan tahun empat angka. Bentuk ini mengikuti praktik "
        "pemerintah daerah, bukan ketentuan peraturan, sehingga hanya berupa peringatan; "
        "instansi yang memakai penomoran lain dapat mematikan aturan ini untuk berkasnya."
    ),
    wrong="""
nomor: 061.1 / SOP / Dirjenrasnas 2024
""",
    right="""
nomor: 061.1/12/SOP.DISNAKERTRANS/2024
""",
)
def nomor_shape(document: Document) -> Iterator[Finding]:
    """The nomor naskah dinas has four parts separated by "/" without spaces: the kode
    klasifikasi arsip (700, 000.8.3.3), the nomor urut from the agenda book, the unit
    code (one or more parts, e.g. KPTS/III.20) and the four-digit year. This is pemda
    practice (domain.md [P]), not a statute, hence a warning; a file that numbers its
    SOPs otherwise switches the rule off."""
    for text, _ in _nomor_fields(document):
        nomor = parse_nomor(text)
        if nomor.problems:
            yield (
                ("nomor",),
                f"nomor '{text}' tidak berbentuk kode klasifikasi/nomor urut/kode unit/tahun "
                f"(mis. {CONTOH}): {'; '.join(nomor.problems)}",
            )


@rule(
    "NOMOR-DRAF",
    Severity.WARNING,
    "Nomor urut masih kosong (draf)",
    scope="dokumen",
    penjelasan=(
        "Nomor urut yang masih kosong (misalnya 503/ /DPMPTSP/2017) menandakan draf yang belum "
        "mendapat nomor dari buku agenda. Hal ini wajar selama penyusunan, tetapi nomor urut "
        "harus diisi sebelum dokumen ditandatangani."
    ),
    wrong="""
nomor: 503/ /DPMPTSP/2017
""",
    right="""
nomor: 503/27/DPMPTSP/2017
""",
)
def nomor_draft(document: Document) -> Iterator[Finding]:
    """A blank nomor urut is how a draft is typed before the agenda book gives it a
    number. Fine while drafting; it must be filled before the document is signed."""
    for text, _ in _nomor_fields(document):
        nomor = parse_nomor(text)
        if not nomor.problems and nomor.draft:
            yield (
                ("nomor",),
                f"nomor '{text}' belum punya nomor urut (draf); isi nomor urut dari buku "
                "agenda sebelum ditandatangani",
            )


@rule(
    "NOMOR-TAHUN",
    Severity.ERROR,
    "Tahun pada nomor sama dengan tahun tanggal penetapan",
    scope="dokumen",
    penjelasan=(
        "Nomor diambil dari buku agenda tahun dokumen ditetapkan, sehingga tahun pada nomor "
        "sama dengan tahun tanggal SK (atau tanggal efektif SOP yang berdiri sendiri). Tahun "
        "yang berbeda biasanya tertinggal dari dokumen lama yang disalin; perbaiki tahun pada "
        "nomor atau tanggalnya."
    ),
    wrong="""
nomor: 700/109/DISNAKERTRANS.TU.1/2021
tanggal: 2022-09-21
""",
    right="""
nomor: 700/109/DISNAKERTRANS.TU.1/2022
tanggal: 2022-09-21
""",
)
def nomor_year(document: Document) -> Iterator[Finding]:
    """The nomor is taken from the agenda book of the year the document is signed: the
    SK's tanggal, or a standalone SOP's tanggal efektif. A year left over from a copied
    document is a common slip."""
    for text, date in _nomor_fields(document):
        nomor = parse_nomor(text)
        if date is None or nomor.problems or nomor.draft or nomor.tahun == date.year:
            continue
        yield (
            ("nomor",),
            f"tahun pada nomor '{text}' ({nomor.tahun}) tidak sama dengan tahun tanggal "
            f"penetapan {tanggal(date)}; perbaiki tahun pada nomor atau tanggalnya",
        )


def nomor_seen(document: Document) -> Iterator[tuple[DataPath, dict[str, str]]]:
    """NOMOR-GANDA's first step: the nomor a document is registered under (an SK's, or a
    standalone SOP's: a lampiran carries its SK's nomor), its comparable form and the
    date that orders documents. Drafts and placeholders are left out."""
    model = document.model
    nomor = model.nomor
    key = None if nomor is None else _nomor_key(nomor)
    if nomor is None or key is None:
        return
    day = model.tanggal if isinstance(model, Keputusan) else model.tanggal_efektif
    yield ("nomor",), {"nomor": nomor, "kunci": key, "tanggal": (day or dt.date.min).isoformat()}


def _nomor_key(text: str) -> str | None:
    """Comparable form of a nomor; None for a draft (blank nomor urut) or a placeholder,
    which many documents share until they are numbered."""
    parsed = parse_nomor(text)
    if parsed.draft or "[" in text:
        return None
    return "/".join(part.casefold() for part in parsed.parts)


@rule(
    "NOMOR-GANDA",
    Severity.ERROR,
    "Setiap dokumen bernomor sendiri",
    scope="bersama",
    collect=nomor_seen,
    penjelasan=(
        "Nomor naskah dinas dicatat dalam agenda dan hanya dipakai satu kali; dua SK atau SOP "
        "dengan nomor yang sama biasanya terjadi karena berkas disalin dari dokumen lama dan "
        "nomornya lupa diganti. Beri nomor urut baru pada dokumen yang disalin. Diperiksa "
        "untuk semua dokumen dalam folder yang diperiksa bersama."
    ),
    wrong="""
# sk-sop-pelayanan.yaml (salinan sk-sop-data-kinerja.yaml)
nomor: 700/109/DISNAKERTRANS.TU.1/2022
""",
    right="""
# sk-sop-pelayanan.yaml
nomor: 700/110/DISNAKERTRANS.TU.1/2022
""",
)
def nomor_once(seen: list[Seen]) -> Iterator[SharedFinding]:
    """A nomor naskah is registered once: two documents checked together with one nomor
    (a copied file whose nomor was not changed) is an error at every later document (by
    date, then file name), naming the first. Drafts with a blank nomor urut are left
    alone (:func:`nomor_seen`)."""
    first: dict[str, Seen] = {}
    for at in sorted(seen, key=lambda s: (s.value["tanggal"], s.file)):
        key = at.value["kunci"]
        if key not in first:
            first[key] = at
            continue
        other = first[key]
        yield (
            at,
            f"nomor '{at.value['nomor']}' sudah dipakai oleh {other.file}:{other.line}; beri "
            "nomor urut baru (setiap naskah dinas bernomor sendiri)",
        )
