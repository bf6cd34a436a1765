"""The instansi and the approving pejabat of an imported SOP, as shared records.

A data file refers to them by id. The importer looks for them among the records visible
from the output folder (same lookup as `check`: the folder and those above it) by NIP,
or by name and jabatan; one not found is added to the output folder's `pejabat.yaml` /
`instansi.yaml`, with placeholders in [ ] for what the SOP does not print (the office's
address, for one), which `check` then points out.
"""

from __future__ import annotations

import re
from typing import Any

from sk_generator.document import Records
from sk_generator.impor.identitas import kop_lines
from sk_generator.impor.report import Note

PLACEHOLDER_NAMA = "[NAMA PEJABAT]"


def slug(text: str) -> str:
    """An id from `text`: lower-case words joined by dashes, whole words, about 40 long."""
    out = ""
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        if out and len(out) + len(word) >= 40:
            break
        out = f"{out}-{word}" if out else word
    return out or "x"


def _free(rid: str, taken: set[str]) -> str:
    candidate, n = rid, 2
    while candidate in taken:
        candidate, n = f"{rid}-{n}", n + 1
    return candidate


def find_pejabat(records: Records, fields: dict[str, Any]) -> str | None:
    nip = re.sub(r"\D", "", fields.get("nip", ""))
    for rid, record in records.pejabat.items():
        value = record.value
        if nip and value.nip == nip:
            return rid
        if (
            not nip
            and value.nama.upper() == fields.get("nama", "").upper()
            and (value.jabatan.lower() == fields.get("jabatan", "").lower())
        ):
            return rid
    return None


def new_pejabat(
    fields: dict[str, Any], taken: set[str], place: str, notes: list[Note]
) -> tuple[str, dict[str, Any]]:
    """A pejabat record from the "Disahkan oleh" lines; placeholders where they lack."""
    record: dict[str, Any] = {}
    if not fields.get("nama"):
        notes.append(
            Note(
                place,
                "nama pejabat yang mengesahkan tidak terbaca; isi di pejabat.yaml",
                "tak-terbaca",
            )
        )
    record["nama"] = fields.get("nama") or PLACEHOLDER_NAMA
    for key in ("gelar_depan", "gelar_belakang"):
        if fields.get(key):
            record[key] = fields[key]
    if not fields.get("jabatan"):
        notes.append(
            Note(
                place,
                "jabatan pejabat yang mengesahkan tidak terbaca; isi di pejabat.yaml",
                "tak-terbaca",
            )
        )
    record["jabatan"] = fields.get("jabatan") or "[JABATAN]"
    for key in ("pangkat", "golongan", "nip", "status"):
        if fields.get(key):
            record[key] = fields[key]
    base = slug(" ".join(w for w in record["nama"].split() if not w.startswith("[")))
    return _free(f"pejabat-{base}", taken), record


def find_instansi(records: Records, pemerintah: str, nama: str) -> str | None:
    for rid, record in records.instansi.items():
        value = record.value
        if value.pemerintah.upper() == pemerintah.upper() and value.nama.upper() == nama.upper():
            return rid
    return None


def new_instansi(
    kop: list[str], taken: set[str], place: str, notes: list[Note]
) -> tuple[str, dict[str, Any]]:
    """An instansi record from the kop lines ("PEMERINTAH KABUPATEN X", "DINAS Y", or a
    ministry or agency, its unit and sub-units)."""
    pemerintah, nama, sub_unit = kop_lines(kop)
    if not pemerintah or not nama:
        notes.append(
            Note(
                place,
                "kop instansi (PEMERINTAH ... / DINAS ...) tidak terbaca; isi instansi.yaml",
                "tak-terbaca",
            )
        )
    if sub_unit:
        notes.append(
            Note(
                place,
                f"baris kop di bawah '{nama}' dibaca sebagai sub_unit ({'; '.join(sub_unit)}): "
                "periksa instansi.yaml",
            )
        )
    pemda = pemerintah.upper().startswith("PEMERINTAH")
    daerah_upper = pemerintah.upper().removeprefix("PEMERINTAH").strip() if pemda else ""
    daerah = daerah_upper.title() if daerah_upper else "[DAERAH]"
    kota = re.sub(r"^(Kabupaten|Kota|Provinsi)\s+", "", daerah) if daerah_upper else "[KOTA]"
    notes.append(
        Note(
            place,
            f"kota penetapan instansi ditebak '{kota}' dari nama daerah, "
            "alamat kantor tidak tercetak di SOP: periksa instansi.yaml",
        )
    )
    record = {
        "pemerintah": pemerintah.upper() or "[PEMERINTAH KABUPATEN ...]",
        "nama": nama.upper() or "[NAMA DINAS]",
        **({"sub_unit": sub_unit} if sub_unit else {}),
        "daerah": daerah,
        "alamat": "[ALAMAT KANTOR]",
        "kota": kota,
    }
    return _free(slug(f"{nama} {daerah}") if nama else "instansi", taken), record
