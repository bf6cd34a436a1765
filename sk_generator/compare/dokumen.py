"""Compare two versions of one document as printed: records and citations resolved.

Both sides are :class:`~sk_generator.load.Document` objects loaded with their own records,
so an edit in `pejabat.yaml` or `regulasi.yaml` shows as a change of the SK that prints it.
Values a lampiran inherits from its SK (nomor, tanggal, signer) are reported once, at the
SK; the Jumlah Waktu Penyelesaian, computed from the steps, is a note on the waktu change
that moved it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sk_generator.compare.changes import Butir, Catatan, Perubahan, pairs
from sk_generator.load import Document, SopEntry
from sk_generator.model import Keputusan, Langkah, Pejabat, Peraturan, Sop
from sk_generator.render.context import jumlah_waktu, kop
from sk_generator.wording import (
    diktum_ordinal,
    huruf,
    jabatan_penetap,
    jabatan_with_status,
    nama_gelar,
    nama_peraturan,
    nip,
    pangkat_golongan,
    sitasi,
    tanggal,
)


def compare_documents(lama: Document, baru: Document) -> list[Perubahan]:
    """Every printed difference between `lama` and `baru`, in document order."""
    catatan = Catatan()
    _umum(catatan, lama, baru)
    a, b = lama.model, baru.model
    if isinstance(a, Keputusan) and isinstance(b, Keputusan):
        _keputusan(catatan, lama, baru, a, b)
        _lampiran(catatan, lama, baru)
    elif isinstance(a, Sop) and isinstance(b, Sop):
        _sop(catatan, "", lama, baru, lama.sops()[0], baru.sops()[0], own=True)
    else:
        catatan.nilai("Jenis dokumen", _jenis(lama), _jenis(baru))
    return catatan.items


def _jenis(document: Document) -> str:
    return "Keputusan" if document.is_keputusan else "SOP"


def _umum(catatan: Catatan, lama: Document, baru: Document) -> None:
    """The kop and the page: what every printed part shares."""
    ka, kb = kop(lama), kop(baru)
    catatan.nilai("Kop, pemerintah", ka.pemerintah, kb.pemerintah)
    catatan.nilai("Kop, nama dinas", ka.dinas, kb.dinas)
    catatan.nilai("Kop, sub-unit", " / ".join(ka.sub_unit), " / ".join(kb.sub_unit))
    catatan.nilai("Kop, alamat", ka.alamat, kb.alamat)
    catatan.nilai("Kop, kontak", ka.kontak, kb.kontak)
    ia, ib = lama.instansi, baru.instansi
    catatan.nilai("Ukuran kertas", ia.kertas, ib.kertas)
    catatan.nilai(
        "Huruf",
        f"{ia.huruf.nama} {ia.huruf.ukuran:g} pt",
        f"{ib.huruf.nama} {ib.huruf.ukuran:g} pt",
    )


def _keputusan(
    catatan: Catatan, lama: Document, baru: Document, a: Keputusan, b: Keputusan
) -> None:
    catatan.nilai("Nomor", a.nomor, b.nomor)
    catatan.nilai("Tentang", a.tentang, b.tentang)
    catatan.nilai(
        "Jabatan penetap",
        jabatan_penetap(a, lama.instansi),
        jabatan_penetap(b, baru.instansi),
    )
    catatan.daftar(
        "Menimbang", lambda i: f"huruf {huruf(i + 1)}", _teks(a.menimbang), _teks(b.menimbang)
    )
    catatan.daftar("Mengingat", _angka, _sitasi(lama, a.mengingat), _sitasi(baru, b.mengingat))
    catatan.daftar(
        "Memperhatikan", _angka, _sitasi(lama, a.memperhatikan), _sitasi(baru, b.memperhatikan)
    )
    catatan.daftar("Diktum", lambda i: diktum_ordinal(i + 1), _diktum(a), _diktum(b))
    catatan.nilai("Ditetapkan di", a.tempat or lama.instansi.kota, b.tempat or baru.instansi.kota)
    catatan.nilai("Tanggal penetapan", tanggal(a.tanggal), tanggal(b.tanggal))
    note = "juga pada Disahkan oleh dan penutup lampiran" if b.lampiran else ""
    _pejabat(
        catatan, "Penandatangan", lama.pejabat(a.penandatangan), baru.pejabat(b.penandatangan), note
    )
    catatan.daftar("Tembusan", _angka, _teks(a.tembusan), _teks(b.tembusan))
    catatan.nilai(
        "Catatan tanda tangan elektronik",
        "ada" if a.tanda_tangan_elektronik else "tidak ada",
        "ada" if b.tanda_tangan_elektronik else "tidak ada",
    )


def _angka(index: int) -> str:
    return f"angka {index + 1}"


def _teks(items: Sequence[str]) -> list[Butir]:
    return [Butir(" ".join(text.split())) for text in items]


def _sitasi(document: Document, items: Sequence[object]) -> list[Butir]:
    """Citations resolved (catalog entry, amendments); short form: the regulation's name."""
    out = []
    for item in items:
        if isinstance(item, str | Peraturan):
            peraturan = document.peraturan(item)
            full = sitasi(peraturan, document.records.amendments(peraturan))
            out.append(Butir(full, nama_peraturan(peraturan)))
        else:
            out.append(Butir(str(getattr(item, "teks", item))))
    return out


