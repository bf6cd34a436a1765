"""From what was read (identity, procedure rows, flow) to the SOP's data, with notes.

The result is the data file's content in the model's field order, the comments to write
next to values that were guessed or could not be read, and the records (pejabat,
instansi) to add. Every guess is also a :class:`Note` for the report.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from sk_generator.document import Records
from sk_generator.impor import rekaman, teks
from sk_generator.impor.alur import Flow
from sk_generator.impor.identitas import Identitas, kop_lines
from sk_generator.impor.prosedur import Procedure
from sk_generator.impor.report import Note
from sk_generator.impor.rujukan import Catalog
from sk_generator.wording.judul import title_case

DataPath = tuple[str | int, ...]


@dataclass
class Draft:
    data: dict[str, Any]
    comments: dict[DataPath, str] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    #: Records to add to the output folder: (id, fields) or None.
    pejabat: tuple[str, dict[str, Any]] | None = None
    instansi: tuple[str, dict[str, Any]] | None = None

    def guess(self, path: DataPath, place: str, message: str, kind: str = "tebakan") -> None:
        """Note `message` in the report and as a comment at `path` in the data file."""
        self.notes.append(Note(place, message, kind))  # type: ignore[arg-type]
        label = "TIDAK TERBACA" if kind == "tak-terbaca" else "DITEBAK"
        previous = self.comments.get(path)
        text = f"{label}: {message}"
        self.comments[path] = f"{previous}\n{text}" if previous else text


def identity(draft: Draft, ident: Identitas, nama_hint: str, fallback_name: str) -> None:
    data = draft.data
    values = ident.values
    nomor = values.get("nomor")
    if nomor and nomor.lines:
        data["nomor"] = " ".join(nomor.lines)
    else:
        data["nomor"] = "[NOMOR SOP]"
        draft.guess(("nomor",), "", "Nomor SOP tidak ditemukan", "tak-terbaca")
    _nama(draft, ident, nama_hint, fallback_name)
    _dates(draft, ident)


def _nama(draft: Draft, ident: Identitas, nama_hint: str, fallback: str) -> None:
    found = ident.values.get("nama")
    printed = " ".join(found.lines) if found and found.lines else ""
    if not printed:
        draft.data["nama"] = fallback
        draft.guess(
            ("nama",), "", f"Nama SOP tidak ditemukan; diambil dari '{fallback}'", "tak-terbaca"
        )
        return
    if nama_hint and nama_hint.upper() == printed.upper():
        draft.data["nama"] = nama_hint
    elif printed.isupper():
        draft.data["nama"] = title_case(printed)
        draft.guess(
            ("nama",),
            found.place if found else "",
            "Nama SOP tercetak kapital; huruf besar-kecilnya ditebak",
        )
    else:
        draft.data["nama"] = printed


def _dates(draft: Draft, ident: Identitas) -> None:
    data = draft.data
    read: dict[str, list[dt.date]] = {}
    for key in ("tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif"):
        value = ident.values.get(key)
        if value is None:
            continue
        dates, bad = teks.daftar_tanggal("\n".join(value.lines))
        read[key] = dates
        for part in bad:
            draft.guess(
                (key,), value.place, f"'{part}' bukan tanggal yang dapat dibaca", "tak-terbaca"
            )
    made = next(iter(read.get("tanggal_pembuatan", [])), None)
    effective = next(iter(read.get("tanggal_efektif", [])), None)
    if made is None:
        made = effective or _year_start(str(data.get("nomor", "")))
        draft.guess(
            ("tanggal_pembuatan",),
            "",
            f"Tanggal Pembuatan tidak terbaca; diisi "
            f"{made.isoformat()}: ganti dengan tanggal sebenarnya",
            "tak-terbaca",
        )
    data["tanggal_pembuatan"] = made
    if read.get("tanggal_revisi"):
        revisi = read["tanggal_revisi"]
        data["tanggal_revisi"] = revisi[0] if len(revisi) == 1 else revisi
    if effective is None:
        effective = made
        draft.guess(
            ("tanggal_efektif",),
            "",
            f"Tanggal Efektif tidak terbaca; diisi {made.isoformat()} (tanggal pembuatan)",
            "tak-terbaca",
        )
    data["tanggal_efektif"] = effective


def _year_start(nomor: str) -> dt.date:
    years = re.findall(r"\b(19\d\d|20\d\d)\b", nomor)
    return dt.date(int(years[-1]), 1, 1) if years else dt.date(dt.date.today().year, 1, 1)


def records(draft: Draft, ident: Identitas, found: Records) -> None:
    """`instansi` and `disahkan_oleh` ids: existing records, or new ones to write."""
    place = ident.values["disahkan_oleh"].place if "disahkan_oleh" in ident.values else ""
    kop = ident.kop
    pemerintah, dinas, _sub_unit = kop_lines(kop)
    rid = rekaman.find_instansi(found, pemerintah, dinas) if pemerintah else None
    if rid is None:
        where = ident.kop_place or place
        rid, record = rekaman.new_instansi(kop, set(found.instansi), where, draft.notes)
        draft.instansi = (rid, record)
    draft.data["instansi"] = rid
    lines = ident.values["disahkan_oleh"].lines if "disahkan_oleh" in ident.values else []
    fields = teks.penandatangan(lines)
    pid = rekaman.find_pejabat(found, fields) if fields.get("nama") else None
    if pid is None:
        pid, record = rekaman.new_pejabat(fields, set(found.pejabat), place, draft.notes)
        draft.pejabat = (pid, record)
    draft.data["disahkan_oleh"] = pid


GRID_ORDER = (
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "peringatan",
    "pencatatan_pendataan",
)


def grid(draft: Draft, ident: Identitas, catalog: Catalog) -> None:
    for key in GRID_ORDER:
        if key not in ident.grid:
            continue
        paragraphs, place = ident.grid[key]
        found = teks.items(paragraphs)
        if key != "dasar_hukum":
            if found:
                draft.data[key] = found
            continue
        refs: list[Any] = []
        for item in found:
            match = catalog.match(item)
            if match.value is None:
                draft.guess(
                    ("dasar_hukum",),
                    place,
                    f"dasar hukum '{item}': {match.note}; tulis sebagai id katalog atau lengkap",
                    "tak-terbaca",
                )
                continue
            if match.note:
                draft.guess(("dasar_hukum", len(refs)), place, f"'{_short(item)}': {match.note}")
            refs.append(match.value)
        if refs:
            draft.data["dasar_hukum"] = refs


def _short(text: str) -> str:
    return text if len(text) <= 70 else text[:67] + "..."


def steps(draft: Draft, proc: Procedure, flow: Flow) -> None:
    names = [name for _c, name in proc.pelaksana]
    if proc.naming_column is not None:
        # One "Pelaksana" column naming the actor of each row: its names are the columns.
        named = (" ".join(r.texts.get("_pelaksana", [])) for r in proc.steps)
        names = list(dict.fromkeys(n for n in named if n)) or ["[PELAKSANA]"]
        draft.guess(
            ("pelaksana",),
            proc.steps[0].place,
            "kolom pelaksana disusun dari kolom "
            "'Pelaksana' yang menyebut pelaksana tiap langkah, urut kemunculan",
        )
    out: list[dict[str, Any]] = []
    for i, (row, step) in enumerate(zip(proc.steps, flow.steps, strict=True)):
        item: dict[str, Any] = {"kegiatan": " ".join(row.texts.get("kegiatan", [])) or "[KEGIATAN]"}
        if item["kegiatan"] == "[KEGIATAN]":
            draft.guess(("langkah", i, "kegiatan"), row.place, "kegiatan kosong", "tak-terbaca")
        item["pelaksana"] = _pelaksana(draft, i, row, step.column, names, proc)
        if step.shared and proc.naming_column is None:
            item["pelaksana"] = [names[k] for k in step.shared]
        kelengkapan = teks.items(row.texts.get("kelengkapan", []))
        if kelengkapan:
            item["kelengkapan"] = kelengkapan
        for key in ("waktu", "output", "keterangan"):
            value = " ".join(" ".join(row.texts.get(key, [])).split())
            if value and value != "-":
                item[key] = value
        if step.decision is not None:
            branch = step.decision
            cabang: dict[str, Any] = {}
            if branch.ya is not None:
                cabang["ya"] = branch.ya
            cabang["tidak"] = branch.tidak
            if branch.label_ya != "Ya":
                cabang["label_ya"] = branch.label_ya
            if branch.label_tidak != "Tidak":
                cabang["label_tidak"] = branch.label_tidak
            item["keputusan"] = cabang
        if step.lanjut is not None:
            item["lanjut"] = step.lanjut
        if step.simultan:
            item["simultan"] = True
        out.append(item)
    draft.data["pelaksana"] = names
    draft.data["langkah"] = out


def _pelaksana(
    draft: Draft, i: int, row: Any, column: int | None, names: list[str], proc: Procedure
) -> str:
    if proc.naming_column is not None:
        return " ".join(row.texts.get("_pelaksana", [])) or names[0]
    if column is not None and column < len(names):
        return names[column]
    draft.guess(
        ("langkah", i, "pelaksana"),
        row.place,
        f"pelaksana langkah {i + 1} tidak "
        f"terbaca (tidak ada simbol atau tanda di kolom pelaksana); diisi '{names[0]}'",
        "tak-terbaca",
    )
    return names[0]
