"""The text of the skeleton files: one short Indonesian comment above every key.

Kept apart from :mod:`sk_generator.skeleton` (which decides where files go and what the
records around them already hold) so that each file reads like the file it writes.
Values the user gave are quoted with :func:`q`; everything else is a ``[...]`` placeholder
(the TEKS-ISIAN check lists those that are left).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

#: The header every skeleton carries under its `$schema` line.
PETUNJUK = (
    "# Ganti setiap isian dalam kurung siku [ ... ] dengan nilai sebenarnya;\n"
    "# `sk-generator check` menunjukkan isian yang tersisa. Baris diawali # adalah catatan.\n"
)


@dataclass(frozen=True)
class DinasBaru:
    """What a user may know when starting a Dinas; None becomes a placeholder."""

    nama: str | None = None
    daerah: str | None = None
    kota: str | None = None
    alamat: str | None = None
    kepala: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class DokumenBaru:
    """What a user may know when starting an SK or an SOP; None becomes a placeholder."""

    judul: str | None = None
    nomor: str | None = None
    tanggal: dt.date | None = None
    instansi: str | None = None
    pejabat: str | None = None
    #: SOP lampiran of a new SK (0: none).
    lampiran: int = 1


def q(value: str) -> str:
    """A YAML 1.2 double-quoted scalar: safe for any text (a JSON string is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def header(schema: str, title: str) -> str:
    return f"# yaml-language-server: $schema={schema}\n#\n# {title}\n{PETUNJUK}"


def instansi_text(schema: str, instansi_id: str, dinas: DinasBaru) -> str:
    nama = dinas.nama.upper() if dinas.nama else "[NAMA DINAS, mis. DINAS KESEHATAN]"
    daerah = dinas.daerah or "[Kabupaten/Kota ...]"
    pemerintah = f"PEMERINTAH {dinas.daerah.upper()}" if dinas.daerah else "[PEMERINTAH ...]"
    alamat = dinas.alamat or "[Alamat kantor, mis. Jalan ... Nomor ...]"
    kota = dinas.kota or "[Kota tempat penetapan]"
    return (
        header(schema, "Data instansi: kop surat, tempat penetapan, kertas dan huruf.")
        + f"""instansi:
  # Id instansi: dirujuk dokumen pada baris `instansi:`.
  {instansi_id}:
    # Baris pertama kop, huruf kapital.
    pemerintah: {q(pemerintah)}
    # Nama dinas pada kop, huruf kapital.
    nama: {q(nama)}
    # Daerah yang mengikuti nama dinas pada judul SK.
    daerah: {q(daerah)}
    # Alamat kantor pada kop.
    alamat: {q(alamat)}
    # Nomor telepon (pilihan); beri tanda kutip agar angka 0 di depan tidak hilang.
    # telepon: "(0565) 123456"
    # Alamat surel dan situs web (pilihan).
    # email: dinas@contoh.go.id
    # laman: contoh.go.id
    # Kota pada "Ditetapkan di".
    kota: {q(kota)}
    # Lambang daerah (PNG/JPG) di folder ini: ganti isian ini dengan nama berkasnya,
    # mis. logo-daerah.png; selama belum diganti, kop dicetak dengan lambang pengganti.
    logo: "[LOGO DAERAH]"
    # Ukuran kertas: F4 (215 x 330 mm) atau A4.
    kertas: F4
    # Huruf dokumen: nama dan ukuran (pt).
    huruf:
      nama: Arial
      ukuran: 12
"""
    )


def pejabat_text(schema: str, jabatan: str, dinas: DinasBaru) -> str:
    nama = dinas.kepala.upper() if dinas.kepala else "[NAMA KEPALA DINAS]"
    return (
        header(schema, "Data pejabat: penanda tangan SK dan pengesah SOP.")
        + f"""pejabat:
  # Id pejabat: dirujuk pada `penandatangan:` (SK) dan `disahkan_oleh:` (SOP).
  kepala-dinas:
    # Nama tanpa gelar, huruf kapital.
    nama: {q(nama)}
    # Gelar di depan dan di belakang nama (pilihan).
    # gelar_depan: Drs.
    # gelar_belakang: M.Si
    # Jabatan lengkap seperti dicetak pada tanda tangan.
    jabatan: {q(jabatan)}
    # Pangkat.
    pangkat: "[Pangkat, mis. Pembina Tingkat I]"
    # Golongan ruang (pilihan), mis. IV/b.
    # golongan: IV/b
    # NIP 18 angka (pilihan), dengan tanda kutip.
    # nip: "19700101 199501 1 001"
    # Pejabat sementara (pilihan): Plh. atau Plt.
    # status: Plh.
"""
    )


#: The starter catalog of a new data folder: the two regulations every SOP AP cites
#: (copied from the project's checked catalog, data/regulasi.yaml).
KATALOG_AWAL = """# yaml-language-server: $schema={schema}
#
# Katalog peraturan: setiap peraturan yang dikutip dokumen, menurut id.
# Dokumen menulis id-nya (mis. uu-23-2014); kutipan lengkap dibuat dari sini.
# Tambahkan peraturan lain dengan bentuk yang sama.
regulasi:
  # Id: <jenis>-<nomor>-<tahun>, huruf kecil.
  uu-23-2014:
    # Jenis: UU, PP, Perpres, Permen, Perda Kabupaten/Kota, Perbup/Perwali, ...
    jenis: UU
    # Nomor dan tahun peraturan.
    nomor: "23"
    tahun: 2014
    # Judul setelah kata "tentang".
    tentang: Pemerintahan Daerah
    # Lembaran Negara dan Tambahan Lembaran Negara.
    lembaran: {{tahun: 2014, nomor: "244"}}
    tambahan_lembaran: "5587"
    # Id peraturan yang mengubahnya, urut.
    diubah_dengan: [uu-2-2015, uu-9-2015]

  uu-2-2015:
    jenis: UU
    nomor: "2"
    tahun: 2015
    tentang: >-
      Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2014 tentang
      Perubahan atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah menjadi
      Undang-Undang
    lembaran: {{tahun: 2015, nomor: "24"}}
    tambahan_lembaran: "5657"

  uu-9-2015:
    jenis: UU
    nomor: "9"
    tahun: 2015
    tentang: Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
    lembaran: {{tahun: 2015, nomor: "58"}}
    tambahan_lembaran: "5679"

  permenpanrb-35-2012:
    jenis: Permen
    nomor: "35"
    tahun: 2012
    # Kementerian penerbit (Permen dan Kepmen).
    penerbit: Pendayagunaan Aparatur Negara dan Reformasi Birokrasi
    tentang: Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan
"""

#: A nomor whose parts are placeholders: its shape (kode/urut/unit/tahun) shows the form.
NOMOR_ISIAN = "[KODE]/[NOMOR URUT]/[KODE UNIT]/{tahun}"

_LANGKAH = (
    ("[Kegiatan pertama, diawali kata kerja]", 0, "15 menit"),
    ("[Kegiatan kedua, diawali kata kerja]", 1, "1 jam"),
    ("[Kegiatan ketiga, diawali kata kerja]", 0, "15 menit"),
)


def _list(indent: str, key: str, items: Sequence[str]) -> list[str]:
    return [f"{indent}{key}:", *(f"{indent}  - {item}" for item in items)]


def sop_lines(
    indent: str, dasar_hukum: Sequence[str], today: dt.date, nama: str | None
) -> list[str]:
    """The SOP's own keys (identity grid, pelaksana, langkah), indented by `indent`."""
    kolom = ("[Jabatan Pelaksana 1]", "[Jabatan Pelaksana 2]")
    lines = [
        f"{indent}# Nama SOP (tanpa kata SOP), mis. Pelayanan Izin Usaha.",
        f"{indent}nama: {q(nama or '[Nama SOP]')}",
        f"{indent}# Tanggal pembuatan (penyusunan selesai): 2024-02-10 atau '10 Februari 2024'.",
        f"{indent}tanggal_pembuatan: {today.isoformat()}",
        f"{indent}# Tanggal revisi (pilihan), satu atau beberapa.",
        f"{indent}# tanggal_revisi: [{today.isoformat()}]",
        f"{indent}# Dasar hukum: id peraturan dari regulasi.yaml.",
        *_list(indent, "dasar_hukum", dasar_hukum),
        f"{indent}# Kualifikasi pelaksana.",
        *_list(indent, "kualifikasi_pelaksana", [q("[Kualifikasi pelaksana]")]),
        f"{indent}# SOP lain yang terkait.",
        *_list(indent, "keterkaitan", [q("[SOP yang terkait]")]),
        f"{indent}# Peralatan/perlengkapan.",
        *_list(indent, "peralatan_perlengkapan", [q("[Peralatan, mis. Komputer]")]),
        f"{indent}# Peringatan: akibat bila SOP tidak dilaksanakan.",
        *_list(indent, "peringatan", [q("[Peringatan]")]),
        f"{indent}# Pencatatan dan pendataan.",
        *_list(indent, "pencatatan_pendataan", [q("[Cara pencatatan dan pendataan]")]),
        f"{indent}# Kolom pelaksana: jabatan (bukan nama orang), urut kiri ke kanan.",
        *_list(indent, "pelaksana", [q(k) for k in kolom]),
        f"{indent}# Langkah berurutan: kegiatan (kata kerja aktif, tanpa pelaku), pelaksana",
        f"{indent}# (salah satu kolom di atas) dan mutu baku (kelengkapan, waktu, output).",
        f"{indent}langkah:",
    ]
    for kegiatan, column, waktu in _LANGKAH:
        lines += [
            f"{indent}  - kegiatan: {q(kegiatan)}",
            f"{indent}    pelaksana: {q(kolom[column])}",
            f"{indent}    kelengkapan: [{q('[Kelengkapan]')}]",
            f"{indent}    # Contoh: ganti dengan waktu sebenarnya (mis. 30 menit, 1-3 hari).",
            f"{indent}    waktu: {waktu}",
            f"{indent}    output: {q('[Output]')}",
        ]
    return lines


def keputusan_text(
    schema: str,
    *,
    instansi: str,
    penandatangan: str,
    nomor: str,
    tanggal: dt.date,
    tentang: str,
    menimbang: Sequence[str],
    mengingat: Sequence[str],
    lampiran: int,
) -> str:
    """An SK with `lampiran` SOP skeletons under `lampiran:`."""
    lines = [
        "# Jenis dokumen: keputusan (SK dengan lampiran). Jangan diubah.",
        "jenis: keputusan",
        "# Id instansi penerbit dari instansi.yaml.",
        f"instansi: {instansi}",
        "# Nomor: kode klasifikasi/nomor urut/kode unit/tahun, mis. 700/109/DISNAKER.TU.1/2024.",
        f"nomor: {q(nomor)}",
        "# Tanggal penetapan: 2024-02-10 atau '10 Februari 2024'.",
        f"tanggal: {tanggal.isoformat()}",
        "# Judul setelah TENTANG, ditulis biasa (dicetak kapital).",
        f"tentang: {q(tentang)}",
        '# Pertimbangan a., b., ...: diawali "bahwa", diakhiri ";"; butir terakhir penutup.',
        *_list("", "menimbang", [q(m) for m in menimbang]),
        "# Dasar hukum: id peraturan dari regulasi.yaml, urut menurut hierarki lalu tahun.",
        *_list("", "mengingat", mengingat),
        "# Diktum KESATU, KEDUA, ... (sebutannya dibuat otomatis).",
        *_list(
            "",
            "diktum",
            [q("[Isi diktum KESATU]"), q("Keputusan ini mulai berlaku pada tanggal ditetapkan.")],
        ),
        "# Id pejabat penanda tangan dari pejabat.yaml.",
        f"penandatangan: {penandatangan}",
        "# Tembusan (pilihan), satu per baris.",
        "# tembusan:",
        "#   - Bupati ...",
    ]
    if lampiran:
        lines += [
            "# SOP yang dilampirkan (Lampiran I, II, ...); nomor, tanggal efektif dan",
            "# pengesahnya ikut SK ini.",
            "lampiran:",
        ]
        for _ in range(lampiran):
            sop = sop_lines("    ", mengingat[-1:], tanggal, None)
            first = next(i for i, line in enumerate(sop) if not line.strip().startswith("#"))
            sop[first] = "  - " + sop[first].strip()
            lines += sop
    title = "Keputusan Kepala Dinas (SK) dengan SOP sebagai lampiran."
    return header(schema, title) + "\n".join(lines) + "\n"


def sop_text(
    schema: str,
    *,
    instansi: str,
    disahkan_oleh: str,
    nomor: str,
    tanggal: dt.date,
    nama: str | None,
    dasar_hukum: Sequence[str],
) -> str:
    """A standalone SOP (jenis: sop) with its own identity."""
    lines = [
        "# Jenis dokumen: sop (SOP mandiri, tanpa SK). Jangan diubah.",
        "jenis: sop",
        "# Id instansi dari instansi.yaml.",
        f"instansi: {instansi}",
        "# Nomor SOP: kode klasifikasi/nomor urut/kode unit/tahun.",
        f"nomor: {q(nomor)}",
        "# Tanggal efektif = tanggal disahkan.",
        f"tanggal_efektif: {tanggal.isoformat()}",
        "# Id pejabat yang mengesahkan dari pejabat.yaml.",
        f"disahkan_oleh: {disahkan_oleh}",
        *sop_lines("", dasar_hukum, tanggal, nama),
    ]
    return (
        header(schema, "Standar Operasional Prosedur (SOP AP) mandiri.") + "\n".join(lines) + "\n"
    )
