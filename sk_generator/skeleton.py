"""Starting files for a new Dinas, SK or SOP: what `sk-generator baru` and the web editor write.

A skeleton is a complete, valid data file: every key carries a short Indonesian comment,
values the user gave (nama dinas, daerah, kota, judul) are filled in, and everything else is
a bracketed placeholder such as ``[NAMA KEPALA DINAS]``. Placeholders are what the
TEKS-ISIAN check reports, so a fresh skeleton passes `check` with only those warnings and
`check --strict` fails until each one is replaced; values that must parse (dates, waktu)
hold a real example and a comment saying to replace it.

A new folder also gets the JSON Schemas (``skema/*.schema.json``) beside the data, so an
editor completes keys outside a source checkout; each file's first line points to them.
Nothing is overwritten: when any target exists, nothing is written.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from sk_generator.checks.menimbang import penutup
from sk_generator.datafiles import DATA_SUFFIXES
from sk_generator.document import Document, Records
from sk_generator.errors import UserError
from sk_generator.load import CATALOG_FILE, Loader
from sk_generator.model import Keputusan
from sk_generator.outputs import safe_name, write_atomic
from sk_generator.schema_gen import SCHEMAS, schema_text
from sk_generator.skeleton_text import (
    KATALOG_AWAL,
    NOMOR_ISIAN,
    DinasBaru,
    DokumenBaru,
    instansi_text,
    keputusan_text,
    pejabat_text,
    sop_text,
)
from sk_generator.yaml_source import Source

#: Folder (beside the data) that receives the JSON Schemas of a new data folder.
SCHEMA_FOLDER = "skema"
#: Regulations a skeleton cites when the catalog has them (SK: both; SOP: the last).
RUJUKAN_AWAL = ("uu-23-2014", "permenpanrb-35-2012")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")

__all__ = ["DinasBaru", "DokumenBaru", "new_dinas", "new_keputusan", "new_sop"]


def make_id(text: str) -> str:
    """A record id from free text: 'Dinas Kesehatan' -> 'dinas-kesehatan'."""
    return safe_name(text.lower()).replace("_", "-").strip(".-") or "dinas"


def new_dinas(folder: Path, dinas: DinasBaru | None = None) -> list[Path]:
    """Write instansi.yaml and pejabat.yaml into `folder` (created when missing), a
    starter regulasi.yaml when no catalog is visible from it, and the JSON Schemas."""
    dinas = dinas or DinasBaru()
    if folder.exists() and not folder.is_dir():
        raise UserError(f"'{folder}' sudah ada dan bukan folder; pilih nama folder lain")
    instansi_id = dinas.id or make_id(folder.resolve().name)
    if not _ID.match(instansi_id):
        raise UserError(
            f"id '{instansi_id}' tidak sah: pakai huruf kecil, angka, titik atau strip "
            "(mis. dinkes-sintang)"
        )
    records = _records(folder)
    schema_dir = _schema_folder(folder)
    nama = dinas.nama or "[Nama Dinas]"
    jabatan = f"Kepala {nama} {dinas.daerah or '[Kabupaten/Kota ...]'}"
    files = {
        folder / "instansi.yaml": instansi_text(
            _schema_ref(folder, schema_dir, "instansi"), instansi_id, dinas
        ),
        folder / "pejabat.yaml": pejabat_text(
            _schema_ref(folder, schema_dir, "pejabat"), jabatan, dinas
        ),
    }
    if not records.regulasi:
        ref = _schema_ref(folder, schema_dir, "regulasi")
        files[folder / CATALOG_FILE] = KATALOG_AWAL.format(schema=ref)
    return _write_all(files, schema_dir)


def new_keputusan(file: Path, doc: DokumenBaru | None = None, *, today: dt.date) -> list[Path]:
    """Write an SK skeleton (with `doc.lampiran` SOP lampiran) that uses the records
    visible from its folder (instansi, pejabat, catalog)."""
    doc = doc or DokumenBaru()
    folder, records = _document_place(file)
    instansi = _pick(records, "instansi", doc.instansi, "--instansi")
    pejabat = _pick(records, "pejabat", doc.pejabat, "--penandatangan")
    tanggal = doc.tanggal or today
    tentang = doc.judul or "[Judul Keputusan]"
    alasan = "bahwa [Alasan ditetapkannya Keputusan ini];"
    # Only what the closing Menimbang formula reads (instansi, title, item count).
    model = Keputusan.model_construct(
        jenis="keputusan",
        instansi=instansi,
        nomor="",
        tanggal=tanggal,
        tentang=tentang,
        menimbang=[alasan, ""],
        mengingat=[],
        diktum=[],
        penandatangan=pejabat,
        jabatan_penetap=None,
    )
    document = Document(Source(file, {}), model, records)
    schema_dir = _schema_folder(folder)
    text = keputusan_text(
        _schema_ref(folder, schema_dir, "keputusan"),
        instansi=instansi,
        penandatangan=pejabat,
        nomor=doc.nomor or NOMOR_ISIAN.format(tahun=tanggal.year),
        tanggal=tanggal,
        tentang=tentang,
        menimbang=[alasan, penutup(document, model)],
        mengingat=_rujukan(records, RUJUKAN_AWAL),
        lampiran=max(0, doc.lampiran),
    )
    return _write_all({file: text}, schema_dir)


def new_sop(file: Path, doc: DokumenBaru | None = None, *, today: dt.date) -> list[Path]:
    """Write a standalone SOP skeleton (jenis: sop) using the records visible from it."""
    doc = doc or DokumenBaru()
    folder, records = _document_place(file)
    tanggal = doc.tanggal or today
    schema_dir = _schema_folder(folder)
    text = sop_text(
        _schema_ref(folder, schema_dir, "sop"),
        instansi=_pick(records, "instansi", doc.instansi, "--instansi"),
        disahkan_oleh=_pick(records, "pejabat", doc.pejabat, "--disahkan-oleh"),
        nomor=doc.nomor or NOMOR_ISIAN.format(tahun=tanggal.year),
        tanggal=tanggal,
        nama=doc.judul,
        dasar_hukum=_rujukan(records, RUJUKAN_AWAL[1:]),
    )
    return _write_all({file: text}, schema_dir)


def _records(folder: Path) -> Records:
    return Loader().records_for(folder)


def _document_place(file: Path) -> tuple[Path, Records]:
    if file.suffix not in DATA_SUFFIXES:
        raise UserError(f"nama berkas '{file}' harus berakhiran .yaml")
    if file.name in ("instansi.yaml", "pejabat.yaml", CATALOG_FILE):
        raise UserError(f"'{file.name}' adalah nama berkas rujukan; pilih nama lain")
    folder = file.parent
    records = _records(folder)
    if not records.instansi:
        raise UserError(
            f"belum ada instansi.yaml di folder '{folder}' atau di atasnya; buat dulu "
            f"dengan: sk-generator baru dinas {folder}"
        )
    return folder, records


def _pick(records: Records, kind: str, wanted: str | None, option: str) -> str:
    """The record id to use: the one asked for, else 'kepala-dinas' or the only one."""
    table = getattr(records, kind)
    if wanted is not None:
        if wanted not in table:
            shown = ", ".join(sorted(table)) or "-"
            raise UserError(f"{kind} '{wanted}' tidak ditemukan; yang tersedia: {shown}")
        return wanted
    if kind == "pejabat" and "kepala-dinas" in table:
        return "kepala-dinas"
    if not table:
        raise UserError(
            f"belum ada {kind} di {kind}.yaml; tambahkan dulu, atau buat dinas dengan "
            "sk-generator baru dinas FOLDER"
        )
    if len(table) > 1:
        shown = ", ".join(sorted(table))
        raise UserError(f"ada beberapa {kind} ({shown}); pilih salah satu dengan {option}")
    return str(next(iter(table)))


def _rujukan(records: Records, preferred: tuple[str, ...]) -> list[str]:
    """The preferred regulation ids the catalog holds, else its first entry."""
    found = [rid for rid in preferred if rid in records.regulasi]
    if found:
        return found
    if not records.regulasi:
        raise UserError("katalog regulasi.yaml belum ada atau kosong; tambahkan peraturan dulu")
    return [next(iter(records.regulasi))]


def _schema_folder(folder: Path) -> Path:
    """The nearest `skema/` with every schema, in `folder` or above up to the catalog's
    folder; else `folder/skema` (written with the skeleton)."""
    start = folder.resolve()
    for directory in (start, *start.parents):
        candidate = directory / SCHEMA_FOLDER
        if all((candidate / f"{kind}.schema.json").is_file() for kind in SCHEMAS):
            return candidate
        if (directory / CATALOG_FILE).is_file():
            break
    return start / SCHEMA_FOLDER


def _schema_ref(folder: Path, schema_dir: Path, kind: str) -> str:
    relative = os.path.relpath(schema_dir / f"{kind}.schema.json", folder.resolve())
    return Path(relative).as_posix()


def _write_all(files: dict[Path, str], schema_dir: Path) -> list[Path]:
    """Write every file, refusing before writing anything when one already exists."""
    existing = [path for path in files if path.exists()]
    if existing:
        names = ", ".join(str(p) for p in existing)
        raise UserError(f"berkas sudah ada dan tidak ditimpa: {names}")
    written: list[Path] = []
    schema_dir.mkdir(parents=True, exist_ok=True)
    for kind in SCHEMAS:
        target = schema_dir / f"{kind}.schema.json"
        if not target.is_file():
            write_atomic(target, schema_text(kind).encode("utf-8"))
            written.append(target)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
    return written
