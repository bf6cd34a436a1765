"""Officials: NIP, name with gelar, pangkat, and the jabatan with its Plh./Plt. prefix."""

from __future__ import annotations

import re

from sk_generator.model import Instansi, Keputusan, Pejabat, Sop
from sk_generator.wording.judul import title_case


def nip(value: str | None) -> str:
    """18 digits printed as 19670621 199003 1 006 (birth date, appointment, gender, number)."""
    if not value:
        return ""
    return f"{value[:8]} {value[8:14]} {value[14]} {value[15:]}"


def nama_gelar(pejabat: Pejabat) -> str:
    """Drs. SUBENDI, M.Si: front title, name as written, back title after a comma."""
    name = pejabat.nama
    if pejabat.gelar_depan:
        name = f"{pejabat.gelar_depan} {name}"
    if pejabat.gelar_belakang:
        name = f"{name}, {pejabat.gelar_belakang}"
    return name


def pangkat_golongan(pejabat: Pejabat) -> str:
    """Pembina Tingkat I (IV/b); either part alone when the other is unknown."""
    if pejabat.pangkat and pejabat.golongan:
        return f"{pejabat.pangkat} ({pejabat.golongan})"
    return pejabat.pangkat or pejabat.golongan or ""


def _status(pejabat: Pejabat) -> str:
    """ "Plh. " or "Plt. " before the jabatan of an acting official, as written."""
    return "" if pejabat.status == "definitif" else f"{pejabat.status} "


def jabatan_with_status(pejabat: Pejabat) -> str:
    """The office as the official holds it: "Plh. Kepala Dinas ..." for an acting one."""
    return f"{_status(pejabat)}{pejabat.jabatan}"


def jabatan_ttd(pejabat: Pejabat) -> str:
    """The signing jabatan in capitals ("Plh." keeps its case) and the closing comma."""
    return f"{_status(pejabat)}{pejabat.jabatan.upper()},"


def jabatan_penetap(model: Keputusan | Sop, instansi: Instansi) -> str:
    """The office that decides, as in the title: Kepala Dinas ... Kabupaten ...

    Always the office (never "Plh."): an acting signer signs for the Kepala Dinas.
    """
    if isinstance(model, Keputusan) and model.jabatan_penetap:
        return model.jabatan_penetap
    return f"Kepala {title_case(instansi.nama)} {instansi.daerah}"


_DAERAH = re.compile(r" (?=(?:KABUPATEN|KOTA|PROVINSI) )", re.IGNORECASE)


def pecah_daerah(text: str, lebar: int | None = None) -> str:
    """Break a jabatan before its region, as seeds 000 and 003 print it.

    "KEPALA DINAS TENAGA KERJA DAN TRANSMIGRASI KABUPATEN SINTANG," becomes two lines
    ("\\n" is a line break in the rendered DOCX); text without a region stays whole.
    With `lebar` (characters that fit the signature block), a longer first part is split
    into two balanced lines, so "Plh. KEPALA DINAS TENAGA KERJA DAN PERINDUSTRIAN" does
    not leave one word alone on a line.
    """
    matches = list(_DAERAH.finditer(text))
    head, tail = text, ""
    if matches:
        cut = matches[-1].start()
        head, tail = text[:cut], text[cut + 1 :]
    if lebar is not None and len(head) > lebar:
        head = _seimbang(head)
    return f"{head}\n{tail}" if tail else head


def _seimbang(text: str) -> str:
    """Two lines of nearly equal length, broken at the space nearest the middle."""
    spaces = [i for i, char in enumerate(text) if char == " "]
    if not spaces:
        return text
    middle = len(text) / 2
    cut = min(spaces, key=lambda i: abs(i - middle))
    return f"{text[:cut]}\n{text[cut + 1 :]}"
