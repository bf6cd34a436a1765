"""SOP flow rules: the procedure's steps form a proper flowchart over the Pelaksana columns.

These guard the renderer too: the flowchart can only be drawn when every step sits in a
declared column and every branch points at an existing step.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from sk_generator.checks import Finding, rule
from sk_generator.diagnostics import Severity
from sk_generator.load import Document, SopEntry


@rule(
    "SOP-PELAKSANA",
    Severity.ERROR,
    "Pelaksana langkah harus salah satu kolom pelaksana",
    scope="sop",
    wrong="""
pelaksana: [Kepala Dinas, Sekretaris]
langkah:
  - kegiatan: Memeriksa berkas
    pelaksana: Sekertaris
""",
    right="""
pelaksana: [Kepala Dinas, Sekretaris]
langkah:
  - kegiatan: Memeriksa berkas
    pelaksana: Sekretaris
""",
)
def pelaksana_declared(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """Each step is drawn in its actor's column, so the actor must be one of the columns."""
    columns = entry.sop.pelaksana
    for index, langkah in enumerate(entry.sop.langkah):
        if langkah.pelaksana in columns:
            continue
        close = difflib.get_close_matches(langkah.pelaksana, columns, n=1, cutoff=0.5)
        hint = (
            f"mungkin maksudnya '{close[0]}'?"
            if close
            else f"pilih salah satu: {', '.join(columns)}, atau tambahkan kolom itu ke `pelaksana`"
        )
        yield (
            ("langkah", index, "pelaksana"),
            f"'{langkah.pelaksana}' bukan kolom pelaksana SOP ini; {hint}",
        )


@rule(
    "SOP-CABANG",
    Severity.ERROR,
    "Cabang keputusan harus menunjuk langkah yang ada",
    scope="sop",
    wrong="""
langkah:            # 3 langkah
  - kegiatan: Memeriksa kelengkapan berkas
    pelaksana: Sekretaris
    keputusan: {tidak: 7}
""",
    right="""
langkah:
  - kegiatan: Memeriksa kelengkapan berkas
    pelaksana: Sekretaris
    keputusan: {tidak: 1}
""",
)
def branch_targets(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """A decision's exits are step numbers; a number past the last step cannot be drawn."""
    count = len(entry.sop.langkah)
    for index, langkah in enumerate(entry.sop.langkah):
        cabang = langkah.keputusan
        if cabang is None:
            continue
        for name in ("ya", "tidak"):
            target = getattr(cabang, name)
            if target is not None and target > count:
                yield (
                    ("langkah", index, "keputusan", name),
                    f"cabang '{name}' menunjuk langkah {target}, padahal SOP ini hanya punya "
                    f"{count} langkah; isi nomor langkah 1 sampai {count}",
                )
            if target is not None and target == index + 1:
                yield (
                    ("langkah", index, "keputusan", name),
                    f"cabang '{name}' menunjuk langkah ini sendiri ({target}); arahkan ke "
                    "langkah lain",
                )
        if cabang.ya is None and index + 1 >= count:
            yield (
                ("langkah", index, "keputusan"),
                "langkah keputusan terakhir tidak punya langkah berikutnya untuk cabang 'ya'; "
                "isi `ya:` dengan nomor langkah tujuan",
            )
