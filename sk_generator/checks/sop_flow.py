"""SOP flow rules: the procedure's steps form a proper flowchart over the Pelaksana columns.

These guard the renderer too: the flowchart can only be drawn when every step sits in a
declared column and every branch points at an existing step.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from sk_generator.checks.registry import Finding, rule
from sk_generator.diagnostics import Severity
from sk_generator.document import Document, SopEntry
from sk_generator.hints import odd_characters
from sk_generator.model import Langkah
from sk_generator.model.alur import successors


@rule(
    "SOP-PELAKSANA",
    Severity.ERROR,
    "Pelaksana langkah harus salah satu kolom pelaksana",
    scope="sop",
    penjelasan=(
        "Setiap langkah digambar di kolom pelaksananya (PermenPANRB 35/2012), jadi "
        "pelaksananya harus sama persis dengan salah satu nama dalam daftar `pelaksana`, dan "
        "setiap jabatan hanya satu kolom. Kegiatan bersama ditulis sebagai daftar kolom yang "
        "bersebelahan (`pelaksana: [Sekretaris, Kasubbag Umum]`) dan digambar sebagai satu "
        "kotak yang melintasi kolom-kolom itu; keputusan hanya oleh satu pelaksana."
    ),
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
    """Each step is drawn in its actor's column, so the actor must be one of the columns;
    and each column is one jabatan: a column listed twice would draw an empty twin."""
    columns = entry.sop.pelaksana
    seen: dict[str, int] = {}
    for index, column in enumerate(columns):
        key = " ".join(column.split()).casefold()
        if key in seen:
            yield (
                ("pelaksana", index),
                f"kolom pelaksana '{column}' sudah ada di butir {seen[key] + 1}; hapus salah "
                "satu (setiap jabatan satu kolom)",
            )
        else:
            seen[key] = index
    for index, langkah in enumerate(entry.sop.langkah):
        yield from _step_columns(index, langkah, columns)


def _step_columns(index: int, langkah: Langkah, columns: list[str]) -> Iterator[Finding]:
    """The step's actors are columns; a shared step's columns are adjacent (one box spans
    them) and distinct, and a decision has one actor (a diamond spans no columns)."""
    here: tuple[str | int, ...] = ("langkah", index, "pelaksana")
    if isinstance(langkah.pelaksana, str):
        if langkah.pelaksana not in columns:
            yield (here, _not_a_column(langkah.pelaksana, columns))
        return
    names = langkah.para_pelaksana
    unknown = [k for k, name in enumerate(names) if name not in columns]
    for k in unknown:
        yield ((*here, k), _not_a_column(names[k], columns))
    if unknown:
        return
    if langkah.keputusan is not None and len(names) > 1:
        yield (
            here,
            "langkah keputusan hanya punya satu pelaksana (yang memutuskan); tulis satu "
            "kolom, atau jadikan kegiatan bersamanya langkah tersendiri sebelum keputusan",
        )
        return
    places = sorted(columns.index(name) for name in names)
    if len(set(places)) < len(places):
        yield (here, "pelaksana yang sama tertulis dua kali; tulis setiap kolom sekali saja")
    elif places[-1] - places[0] != len(places) - 1:
        between = [columns[c] for c in range(places[0], places[-1]) if c not in places]
        yield (
            here,
            f"kegiatan bersama digambar sebagai satu kotak yang melintasi kolom-kolom "
            f"pelaksananya, tetapi kolom '{between[0]}' ada di antaranya; urutkan daftar "
            "`pelaksana` SOP agar kolom-kolom ini bersebelahan",
        )


def _not_a_column(actor: str, columns: list[str]) -> str:
    odd = odd_characters(actor)
    if odd:
        return f"'{actor}' bukan kolom pelaksana SOP ini: {odd}"
    close = difflib.get_close_matches(actor, columns, n=1, cutoff=0.5)
    hint = (
        f"mungkin maksudnya '{close[0]}'?"
        if close
        else f"pilih salah satu: {', '.join(columns)}, atau tambahkan kolom itu ke `pelaksana`"
    )
    return f"'{actor}' bukan kolom pelaksana SOP ini; {hint}"


@rule(
    "SOP-CABANG",
    Severity.ERROR,
    "Cabang keputusan harus menunjuk langkah yang ada",
    scope="sop",
    penjelasan=(
        'Langkah keputusan (simbol belah ketupat, PermenPANRB 35/2012) mempunyai cabang "ya" '
        'dan "tidak" yang masing-masing menunjuk nomor langkah tujuan. Nomor itu harus ada '
        "dalam SOP (boleh langkah itu sendiri: menunggu sampai lengkap), dan langkah "
        'keputusan terakhir harus menyebut tujuan cabang "ya"; tanpa itu diagram alir tidak '
        "dapat digambar."
    ),
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
        if cabang.ya is None and index + 1 >= count:
            yield (
                ("langkah", index, "keputusan"),
                "langkah keputusan terakhir tidak punya langkah berikutnya untuk cabang 'ya'; "
                "isi `ya:` dengan nomor langkah tujuan",
            )


@rule(
    "SOP-KOLOM-KOSONG",
    Severity.WARNING,
    "Setiap kolom pelaksana dipakai oleh sedikitnya satu langkah",
    scope="sop",
    penjelasan=(
        "Kolom pelaksana yang tidak dipakai satu langkah pun tercetak sebagai lajur kosong di "
        "sepanjang diagram alir. Biasanya ada langkah yang keliru diberi pelaksana lain, atau "
        "kolom itu memang tidak diperlukan: perbaiki `pelaksana:` langkahnya atau hapus kolom "
        "itu."
    ),
    wrong="""
