"""Regulations as Mengingat and Dasar Hukum cite them (UU 12/2011 Lampiran II).

Also the kind names check messages use, so a message names a regulation exactly as the
printed document does.
"""

from __future__ import annotations

from collections.abc import Sequence

from sk_generator.model import Peraturan
from sk_generator.model.records import AGENCY

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
    "Peraturan Badan": "Peraturan Badan",
    "Peraturan Lembaga": "Peraturan Lembaga",
    "Peraturan Kepala": "Peraturan Kepala",
    "Keputusan Kepala": "Keputusan Kepala",
    "Perda Provinsi": "Peraturan Daerah Provinsi",
    "Pergub": "Peraturan Gubernur",
    "Perda Kabupaten/Kota": "Peraturan Daerah Kabupaten/Kota",
    "Perbup/Perwali": "Peraturan Bupati/Wali Kota",
    "Keputusan": "Keputusan",
}
#: Kinds whose name in a citation is just the kind (no issuer or region follows).
_PLAIN_KINDS = {"Tap MPR", "UU", "Perppu", "PP", "Perpres", "Inpres", "Keppres"}
#: Kinds published in the Lembaran/Berita Negara (the others in the Lembaran Daerah).
_NATIONAL = {"UU", "Perppu", "PP", "Perpres", "Permen", "Kepmen", "Inpres", "Keppres"}
_NATIONAL |= {"Tap MPR", "UUD", "Keputusan", *AGENCY}
#: A regional regulation's `daerah` names its office; its region publishes it.
_PEJABAT_DAERAH = {
    "Bupati": "Kabupaten",
    "Wali Kota": "Kota",
    "Walikota": "Kota",
    "Gubernur": "Provinsi",
}


def jenis_nama(jenis: str) -> str:
    """The kind as staff read it: "Peraturan Presiden" for ``Perpres``."""
    return JENIS_NAMA.get(jenis, jenis)


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
    elif p.jenis in AGENCY:
        head = _lembaga(p.jenis, p.penerbit or "")
    elif p.jenis in {"Perda Provinsi", "Perda Kabupaten/Kota"}:
        head = f"Peraturan Daerah {p.daerah}"
    else:  # Pergub, Perbup/Perwali: daerah holds "Bupati Sintang", "Gubernur ..."
        head = f"Peraturan {p.daerah}"
    return f"{head} Nomor {p.nomor} Tahun {p.tahun}"


def _lembaga(jenis: str, penerbit: str) -> str:
    """A non-ministerial agency's instrument: "Peraturan Badan Nasional Pencarian dan
    Pertolongan" whether `penerbit` is written "Badan Nasional ..." or "Nasional ...";
    "Peraturan Kepala Badan Kepegawaian Negara" from ``Peraturan Kepala``."""
    instrument, body = jenis.split(" ", 1)
    # The kind's last word is the start of the agency's own name: print it once.
    if body in {"Badan", "Lembaga"} and penerbit.split(" ", 1)[0] == body:
        return f"{instrument} {penerbit}"
    return f"{jenis} {penerbit}"


def _wilayah(p: Peraturan) -> str:
    """The region whose Lembaran/Berita Daerah publishes a regional regulation."""
    daerah = p.daerah or ""
    for office, region in _PEJABAT_DAERAH.items():
        if daerah.startswith(office + " "):
            return f"{region} {daerah[len(office) + 1 :]}"
    return daerah


def _publikasi(p: Peraturan) -> str:
    parts: list[str] = []
    where = "Negara Republik Indonesia" if p.jenis in _NATIONAL else f"Daerah {_wilayah(p)}"
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


def sitasi(p: Peraturan, amendments: Sequence[Peraturan] = ()) -> str:
    """The full citation as Mengingat prints it, amendments included (UU 12/2011).

    `amendments` are the regulations that amended `p`, oldest first. One amendment:
    "sebagaimana telah diubah dengan ..."; several: "sebagaimana telah diubah beberapa
    kali terakhir dengan <the last one>".
    """
    text = sitasi_tunggal(p)
    if len(amendments) == 1:
        text += f" sebagaimana telah diubah dengan {sitasi_tunggal(amendments[0])}"
    elif amendments:
        text += (
            " sebagaimana telah diubah beberapa kali terakhir dengan "
            f"{sitasi_tunggal(amendments[-1])}"
        )
    return text
