"""Mutu Baku: each step's quality standard (Kelengkapan, Waktu, Output).

PermenPANRB 35/2012 asks for Mutu Baku on every step of the procedure table. An empty
Waktu is reported by WAKTU-KOSONG (checks/waktu.py, with the durations code); this family
covers Kelengkapan and Output.
"""

from __future__ import annotations

from collections.abc import Iterator

from sk_generator.checks.registry import Finding, rule
from sk_generator.diagnostics import Severity
from sk_generator.document import Document, SopEntry

_EMPTY = {"", "-", "–", "—"}


def _empty(value: str | None) -> bool:
    return value is None or value.strip() in _EMPTY


@rule(
    "MUTU-BAKU",
    Severity.WARNING,
    "Setiap langkah sebaiknya punya kelengkapan dan output (Mutu Baku)",
    scope="sop",
    penjelasan=(
        "PermenPANRB 35/2012 mensyaratkan Mutu Baku pada setiap langkah: kelengkapan (apa yang "
        "diperlukan), waktu, dan output (apa yang dihasilkan); kolom yang kosong membuat "
        "pelaksana langkah berikutnya menebak-nebak. Isi `kelengkapan:` dan `output:` langkah "
        "itu; tanda strip saja dianggap kosong."
    ),
    wrong="""
langkah:
  - kegiatan: Merekap data kinerja triwulan
    pelaksana: Sekretaris
    waktu: 30 menit
""",
    right="""
langkah:
  - kegiatan: Merekap data kinerja triwulan
    pelaksana: Sekretaris
    kelengkapan: [Disposisi, Perjanjian Kinerja]
    waktu: 30 menit
    output: Lembar rekap
""",
)
def mutu_baku(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """The Mutu Baku columns tell the actor what a step needs (Kelengkapan/Persyaratan)
    and what it hands on (Output); an empty cell leaves the next step guessing. A lone
    dash counts as empty. Both gaps of one step are reported in one message."""
    del document
    for index, langkah in enumerate(entry.sop.langkah):
        if langkah.jenis != "kegiatan":
            continue  # a numbered Mulai / Selesai row has no Mutu Baku
        missing = []
        if all(_empty(item) for item in langkah.kelengkapan):
            missing.append("kelengkapan")
        if _empty(langkah.output):
            missing.append("output")
        if missing:
            fields = " dan ".join(f"`{name}:`" for name in missing)
            yield (
                ("langkah", index, missing[0]),
                f"Mutu Baku langkah {index + 1} belum memuat {' dan '.join(missing)}; isi "
                f"{fields} (apa yang diperlukan dan apa yang dihasilkan langkah ini)",
            )
