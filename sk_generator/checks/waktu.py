"""Waktu rules: every step's Mutu Baku waktu can be read, and a stated total is right.

The parsing and adding live in :mod:`sk_generator.waktu` (pure); this module turns its
results into located issues, at the step's ``waktu`` value or at ``jumlah_waktu``, and
gathers what `sk-generator waktu` prints (:func:`waktu_report`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sk_generator.checks.registry import REGISTRY, Finding, Rule, rule, run_checks
from sk_generator.checks.report import check
from sk_generator.diagnostics import Issue, Severity, has_errors
from sk_generator.document import Document, SopEntry
from sk_generator.waktu import SopTimes, compute_sop, is_empty_waktu

#: The codes of this family, in the order they are reported.
CODES = ("WAKTU-FORMAT", "WAKTU-KOSONG", "WAKTU-JUMLAH", "WAKTU-CAMPUR")


def sop_times(document: Document, entry: SopEntry) -> SopTimes:
    """The parsed and totalled waktu of one SOP of `document` (whose ids all resolve: the
    loader hands on no document with an unknown instansi)."""
    return compute_sop(entry.sop, jam_kerja_per_hari=document.jam_kerja_per_hari(entry.sop))


@rule(
    "WAKTU-FORMAT",
    Severity.ERROR,
    "Waktu harus berupa angka dan satuan yang dapat dijumlahkan",
    scope="sop",
    penjelasan=(
        "Waktu setiap langkah dijumlahkan untuk baris Jumlah Waktu Penyelesaian, sehingga harus"
        ' berupa angka dan satuan (menit, jam, hari, hari kerja, minggu, bulan), misalnya "15 '
        'menit", "1-5 hari", "1 (satu) hari kerja", atau "paling lambat 2 hari". Perbaiki '
        'singkatan atau salah ketik pada satuan, misalnya "jm" menjadi "jam".'
    ),
    wrong="""
langkah:
  - kegiatan: Memeriksa berkas
    pelaksana: Sekretaris
    waktu: 2 jm
""",
    right="""
langkah:
  - kegiatan: Memeriksa berkas
    pelaksana: Sekretaris
    waktu: 2 jam
""",
)
def waktu_format(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """Waktu is totalled for the "Jumlah Waktu Penyelesaian" row, so every step's waktu
    (and a stated `jumlah_waktu`) must be a number with a unit: "15 menit", "1-5 hari",
    "1 (satu) hari kerja", "paling lambat 2 hari" (docs/waktu.md lists every form)."""
    times = sop_times(document, entry)
    for step in times.steps:
        if step.error is not None:
            yield ("langkah", step.index, "waktu"), str(step.error)
    if times.stated_error is not None:
        yield ("jumlah_waktu",), str(times.stated_error)


@rule(
    "WAKTU-KOSONG",
    Severity.WARNING,
    "Setiap langkah sebaiknya punya waktu (Mutu Baku)",
    scope="sop",
    penjelasan=(
        "PermenPANRB 35/2012 mensyaratkan Mutu Baku, termasuk waktu, pada setiap langkah. "
        "Langkah tanpa waktu tidak ikut dijumlahkan, sehingga Jumlah Waktu Penyelesaian "
        "tercetak lebih pendek dari yang sebenarnya; isi waktunya, misalnya `waktu: 15 menit`."
    ),
    wrong="""
langkah:
  - kegiatan: Memeriksa berkas
    pelaksana: Sekretaris
""",
    right="""
langkah:
  - kegiatan: Memeriksa berkas
    pelaksana: Sekretaris
    waktu: 15 menit
""",
)
def waktu_kosong(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """PermenPANRB 35/2012 asks for Mutu Baku on every step; a step without waktu is left
    out of the total, which then understates the procedure's duration."""
    del document
    for index, langkah in enumerate(entry.sop.langkah):
        if is_empty_waktu(langkah.waktu) and langkah.jenis == "kegiatan":
            yield (
                ("langkah", index, "waktu"),
                "waktu langkah ini kosong dan tidak ikut dijumlahkan; isi waktu Mutu Baku, "
                "mis. `waktu: 15 menit` atau `waktu: 1-5 hari`",
            )


