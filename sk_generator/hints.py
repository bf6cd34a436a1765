"""Hints that lead to the right fix, for text the user typed that matches nothing.

- A key is compared with the keys valid at its place that the mapping does not already
  hold (suggesting an existing sibling would only produce a duplicate key): first by
  prefix or as part of a longer key (`peralatan` -> `peralatan_perlengkapan`), then by
  edit distance; otherwise the valid keys are listed.
- An unknown regulation id gets a hint only when it is a likely typo of a catalogued id
  of the same kind (`perpres-29-2041` -> `perpres-29-2014`); otherwise the message says how
  to add it to `regulasi.yaml`, with an entry ready to paste.
- Invisible and look-alike characters are named, because a hint that looks identical
  to the typed text helps nobody.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from sk_generator.model.records import ISSUED, REGIONAL

KIND_FILE = {"instansi": "instansi.yaml", "pejabat": "pejabat.yaml", "regulasi": "regulasi.yaml"}

#: Characters that print as nothing or as a plain space.
_INVISIBLE = {
    "\u00a0": "spasi tak-putus",
    "\u00ad": "tanda hubung lunak",
    "\u200b": "karakter tak terlihat",
    "\u200c": "karakter tak terlihat",
    "\u200d": "karakter tak terlihat",
    "\u2060": "karakter tak terlihat",
    "\ufeff": "karakter tak terlihat",
}


def odd_characters(text: str) -> str | None:
    """Name the first invisible or look-alike character in `text`, in Indonesian.

    "ada karakter tak terlihat U+200B setelah 'Bidang'"; a Cyrillic or Greek letter that
    looks Latin: "huruf 'а' (U+0430 CYRILLIC SMALL LETTER A) bukan huruf Latin".
    """
    for index, char in enumerate(text):
        where = f"setelah '{text[:index]}'" if index else "di awal teks"
        if char in _INVISIBLE:
            return f"ada {_INVISIBLE[char]} U+{ord(char):04X} {where}; hapus lalu ketik ulang"
        if unicodedata.category(char) == "Cf":
            return f"ada karakter tak terlihat U+{ord(char):04X} {where}; hapus lalu ketik ulang"
        name = unicodedata.name(char, "")
        if char.isalpha() and ord(char) > 0x24F and name.split(" ")[0] in {"CYRILLIC", "GREEK"}:
            return (
                f"huruf '{char}' {where} adalah huruf {name.split(' ')[0].title()} "
                f"(U+{ord(char):04X}), bukan huruf Latin; ketik ulang huruf itu"
            )
    return None


def closest_key(key: str, valid: Iterable[str], present: Iterable[str]) -> str | None:
    """The valid key `key` most likely stands for, never one the mapping already has."""
    candidates = sorted(set(valid) - set(present) - {key})
    folded = key.lower().replace("-", "_").replace(" ", "_")
    parts = [c for c in candidates if folded and (c.startswith(folded) or folded in c.split("_"))]
    if len(parts) == 1:
        return parts[0]
    starts = [c for c in candidates if len(folded) >= 3 and folded.startswith(c)]
    if len(starts) == 1:
        return starts[0]
    close = difflib.get_close_matches(folded, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


def unknown_key_message(key: str, valid: Sequence[str], present: Iterable[str]) -> str:
    """The message for a key the model does not know at this place."""
    odd = odd_characters(key)
    if odd:
        return f"kunci '{key}' tidak dikenal: {odd}"
    present = set(present)
    close = closest_key(key, valid, present)
    if close:
        return f"kunci '{key}' tidak dikenal; mungkin maksudnya '{close}'?"
    free = sorted(set(valid) - present)
    if free:
        return f"kunci '{key}' tidak dikenal; kunci yang boleh di sini: {', '.join(free)}"
    return f"kunci '{key}' tidak dikenal; hapus kunci ini"


def unknown_id_message(kind: str, rid: str, ids: Sequence[str], files: Sequence[Path]) -> str:
    """The message for an id that names no record of `kind` (`files`: record files seen)."""
    filename = KIND_FILE[kind]
    base = f"{kind} '{rid}' tidak ditemukan di {filename}"
    odd = odd_characters(rid)
    if odd:
        return f"{base}: {odd}"
    if not any(f.name == filename for f in files):
        return f"{base}; belum ada berkas {filename} di folder ini atau di atasnya"
    if kind == "regulasi":
        return _unknown_regulation(base, rid, ids, files)
    close = difflib.get_close_matches(rid, list(ids), n=1, cutoff=0.6)
    if close:
        return f"{base}; mungkin maksudnya '{close[0]}'?"
    if not ids:
        return f"{base}; {filename} belum memuat {kind} apa pun"
    shown = ", ".join(sorted(ids)[:8]) + (", ..." if len(ids) > 8 else "")
    return f"{base}; yang tersedia: {shown}"


def _unknown_regulation(base: str, rid: str, ids: Sequence[str], files: Sequence[Path]) -> str:
    close = [i for i in ids if _same_kind(rid, i)]
    typo = difflib.get_close_matches(rid, close, n=1, cutoff=0.8)
    catalog = next((f for f in reversed(files) if f.name == "regulasi.yaml"), Path("regulasi.yaml"))
    entry = f"di bawah `regulasi:` dalam {_shown(catalog)}: {catalog_entry(rid)}"
    if typo:
        return f"{base}; mungkin maksudnya '{typo[0]}'? Bila peraturan lain, tambahkan {entry}"
    return f"{base}; bila peraturan ini belum ada di katalog, tambahkan {entry}"


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _same_kind(rid: str, other: str) -> bool:
    """Same kind of regulation: same leading word, or same number and year (a typo in
    the kind itself, e.g. `perpers-29-2014`)."""
    head, numbers = _split_id(rid)
    other_head, other_numbers = _split_id(other)
    return head.split("-")[0] == other_head.split("-")[0] or (
        bool(numbers) and numbers == other_numbers
    )


def _split_id(rid: str) -> tuple[str, list[str]]:
    parts = rid.split("-")
    numbers: list[str] = []
    while parts and parts[-1].isdigit():
        numbers.insert(0, parts.pop())
    return "-".join(parts), numbers


#: The first word of an id as written in data/regulasi.yaml -> jenis.
_ID_KINDS = {
    "uud": "UUD",
    "uu": "UU",
    "perppu": "Perppu",
    "pp": "PP",
    "perpres": "Perpres",
    "inpres": "Inpres",
    "keppres": "Keppres",
    "pergub": "Pergub",
    "perda": "Perda Kabupaten/Kota",
    "perbup": "Perbup/Perwali",
    "perwali": "Perbup/Perwali",
    "keputusan": "Keputusan",
}


def _id_kind(head: str) -> str | None:
    first = head.split("-")[0]
    if head.startswith(("tap-mpr", "tapmpr")):
        return "Tap MPR"
    if head.startswith(("perda-prov", "perdaprov")):
        return "Perda Provinsi"
    for prefix, kind in (("permen", "Permen"), ("kepmen", "Kepmen")):
        if first.startswith(prefix):
            return kind
    return _ID_KINDS.get(first)


_REGIONAL = set(REGIONAL)
_ISSUED = set(ISSUED)


def catalog_entry(rid: str) -> str:
    """A one-line regulasi.yaml entry for `rid`, with [ ... ] where the user must fill in.

    `permendikbud-14-2017` -> `permendikbud-14-2017: {jenis: Permen, nomor: "14", tahun:
    2017, penerbit: "[kementerian]", tentang: "[judul peraturan]"}`
    """
    head, numbers = _split_id(rid)
    jenis = _id_kind(head)
    fields = [f"jenis: {jenis}" if jenis else 'jenis: "[UU, PP, Perpres, Permen, ...]"']
    year = numbers[-1] if numbers and len(numbers[-1]) == 4 else None
    nomor = numbers[-2] if year and len(numbers) >= 2 else None
    if jenis != "UUD":
        fields.append(f'nomor: "{nomor}"' if nomor else 'nomor: "[nomor]"')
    fields.append(f"tahun: {year}" if year else 'tahun: "[tahun]"')
    if jenis in _ISSUED:
        fields.append('penerbit: "[kementerian atau pejabat penerbit]"')
    if jenis in _REGIONAL:
        fields.append('daerah: "[mis. Kabupaten Sintang atau Bupati Sintang]"')
    fields.append('tentang: "[judul peraturan]"')
    return f"{rid}: {{{', '.join(fields)}}}"
