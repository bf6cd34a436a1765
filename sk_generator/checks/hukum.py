"""Legal references: Mengingat, Memperhatikan and Dasar Hukum against the regulasi catalog.

A citation is either a catalog id (its text is generated, so it cannot be misspelt) or a
regulation written out inline. Inline citations are where the seeds went wrong: a wrong
year (PP 8/2005 for 8/2006), a wrong kind (a Perpres called "Peraturan Pemerintah"), a
title that is not the regulation's. Each inline citation is matched against the catalog
and the closest entry is offered as the fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sk_generator.checks.kutipan import Citation, citations, match, must_precede, norm
from sk_generator.checks.registry import Finding, rule
from sk_generator.diagnostics import DataPath, Severity
from sk_generator.document import Document
from sk_generator.model import Peraturan
from sk_generator.wording.sitasi import jenis_nama, nama_peraturan, sitasi_tunggal


@rule(
    "HUKUM-KATALOG",
    Severity.ERROR,
    "Peraturan yang dikutip harus sesuai dengan katalog regulasi",
    scope="dokumen",
    penjelasan=(
        "Kutipan peraturan yang nomornya sama dan judulnya mirip dengan salah satu peraturan di "
        "katalog regulasi tetapi tahun atau jenisnya berbeda hampir pasti salah ketik (misalnya "
        "PP Nomor 8 Tahun 2005 yang seharusnya PP Nomor 8 Tahun 2006), sehingga dasar hukumnya "
        "tidak dapat ditelusuri. Tulis id katalog yang disebut dalam pesan (misalnya "
        "`pp-8-2006`) agar kutipan disusun otomatis dengan benar, atau perbaiki kutipannya."
    ),
    wrong="""
mengingat:
  - jenis: PP
    nomor: "8"
    tahun: 2005
    tentang: Pelaporan Keuangan dan Kinerja Instansi Pemerintah
""",
    right="""
mengingat:
  - pp-8-2006   # id di data/regulasi.yaml
""",
)
def catalog_match(document: Document) -> Iterator[Finding]:
    """An inline citation whose jenis, nomor and tahun are not in the catalog, while an
    entry with the same number and a resembling title differs from it only in the year or
    only in the kind: it is almost certainly that entry, typed wrongly. (A resembling
    title alone is a hint of HUKUM-TIDAK-DIKENAL: agencies issue regulations on the same
    subjects as laws.) The message names the entry and its
    id; citing the id lets the toolkit write the citation correctly."""
    for citation in citations(document):
        if not citation.inline:
            continue
        found = match(document, citation.peraturan)
        if found.kind not in {"tahun", "jenis"} or found.record is None:
            continue
        p, target = citation.peraturan, found.record
        given = f"{nama_peraturan(p)} tentang {p.tentang}"
        fix = f"tulis `{target.id}` (id katalog) atau perbaiki kutipannya"
        if found.kind == "tahun":
            problem = (
                f"{nama_peraturan(p)} tidak ada di katalog; {jenis_nama(p.jenis)} Nomor "
                f"{p.nomor} terbit tahun {target.value.tahun}: {sitasi_tunggal(target.value)}"
            )
        else:
            problem = (
                f"'{given}' adalah {jenis_nama(target.value.jenis)}, bukan "
                f"{jenis_nama(p.jenis)}: {sitasi_tunggal(target.value)}"
            )
        if target.value.dicabut_oleh in document.records.regulasi:
            newer = document.records.regulasi[target.value.dicabut_oleh]
            fix = (
                f"peraturan itu sudah dicabut/diganti dengan {nama_peraturan(newer.value)}: "
                f"kutip `{newer.id}`"
            )
        yield citation.path, f"{problem}; {fix}"


@rule(
    "HUKUM-TIDAK-DIKENAL",
    Severity.WARNING,
    "Peraturan yang dikutip sebaiknya ada di katalog regulasi",
    scope="dokumen",
    penjelasan=(
        "Peraturan yang belum ada di katalog regulasi tidak dapat diperiksa tahun, jenis, "
        "judul, dan status pencabutannya. Tambahkan peraturan itu satu kali ke "
        "`data/regulasi.yaml`, lalu kutip dengan id-nya; sejak itu setiap dokumen yang "
        "mengutipnya ikut diperiksa. Bila judulnya mirip dengan peraturan lain di katalog, "
        "pesan menyebut peraturan itu sebagai saran saja: instansi sering mengatur pokok yang "
        "sama dengan undang-undang."
    ),
    wrong="""
