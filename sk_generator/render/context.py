"""Template-context objects: the finished strings each template and table prints.

Templates receive finished strings from here and never format anything themselves, so
that a Word template stays placeholders and loops, and the rules are tested in Python.
The Indonesian wording itself (dates, ordinals, NIP, jabatan, citations) lives in
:mod:`sk_generator.wording`; this module arranges it for the SK and the SOP annex.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sk_generator.document import Document, SopEntry
from sk_generator.model import Keputusan, Pejabat, Peraturan, Sop
from sk_generator.waktu import compute_sop
from sk_generator.wording.bilangan import diktum_ordinal, huruf, romawi
from sk_generator.wording.instansi import alamat, kontak
from sk_generator.wording.pejabat import (
    jabatan_penetap,
    jabatan_ttd,
    jabatan_with_status,
    nama_gelar,
    nip,
    pangkat_golongan,
    pecah_daerah,
)
from sk_generator.wording.sitasi import sitasi
from sk_generator.wording.tanggal import tanggal


def daftar_sitasi(document: Document, items: list[object]) -> list[str]:
    """Mengingat / Dasar Hukum lines: each citation resolved and ending with ';'."""
    lines = []
    for item in items:
        if isinstance(item, str | Peraturan):
            peraturan = document.peraturan(item)
            lines.append(sitasi(peraturan, document.records.amendments(peraturan)) + ";")
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
        keputusan=f"KEPUTUSAN {jabatan_penetap(model, document.instansi).upper()}",
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
    """The kop lines: PEMERINTAH, DINAS, sub-units (as written), address, contacts or ""."""

    pemerintah: str
    dinas: str
    sub_unit: tuple[str, ...]
    alamat: str
    kontak: str


def kop(document: Document) -> Kop:
    """Kop lines of the document's instansi, as seed 000 prints them."""
    instansi = document.instansi
    return Kop(
        pemerintah=instansi.pemerintah.upper(),
        dinas=instansi.nama.upper(),
        sub_unit=tuple(instansi.sub_unit),
        alamat=alamat(instansi),
        kontak=kontak(instansi),
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
    penetap = jabatan_penetap(model, document.instansi).upper()
    return Judul(
        keputusan=pecah_daerah(f"KEPUTUSAN {penetap}"),
        nomor=f"NOMOR : {model.nomor}",
        tentang=model.tentang.upper(),
        jabatan=pecah_daerah(f"{penetap},"),
    )


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
    """One operative row: "Menetapkan" (see :func:`teks_menetapkan`) or a diktum."""

    label: str
    titik_dua: str
    isi: str
    butir: list[Butir]


def teks_menetapkan(document: Document) -> str:
    """After "Menetapkan :": the document's own text ("" where KESATU restates the title),
    else KEPUTUSAN <JABATAN PENETAP> TENTANG <TENTANG> in capitals (UU 12/2011)."""
    model = document.model
    assert isinstance(model, Keputusan)
    if model.menetapkan is not None:
        return model.menetapkan
    return f"KEPUTUSAN {jabatan_penetap(model, document.instansi)} TENTANG {model.tentang}".upper()


def baris_diktum(document: Document) -> list[BarisDiktum]:
    """ "Menetapkan :" followed by KESATU, KEDUA, ... with their butir a., b., ..."""
    model = document.model
    assert isinstance(model, Keputusan)
    rows = [BarisDiktum("Menetapkan", ":", teks_menetapkan(document), [])]
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

    #: The instansi block beside the logo: the kop's lines without address and contacts.
    instansi: tuple[str, ...]
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
    lines, label = kop(document), document.instansi.label
    return IdentitasSop(
        instansi=(lines.pemerintah, lines.dinas, *lines.sub_unit),
        nomor=sop.nomor or "",
        tanggal_pembuatan=tanggal(sop.tanggal_pembuatan),
        tanggal_revisi=tanggal(last) if (last := sop.revisi_terakhir()) else "-",
        tanggal_efektif=tanggal(sop.tanggal_efektif),
        disahkan=(jabatan_with_status(pejabat), signer.nama, signer.pangkat, signer.nip),
        nama=sop.nama.upper(),
        grid=(
            (f"{label.dasar_hukum}:", daftar_sitasi(document, list(sop.dasar_hukum))),
            (f"{label.kualifikasi_pelaksana}:", list(sop.kualifikasi_pelaksana)),
            (f"{label.keterkaitan}:", list(sop.keterkaitan)),
            (f"{label.peralatan_perlengkapan}:", list(sop.peralatan_perlengkapan)),
            (f"{label.peringatan}:", list(sop.peringatan)),
            (f"{label.pencatatan_pendataan}:", list(sop.pencatatan_pendataan)),
        ),
    )


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


def jumlah_waktu(document: Document, sop: Sop) -> str:
    """The Jumlah Waktu Penyelesaian row: the maximum total of the steps' Waktu.

    Seed 003's form ("15 hari 1 jam 25 menit"), from :mod:`sk_generator.waktu`; "-" when
    no step states a time.
    """
    times = compute_sop(sop, jam_kerja_per_hari=document.jam_kerja_per_hari(sop))
    if all(step.waktu is None for step in times.steps):
        return "-"
    return times.text_max
