"""All Indonesian formatting in one place: dates, ordinals, NIP, names, citations, headings.

Templates receive finished strings from here and never format anything themselves, so
that a Word template stays placeholders and loops, and the rules are tested in Python.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sk_generator.load import Document, Records, SopEntry
from sk_generator.model import BULAN, Keputusan, Pejabat, Peraturan

_SATUAN = (
    "",
    "SATU",
    "DUA",
    "TIGA",
    "EMPAT",
    "LIMA",
    "ENAM",
    "TUJUH",
    "DELAPAN",
    "SEMBILAN",
    "SEPULUH",
    "SEBELAS",
)


def tanggal(value: dt.date) -> str:
    """21 September 2022 (day without a leading zero, month in Indonesian)."""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def _bilangan(n: int) -> str:
    """A cardinal number in Indonesian capitals (1..999), as used in diktum ordinals."""
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return f"{_SATUAN[n - 10]} BELAS"
    if n < 100:
        tens, unit = divmod(n, 10)
        head = "SEPULUH" if tens == 1 else f"{_SATUAN[tens]} PULUH"
        return f"{head} {_SATUAN[unit]}".strip()
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "SERATUS" if hundreds == 1 else f"{_SATUAN[hundreds]} RATUS"
        return f"{head} {_bilangan(rest)}".strip() if rest else head
    raise ValueError(f"no ordinal for {n}")


def diktum_ordinal(n: int) -> str:
    """KESATU, KEDUA, ..., KESEBELAS, KEDUA BELAS, ..., KEDUA PULUH SATU (UU 12/2011)."""
    if n < 1:
        raise ValueError("diktum numbers start at 1")
    if n == 1:
        return "KESATU"
    return "KE" + _bilangan(n)


def huruf(n: int) -> str:
    """Menimbang letters: a, b, ..., z, then aa, ab, ... (n is 1-based)."""
    letters = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("a") + rem) + letters
    return letters


def romawi(n: int) -> str:
    """Roman numerals for Lampiran I, II, ..."""
    table = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = ""
    for value, numeral in table:
        while n >= value:
            out += numeral
            n -= value
    return out


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


def jabatan_ttd(pejabat: Pejabat) -> str:
    """The signing jabatan in capitals with the acting prefix and the closing comma."""
    prefix = "" if pejabat.status == "definitif" else f"{pejabat.status} "
    return f"{prefix}{pejabat.jabatan.upper()},"


def jabatan_penetap(document: Document) -> str:
    """The office that decides, as in the title: Kepala Dinas ... Kabupaten ...

    Always the office (never "Plh."): an acting signer signs for the Kepala Dinas.
    """
    model = document.model
    if isinstance(model, Keputusan) and model.jabatan_penetap:
        return model.jabatan_penetap
    instansi = document.instansi
    return f"Kepala {_title(instansi.nama)} {instansi.daerah}"


def _title(text: str) -> str:
    """DINAS TENAGA KERJA DAN TRANSMIGRASI -> Dinas Tenaga Kerja dan Transmigrasi."""
    small = {"dan", "atau", "serta", "di", "ke", "dari", "pada", "untuk", "yang"}
    words = text.split()
    out = []
    for index, word in enumerate(words):
        lower = word.lower()
        if index and lower in small:
            out.append(lower)
        elif word.isupper() and len(word) > 1:
            out.append(word[0] + word[1:].lower())
        else:
            out.append(word)
    return " ".join(out)


# --- citations -------------------------------------------------------------------------

_NATIONAL = {"UU", "Perppu", "PP", "Perpres"}
_JENIS_TEXT = {
    "Tap MPR": "Ketetapan Majelis Permusyawaratan Rakyat",
    "UU": "Undang-Undang",
    "Perppu": "Peraturan Pemerintah Pengganti Undang-Undang",
    "PP": "Peraturan Pemerintah",
    "Perpres": "Peraturan Presiden",
    "Inpres": "Instruksi Presiden",
    "Keppres": "Keputusan Presiden",
}
_PEJABAT_DAERAH = {
    "Bupati": "Kabupaten",
    "Wali Kota": "Kota",
    "Walikota": "Kota",
    "Gubernur": "Provinsi",
}


def nama_peraturan(p: Peraturan) -> str:
    """The regulation's name without its title: "Peraturan Presiden Nomor 29 Tahun 2014"."""
    if p.jenis == "UUD":
        return f"Undang-Undang Dasar Negara Republik Indonesia Tahun {p.tahun}"
    if p.jenis in _JENIS_TEXT:
        head = _JENIS_TEXT[p.jenis]
    elif p.jenis == "Permen":
        head = f"Peraturan Menteri {p.penerbit}"
    elif p.jenis == "Kepmen":
        head = f"Keputusan Menteri {p.penerbit}"
    elif p.jenis == "Keputusan":
        head = f"Keputusan {p.penerbit}"
    elif p.jenis in {"Perda Provinsi", "Perda Kabupaten/Kota"}:
        head = f"Peraturan Daerah {p.daerah}"
    else:  # Pergub, Perbup/Perwali: daerah holds "Bupati Sintang", "Gubernur ..."
        head = f"Peraturan {p.daerah}"
    return f"{head} Nomor {p.nomor} Tahun {p.tahun}"