dasar_hukum:
  - jenis: Permen
    penerbit: Dalam Negeri
    nomor: "83"
    tahun: 2022
    tentang: Pedoman Pengelolaan Arsip
""",
    right="""
dasar_hukum:
  - permendagri-83-2022   # ditambahkan ke data/regulasi.yaml
""",
)
def catalog_unknown(document: Document) -> Iterator[Finding]:
    """An inline citation that resembles nothing in the catalog cannot be checked (year,
    kind, title, revocation). Adding it to ``regulasi.yaml`` once checks it for every
    document that cites it."""
    for citation in citations(document):
        if not citation.inline:
            continue
        found = match(document, citation.peraturan)
        if found.kind not in {"tidak", "judul"}:
            continue
        message = (
            f"{nama_peraturan(citation.peraturan)} belum ada di katalog regulasi, sehingga "
            "tahun, jenis dan judulnya tidak dapat diperiksa; tambahkan ke regulasi.yaml "
            "lalu kutip dengan id-nya"
        )
        if found.kind == "judul" and found.record is not None:
            message += (
                f"; judulnya mirip dengan {nama_peraturan(found.record.value)}: bila "
                f"peraturan itu yang dimaksud, kutip `{found.record.id}`"
            )
        yield citation.path, message


@rule(
    "HUKUM-JUDUL",
    Severity.ERROR,
    "Judul peraturan harus sama dengan judul di katalog",
    scope="dokumen",
    penjelasan=(
        'Judul peraturan ("tentang ...") adalah bagian dari kutipan; judul yang keliru atau '
        "dipersingkat membuat pembaca mencari peraturan lain. Salin judul lengkap dari katalog "
        "atau tulis id katalognya. Perbedaan huruf besar dan kecil, spasi, dan tanda baca di "
        "akhir judul tidak dipersoalkan."
    ),
    wrong="""
dasar_hukum:
  - jenis: PP
    nomor: "8"
    tahun: 2006
    tentang: Pelaporan Kinerja, dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah
""",
    right="""
dasar_hukum:
  - jenis: PP
    nomor: "8"
    tahun: 2006
    tentang: Pelaporan Keuangan dan Kinerja Instansi Pemerintah
""",
)
def catalog_title(document: Document) -> Iterator[Finding]:
    """The title ("tentang ...") is part of the citation; a wrong or shortened one points
    the reader at another regulation. Case, spacing and end punctuation are ignored."""
    for citation in citations(document):
        if not citation.inline or citation.record is None:
            continue
        expected = citation.record.value.tentang
        if norm(citation.peraturan.tentang) != norm(expected):
            yield (
                (*citation.path, "tentang"),
                f"judul {nama_peraturan(citation.peraturan)} menurut katalog adalah "
                f"'{expected}'; ganti `tentang` dengan judul itu atau tulis "
                f"`{citation.record.id}` (id katalog)",
            )


_PUBLIKASI = {
    "lembaran": "Lembaran Negara/Daerah",
    "tambahan_lembaran": "Tambahan Lembaran Negara/Daerah",
    "berita": "Berita Negara/Daerah",
}


def _publikasi(p: Peraturan, name: str) -> str | None:
    value = getattr(p, name)
    if value is None:
        return None
    if isinstance(value, str):
        return f"Nomor {value}"
    return f"Tahun {value.tahun} Nomor {value.nomor}"


@rule(
    "HUKUM-LEMBARAN",
    Severity.ERROR,
    "Lembaran dan Tambahan Lembaran sama dengan yang di katalog",
    scope="dokumen",
    penjelasan=(
        "Menurut UU 12/2011 Lampiran II, peraturan dalam Mengingat dikutip beserta nomor "
        "Lembaran Negara/Daerah dan Tambahan Lembaran Negara/Daerah-nya. Nomor yang berbeda "
        "dari katalog harus diperbaiki, dan nomor yang belum ditulis dalam Mengingat harus "
        "dilengkapi; cara termudah adalah menulis id katalog. Dalam Dasar Hukum SOP nomor itu "
        "boleh tidak ditulis, tetapi bila ditulis harus benar."
    ),
    wrong="""
