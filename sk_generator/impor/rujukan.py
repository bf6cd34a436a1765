"""Dasar Hukum items matched to the regulation catalog, or written out inline.

An item is first compared with the catalog's own citations (as this toolkit prints
them, so a document it rendered matches exactly), then by kind, number and year; what
is not in the catalog is parsed into an inline regulation (kind, number, year, title,
issuer or region) and reported, since the catalog is where it belongs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sk_generator.document import Records
from sk_generator.wording.sitasi import JENIS_NAMA, sitasi

_NUMBER = re.compile(r"\bNomor\s+([\w./-]+)\s+Tahun\s+(\d{4})\b", re.IGNORECASE)
_REGIONAL_HEADS = [
    ("Peraturan Daerah Provinsi", "Perda Provinsi", "Provinsi"),
    ("Peraturan Daerah Kabupaten", "Perda Kabupaten/Kota", "Kabupaten"),
    ("Peraturan Daerah Kota", "Perda Kabupaten/Kota", "Kota"),
    ("Peraturan Gubernur", "Pergub", "Gubernur"),
    ("Peraturan Bupati", "Perbup/Perwali", "Bupati"),
    ("Peraturan Wali Kota", "Perbup/Perwali", "Wali Kota"),
    ("Peraturan Walikota", "Perbup/Perwali", "Wali Kota"),
]
#: Printed head, kind, and how much of the head precedes the issuer's name (a Badan's or
#: Lembaga's own name starts with that word, so it stays in `penerbit`).
_ISSUED = [
    ("Peraturan Menteri", "Permen", len("Peraturan Menteri")),
    ("Keputusan Menteri", "Kepmen", len("Keputusan Menteri")),
    ("Peraturan Kepala", "Peraturan Kepala", len("Peraturan Kepala")),
    ("Keputusan Kepala", "Keputusan Kepala", len("Keputusan Kepala")),
    ("Peraturan Badan", "Peraturan Badan", len("Peraturan")),
    ("Peraturan Lembaga", "Peraturan Lembaga", len("Peraturan")),
]


def _key(text: str) -> str:
    return " ".join(text.split()).strip(" ;.,").lower()


@dataclass
class Match:
    #: A catalog id, or an inline regulation (dict), or None when unreadable.
    value: str | dict[str, Any] | None
    #: Why it is not an exact catalog match (for the report), or "".
    note: str = ""


class Catalog:
    """The regulations visible from the output folder, by printed citation."""

    def __init__(self, records: Records) -> None:
        self.records = records
        self.by_text: dict[str, str] = {}
        for rid, record in records.regulasi.items():
            self.by_text.setdefault(
                _key(sitasi(record.value, records.amendments(record.value))), rid
            )

    def match(self, item: str) -> Match:
        found = self.by_text.get(_key(item))
        if found:
            return Match(found)
        parsed = parse(item)
        number = _NUMBER.search(item)
        if number and parsed is not None:
            same = [
                rid
                for rid, r in self.records.regulasi.items()
                if (r.value.nomor or "").lower() == number.group(1).lower()
                and r.value.tahun == int(number.group(2))
                and r.value.jenis == parsed["jenis"]
            ]
            if len(same) == 1:
                return Match(
                    same[0],
                    f"dicocokkan dengan katalog '{same[0]}' menurut jenis, "
                    "nomor dan tahun (teksnya berbeda)",
                )
        if parsed is None:
            return Match(None, "jenis, nomor atau tahun peraturan tidak terbaca")
        return Match(
            parsed,
            "tidak ada di katalog regulasi: ditulis lengkap di berkas SOP; "
            "pindahkan ke regulasi.yaml bila dipakai lagi",
        )


def parse(item: str) -> dict[str, Any] | None:
    """An inline regulation from its citation text, or None when kind/number/year lack."""
    text = " ".join(item.split()).strip(" ;.")
    number = _NUMBER.search(text)
    if number is None:
        return None
    head = text[: number.start()].strip()
    rest = text[number.end() :].strip()
    tentang = re.sub(r"^tentang\s+", "", rest, flags=re.IGNORECASE)
    tentang = re.split(r"\s+\((?:Lembaran|Berita|Tambahan)\b", tentang)[0].strip()
    tentang = re.split(r"\s+sebagaimana telah diubah", tentang)[0].strip()
    if not tentang:
        return None
    out: dict[str, Any] = {"nomor": number.group(1), "tahun": int(number.group(2))}
    jenis = _jenis(head, out)
    if jenis is None:
        return None
    return {"jenis": jenis, **out, "tentang": tentang}


def _jenis(head: str, out: dict[str, Any]) -> str | None:
    lowered = head.lower()
    for name, jenis, region in _REGIONAL_HEADS:
        if lowered.startswith(name.lower()):
            tail = head[len(name) :].strip()
            # Perda: "Kabupaten Sintang"; Perbup/Pergub: "Bupati Sintang" (as the model asks).
            out["daerah"] = f"{region} {tail}".strip()
            return jenis
    for name, jenis, cut in _ISSUED:
        if lowered.startswith(name.lower()):
            out["penerbit"] = head[cut:].strip() or "[PENERBIT]"
            return jenis
    exact = {v.lower(): k for k, v in JENIS_NAMA.items()}
    return exact.get(lowered)
