"""What the editor templates read: values, options and issues for each field.

The templates stay free of logic: they walk the :class:`~sk_generator.web.forms.Spec` tree
and ask an :class:`EditView` for a field's value as text, the choices of a reference
picker, the issues at its data path and the SOP's running totals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sk_generator.document import Records
from sk_generator.load import Loader
from sk_generator.model import Peraturan, Sop
from sk_generator.web.checking import DraftCheck, Shown
from sk_generator.web.forms import SEP, Spec, object_spec


@dataclass
class EditView:
    spec: Spec
    data: Any
    checks: DraftCheck
    records: Records
    #: Data path of the SOP whose fields are being rendered ("" standalone).
    base: str
    berkas: str
    kind: str
    version: str

    @classmethod
    def for_file(
        cls, path: Path, spec: Spec, data: Any, checks: DraftCheck, **rest: Any
    ) -> EditView:
        records = Loader().records_for(path.parent)
        return cls(spec, data, checks, records, **rest)

    # ------------------------------------------------------------- values

    def child(self, value: Any, name: str) -> Any:
        return value.get(name) if isinstance(value, dict) else None

    def items(self, value: Any) -> list[tuple[int, Any]]:
        """A list's items; one value where a list may be written (`lanjut: 6`) is its
        only item."""
        if isinstance(value, list):
            return list(enumerate(value))
        return [] if value is None or isinstance(value, dict) else [(0, value)]

    def entries(self, value: Any) -> list[tuple[int, str, Any]]:
        if not isinstance(value, dict):
            return []
        return [(index, str(rid), record) for index, (rid, record) in enumerate(value.items())]

    def text(self, value: Any) -> str:
        if value is None or isinstance(value, dict | list):
            return ""
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, bool):
            return "ya" if value else ""
        return str(value)

    def is_inline(self, value: Any) -> bool:
        return isinstance(value, dict) and set(value) != {"teks"}

    def is_note(self, value: Any) -> bool:
        return isinstance(value, dict) and set(value) == {"teks"}

    def as_object(self, value: Any) -> Any:
        """A diktum written as plain text is shown as {isi: text}."""
        return {"isi": value} if isinstance(value, str) else value

    def is_sop(self, spec: Spec) -> bool:
        return spec.model is Sop

    def inline_spec(self) -> Spec:
        """A regulation written out in full inside a document (not from the catalog)."""
        return object_spec("peraturan", Peraturan, "Peraturan yang ditulis lengkap")

    def note_spec(self) -> Spec:
        return Spec("teks", "Catatan", "Teks rujukan apa adanya", "area", required=True)

    def record_title(self, spec: Spec, rid: str, record: Any) -> str:
        nama = self.text(self.child(record, "nama"))
        jabatan = self.text(self.child(record, "jabatan"))
        tentang = self.text(self.child(record, "tentang"))
        if spec.model is Peraturan:
            return f"{rid} — {_short(tentang, 60)}" if tentang else rid
        return " — ".join(t for t in (nama, jabatan) if t) or rid

    def mark(self, spec: Spec, index: int) -> str:
        """How the printed document numbers the item: a., b. for Menimbang, 1., 2. else."""
        if spec.name in ("menimbang", "butir"):
            return f"{chr(ord('a') + index % 26)}."
        return f"{index + 1}."

    def catalog_title(self, value: Any) -> str:
        record = self.records.regulasi.get(self.text(value))
        if record is None:
            return ""
        p = record.value
        nomor = f" Nomor {p.nomor}" if p.nomor else ""
        return f"{p.jenis}{nomor} Tahun {p.tahun} tentang {_short(p.tentang, 90)}"

    def join(self, *parts: Any) -> str:
        return SEP.join(str(p) for p in parts if p != "")

    # ------------------------------------------------------------- pickers

    def options(self, spec: Spec, sop: Any) -> list[tuple[str, str]]:
        """(value, label) pairs for a reference picker."""
        if spec.ref == "pejabat":
            return [
                (rid, f"{r.value.nama} — {r.value.jabatan}")
                for rid, r in self.records.pejabat.items()
            ]
        if spec.ref == "instansi":
            return [
                (rid, f"{r.value.nama} {r.value.daerah}")
                for rid, r in self.records.instansi.items()
            ]
        if spec.ref == "pelaksana":
            columns = self.child(sop, "pelaksana") or []
            return [(str(c), str(c)) for c in columns if c]
        if spec.ref == "langkah":
            return self.step_choices(sop)
        return self.catalog()

    def step_choices(self, sop: Any) -> list[tuple[str, str]]:
        """The SOP's steps as a decision's targets: ("3", "3. Memeriksa kelengkapan")."""
        steps = self.child(sop, "langkah") or []
        return [
            (str(n), f"{n}. {_short(self.text(self.child(step, 'kegiatan')))}")
            for n, step in enumerate(steps, start=1)
        ]

    def catalog(self) -> list[tuple[str, str]]:
        out = []
        for rid, record in self.records.regulasi.items():
            p = record.value
            nomor = f" {p.nomor}" if p.nomor else ""
            out.append((rid, f"{p.jenis}{nomor}/{p.tahun} tentang {_short(p.tentang, 70)}"))
        return out

    def several(self, value: Any) -> bool:
        """A list where one value is usual: a step shared by several pelaksana."""
        return isinstance(value, list)

    def known(self, spec: Spec, value: Any, sop: Any) -> bool:
        return any(v == self.text(value) for v, _ in self.options(spec, sop))

    # ------------------------------------------------------------- checks

    def issues(self, path: str) -> list[Shown]:
        return self.checks.at(path)

    def kumulatif(self, sop_path: str, index: int) -> str:
        steps = self.checks.times.get(sop_path, {}).get("kumulatif", [])
        return steps[index] if index < len(steps) else ""

    def jumlah(self, sop_path: str) -> str:
        return str(self.checks.times.get(sop_path, {}).get("jumlah", ""))


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
