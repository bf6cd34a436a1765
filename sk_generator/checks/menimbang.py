"""Menimbang: lettered considerations, each one sentence "bahwa ...;" (UU 12/2011 Lampiran II).

The last item closes with a fixed formula that refers back to the others by letter:
"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu
menetapkan Keputusan <jabatan> tentang <judul>;".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sk_generator.checks.registry import Finding, rule
from sk_generator.diagnostics import Severity
from sk_generator.document import Document
from sk_generator.model import Keputusan
from sk_generator.wording.bilangan import huruf
from sk_generator.wording.pejabat import jabatan_penetap


def rujukan_huruf(count: int) -> str:
    """The letters the closing item refers to, before item number `count` + 1.

    1 -> "huruf a"; 2 -> "huruf a dan huruf b"; 3 -> "huruf a, huruf b, dan huruf c".
    """
    letters = [f"huruf {huruf(n)}" for n in range(1, count + 1)]
    if len(letters) <= 2:
        return " dan ".join(letters)
    return ", ".join(letters[:-1]) + ", dan " + letters[-1]


def penutup(document: Document, model: Keputusan) -> str:
    """The closing Menimbang item this SK must have, in full."""
    refs = rujukan_huruf(len(model.menimbang) - 1)
    return (
        f"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam {refs}, perlu menetapkan "
        f"Keputusan {jabatan_penetap(model, document.instansi)} tentang {model.tentang};"
    )


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _closing_ok(document: Document, model: Keputusan) -> bool:
    return _norm(model.menimbang[-1]) == _norm(penutup(document, model))


@rule(
    "MENIMBANG-BENTUK",
    Severity.ERROR,
    "Butir Menimbang diawali 'bahwa' dan diakhiri titik koma",
    scope="keputusan",
    penjelasan=(
        "Menurut UU 12/2011 Lampiran II, setiap butir Menimbang adalah satu kalimat yang "
        'diawali kata "bahwa" (huruf kecil) dan diakhiri titik koma. Awali butir dengan "bahwa"'
        " dan ganti titik di akhir butir dengan titik koma."
    ),
    wrong="""
menimbang:
  - Untuk tertib pelaksanaan kegiatan diperlukan SOP Pengumpulan Data Kinerja.
""",
    right="""
menimbang:
  - bahwa untuk tertib pelaksanaan kegiatan diperlukan SOP Pengumpulan Data Kinerja;
""",
)
def item_form(document: Document, model: Keputusan) -> Iterator[Finding]:
    """Each Menimbang item is one sentence that begins with "bahwa" (lower case) and ends
    with ";" (not ".", not ".;"). The closing item is left to MENIMBANG-PENUTUP when it
    does not follow the formula, since that message gives the whole expected sentence."""
    last = len(model.menimbang) - 1
    for index, text in enumerate(model.menimbang):
        if index == last and last > 0 and not _closing_ok(document, model):
            continue
        problems = []
        if not text.startswith("bahwa "):
            problems.append("diawali 'bahwa' (huruf kecil)")
        stripped = text.rstrip()
        if not stripped.endswith(";") or stripped.endswith(".;"):
            problems.append("diakhiri ';' (titik koma, tanpa titik)")
        if problems:
            yield ("menimbang", index), f"butir Menimbang harus {' dan '.join(problems)}"


@rule(
    "MENIMBANG-PENUTUP",
    Severity.ERROR,
    "Butir terakhir Menimbang memakai rumusan penutup dengan rujukan huruf yang benar",
    scope="keputusan",
    penjelasan=(
        'Menurut UU 12/2011 Lampiran II, butir terakhir Menimbang berbunyi "bahwa berdasarkan '
        "pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
        'Keputusan ... tentang ...;", dengan kata "huruf" di depan setiap huruf dan kata "dan" '
        'sebelum huruf terakhir; bentuk "pada huruf a" atau "huruf a dan b" keliru. Salin '
        "rumusan lengkap yang diberikan dalam pesan."
    ),
    wrong="""
menimbang:
  - bahwa ...;
  - bahwa ...;
  - bahwa berdasarkan pertimbangan sebagaimana dimaksud pada huruf a dan b, perlu
    ditetapkan dengan Keputusan Kepala Dinas.
""",
    right="""
menimbang:
  - bahwa ...;
  - bahwa ...;
  - bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu
    menetapkan Keputusan Kepala Dinas Tenaga Kerja dan Transmigrasi Kabupaten Sintang
    tentang Standar Operasional Prosedur Pengumpulan Data Kinerja;
""",
)
def closing_formula(document: Document, model: Keputusan) -> Iterator[Finding]:
    """UU 12/2011 Lampiran II: the last consideration reads "bahwa berdasarkan
    pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan
    Keputusan <jabatan penetap> tentang <judul SK>;", with "huruf" before every letter and
    "dan" before the last ("dalam huruf a" when one item precedes it). The jabatan is the
    one printed in the title (``jabatan_penetap`` or Kepala + dinas + daerah). Case and
    line breaks are ignored. An SK with a single consideration has no closing item."""
    count = len(model.menimbang)
    if count < 2 or _closing_ok(document, model):
        return
    text = _norm(model.menimbang[-1])
    refs = rujukan_huruf(count - 1)
    problem = "butir terakhir Menimbang tidak memakai rumusan penutup"
    if re.search(r"\bpada huruf\b", text):
        problem = (
            "rujuk butir lain dengan 'sebagaimana dimaksud dalam huruf ...', bukan 'pada huruf'"
        )
    elif "sebagaimana dimaksud dalam" in text and refs not in text:
        problem = f"rujukan huruf harus '{refs}'"
    yield ("menimbang", count - 1), f"{problem}; tulis: '{penutup(document, model)}'"
