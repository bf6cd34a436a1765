"""Synthetic data for the benchmark: N Keputusan, each with one SOP of about 12 steps.

The data is realistic in size and shape (a kop, four Mengingat citations, three diktum, an
SOP with three pelaksana columns, a decision that loops back, mutu baku on every step) and
must pass `sk-generator check` without errors; tests/test_build.py checks that it does.
"""

from __future__ import annotations

from pathlib import Path

REGULASI = """\
regulasi:
  uu-23-2014:
    jenis: UU
    nomor: "23"
    tahun: 2014
    tentang: Pemerintahan Daerah
    lembaran: {tahun: 2014, nomor: "244"}
    tambahan_lembaran: "5587"
    diubah_dengan: [uu-9-2015]
  uu-9-2015:
    jenis: UU
    nomor: "9"
    tahun: 2015
    tentang: Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah
    lembaran: {tahun: 2015, nomor: "58"}
    tambahan_lembaran: "5679"
  perpres-29-2014:
    jenis: Perpres
    nomor: "29"
    tahun: 2014
    tentang: Sistem Akuntabilitas Kinerja Instansi Pemerintah
    lembaran: {tahun: 2014, nomor: "80"}
  permenpanrb-35-2012:
    jenis: Permen
    nomor: "35"
    tahun: 2012
    penerbit: Pendayagunaan Aparatur Negara dan Reformasi Birokrasi
    tentang: Pedoman Penyusunan Standar Operasional Prosedur Administrasi Pemerintahan
    berita: {tahun: 2012, nomor: "649"}
"""

INSTANSI = """\
# sk-generator: abaikan INSTANSI-LOGO-KOSONG  (data uji tanpa lambang daerah)
instansi:
  dinas-uji:
    pemerintah: PEMERINTAH KABUPATEN UJI COBA
    nama: DINAS TENAGA KERJA DAN TRANSMIGRASI
    daerah: Kabupaten Uji Coba
    alamat: Jalan Merdeka Nomor 1 Uji Coba Provinsi Kalimantan Barat
    telepon: (0565) 21000
    kota: Uji Coba
    kertas: F4
"""

PEJABAT = """\
pejabat:
  kadis-uji:
    nama: SUBENDI
    gelar_depan: Drs.
    gelar_belakang: M.Si
    jabatan: Kepala Dinas Tenaga Kerja dan Transmigrasi Kabupaten Uji Coba
    pangkat: Pembina Tingkat I
    golongan: IV/b
    nip: 19670621 199003 1 006
"""

_PELAKSANA = ["Sekretaris", "Kepala Subbagian Program", "Pengelola Data"]
_KEGIATAN = [
    ("Menerima dan mencatat permohonan {topik}", 0, "15 menit", "Permohonan tercatat"),
    ("Mendisposisikan permohonan {topik} kepada Kepala Subbagian", 0, "10 menit", "Disposisi"),
    ("Menyiapkan format isian {topik}", 1, "30 menit", "Format isian"),
    ("Mengumpulkan bahan {topik} dari setiap bidang", 2, "2 hari", "Data terkumpul"),
    ("Memeriksa kelengkapan bahan {topik}", 1, "1 jam", "Data diperiksa"),
    ("Mengolah bahan {topik} sesuai format", 2, "1 hari", "Data olahan"),
    ("Menyusun rancangan laporan {topik}", 1, "2 jam", "Rancangan laporan"),
    ("Memaraf rancangan laporan {topik}", 0, "30 menit", "Rancangan diparaf"),
    ("Memperbaiki rancangan laporan {topik} sesuai catatan", 1, "1 jam", "Rancangan diperbaiki"),
    ("Menggandakan laporan {topik}", 2, "30 menit", "Salinan laporan"),
    ("Mendistribusikan laporan {topik} kepada bidang", 2, "1 jam", "Tanda terima"),
    ("Mengarsipkan laporan {topik}", 2, "15 menit", "Arsip laporan"),
]
_TOPIK = [
    "Data Kinerja",
    "Pelatihan Kerja",
    "Penempatan Tenaga Kerja",
    "Perselisihan Hubungan Industrial",
    "Pengawasan Ketenagakerjaan",
    "Transmigrasi",
    "Perizinan Lembaga Pelatihan",
    "Pendataan Pencari Kerja",
]


def keputusan_yaml(index: int) -> str:
    """The YAML text of synthetic SK number `index` (1-based) with its one SOP."""
    topik = f"{_TOPIK[(index - 1) % len(_TOPIK)]} {index}"
    judul = f"Standar Operasional Prosedur {topik} pada Dinas Tenaga Kerja dan Transmigrasi"
    penetap = "Kepala Dinas Tenaga Kerja dan Transmigrasi Kabupaten Uji Coba"
    lines = [
        "jenis: keputusan",
        "instansi: dinas-uji",
        f"nomor: 800/{index}/DISNAKERTRANS.TU/2024",
        "tanggal: 2024-03-11",
        f"tentang: {judul}",
        "menimbang:",
        f"  - bahwa untuk tertib pelaksanaan {topik} diperlukan {judul};",
        "  - bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu "
        f"menetapkan Keputusan {penetap} tentang {judul};",
        "mengingat: [uu-23-2014, perpres-29-2014, permenpanrb-35-2012]",
        "diktum:",
        f"  - {judul} sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak "
        "terpisahkan dari Keputusan ini.",
        f"  - {judul} sebagaimana dimaksud dalam Diktum KESATU dipergunakan sebagai acuan "
        "seluruh aparatur.",
        "  - Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        "penandatangan: kadis-uji",
        "lampiran:",
        f"  - nama: {topik}",
        "    tanggal_pembuatan: 2024-03-01",
        "    dasar_hukum: [uu-23-2014, perpres-29-2014, permenpanrb-35-2012]",
        "    kualifikasi_pelaksana: [Memahami pengolahan data, Menguasai komputer]",
        "    keterkaitan: [SOP Penyusunan Laporan Kinerja]",
        "    peralatan_perlengkapan: [Komputer, Printer, ATK]",
        "    peringatan: [Bila SOP tidak dilaksanakan laporan terlambat]",
        "    pencatatan_pendataan: [Disimpan sebagai arsip elektronik dan manual]",
        f"    pelaksana: [{', '.join(_PELAKSANA)}]",
        "    langkah:",
    ]
    for number, (kegiatan, actor, waktu, output) in enumerate(_KEGIATAN, start=1):
        lines += [
            f"      - kegiatan: {kegiatan.format(topik=topik)}",
            f"        pelaksana: {_PELAKSANA[actor]}",
            "        kelengkapan: [Permohonan, Format isian]",
            f"        waktu: {waktu}",
            f"        output: {output}",
        ]
        if number == 8:  # the paraf is a decision: "tidak" goes back to the draft
            lines += [
                "        keputusan: {tidak: 9, ya: 10, label_ya: Setuju, label_tidak: Perbaiki}"
            ]
        if number == 9:
            lines += ["        keterangan: Kembali ke langkah 8"]
    return "\n".join(lines) + "\n"


def write_dataset(folder: Path, n: int) -> list[Path]:
    """Write the records and `n` SK files into `folder`; returns the SK files."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "regulasi.yaml").write_text(REGULASI, encoding="utf-8")
    (folder / "instansi.yaml").write_text(INSTANSI, encoding="utf-8")
    (folder / "pejabat.yaml").write_text(PEJABAT, encoding="utf-8")
    files = []
    for index in range(1, n + 1):
        path = folder / f"sk-{index:04d}.yaml"
        path.write_text(keputusan_yaml(index), encoding="utf-8")
        files.append(path)
    return files