pelaksana: [Kepala Dinas, Sekretaris, Staf]
langkah:
  - {kegiatan: Memerintahkan penyusunan laporan, pelaksana: Kepala Dinas}
  - {kegiatan: Menyusun laporan, pelaksana: Sekretaris}
""",
    right="""
pelaksana: [Kepala Dinas, Sekretaris]
langkah:
  - {kegiatan: Memerintahkan penyusunan laporan, pelaksana: Kepala Dinas}
  - {kegiatan: Menyusun laporan, pelaksana: Sekretaris}
""",
)
def column_used(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """A column nobody acts in prints as an empty strip across the flowchart; either a
    step was assigned to the wrong actor or the column is not needed."""
    used = {name for langkah in entry.sop.langkah for name in langkah.para_pelaksana}
    for index, column in enumerate(entry.sop.pelaksana):
        if column not in used:
            yield (
                ("pelaksana", index),
                f"kolom pelaksana '{column}' tidak dipakai oleh langkah mana pun; hapus kolom "
                "itu atau isi `pelaksana:` langkah yang dikerjakannya",
            )


def _reach(graph: list[list[int]], start: int) -> set[int]:
    seen = {start}
    todo = [start]
    while todo:
        for nxt in graph[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


@rule(
    "SOP-ALUR",
    Severity.ERROR,
    "Setiap langkah dapat dicapai dari langkah pertama dan sampai ke simbol Selesai",
    scope="sop",
    penjelasan=(
        "Alur berjalan dari langkah pertama sampai simbol Selesai: tanpa `lanjut:` ke langkah "
        "sesudahnya, dengan `lanjut:` ke nomor yang ditulis (beberapa nomor = bercabang, `[]` "
        "= alur berakhir di sini). Setiap langkah harus dituju panah, setiap jalur harus "
        "sampai ke simbol Selesai, dan setiap nomor tujuan harus ada dalam SOP."
    ),
    wrong="""
langkah:
  - kegiatan: Memeriksa kelengkapan berkas
    pelaksana: Sekretaris
    keputusan: {ya: 3, tidak: 1}    # langkah 2 tidak pernah dikerjakan
  - {kegiatan: Meminta kelengkapan, pelaksana: Staf}
  - {kegiatan: Mengarsipkan berkas, pelaksana: Staf}
""",
    right="""
langkah:
  - {kegiatan: Menerima berkas, pelaksana: Staf, lanjut: [2, 3], simultan: true}
  - {kegiatan: Mencatat berkas, pelaksana: Staf, lanjut: []}
  - {kegiatan: Mengarsipkan berkas, pelaksana: Staf}
