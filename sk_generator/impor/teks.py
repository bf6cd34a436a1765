"""Reading values out of cell text: dates, lists of items, the signer's lines.

Dates come in the spellings staff type ("21 September 2022", "21 Sept. 2022",
"21-09-2022", "21/9/2022", "2022-09-21", or month and year only: "September 2022"); the
full form is read by the model's own parser for SOP dates
(:func:`sk_generator.model.common.parse_tanggal_bulan`), the others are brought to it.
"""

from __future__ import annotations

import datetime as dt
import re

from sk_generator.model import BULAN, GOLONGAN
from sk_generator.model.common import parse_tanggal_bulan

_NUMERIC = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")
_ABBREVIATIONS = {name[:3].lower(): name for name in BULAN}
_ABBREVIATIONS.update({"sept": "September", "agt": "Agustus", "agu": "Agustus", "peb": "Februari"})


def tanggal(text: str) -> dt.date | None:
    """The date written in `text`, or None when it is not a date (or "-")."""
    value = " ".join(text.replace(",", " ").split()).strip(" .:")
    if not value or value == "-":
        return None
    match = _NUMERIC.match(value)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    match = _WORDS.match(value)
    if match:
        day_text, name, year_text = match.groups()
        full = _ABBREVIATIONS.get(name.lower()[:4], _ABBREVIATIONS.get(name.lower()[:3]))
        value = f"{day_text} {full or name} {year_text}"
    try:
        parsed = parse_tanggal_bulan(value)
    except ValueError:
        return None
    return parsed if isinstance(parsed, dt.date) else None


def daftar_tanggal(text: str) -> tuple[list[dt.date], list[str]]:
    """Dates in a cell ("-", one, or several separated by commas or lines) and the
    parts that are not dates."""
    if not text.strip() or text.strip() == "-":
        return [], []
    parts = [p.strip() for p in re.split(r"[,;\n]|\s+dan\s+", text) if p.strip(" -")]
    dates, bad = [], []
    # "21 September 2022" split at no comma; "21, September 2022" is rare: try whole first.
    whole = tanggal(text)
    if whole is not None:
        return [whole], []
    for part in parts:
        found = tanggal(part)
        if found is None:
            bad.append(part)
        else:
            dates.append(found)
    return dates, bad


_MARKER = re.compile(
    r"^\s*(?:\d{1,2}[.)]|[a-zA-Z][.)]|[\u2022\u2023\u25cf\u25aa\u00b7*\-\u2013])\s*"
)
_INLINE = re.compile(r"(?:^|\s)(\d{1,2})[.)]\s+")


def items(paragraphs: list[str]) -> list[str]:
    """A list cell's items, whether numbered, bulleted or one per line."""
    lines = [" ".join(p.split()) for p in paragraphs if p.strip()]
    if not lines or lines == ["-"]:
        return []
    if len(lines) == 1:
        inline = _inline_numbered(lines[0])
        if inline:
            return inline
    if any(_MARKER.match(line) for line in lines):
        out: list[str] = []
        for line in lines:
            if _MARKER.match(line) or not out:
                out.append(_MARKER.sub("", line, count=1))
            else:
                out[-1] += " " + line
        return [_clean(i) for i in out if _clean(i)]
    return [_clean(line) for line in lines if _clean(line)]


def _inline_numbered(line: str) -> list[str]:
    """ "1. A 2. B" on one line: split when the numbers run 1, 2, 3, ..."""
    found = list(_INLINE.finditer(line))
    if len(found) < 2 or [int(m.group(1)) for m in found] != list(range(1, len(found) + 1)):
        return []
    bounds = [m.start() for m in found] + [len(line)]
    parts = [line[m.end() : bounds[k + 1]] for k, m in enumerate(found)]
    return [_clean(p) for p in parts if _clean(p)]


def _clean(item: str) -> str:
    return item.strip().rstrip(";").strip()


_NIP = re.compile(r"^NIP\.?\s*:?\s*([\d .]+)$", re.IGNORECASE)
_PANGKAT = re.compile(r"^(.*?)\s*\(\s*([IV]{1,3}\s*/\s*[a-e])\s*\)$")
_GOLONGAN = re.compile(r"^([IV]{1,3})\s*/\s*([a-e])$")
_FRONT_TITLE = re.compile(r"^((?:(?:Prof|Dr|Drs|Dra|Ir|H|Hj|dr|drg|Ns)\.\s*)+)")


def penandatangan(lines: list[str]) -> dict[str, str]:
    """Fields of the "Disahkan oleh" block: jabatan, nama with gelar, pangkat, NIP."""
    out: dict[str, str] = {}
    rest: list[str] = []
    for line in lines:
        nip = _NIP.match(line.strip())
        if nip:
            out["nip"] = nip.group(1).strip()
            continue
        pangkat = _PANGKAT.match(line.strip())
        golongan = _GOLONGAN.match(line.strip())
        if pangkat and _golongan(pangkat.group(2)):
            out["pangkat"] = pangkat.group(1).strip()
            out["golongan"] = _golongan(pangkat.group(2)) or ""
            continue
        if golongan and _golongan(line):
            out["golongan"] = _golongan(line) or ""
            continue
        rest.append(line.strip())
    if rest:
        status = re.match(r"^(Plh\.|Plt\.)\s+", rest[0])
        if status:
            out["status"] = status.group(1)
            rest[0] = rest[0][status.end() :]
        # The jabatan may run over several lines; the name is the line after it.
        out["jabatan"] = " ".join(rest[:-1] if len(rest) >= 2 else rest).rstrip(",")
    if len(rest) >= 2:
        out.update(_nama(rest[-1]))
    return out


def _golongan(text: str) -> str | None:
    match = _GOLONGAN.match(text.strip())
    if not match:
        return None
    value = f"{match.group(1)}/{match.group(2)}"
    return value if value in GOLONGAN else None


def _nama(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    name = text.strip()
    front = _FRONT_TITLE.match(name)
    if front:
        out["gelar_depan"] = front.group(1).strip()
        name = name[front.end() :]
    if "," in name:
        name, back = name.split(",", 1)
        out["gelar_belakang"] = back.strip()
    out["nama"] = name.strip()
    return out
