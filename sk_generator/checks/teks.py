"""Text: typing slips that survive proofreading (doubled phrases, double spaces) and step
texts that name their actor, who belongs in the Pelaksana column.

The text rules read every text value of the file as written (before the model trims it),
so a slip is reported wherever it is: Menimbang, Diktum, an inline citation, a step.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import Any

from sk_generator.checks.registry import Elsewhere, Finding, rule
from sk_generator.diagnostics import DataPath, Severity
from sk_generator.document import Document, SopEntry
from sk_generator.model import Keputusan
from sk_generator.wording.isian import PLACEHOLDER

_WORD = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"\S( {2,})\S")
#: Between the words of a phrase: spaces only; between the two copies also a comma
#: ("Pelaporan Kinerja, Pelaporan Kinerja": a list item written twice).
_GAP = re.compile(r"\s+")
_JUNCTION = re.compile(r"\s*,?\s+")
#: Longest phrase (in words) looked for when finding a doubled phrase.
MAX_PHRASE = 8


def texts(data: Any, path: DataPath = ()) -> Iterator[tuple[DataPath, str]]:
    """Every string value in `data` (the file's plain YAML data) with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from texts(value, (*path, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from texts(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def doubled_phrases(text: str) -> list[str]:
    """Phrases written twice in a row ("sebagaimana telah diubah sebagaimana telah
    diubah", "Dinas Dinas"), separated by spaces (or a comma between the two copies: a
    list item written twice); the longest phrase wins. Hyphenated reduplication
    ("masing-masing") is not a doubling, nor are repeats split by numbers or other
    punctuation."""
    words = list(_WORD.finditer(text))
    found: list[str] = []
    index = 0
    while index < len(words):
        for size in range(min(MAX_PHRASE, (len(words) - index) // 2), 0, -1):
            span = words[index : index + 2 * size]
            first = [w.group().casefold() for w in span[:size]]
            second = [w.group().casefold() for w in span[size:]]
            if first != second or (size == 1 and len(first[0]) < 2):
                continue
            gaps = [text[a.end() : b.start()] for a, b in itertools.pairwise(span)]
            junction = gaps.pop(size - 1)
            if _JUNCTION.fullmatch(junction) and all(_GAP.fullmatch(gap) for gap in gaps):
                found.append(text[span[0].start() : span[size - 1].end()])
                index += size
                break
        else:
            index += 1
    return found


@rule(
    "TEKS-GANDA",
    Severity.ERROR,
    "Kata atau frasa tidak ditulis dua kali berturut-turut",
    scope="dokumen",
    penjelasan=(
        "Kata atau frasa yang tertulis dua kali berturut-turut adalah kekeliruan saat menyalin "
        'atau mengetik ulang, misalnya "sebagaimana telah diubah sebagaimana telah diubah" atau'
        ' "DINAS DINAS". Hapus salah satunya; kata ulang dengan tanda hubung (misalnya '
        '"masing-masing") tidak dianggap kesalahan.'
    ),
    wrong="""
tentang: Standar Operasional Prosedur Pengumpulan Data Kinerja Dinas Dinas Tenaga Kerja
""",
    right="""
tentang: Standar Operasional Prosedur Pengumpulan Data Kinerja Dinas Tenaga Kerja
""",
)
def doubled(document: Document) -> Iterator[Finding]:
    """A phrase repeated right after itself is a copy-and-paste or retyping slip, e.g.
    "sebagaimana telah diubah sebagaimana telah diubah" (seed 000), "DINAS DINAS" (seed
    003). Case is ignored; words joined by a hyphen (reduplication) are not a doubling."""
    for path, text in texts(document.source.data):
        for phrase in doubled_phrases(text):
            yield path, f"'{phrase}' tertulis dua kali berturut-turut; hapus salah satunya"


@rule(
    "TEKS-SPASI",
    Severity.WARNING,
    "Tidak ada spasi ganda di dalam teks",
    scope="dokumen",
    penjelasan=(
        "Dua spasi atau lebih di antara kata tercetak sebagai celah yang tampak pada paragraf "
        "rata kiri-kanan. Ganti dengan satu spasi; spasi di awal baris tidak diperiksa."
    ),
    wrong="""
nama: Pengumpulan  Data Kinerja
""",
    right="""
nama: Pengumpulan Data Kinerja
""",
)
def double_spaces(document: Document) -> Iterator[Finding]:
    """Two or more spaces between words print as a visible gap in a justified paragraph
    (indentation at the start of a line is not counted)."""
    for path, text in texts(document.source.data):
        for line in text.splitlines():
            match = _SPACES.search(line)
            if match:
                start = max(match.start() - 15, 0)
                context = line[start : match.end() + 15].strip()
                yield path, f"ada spasi ganda di '{context}'; ganti dengan satu spasi"
                break


@rule(
    "TEKS-PELAKSANA",
    Severity.WARNING,
    "Kegiatan tidak diawali nama pelaksananya",
    scope="sop",
    penjelasan=(
        "Menurut PermenPANRB 35/2012, uraian kegiatan ditulis dengan kata kerja aktif tanpa "
        "menyebut pelakunya, karena pelaku sudah ditunjukkan oleh kolom pelaksana tempat "
        'langkah itu digambar. Hapus nama pelaksana di awal kegiatan: tulis "Memerintahkan '
        'Sekretaris ...", bukan "Kepala Dinas memerintahkan Sekretaris ...".'
    ),
    wrong="""
langkah:
  - kegiatan: Kepala Dinas memerintahkan Sekretaris mengumpulkan data kinerja
    pelaksana: Kepala Dinas
""",
    right="""
langkah:
  - kegiatan: Memerintahkan Sekretaris mengumpulkan data kinerja
    pelaksana: Kepala Dinas
""",
)
def actor_in_text(document: Document, entry: SopEntry) -> Iterator[Finding]:
    """PermenPANRB 35/2012: a step is an active verb phrase; its actor is the column the
    step is drawn in, so naming the actor again at the start of the text is redundant."""
    del document
    for index, langkah in enumerate(entry.sop.langkah):
        text = langkah.kegiatan
        named = [a for a in langkah.para_pelaksana if text.casefold().startswith(a.casefold())]
        if not named:
            continue
        actor = max(named, key=len)
        rest = text[len(actor) :]
        if rest and not rest[0].isspace():
            continue
        rest = rest.strip()
        fixed = rest[:1].upper() + rest[1:]
        yield (
            ("langkah", index, "kegiatan"),
            f"kegiatan diawali nama pelaksananya '{actor}' (sudah ditunjukkan oleh kolomnya); "
            f"tulis '{fixed}'",
        )


#: Words that start the second half of a phrase, never a list item of its own.
_CONTINUATION = re.compile(r"^(dan|atau|serta|maupun|dengan|yang)\b", re.IGNORECASE)


@rule(
    "TEKS-KOMA",
    Severity.WARNING,
    "Butir daftar tampaknya terpotong pada koma",
    scope="dokumen",
    penjelasan=(
        "Dalam daftar bertanda kurung siku `[a, b]` setiap koma memisahkan butir, sehingga "
        'frasa seperti "Dokumen perencanaan, evaluasi dan pelaporan" terpecah menjadi beberapa '
        "butir. Tulis butir yang memuat koma di antara tanda kutip, atau tulis satu butir per "
        "baris dengan tanda `-`."
    ),
    wrong="""
kelengkapan: [Dokumen perencanaan, evaluasi dan pelaporan]
""",
    right="""
kelengkapan: ["Dokumen perencanaan, evaluasi dan pelaporan"]
""",
)
def split_at_comma(document: Document) -> Iterator[Finding]:
    """YAML's bracket list `[a, b]` splits at every comma, so a phrase such as "Dokumen
    perencanaan, evaluasi dan pelaporan" silently becomes several items. An item written
    on the same line as the item before it (a bracket list) that starts with a
    conjunction ("dan", "serta") or is a lower-case phrase is almost always such a
    fragment: quote the phrase or write one item per line."""
    source = document.source
    for path, text in texts(source.data):
        if not path or not isinstance(path[-1], int) or path[-1] == 0:
            continue
        previous = (*path[:-1], path[-1] - 1)
        same_line = source.values.get(path, (0, 0))[0] == source.values.get(previous, (-1, 0))[0]
        stripped = text.strip()
        fragment = _CONTINUATION.match(stripped) or (
            stripped[:1].islower() and len(stripped.split()) > 1
        )
        if same_line and fragment:
            yield (
                path,
                f"butir '{stripped}' tampaknya potongan dari butir sebelumnya: daftar "
                "[a, b] dipisah pada setiap koma; tulis butir yang memuat koma dalam tanda "
                'kutip, mis. ["Dokumen perencanaan, evaluasi dan pelaporan"]',
            )


#: "[NAMA KEPALA DINAS]", "[Nama Kabupaten]": a placeholder left for a value to fill in.
_PLACEHOLDER = PLACEHOLDER


@rule(
    "TEKS-ISIAN",
    Severity.WARNING,
    "Isian [ ... ] belum diganti dengan nilai sebenarnya",
    scope="dokumen",
    wrong="""
pejabat:
  kadis:
    nama: "[NAMA KEPALA DINAS]"
""",
    right="""
pejabat:
  kadis:
    nama: SUBENDI
""",
    penjelasan="""
        Teks dalam kurung siku, seperti [NAMA KEPALA DINAS] atau [Nama Kabupaten], adalah
        tempat isian yang belum diisi (mis. karena salinan lama tidak terbaca). Dokumen
        jangan dicetak untuk ditandatangani sebelum isian itu diganti dengan nilai yang
        sebenarnya, baik di berkas dokumen maupun di instansi.yaml dan pejabat.yaml yang
        dipakainya.
    """,
)
def placeholders(document: Document) -> Iterator[Finding]:
    """Bracketed placeholders in the document and in the records it prints (its instansi
    and the pejabat who sign or approve), each reported where it is written."""
    for path, text in texts(document.source.data):
        for found in _PLACEHOLDER.findall(text):
            yield (path, _placeholder_message(found))
    signers = {entry.sop.disahkan_oleh for entry in document.sops()}
    if isinstance(document.model, Keputusan):
        signers.add(document.model.penandatangan)
    instansi = document.records.instansi[document.instansi_id]
    places = [(instansi.source, instansi.path)] + [
        (document.records.pejabat[s].source, document.records.pejabat[s].path)
        for s in sorted(s for s in signers if s)
    ]
    for source, record_path in places:
        data = source.data
        for part in record_path:
            data = data[part]
        for path, text in texts(data, record_path):
            for found in _PLACEHOLDER.findall(text):
                yield Elsewhere(source, path, _placeholder_message(found))


def _placeholder_message(found: str) -> str:
    return (
        f"isian {found} belum diganti; tulis nilai sebenarnya sebelum dokumen dicetak untuk "
        "ditandatangani"
    )
