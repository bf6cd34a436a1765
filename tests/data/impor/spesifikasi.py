"""The SOPs of the import corpus, as agencies type them (label variants and all).

Each corpus file is generated from one of these by `buat_korpus.py`; the tests compare
what `impor` reads with the same specification, so the expectations and the files
cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Step:
    no: str
    kegiatan: str
    #: Pelaksana column (0-based).
    col: int
    kind: str = "process"  # terminator, process, decision
    kelengkapan: tuple[str, ...] = ()
    waktu: str = ""
    output: str = ""
    ket: str = ""
    #: Decision: index (0-based) of the "tidak" target and the labels as drawn.
    tidak: int | None = None
    label_ya: str = "Ya"
    label_tidak: str = "Tidak"


@dataclass(frozen=True)
class Spec:
    kop: tuple[str, str]
    identity: tuple[tuple[str, str], ...]
    grid: tuple[tuple[str, tuple[str, ...]], ...]
    pelaksana: tuple[str, ...]
    steps: tuple[Step, ...]
    jumlah: str
    #: Header labels (Kegiatan, Kelengkapan, Keterangan) as typed in this file.
    heads: tuple[str, str, str] = ("Kegiatan", "Kelengkapan", "Keterangan")
    #: Steps after which the page breaks (index of the last step on the page).
    breaks: tuple[int, ...] = field(default=())


KOP = ("PEMERINTAH KABUPATEN CONTOH", "DINAS KOMUNIKASI DAN INFORMATIKA")
SIGNER = (
    "KEPALA DINAS KOMUNIKASI DAN INFORMATIKA",
    "KABUPATEN CONTOH",
    "Dr. AGUS SALIM, S.Kom., M.T.",
    "Pembina Tingkat I (IV/b)",
    "NIP. 19750101 200003 1 002",
)
GRID = (
    (
        "Dasar Hukum",
        (
            "1. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor "
            "35 Tahun 2012 tentang Pedoman Penyusunan Standar Operasional Prosedur "
            "Administrasi Pemerintahan;",
            "2. Peraturan Bupati Contoh Nomor 12 Tahun 2021 tentang Kedudukan, Susunan "
            "Organisasi, Tugas dan Fungsi serta Tata Kerja Dinas Komunikasi dan Informatika;",
        ),
    ),
    (
        "Kualifikasi Pelaksana",
        ("1. Memahami tugas pelayanan informasi", "2. Mampu mengoperasikan komputer"),
    ),
    ("Keterkaitan", ("SOP Pengelolaan Arsip",)),
    ("Peralatan / Perlengkapan", ("- Komputer", "- Buku register", "- ATK")),
    ("Peringatan", ("Apabila berkas tidak lengkap, permohonan dikembalikan",)),
    ("Pencatatan dan Pendaftaran", ("Buku register permohonan informasi",)),
)

#: Word, shapes anchored in cells: a decision on page 2 loops back to step 2 on page 1
#: through off-page connectors; numbering skips 4; "5 \nMenit"; label variants.
LAYANAN = Spec(
    kop=KOP,
    identity=(
        ("Nomor SOP", "045/12/DISKOMINFO/2023"),
        ("Tgl. Pembuatan", "5 Januari 2023"),
        ("Tanggal Refisi", "12-03-2024"),
        ("Tgl. Efektif", "10 Jan 2023"),
        ("Disahkan Oleh", "\n".join(SIGNER)),
        ("Nama SOP", "PELAYANAN PERMOHONAN INFORMASI PUBLIK"),
    ),
    grid=GRID,
    pelaksana=("Pemohon", "Petugas Pelayanan", "Kepala Seksi", "Kepala Dinas"),
    steps=(
        Step(
            "1",
            "Mengajukan permohonan informasi",
            0,
            "terminator",
            ("Formulir permohonan",),
            "5 \nMenit",
            "Formulir terisi",
        ),
        Step(
            "2",
            "Menerima dan mencatat permohonan dalam buku register",
            1,
            "process",
            ("Formulir terisi",),
            "10 Menit",
            "Register",
        ),
        Step(
            "3",
            "Memeriksa kelengkapan berkas permohonan",
            1,
            "process",
            ("Formulir terisi", "KTP"),
            "15 Menit",
            "Berkas",
        ),
        Step(
            "5",
            "Memverifikasi kelengkapan dan kewenangan",
            2,
            "decision",
            ("Berkas",),
            "20 Menit",
            "Berkas terverifikasi",
            "",
            tidak=1,
            label_ya="Lengkap",
            label_tidak="Tidak lengkap",
        ),
        Step(
            "6",
            "Menandatangani surat jawaban",
            3,
            "process",
            ("Konsep surat",),
            "1 Hari",
            "Surat jawaban",
        ),
        Step(
            "7",
            "Menyampaikan jawaban kepada pemohon",
            1,
            "process",
            ("Surat jawaban",),
            "30 Menit",
            "Tanda terima",
        ),
        Step("8", "Menerima jawaban", 0, "terminator", ("Tanda terima",), "5 Menit", "Selesai"),
    ),
    jumlah="1 hari 1 jam 25 menit",
    heads=("Aktivitas", "Persyaratan/Kelengkapan", "Ket"),
    breaks=(2,),
)

#: Word, floating shapes (some grouped) anchored before the table, mapped by position.
ARSIP = Spec(
    kop=KOP,
    identity=(
        ("Nomor SOP", "045/13/DISKOMINFO/2023"),
        ("Tanggal Pembuatan", "2 Februari 2023"),
        ("Tanggal Revisi", "-"),
        ("Tanggal Efektif", "2023-02-06"),
        ("Disahkan oleh", "\n".join(SIGNER)),
        ("Nama SOP", "Pengelolaan Arsip Dinamis"),
    ),
    grid=GRID,
    pelaksana=("Pengolah Arsip", "Kepala Subbagian Umum", "Sekretaris"),
    steps=(
        Step(
            "1",
            "Menerima arsip dari unit kerja",
            0,
            "terminator",
            ("Daftar arsip",),
            "30 Menit",
            "Arsip",
        ),
        Step(
            "2",
            "Memeriksa daftar arsip",
            1,
            "decision",
            ("Daftar arsip",),
            "1 Jam",
            "Daftar diperiksa",
            tidak=0,
        ),
        Step(
            "3",
            "Menyetujui penyimpanan arsip",
            2,
            "process",
            ("Nota dinas",),
            "1 Hari",
            "Persetujuan",
        ),
        Step(
            "4",
            "Menyimpan arsip di rak",
            0,
            "terminator",
            ("Persetujuan",),
            "2 Jam",
            "Arsip tersimpan",
        ),
    ),
    jumlah="1 hari 3 jam 30 menit",
)

#: Word, marks instead of shapes ("v", "X", a filled cell); the decision only in words.
SURAT = Spec(
    kop=KOP,
    identity=(
        ("No. SOP", "045/14/DISKOMINFO/2023"),
        ("Tgl. Pembuatan", "1/3/2023"),
        ("Tgl. Revisi", "-"),
        ("Tgl. Efektif", "6 Maret 2023"),
        ("Disahkan Oleh", "\n".join(SIGNER)),
        ("Nama SOP", "Penerbitan Surat Keluar"),
    ),
    grid=GRID,
    pelaksana=("Staf", "Kasubbag Umum", "Sekretaris"),
    steps=(
        Step(
            "1",
            "Menyusun konsep surat",
            0,
            kelengkapan=("Disposisi",),
            waktu="1 Jam",
            output="Konsep",
        ),
        Step(
            "2",
            "Memeriksa konsep surat",
            1,
            kelengkapan=("Konsep",),
            waktu="30 Menit",
            output="Konsep diparaf",
            ket="Jika ada perbaikan, kembali ke langkah 1",
        ),
        Step(
            "3",
            "Menandatangani surat",
            2,
            kelengkapan=("Konsep diparaf",),
            waktu="15 Menit",
            output="Surat",
        ),
        Step(
            "4", "Mengirim surat", 0, kelengkapan=("Surat",), waktu="1 Hari", output="Tanda kirim"
        ),
    ),
    jumlah="1 hari 1 jam 45 menit",
    heads=("Uraian Kegiatan", "Kelengkapan", "Keterangan"),
)

#: Excel: shapes anchored to cells, joined by connectors that name their end shapes.
IZIN = Spec(
    kop=KOP,
    identity=(
        ("Nomor SOP", "503/21/DPMPTSP/2024"),
        ("Tanggal Pembuatan", "3 Juni 2024"),
        ("Tanggal Revisi", "-"),
        ("Tanggal Efektif", "10 Juni 2024"),
        ("Disahkan oleh", "\n".join(SIGNER)),
        ("Nama SOP", "Penerbitan Izin Reklame"),
    ),
    grid=GRID,
    pelaksana=("Pemohon", "Petugas Loket", "Tim Teknis", "Kepala Dinas"),
    steps=(
        Step(
            "1",
            "Mengajukan permohonan izin",
            0,
            "terminator",
            ("Formulir", "KTP"),
            "10 Menit",
            "Berkas",
        ),
        Step(
            "2", "Memeriksa kelengkapan berkas", 1, "process", ("Berkas",), "15 \nMenit", "Berkas"
        ),
        Step(
            "3",
            "Meninjau lokasi reklame",
            2,
            "decision",
            ("Berkas",),
            "2 Hari",
            "Berita acara",
            tidak=1,
            label_ya="Sesuai",
            label_tidak="Tidak sesuai",
        ),
        Step("4", "Menandatangani izin", 3, "process", ("Konsep izin",), "1 Hari", "Izin"),
        Step("5", "Menerima izin", 0, "terminator", ("Izin",), "5 Menit", "Izin diterima"),
    ),
    jumlah="3 hari 30 menit",
    heads=("Aktivitas", "Persyaratan/Kelengkapan", "Ket"),
)
