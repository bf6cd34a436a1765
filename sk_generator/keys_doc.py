"""The staff guide's complete key reference (docs/kunci.md), generated from the model.

Every key of an SK, an SOP and the record files, with whether it must be written, its
kind of value and its Indonesian description, in the order of the model. Like
docs/checks.md, the page is generated (`python -m sk_generator.keys_doc`) and a test
fails when it is stale, so the guide never drifts from what `check` accepts.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from sk_generator.model import (
    Catatan,
    Diktum,
    Huruf,
    Instansi,
    Keputusan,
    Label,
    Langkah,
    Lembaran,
    Pejabat,
    Peraturan,
    Percabangan,
    Sop,
)

#: Indonesian descriptions of the models (their docstrings are English, for developers).
KETERANGAN: dict[type[BaseModel], str] = {
    Keputusan: "Keputusan Kepala Dinas (SK) dengan SOP lampirannya",
    Sop: "Standar Operasional Prosedur AP (PermenPANRB 35/2012): identitas dan prosedur",
    Langkah: "Satu baris tabel prosedur: kegiatan, kolom pelaksana, dan mutu bakunya",
    Percabangan: "Dua cabang langkah keputusan (belah ketupat); tujuan berupa nomor langkah",
    Diktum: "Satu diktum (KESATU, KEDUA, ...), boleh dengan butir a., b., ...",
    Catatan: "Rujukan berupa teks bebas (mis. nota dinas) pada Memperhatikan",
    Peraturan: "Peraturan yang dikutip pada Mengingat atau Dasar Hukum",
    Lembaran: "Lembaran/Berita Negara atau Daerah: tahun dan nomor",
    Instansi: "Instansi penerbit: kop dan pengaturan cetak bawaan",
    Huruf: "Huruf dokumen",
    Label: "Label identitas dan tabel prosedur SOP yang ditulis lain oleh instansi ini; "
    "susunan PermenPANRB 35/2012 tetap, hanya kata-katanya yang boleh diganti",
    Pejabat: "Pejabat penanda tangan atau pengesah; dirujuk dengan id",
}

#: (heading, file, model, where it is written) in the order of the page.
SECTIONS: list[tuple[str, type[BaseModel], str]] = [
    ("SK (`jenis: keputusan`)", Keputusan, "berkas SK"),
    ("SOP (`jenis: sop`, atau satu butir `lampiran:` SK)", Sop, "berkas SOP atau `lampiran:`"),
    ("Langkah SOP (butir `langkah:`)", Langkah, "`langkah:`"),
    ("Cabang keputusan (`keputusan:` pada langkah)", Percabangan, "`keputusan:`"),
    ("Diktum (butir `diktum:`)", Diktum, "`diktum:`"),
    ("Catatan (butir `memperhatikan:` berupa teks)", Catatan, "`memperhatikan:`"),
    ("Peraturan (`regulasi.yaml`, atau ditulis lengkap di `mengingat:`)", Peraturan, ""),
    ("Lembaran (`lembaran:` dan `berita:` peraturan)", Lembaran, ""),
    ("Instansi (`instansi.yaml`)", Instansi, ""),
    ("Huruf (`huruf:` instansi)", Huruf, ""),
    ("Label SOP (`label:` instansi)", Label, ""),
    ("Pejabat (`pejabat.yaml`)", Pejabat, ""),
]

#: Keys a lampiran SOP inherits from its SK (required on a standalone SOP only).
INHERITED = {
    "instansi": "instansi",
    "nomor": "nomor",
    "tanggal_efektif": "tanggal",
    "disahkan_oleh": "penandatangan",
}


def _kind(annotation: Any, metadata: list[Any] | None = None) -> str:
    """The kind of value, in the words of the guide (an id: text with the id pattern)."""
    if any(getattr(m, "pattern", None) for m in metadata or []):
        return "id"
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        core, *more = typing.get_args(annotation)
        return _kind(core, more)
    if origin in (typing.Union, types.UnionType):
        kinds = [_kind(a) for a in typing.get_args(annotation) if a is not type(None)]
        return " atau ".join(dict.fromkeys(kinds))
    if origin is list:
        return f"daftar {_kind(typing.get_args(annotation)[0])}"
    if origin is dict:
        return f"pemetaan id -> {_kind(typing.get_args(annotation)[1])}"
    if origin is typing.Literal:
        return "salah satu: " + ", ".join(f"`{v}`" for v in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__.lower()
    return {
        str: "teks",
        int: "bilangan bulat",
        float: "angka",
        bool: "`true`/`false`",
        dt.date: "tanggal",
    }.get(annotation, str(annotation))


def _required(model: type[BaseModel], name: str, info: FieldInfo) -> str:
    if model is Sop and name in INHERITED:
        return f"wajib pada SOP mandiri; lampiran: bawaan `{INHERITED[name]}` SK"
    if model is Sop and name == "jenis":
        return "wajib pada SOP mandiri (`sop`)"
    if info.is_required():
        return "wajib"
    return "pilihan"


def _row(model: type[BaseModel], name: str, info: FieldInfo) -> str:
    kind = _kind(info.annotation, info.metadata)
    if name == "nip":
        kind = "teks (18 angka)"
    description = (info.description or "").replace("|", "/")
    return f"| `{name}` | {_required(model, name, info)} | {kind} | {description} |"


def render() -> str:
    lines = [
        "# Daftar kunci berkas data",
        "",
        "<!-- Dibuat otomatis dari model data (python -m sk_generator.keys_doc); jangan "
        "diubah dengan tangan. -->",
        "",
        "Semua kunci yang boleh ditulis dalam berkas SK, SOP, dan berkas rujukan, menurut "
        "urutan yang dianjurkan. Kunci lain ditolak oleh `sk-generator check` (dengan saran "
        "kunci yang dimaksud). *Wajib* harus ditulis; *pilihan* boleh dihapus. Petunjuk "
        "memakai kunci ini ada di [panduan](panduan.md).",
    ]
    for heading, model, _where in SECTIONS:
        lines += ["", f"## {heading}", "", KETERANGAN[model] + ".", ""]
        lines += ["| kunci | wajib? | isi | keterangan |", "| --- | --- | --- | --- |"]
        lines += [_row(model, n, i) for n, i in model.model_fields.items()]
    return "\n".join(lines) + "\n"


DOC = Path(__file__).resolve().parent.parent / "docs" / "kunci.md"


def main() -> int:
    """Write docs/kunci.md (a developer command, run after a model change)."""
    DOC.write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