mengingat:
  - jenis: UU
    nomor: "28"
    tahun: 1999
    tentang: Penyelenggaraan Negara yang Bersih dan Bebas dari Korupsi, Kolusi, dan Nepotisme
    lembaran: {tahun: 1999, nomor: "75"}
    tambahan_lembaran: "3051"
""",
    right="""
mengingat:
  - uu-28-1999      # katalog: LN 1999 Nomor 75, TLN 3851
""",
)
def catalog_publication(document: Document) -> Iterator[Finding]:
    """The Lembaran Negara/Daerah, Tambahan Lembaran and Berita numbers of an inline
    citation are compared with the catalog entry it is (only where the catalog knows
    them). A number that differs is reported everywhere; one that the catalog has and the
    citation leaves out only in Mengingat, where UU 12/2011 Lampiran II asks for the
    LN/TLN (an SOP's Dasar Hukum is commonly printed without them)."""
    for citation in citations(document):
        if not citation.inline or citation.record is None:
            continue
        known, given = citation.record.value, citation.peraturan
        missing = []
        for name, label in _PUBLIKASI.items():
            expected, actual = _publikasi(known, name), _publikasi(given, name)
            if expected is None or actual == expected:
                continue
            if actual is None:
                if citation.list_name == "mengingat":
                    missing.append(f"{label} {expected}")
                continue
            yield (
                (*citation.path, name),
                f"{label} {nama_peraturan(given)} menurut katalog {expected}, bukan {actual}; "
                f"perbaiki `{name}` atau tulis `{citation.record.id}` (id katalog)",
            )
        if missing:
            yield (
                citation.path,
                f"{nama_peraturan(given)} tanpa {', '.join(missing)} (menurut katalog); "
                f"lengkapi atau tulis `{citation.record.id}` (id katalog)",
            )


@rule(
    "HUKUM-DICABUT",
    Severity.ERROR,
    "Peraturan yang sudah dicabut atau diganti tidak boleh dikutip",
    scope="dokumen",
    penjelasan=(
        "Peraturan yang sudah dicabut atau diganti tidak berlaku lagi, sehingga tidak dapat "
        "menjadi dasar hukum. Kutip peraturan penggantinya (yang terakhir, bila penggantinya "
        "juga sudah diganti) dengan id yang disebut dalam pesan."
    ),
    wrong="""
dasar_hukum:
  - perbup-sintang-116-2017   # dicabut_oleh: perbup-sintang-132-2021
""",
    right="""
dasar_hukum:
  - perbup-sintang-132-2021
""",
)
def revoked(document: Document) -> Iterator[Finding]:
    """A regulation that the catalog marks ``dicabut_oleh`` no longer has force: the
    document must cite its replacement (the last one, when that was replaced too)."""
    catalog = document.records.regulasi
    for citation in citations(document):
        if citation.record is None or not citation.record.value.dicabut_oleh:
            continue
        current = citation.record
        seen = {current.id}
        while current.value.dicabut_oleh in catalog and current.value.dicabut_oleh not in seen:
            current = catalog[current.value.dicabut_oleh]
            seen.add(current.id)
        yield (
            citation.path,
            f"{nama_peraturan(citation.record.value)} sudah dicabut/diganti dengan "
            f"{sitasi_tunggal(current.value)}; kutip `{current.id}` sebagai gantinya",
        )


@rule(
    "HUKUM-GANDA",
    Severity.ERROR,
    "Satu peraturan hanya dikutip sekali",
    scope="dokumen",
    penjelasan=(
        "Setiap peraturan cukup dikutip satu kali dalam Mengingat dan Memperhatikan satu SK, "
        "atau dalam Dasar Hukum satu SOP. Peraturan perubahan juga tidak dikutip tersendiri di "
        "samping peraturan yang diubahnya, karena kutipan peraturan yang diubah sudah memuatnya"
        ' ("sebagaimana telah diubah ..."). Hapus butir yang berulang.'
    ),
    wrong="""
mengingat:
  - uu-23-2014      # diubah_dengan: [uu-2-2015, uu-9-2015]
  - uu-9-2015
memperhatikan:
  - uu-23-2014
""",
    right="""
mengingat:
  - uu-23-2014      # dicetak "... sebagaimana telah diubah beberapa kali terakhir dengan
                    # Undang-Undang Nomor 9 Tahun 2015 ..."
""",
)
def cited_twice(document: Document) -> Iterator[Finding]:
    """The same regulation twice in Mengingat and Memperhatikan of one SK, or in one SOP's
    Dasar Hukum; also an amendment cited on its own next to the regulation it amends, as
    the citation of the amended one already names it ("sebagaimana telah diubah ...")."""
    catalog = document.records.regulasi
    groups: dict[DataPath, list[Citation]] = {}
    for citation in citations(document):
        groups.setdefault(citation.group, []).append(citation)
    for group in groups.values():
        first: dict[tuple[Any, ...], Citation] = {}
        amended_by: dict[str, Citation] = {}
        for citation in group:
            if citation.record is not None:
                for amendment in citation.record.value.diubah_dengan:
                    amended_by.setdefault(amendment, citation)
        for citation in group:
            key = citation.key
            if key in first:
                yield (
                    citation.path,
                    f"{nama_peraturan(citation.peraturan)} sudah dikutip pada "
                    f"{first[key].where}; hapus salah satunya",
                )
                continue
            first[key] = citation
            record = citation.record
            if record is not None and record.id in amended_by:
                base = amended_by[record.id]
                if base.record is not None and base.record.id != record.id:
                    shown = nama_peraturan(catalog[base.record.id].value)
                    yield (
                        citation.path,
                        f"{nama_peraturan(record.value)} mengubah {shown} ({base.where}), "
                        "yang kutipannya sudah memuat perubahan ini ('sebagaimana telah "
                        "diubah ...'); hapus butir ini",
                    )


_ORDER_HINT = (
    "urutkan menurut hierarki (UUD, UU/Perppu, PP, Perpres, Peraturan Menteri, Perda "
    "Provinsi, Pergub, Perda Kabupaten/Kota, Perbup/Perwali), lalu dari yang terlama"
)


@rule(
    "HUKUM-URUTAN",
    Severity.ERROR,
    "Mengingat dan Dasar Hukum diurutkan menurut hierarki, lalu kronologis",
    scope="dokumen",
    penjelasan=(
        "Menurut UU 12/2011 Lampiran II, dasar hukum diurutkan menurut jenjang peraturan, dari "
        "yang tertinggi: UUD 1945, Tap MPR, UU/Perppu, PP, Perpres, Peraturan Menteri, Perda "
        "Provinsi, Peraturan Gubernur, Perda Kabupaten/Kota, lalu Peraturan Bupati/Wali Kota. "
        "Peraturan Badan, Lembaga dan Kepala setingkat dengan Peraturan Menteri. "
        "Peraturan yang setingkat diurutkan dari yang terlama. Pindahkan butir yang disebut "
        "dalam pesan ke tempatnya."
    ),
    wrong="""
mengingat:
  - permenpanrb-53-2014
  - uu-23-2014
  - pp-8-2006
""",
    right="""
mengingat:
  - uu-23-2014
  - pp-8-2006
  - permenpanrb-53-2014
""",
)
def order(document: Document) -> Iterator[Finding]:
    """UU 12/2011 Lampiran II: the legal bases are listed from the highest level down
    (UUD 1945, Tap MPR, UU/Perppu, PP, Perpres, Peraturan Menteri, Perda Provinsi,
    Pergub, Perda Kabupaten/Kota, Perbup/Perwali) and, within a level, from the oldest.
    Keppres and Inpres rank with Perpres, Kepmen and the non-ministerial agencies' kinds
    with Permen; a Keputusan of another official has no fixed place and is skipped.
    Each item is reported at most once, against the first earlier item it must precede."""
    lists: dict[DataPath, list[Citation]] = {}
    for citation in citations(document):
        if citation.list_name != "memperhatikan":
            lists.setdefault(citation.path[:-1], []).append(citation)
    for items in lists.values():
        for position, citation in enumerate(items):
            for earlier in items[:position]:
                if must_precede(citation.peraturan, earlier.peraturan):
                    yield (
                        citation.path,
                        f"{nama_peraturan(citation.peraturan)} harus ditulis sebelum butir "
                        f"{earlier.index + 1} ({nama_peraturan(earlier.peraturan)}); "
                        f"{_ORDER_HINT}",
                    )
                    break