def _diktum(model: Keputusan) -> list[Butir]:
    out = []
    for diktum in model.diktum:
        text = " ".join(diktum.isi.split())
        for index, butir in enumerate(diktum.butir, start=1):
            text += f" {huruf(index)}. {' '.join(butir.split())}"
        out.append(Butir(text))
    return out


def _pejabat(catatan: Catatan, bagian: str, a: Pejabat, b: Pejabat, note: str = "") -> None:
    """A signer is one change when the person differs (Semula/Menjadi hold the whole
    signature block, the one-line text the names), else one change per printed line that
    differs (a corrected NIP, a new pangkat)."""
    lines = (
        ("jabatan", jabatan_with_status(a), jabatan_with_status(b)),
        ("pangkat", pangkat_golongan(a), pangkat_golongan(b)),
        ("NIP", _nip(a), _nip(b)),
    )
    if nama_gelar(a) != nama_gelar(b):
        block_a = [nama_gelar(a)] + [old for _, old, _ in lines if old]
        block_b = [nama_gelar(b)] + [new for _, _, new in lines if new]
        catatan.items.append(
            Perubahan(
                bagian,
                "\n".join(block_a),
                "\n".join(block_b),
                "ubah",
                note,
                singkat_semula=nama_gelar(a),
                singkat_menjadi=nama_gelar(b),
            )
        )
        return
    for name, old, new in lines:
        catatan.nilai(f"{bagian}, {name}", old, new, note)


def _lampiran(catatan: Catatan, lama: Document, baru: Document) -> None:
    old, new = lama.sops(), baru.sops()
    for index in range(max(len(old), len(new))):
        label = f"Lampiran {index + 1}"
        if index >= len(old):
            catatan.items.append(Perubahan(label, "", f"SOP {new[index].sop.nama}", "tambah"))
        elif index >= len(new):
            catatan.items.append(Perubahan(label, f"SOP {old[index].sop.nama}", "", "hapus"))
        else:
            _sop(catatan, f"{label}, ", lama, baru, old[index], new[index], own=False)


def _sop(
    catatan: Catatan,
    prefix: str,
    lama: Document,
    baru: Document,
    ea: SopEntry,
    eb: SopEntry,
    *,
    own: bool,
) -> None:
    """One SOP. `own` is False for a lampiran: values it inherits from the SK in both
    versions are the SK's changes, already reported."""
    a, b = ea.sop, eb.sop
    wa, wb = _written(lama, ea), _written(baru, eb)
    if own or wa.nomor or wb.nomor:
        catatan.nilai(f"{prefix}Nomor SOP", a.nomor, b.nomor)
    catatan.nilai(f"{prefix}Nama SOP", a.nama, b.nama)
    catatan.nilai(
        f"{prefix}Tanggal Pembuatan", tanggal(a.tanggal_pembuatan), tanggal(b.tanggal_pembuatan)
    )
    catatan.nilai(f"{prefix}Tanggal Revisi", _revisi_terakhir(a), _revisi_terakhir(b))
    if own or wa.tanggal_efektif or wb.tanggal_efektif:
        catatan.nilai(f"{prefix}Tanggal Efektif", _tgl(a), _tgl(b))
    if (own or wa.disahkan_oleh or wb.disahkan_oleh) and a.disahkan_oleh and b.disahkan_oleh:
        _pejabat(
            catatan,
            f"{prefix}Disahkan oleh",
            lama.pejabat(a.disahkan_oleh, a.tanggal_efektif),
            baru.pejabat(b.disahkan_oleh, b.tanggal_efektif),
        )
    catatan.daftar(
        f"{prefix}Dasar Hukum", _angka, _sitasi(lama, a.dasar_hukum), _sitasi(baru, b.dasar_hukum)
    )
    for name, field in _DAFTAR_SOP:
        catatan.daftar(
            f"{prefix}{name}", _angka, _teks(getattr(a, field)), _teks(getattr(b, field))
        )
    catatan.daftar(f"{prefix}Pelaksana", _kolom, _teks(a.pelaksana), _teks(b.pelaksana))
    _langkah(catatan, prefix, a, b)
    before, after = jumlah_waktu(lama, a), jumlah_waktu(baru, b)
    _jumlah_waktu(catatan, prefix, before, after)
    catatan.daftar(f"{prefix}Riwayat Revisi", _angka, _riwayat(a), _riwayat(b))