def _wilayah(p: Peraturan) -> str:
    """The region whose Lembaran/Berita Daerah publishes a regional regulation."""
    daerah = p.daerah or ""
    for office, region in _PEJABAT_DAERAH.items():
        if daerah.startswith(office + " "):
            return f"{region} {daerah[len(office) + 1 :]}"
    return daerah


def _publikasi(p: Peraturan) -> str:
    parts: list[str] = []
    national = p.jenis in _NATIONAL or p.jenis in {
        "Permen",
        "Kepmen",
        "Inpres",
        "Keppres",
        "Tap MPR",
        "UUD",
        "Keputusan",
    }
    where = "Negara Republik Indonesia" if national else f"Daerah {_wilayah(p)}"
    if p.lembaran:
        parts.append(f"Lembaran {where} Tahun {p.lembaran.tahun} Nomor {p.lembaran.nomor}")
    if p.tambahan_lembaran:
        parts.append(f"Tambahan Lembaran {where} Nomor {p.tambahan_lembaran}")
    if p.berita:
        parts.append(f"Berita {where} Tahun {p.berita.tahun} Nomor {p.berita.nomor}")
    return f" ({', '.join(parts)})" if parts else ""


def sitasi_tunggal(p: Peraturan) -> str:
    """One regulation with its title and publication, without amendments."""
    if p.jenis == "UUD":
        return nama_peraturan(p)
    return f"{nama_peraturan(p)} tentang {p.tentang}{_publikasi(p)}"


def sitasi(p: Peraturan, records: Records) -> str:
    """The full citation as Mengingat prints it, amendments included (UU 12/2011).

    One amendment: "sebagaimana telah diubah dengan ..."; several: "sebagaimana telah
    diubah beberapa kali terakhir dengan <the last one>".
    """
    text = sitasi_tunggal(p)
    amendments = [records.regulasi[i].value for i in p.diubah_dengan if i in records.regulasi]
    if len(amendments) == 1:
        text += f" sebagaimana telah diubah dengan {sitasi_tunggal(amendments[0])}"
    elif amendments:
        text += (
            " sebagaimana telah diubah beberapa kali terakhir dengan "
            f"{sitasi_tunggal(amendments[-1])}"
        )
    return text


def daftar_sitasi(document: Document, items: list[object]) -> list[str]:
    """Mengingat / Dasar Hukum lines: each citation resolved and ending with ';'."""
    lines = []
    for item in items:
        if isinstance(item, str | Peraturan):
            lines.append(sitasi(document.peraturan(item), document.records) + ";")
        else:  # Catatan (free text in Memperhatikan)
            text = str(getattr(item, "teks", item)).rstrip(";.")
            lines.append(text + ";")
    return lines


# --- lampiran heading -------------------------------------------------------------------


@dataclass(frozen=True)
class LampiranHeading:
    """LAMPIRAN [I] / KEPUTUSAN KEPALA DINAS ... / NOMOR / TANGGAL / TENTANG, from the SK.

    Derived, never typed: seed 003 shows a lampiran whose nomor and tanggal were typed a
    second time and disagree with the SK.
    """

    label: str  # "LAMPIRAN" or "LAMPIRAN II"
    keputusan: str  # "KEPUTUSAN KEPALA DINAS ... KABUPATEN SINTANG"
    nomor: str
    tanggal: str
    tentang: str

    def rows(self) -> list[tuple[str, str]]:
        """Label/value rows for a two-column heading block (label, ':' is added by layout)."""
        return [
            (self.label, self.keputusan),
            ("NOMOR", self.nomor),
            ("TANGGAL", self.tanggal),
            ("TENTANG", self.tentang),
        ]


def lampiran_heading(document: Document, entry: SopEntry) -> LampiranHeading | None:
    """The heading of lampiran `entry`, or None for a standalone SOP."""
    model = document.model
    if not isinstance(model, Keputusan):
        return None
    count = len(model.lampiran)
    label = "LAMPIRAN" if count == 1 else f"LAMPIRAN {romawi(entry.index + 1)}"
    return LampiranHeading(
        label=label,
        keputusan=f"KEPUTUSAN {jabatan_penetap(document).upper()}",
        nomor=model.nomor,
        tanggal=tanggal(model.tanggal).upper(),
        tentang=model.tentang.upper(),
    )


@dataclass(frozen=True)
class Penandatangan:
    """The signature block lines (jabatan with comma, name with gelar, pangkat, NIP)."""

    jabatan: str
    nama: str
    pangkat: str
    nip: str


def penandatangan(pejabat: Pejabat) -> Penandatangan:
    return Penandatangan(
        jabatan=jabatan_ttd(pejabat),
        nama=nama_gelar(pejabat),
        pangkat=pangkat_golongan(pejabat),
        nip=f"NIP. {nip(pejabat.nip)}" if pejabat.nip else "",
    )