""",
)
def flow_connected(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """The flowchart runs from the start (step 1) to an end (a step leading nowhere: the
    last step by default, or any step with `lanjut: []`). A step that no arrow reaches is
    never carried out; a step from which no path leads to an end traps the procedure in a
    loop; a `lanjut` number outside the SOP cannot be drawn."""
    yield from _lanjut_targets(entry)
    graph = successors(entry.sop)
    count = len(graph)
    reachable = _reach(graph, 0)
    backwards: list[list[int]] = [[] for _ in range(count)]
    for index, targets in enumerate(graph):
        for target in targets:
            backwards[target].append(index)
    finishing: set[int] = set()
    for end in (index for index, targets in enumerate(graph) if not targets):
        finishing |= _reach(backwards, end)
    for index in range(count):
        if index not in reachable:
            yield (
                ("langkah", index),
                f"langkah {index + 1} tidak dapat dicapai dari langkah 1 (tidak ada panah "
                "yang menuju langkah ini); arahkan `lanjut:` atau cabang keputusan ke langkah "
                "ini, atau hapus langkahnya",
            )
        elif index not in finishing:
            yield (
                ("langkah", index),
                f"dari langkah {index + 1} alur tidak pernah sampai ke simbol Selesai; "
                "arahkan `lanjut:` atau salah satu cabang keputusan ke langkah yang berakhir, "
                "atau tulis `lanjut: []` pada langkah tempat alur berakhir",
            )


def _lanjut_targets(entry: SopEntry) -> Iterator[Finding]:
    """`lanjut` numbers must name steps of this SOP, other than the step itself; a
    decision names its exits in `keputusan`, and `simultan` needs a fork."""
    count = len(entry.sop.langkah)
    for index, langkah in enumerate(entry.sop.langkah):
        where = ("langkah", index)
        if langkah.lanjut is not None and langkah.keputusan is not None:
            yield (
                (*where, "lanjut"),
                f"langkah {index + 1} adalah keputusan: tujuannya ditulis di `keputusan:` "
                "(ya/tidak); hapus `lanjut:`",
            )
        for k, target in enumerate(langkah.lanjut or []):
            if target > count:
                yield (
                    (*where, "lanjut", k),
                    f"`lanjut` menunjuk langkah {target}, padahal SOP ini hanya punya {count} "
                    f"langkah; isi nomor langkah 1 sampai {count}",
                )
            elif target == index + 1:
                yield (
                    (*where, "lanjut", k),
                    f"`lanjut` langkah {target} menunjuk langkah itu sendiri; arahkan ke "
                    "langkah lain (hanya keputusan yang boleh kembali ke dirinya sendiri)",
                )
        if langkah.simultan and len(langkah.lanjut or []) < 2:
            yield (
                (*where, "simultan"),
                f"`simultan` langkah {index + 1} berarti cabang-cabangnya dikerjakan "
                "bersamaan, tetapi `lanjut:` tidak berisi dua langkah atau lebih; tulis "
                "nomor-nomor cabangnya di `lanjut:` atau hapus `simultan`",
            )


@rule(
    "SOP-NOMOR-LANGKAH",
    Severity.ERROR,
    "Nomor langkah yang ditulis harus berurutan",
    scope="sop",
    penjelasan=(
        "Langkah dinomori menurut urutannya, dan cabang keputusan menunjuk nomor urut itu. Bila"
        " `no:` ditulis, nilainya harus sama dengan urutan langkah; nomor yang terlompat atau "
        "berulang menandakan langkah yang terhapus atau tersalin. Perbaiki nomornya atau hapus "
        "`no:`. Aturan ini tidak dapat dimatikan dengan `abaikan`: PDF, `waktu` dan setiap "
        "pesan memakai satu penomoran, yaitu urutan langkah."
    ),
    wrong="""
langkah:
  - {no: 1, kegiatan: Menerima berkas, pelaksana: Staf}
  - {no: 3, kegiatan: Memeriksa berkas, pelaksana: Sekretaris}
""",
    right="""
langkah:
  - {no: 1, kegiatan: Menerima berkas, pelaksana: Staf}
  - {no: 2, kegiatan: Memeriksa berkas, pelaksana: Sekretaris}
""",
)
def step_numbers(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """Steps are numbered by their position; `no` may be written to keep the data
    readable, and must then be that position (a skipped or repeated number means a step
    was deleted or copied, and branch targets count positions). One numbering only: the
    PDF, `waktu` and every message use the position, so this rule cannot be switched off.
    A break in the written sequence is reported once, where it happens: the steps after
    it follow on from the wrong number and are not reported again."""
    previous: int | None = None
    for index, langkah in enumerate(entry.sop.langkah):
        written = langkah.no
        if written is None:
            previous = None
            continue
        expected = index + 1 if previous is None else previous + 1
        previous = written
        if written == expected or written == index + 1:
            continue
        yield (("langkah", index, "no"), _numbering_message(written, index + 1))


def _numbering_message(written: int, position: int) -> str:
    fix = (
        "perbaiki nomornya (dan nomor langkah sesudahnya) atau hapus semua `no:`; langkah "
        "dinomori menurut urutannya"
    )
    return f"nomor langkah {written} seharusnya {position} (langkah ke-{position}); {fix}"
