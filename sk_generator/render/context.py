"""All Indonesian formatting in one place: dates, ordinals, NIP, names, citations, headings.

Templates receive finished strings from here and never format anything themselves, so
that a Word template stays placeholders and loops, and the rules are tested in Python.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
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
#: The kind of a regulation as staff read it; used in citations and in check messages.
JENIS_NAMA = {
    "UUD": "Undang-Undang Dasar",
    "Tap MPR": "Ketetapan Majelis Permusyawaratan Rakyat",
    "UU": "Undang-Undang",
    "Perppu": "Peraturan Pemerintah Pengganti Undang-Undang",
    "PP": "Peraturan Pemerintah",
    "Perpres": "Peraturan Presiden",
    "Inpres": "Instruksi Presiden",
    "Keppres": "Keputusan Presiden",
    "Permen": "Peraturan Menteri",
    "Kepmen": "Keputusan Menteri",
    "Perda Provinsi": "Peraturan Daerah Provinsi",
    "Pergub": "Peraturan Gubernur",
    "Perda Kabupaten/Kota": "Peraturan Daerah Kabupaten/Kota",
    "Perbup/Perwali": "Peraturan Bupati/Wali Kota",
    "Keputusan": "Keputusan",
}
#: Kinds whose name in a citation is just the kind (no issuer or region follows).
_PLAIN_KINDS = {"Tap MPR", "UU", "Perppu", "PP", "Perpres", "Inpres", "Keppres"}


def jenis_nama(jenis: str) -> str:
    """The kind as staff read it: "Peraturan Presiden" for ``Perpres``."""
    return JENIS_NAMA.get(jenis, jenis)


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
    if p.jenis in _PLAIN_KINDS:
        head = JENIS_NAMA[p.jenis]
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


def penutup_lampiran(document: Document) -> Penandatangan:
    """The closing block at the bottom right of every lampiran: the SK's own signer.

    Same lines as the SK's signature (jabatan with Plh./Plt. and comma, name with gelar,
    pangkat, NIP), taken from the SK so that the annex cannot name someone else.
    """
    model = document.model
    pejabat_id = model.penandatangan if isinstance(model, Keputusan) else model.disahkan_oleh
    assert pejabat_id is not None  # resolve() reports a standalone SOP without it
    return penandatangan(document.pejabat(pejabat_id))


# --- kop and keputusan ------------------------------------------------------------------

#: Footer printed when the SK is signed with a BSrE certificate (practice, domain.md).
CATATAN_TTE = (
    "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik "
    "yang diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi "
    "Negara (BSSN)"
)


@dataclass(frozen=True)
class Kop:
    """The letterhead lines: PEMERINTAH ..., DINAS ..., address, contacts ("" when none)."""

    pemerintah: str
    dinas: str
    alamat: str
    kontak: str


def kop(document: Document) -> Kop:
    """Kop lines of the document's instansi, as seed 000 prints them.

    "Telp. (0565) 23182, Faks. (0565) 24520, Pos-el: ..., Laman: ..."; the post code
    follows the address ("... Kode Pos 78611").
    """
    instansi = document.instansi
    alamat = instansi.alamat
    if instansi.kode_pos:
        alamat = f"{alamat} Kode Pos {instansi.kode_pos}"
    contacts = []
    if instansi.telepon:
        contacts.append(f"Telp. {instansi.telepon}")
    if instansi.faks:
        contacts.append(f"Faks. {instansi.faks}")
    if instansi.email:
        contacts.append(f"Pos-el: {instansi.email}")
    if instansi.laman:
        contacts.append(f"Laman: {instansi.laman}")
    return Kop(
        pemerintah=instansi.pemerintah.upper(),
        dinas=instansi.nama.upper(),
        alamat=alamat,
        kontak=", ".join(contacts),
    )


@dataclass(frozen=True)
class Judul:
    """The title block: KEPUTUSAN ... / NOMOR : ... / TENTANG / title / JABATAN,"""

    keputusan: str
    nomor: str
    tentang: str
    jabatan: str


def judul_keputusan(document: Document) -> Judul:
    """Title lines in capitals (UU 12/2011); the jabatan line ends with a comma.

    The jabatan is the office that decides, never "Plh.": an acting signer signs for it.
    """
    model = document.model
    assert isinstance(model, Keputusan)
    penetap = jabatan_penetap(document).upper()
    return Judul(
        keputusan=pecah_daerah(f"KEPUTUSAN {penetap}"),
        nomor=f"NOMOR : {model.nomor}",
        tentang=model.tentang.upper(),
        jabatan=pecah_daerah(f"{penetap},"),
    )


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


#: Capital letters of the body size that fit one line of the SK's signature block.
LEBAR_TTD = 42


@dataclass(frozen=True)
class Baris:
    """One row of the label / colon / number / text columns (Menimbang, Mengingat, ...).

    `label` and `titik_dua` are filled on a section's first row only; `nomor` is empty
    when the section has one item (UU 12/2011 numbers only lists of two or more). A row
    with every field empty separates two sections.
    """

    label: str
    titik_dua: str
    nomor: str
    teks: str


_KOSONG = Baris("", "", "", "")


def _bagian(label: str, items: list[str], numbering: str) -> list[Baris]:
    rows = []
    for index, text in enumerate(items, start=1):
        if len(items) == 1:
            number = ""
        elif numbering == "huruf":
            number = f"{huruf(index)}."
        else:
            number = f"{index}."
        first = index == 1
        rows.append(Baris(label if first else "", ":" if first else "", number, text))
    return rows


def baris_pertimbangan(document: Document) -> list[Baris]:
    """Menimbang (a., b.), Mengingat (1., 2.) and the optional Memperhatikan, in order."""
    model = document.model
    assert isinstance(model, Keputusan)
    rows = _bagian("Menimbang", list(model.menimbang), "huruf")
    rows.append(_KOSONG)
    rows += _bagian("Mengingat", daftar_sitasi(document, list(model.mengingat)), "angka")
    if model.memperhatikan:
        rows.append(_KOSONG)
        rows += _bagian(
            "Memperhatikan", daftar_sitasi(document, list(model.memperhatikan)), "angka"
        )
    return rows


@dataclass(frozen=True)
class Butir:
    """A lettered sub-item of a diktum: "a." and its text."""

    huruf: str
    teks: str


@dataclass(frozen=True)
class BarisDiktum:
    """One operative row: "Menetapkan" (empty text, as in seeds 000 and 003) or a diktum."""

    label: str
    titik_dua: str
    isi: str
    butir: list[Butir]


def baris_diktum(document: Document) -> list[BarisDiktum]:
    """ "Menetapkan :" followed by KESATU, KEDUA, ... with their butir a., b., ..."""
    model = document.model
    assert isinstance(model, Keputusan)
    rows = [BarisDiktum("Menetapkan", ":", "", [])]
    for index, diktum in enumerate(model.diktum, start=1):
        butir = [Butir(f"{huruf(i)}.", text) for i, text in enumerate(diktum.butir, start=1)]
        rows.append(BarisDiktum(diktum_ordinal(index), ":", diktum.isi, butir))
    return rows


@dataclass(frozen=True)
class Ditetapkan:
    """The place and date of enactment, printed at the right above the signature."""

    tempat: str
    tanggal: str


def ditetapkan(document: Document) -> Ditetapkan:
    model = document.model
    assert isinstance(model, Keputusan)
    return Ditetapkan(tempat=model.tempat or document.instansi.kota, tanggal=tanggal(model.tanggal))


@dataclass(frozen=True)
class ItemTembusan:
    nomor: str
    teks: str


def tembusan(document: Document) -> list[ItemTembusan]:
    """Tembusan items numbered 1., 2., ... (one item stands unnumbered)."""
    model = document.model
    assert isinstance(model, Keputusan)
    items = list(model.tembusan)
    if len(items) == 1:
        return [ItemTembusan("", items[0])]
    return [ItemTembusan(f"{i}.", text) for i, text in enumerate(items, start=1)]


def ttd_keputusan(document: Document) -> Penandatangan:
    """The SK's signature block, its jabatan broken before the region (see pecah_daerah)."""
    model = document.model
    assert isinstance(model, Keputusan)
    signer = penandatangan(document.pejabat(model.penandatangan))
    return dataclasses.replace(signer, jabatan=pecah_daerah(signer.jabatan, LEBAR_TTD))