@rule(
    "WAKTU-JUMLAH",
    Severity.ERROR,
    "Jumlah waktu yang tertulis harus sama dengan jumlah waktu langkah",
    scope="sop",
    penjelasan=(
        "Jumlah waktu yang diketik sendiri mudah tidak sesuai lagi setelah waktu salah satu "
        "langkah diubah. Jumlah yang ditulis sebagai satu nilai dibandingkan dengan jumlah "
        'terbesar (rentang seperti "1-5 hari" dihitung dengan batas atasnya), dan jam diubah '
        "menjadi hari kerja hanya bila lama hari kerja instansi ditetapkan (menurut Perpres "
        "21/2023, 7,5 jam per hari kerja). Ganti jumlahnya dengan nilai dalam pesan, atau hapus "
        "`jumlah_waktu` agar jumlahnya dihitung otomatis."
    ),
    wrong="""
langkah:
  - {kegiatan: Memeriksa berkas, pelaksana: Sekretaris, waktu: 05 menit}
  - {kegiatan: Mengolah data, pelaksana: Staf, waktu: 1-5 hari}
jumlah_waktu: 5 hari
""",
    right="""
langkah:
  - {kegiatan: Memeriksa berkas, pelaksana: Sekretaris, waktu: 05 menit}
  - {kegiatan: Mengolah data, pelaksana: Staf, waktu: 1-5 hari}
jumlah_waktu: 5 hari 5 menit
""",
)
def waktu_jumlah(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """A total typed by hand drifts when a step changes (seed 003 was summed on a
    calculator). A stated single value is compared with the maximum total, a stated range
    with both ends; the comparison uses the instansi's working-day length if declared."""
    times = sop_times(document, entry)
    if times.stated_matches is not False:
        return
    assert times.stated is not None
    computed = times.expected_text
    yield (
        ("jumlah_waktu",),
        f"jumlah waktu tertulis '{times.stated.text.strip()}' tidak sama dengan jumlah waktu "
        f"langkah-langkahnya '{computed}'; ganti menjadi `jumlah_waktu: {computed}` atau "
        "periksa waktu tiap langkah",
    )


@rule(
    "WAKTU-CAMPUR",
    Severity.WARNING,
    "Satuan hari, hari kerja, minggu dan bulan tidak dapat dijumlahkan satu sama lain",
    scope="sop",
    penjelasan=(
        "Hari kalender, hari kerja, minggu, dan bulan tidak dapat diubah satu ke yang lain "
        "tanpa kalender kerja (akhir pekan, hari libur, panjang bulan), sehingga jumlahnya "
        'ditulis terpisah, misalnya "1 hari 2 hari kerja". Biasanya yang dimaksud adalah satuan'
        " yang sama; bila demikian, pakai satuan yang sama pada semua langkah."
    ),
    wrong="""
langkah:
  - {kegiatan: Memeriksa berkas, pelaksana: Sekretaris, waktu: 1 hari}
  - {kegiatan: Mengolah data, pelaksana: Staf, waktu: 2 hari kerja}
""",
    right="""
langkah:
  - {kegiatan: Memeriksa berkas, pelaksana: Sekretaris, waktu: 1 hari kerja}
  - {kegiatan: Mengolah data, pelaksana: Staf, waktu: 2 hari kerja}
""",
)
def waktu_campur(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """Turning calendar days, working days, weeks and months into one another needs a
    calendar (weekends, holidays, month lengths), so the total keeps them side by side
    ("1 hari 2 hari kerja"). Usually the writer meant the same unit everywhere."""
    times = sop_times(document, entry)
    for index, unit, earlier, earlier_unit in times.mixed_units():
        yield (
            ("langkah", index, "waktu"),
            f"satuan '{unit}' tidak dapat dijumlahkan dengan '{earlier_unit}' (langkah "
            f"{earlier + 1}) tanpa kalender kerja, sehingga jumlah waktu menulisnya terpisah; "
            "pakai satuan yang sama bila maksudnya sama",
        )


def waktu_rules() -> list[Rule]:
    """The rules of this family, in reporting order (what `sk-generator waktu` runs)."""
    return [REGISTRY[code] for code in CODES]


def waktu_issues(document: Document) -> list[Issue]:
    """Every waktu problem of `document` (honours `# sk-generator: abaikan KODE`)."""
    return run_checks(document, rules=waktu_rules())


@dataclass(frozen=True)
class SopWaktu:
    """One SOP's waktu as `sk-generator waktu` shows it."""

    document: Document
    entry: SopEntry
    times: SopTimes


@dataclass
class WaktuReport:
    sops: list[SopWaktu]
    issues: list[Issue]

    def failed(self, *, strict: bool = False) -> bool:
        return has_errors(self.issues, strict=strict)


def waktu_report(paths: Sequence[Path]) -> WaktuReport:
    """Load `paths` and total the waktu of every SOP; raises only for a missing path.

    `issues` are those of :func:`~sk_generator.checks.report.check` with the waktu rules:
    the loader's problems and the waktu rules' ones.
    """
    report = check(paths, rules=waktu_rules())
    sops = [
        SopWaktu(document, entry, sop_times(document, entry))
        for document in report.documents
        for entry in document.sops()
    ]
    return WaktuReport(sops, report.issues)


__all__ = [
    "CODES",
    "SopWaktu",
    "WaktuReport",
    "sop_times",
    "waktu_issues",
    "waktu_report",
    "waktu_rules",
]