_DAFTAR_SOP = (
    ("Kualifikasi Pelaksana", "kualifikasi_pelaksana"),
    ("Keterkaitan", "keterkaitan"),
    ("Peralatan/Perlengkapan", "peralatan_perlengkapan"),
    ("Peringatan", "peringatan"),
    ("Pencatatan dan Pendataan", "pencatatan_pendataan"),
)


def _kolom(index: int) -> str:
    return f"kolom {index + 1}"


def _written(document: Document, entry: SopEntry) -> Sop:
    """The SOP as written in its file, before the SK's values are filled in."""
    model = document.model
    return model.lampiran[entry.index] if isinstance(model, Keputusan) else entry.sop


def _tgl(sop: Sop) -> str:
    return tanggal(sop.tanggal_efektif) if sop.tanggal_efektif else ""


def _revisi_terakhir(sop: Sop) -> str:
    last = sop.revisi_terakhir()
    return tanggal(last) if last else ""


def _riwayat(sop: Sop) -> list[Butir]:
    return [Butir(f"{tanggal(r.tanggal)}: {r.uraian}") for r in sop.revisi]


_FIELDS = (
    ("Kegiatan", lambda step: " ".join(step.kegiatan.split())),
    ("Pelaksana", lambda step: step.nama_pelaksana),
    ("Kelengkapan", lambda step: "; ".join(" ".join(k.split()) for k in step.kelengkapan)),
    ("Waktu", lambda step: " ".join((step.waktu or "").split())),
    ("Output", lambda step: " ".join((step.output or "").split())),
    ("Keterangan", lambda step: " ".join((step.keterangan or "").split())),
    ("Keputusan", lambda step: _cabang(step)),
)


def _cabang(step: Langkah) -> str:
    branch = step.keputusan
    if branch is None:
        return ""
    ya = f"langkah {branch.ya}" if branch.ya else "langkah berikutnya"
    return f"{branch.label_ya}: {ya}; {branch.label_tidak}: langkah {branch.tidak}"


def _langkah(catatan: Catatan, prefix: str, a: Sop, b: Sop) -> None:
    """Steps aligned by their kegiatan; a matched step reports each field that changed."""
    keys_a = [" ".join(s.kegiatan.split()) for s in a.langkah]
    keys_b = [" ".join(s.kegiatan.split()) for s in b.langkah]
    label = _langkah_label(prefix)
    for kind, i, j in pairs(keys_a, keys_b):
        if kind == "tambah":
            assert j is not None
            step = b.langkah[j]
            catatan.items.append(
                Perubahan(
                    f"{label} {j + 1}",
                    "",
                    _baris(step),
                    "tambah",
                    singkat_menjadi=keys_b[j],
                )
            )
        elif kind == "hapus":
            assert i is not None
            step = a.langkah[i]
            catatan.items.append(
                Perubahan(
                    label,
                    _baris(step),
                    "",
                    "hapus",
                    f"semula langkah {i + 1}",
                    singkat_semula=keys_a[i],
                )
            )
        else:
            assert i is not None and j is not None
            for name, get in _FIELDS:
                catatan.nilai(f"{label} {j + 1}, {name}", get(a.langkah[i]), get(b.langkah[j]))


def _baris(step: Langkah) -> str:
    """A whole step in one cell: kegiatan, then its pelaksana and mutu baku."""
    parts = [" ".join(step.kegiatan.split()), f"Pelaksana: {step.nama_pelaksana}"]
    for name, get in _FIELDS[2:]:
        value = get(step)
        if value:
            parts.append(f"{name}: {value}")
    return "; ".join(parts)


def _langkah_label(prefix: str) -> str:
    """ "Lampiran 1, langkah" in an SK; a standalone SOP's "Langkah" starts the line."""
    return f"{prefix}langkah" if prefix else "Langkah"


def _jumlah_waktu(catatan: Catatan, prefix: str, before: str, after: str) -> None:
    """The computed total follows the steps: a note on the last waktu change of this SOP,
    or a change of its own when no step's waktu changed (a new working-day length)."""
    if before == after:
        return
    note = f"Jumlah Waktu Penyelesaian: {before} -> {after}"
    for index in range(len(catatan.items) - 1, -1, -1):
        item = catatan.items[index]
        if item.bagian.startswith(prefix) and (
            item.bagian.endswith(", Waktu") or item.bagian.startswith(_langkah_label(prefix))
        ):
            joined = f"{item.keterangan}; {note}" if item.keterangan else note
            catatan.items[index] = dataclasses.replace(item, keterangan=joined)
            return
    catatan.nilai(f"{prefix}Jumlah Waktu Penyelesaian", before, after)


def _nip(pejabat: Pejabat) -> str:
    return f"NIP. {nip(pejabat.nip)}" if pejabat.nip else ""