def keputusan_context(document: Document) -> dict[str, object]:
    """Everything templates/sk/keputusan.docx prints, as finished strings (logo excepted).

    The template contract: these keys (plus `logo`, added by the renderer) are exactly the
    variables the template may use; tests/render/test_keputusan.py checks both ways.
    """
    model = document.model
    assert isinstance(model, Keputusan)
    return {
        "kop": kop(document),
        "judul": judul_keputusan(document),
        "pertimbangan": baris_pertimbangan(document),
        "diktum": baris_diktum(document),
        "ditetapkan": ditetapkan(document),
        "ttd": ttd_keputusan(document),
        "tembusan": tembusan(document),
        "catatan_tte": CATATAN_TTE if model.tanda_tangan_elektronik else "",
    }


# --- SOP annex ----------------------------------------------------------------------------


@dataclass(frozen=True)
class IdentitasSop:
    """The SOP identity section (PermenPANRB 35/2012) as finished strings."""

    pemerintah: str
    dinas: str
    nomor: str
    tanggal_pembuatan: str
    tanggal_revisi: str
    tanggal_efektif: str
    #: Disahkan oleh: jabatan, name with gelar, pangkat (golongan), "NIP. ..." ("" if none).
    disahkan: tuple[str, str, str, str]
    nama: str
    #: The grid, left to right and top to bottom: (heading, items) pairs.
    grid: tuple[tuple[str, list[str]], ...]


def identitas_sop(document: Document, entry: SopEntry) -> IdentitasSop:
    """Identity strings of the SOP in `entry` (inherited SK values already filled in)."""
    sop = entry.sop
    assert sop.tanggal_efektif is not None and sop.disahkan_oleh is not None
    pejabat = document.pejabat(sop.disahkan_oleh)
    signer = penandatangan(pejabat)
    instansi = document.instansi
    return IdentitasSop(
        pemerintah=instansi.pemerintah.upper(),
        dinas=instansi.nama.upper(),
        nomor=sop.nomor or "",
        tanggal_pembuatan=tanggal(sop.tanggal_pembuatan),
        # The latest revision (PermenPANRB 35/2012 shows one date; the history is the
        # Riwayat Revisi table).
        tanggal_revisi=tanggal(max(revisions))
        if (revisions := sop.tanggal_revisi_semua())
        else "-",
        tanggal_efektif=tanggal(sop.tanggal_efektif),
        disahkan=(pejabat_jabatan(pejabat), signer.nama, signer.pangkat, signer.nip),
        nama=sop.nama.upper(),
        grid=(
            ("Dasar Hukum:", daftar_sitasi(document, list(sop.dasar_hukum))),
            ("Kualifikasi Pelaksana:", list(sop.kualifikasi_pelaksana)),
            ("Keterkaitan:", list(sop.keterkaitan)),
            ("Peralatan/Perlengkapan:", list(sop.peralatan_perlengkapan)),
            ("Peringatan:", list(sop.peringatan)),
            ("Pencatatan dan Pendataan:", list(sop.pencatatan_pendataan)),
        ),
    )


def pejabat_jabatan(pejabat: Pejabat) -> str:
    """The approving office as the identity section prints it: "Plh. Kepala Dinas ..."."""
    prefix = "" if pejabat.status == "definitif" else f"{pejabat.status} "
    return f"{prefix}{pejabat.jabatan}"


def butir(items: list[str]) -> list[tuple[str, str]]:
    """(number, text) pairs of a list cell: numbered from two items, "-" when empty."""
    if not items:
        return [("", "-")]
    if len(items) == 1:
        return [("", items[0])]
    return [(f"{i}.", text) for i, text in enumerate(items, start=1)]


def judul_prosedur(nama: str) -> str:
    """The line above the procedure table (seeds 002 and 004): "SOP : NAMA SOP"."""
    return f"SOP : {nama.upper()}"


def nomor_langkah(index: int) -> str:
    """Step number in the No column (index 0-based): "1."."""
    return f"{index + 1}."


def jumlah_waktu(document: Document, sop: object) -> str:
    """The Jumlah Waktu Penyelesaian row: the maximum total of the steps' Waktu.

    Seed 003's form ("15 hari 1 jam 25 menit"), from :mod:`sk_generator.waktu`; "-" when
    no step states a time.
    """
    from sk_generator.model import Sop
    from sk_generator.waktu import compute_sop

    assert isinstance(sop, Sop)
    times = compute_sop(sop, jam_kerja_per_hari=document.jam_kerja_per_hari(sop))
    if all(step.waktu is None for step in times.steps):
        return "-"
    return times.text_max
