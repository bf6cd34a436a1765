"""Form descriptions generated from the pydantic models, so form and JSON Schema never drift.

Every field of every kind of data file becomes a :class:`Spec`: its label (from the field
name), its help (the field's description, the same text the JSON Schema carries), its
widget and, for references, what it picks from (pejabat records, the regulation catalog,
the SOP's own pelaksana columns, its steps). The templates render a Spec tree; this
module also turns the posted form back into plain data (:func:`parse_form`).

Input names are data paths joined by ``/`` (``lampiran/0/langkah/2/waktu``): a slash can
appear neither in a field name nor in a record id, so every name maps back to one place.
A records file (``pejabat: {id: {...}}``) is edited as a list of entries whose id is the
entry's ``@id`` input.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from sk_generator.model import (
    Diktum,
    InstansiFile,
    Keputusan,
    Langkah,
    PejabatFile,
    Peraturan,
    Percabangan,
    RegulasiFile,
    Sop,
)

Widget = Literal[
    "text", "area", "date", "int", "float", "bool", "choice", "list", "object", "records", "ref"
]
#: What a reference picks from.
Ref = Literal["pejabat", "instansi", "regulasi", "pelaksana", "langkah", "rujukan"]

ID_KEY = "@id"
SEP = "/"

#: Kinds of data file and the model of each.
KINDS: dict[str, type[BaseModel]] = {
    "keputusan": Keputusan,
    "sop": Sop,
    "instansi": InstansiFile,
    "pejabat": PejabatFile,
    "regulasi": RegulasiFile,
}

_LABELS = {
    "nip": "NIP",
    "peralatan_perlengkapan": "Peralatan/perlengkapan",
    "pencatatan_pendataan": "Pencatatan dan pendataan",
    "jam_kerja_per_hari": "Jam kerja per hari",
    "no": "Nomor langkah",
    "ya": "Bila ya, ke langkah",
    "tidak": "Bila tidak, ke langkah",
    "email": "Surel",
    "laman": "Situs web",
    "tanda_tangan_elektronik": "Tanda tangan elektronik (BSrE)",
    "templat_keputusan": "Templat SK sendiri",
}
#: Fields written as paragraphs (a textarea).
_AREAS = {"tentang", "menimbang", "isi", "butir", "kegiatan", "alamat", "keterangan"}
#: Reference fields: (model, field name) -> what they pick from.
_REFS: dict[tuple[type[BaseModel], str], Ref] = {
    (Keputusan, "penandatangan"): "pejabat",
    (Sop, "disahkan_oleh"): "pejabat",
    (Keputusan, "instansi"): "instansi",
    (Sop, "instansi"): "instansi",
    (Langkah, "pelaksana"): "pelaksana",
    (Peraturan, "dicabut_oleh"): "regulasi",
    (Percabangan, "ya"): "langkah",
    (Percabangan, "tidak"): "langkah",
}
_REF_ITEMS: dict[tuple[type[BaseModel], str], Ref] = {
    (Keputusan, "mengingat"): "rujukan",
    (Keputusan, "memperhatikan"): "rujukan",
    (Sop, "dasar_hukum"): "rujukan",
    (Peraturan, "diubah_dengan"): "regulasi",
}


@dataclass
class Spec:
    """One form control (or group of controls) for a field."""

    name: str
    label: str
    help: str
    widget: Widget
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: Ref | None = None
    #: list: the spec of each item; records: the spec of each record.
    item: Spec | None = None
    #: object: its fields, in model order.
    fields: list[Spec] = field(default_factory=list)
    #: The model an object (or a records entry) validates as.
    model: type[BaseModel] | None = None
    #: A list item may be written as plain text instead of the object (a diktum).
    text_or_object: bool = False
    #: The value's own type when a picker shows it (a step number is an int).
    number: bool = False


def label_of(name: str) -> str:
    if name in _LABELS:
        return _LABELS[name]
    return name.replace("_", " ").capitalize()


def spec_for(kind: str) -> Spec:
    model = KINDS[kind]
    return object_spec(kind, model, "")


def object_spec(name: str, model: type[BaseModel], help_text: str) -> Spec:
    fields = [_field(model, key, info) for key, info in model.model_fields.items()]
    return Spec(name, label_of(name), help_text, "object", fields=fields, model=model)


def _field(model: type[BaseModel], name: str, info: FieldInfo) -> Spec:
    help_text = info.description or ""
    required = info.is_required()
    annotation = _strip(info.annotation)
    spec = _from_type(name, annotation, help_text, model)
    spec.required = required
    if (model, name) in _REFS:
        spec.number = spec.widget == "int"
        spec.widget, spec.ref = "ref", _REFS[(model, name)]
    if (model, name) in _REF_ITEMS and spec.item is not None:
        spec.item.widget, spec.item.ref = "ref", _REF_ITEMS[(model, name)]
        spec.item.model = Peraturan if spec.item.ref == "rujukan" else None
    return spec


def _strip(annotation: Any) -> Any:
    """Drop Annotated and Optional wrappers: the widget follows the core type."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [_strip(a) for a in args]
            objects = [m for m in models if isinstance(m, type) and issubclass(m, BaseModel)]
            if len(args) == 1:
                annotation = args[0]
                continue
            # Id | Peraturan (a citation), str | Diktum: the richest form wins.
            return objects[0] if objects else str
        return annotation


def _from_type(name: str, annotation: Any, help_text: str, owner: type[BaseModel]) -> Spec:
    origin = typing.get_origin(annotation)
    if origin is list:
        item_type = _strip(typing.get_args(annotation)[0])
        item = _from_type(name, item_type, help_text, owner)
        if item_type is Diktum:
            item.text_or_object = True
        return Spec(name, label_of(name), help_text, "list", item=item)
    if origin is dict:
        record = _strip(typing.get_args(annotation)[1])
        item = object_spec(name, record, help_text)
        return Spec(name, label_of(name), help_text, "records", item=item, model=record)
    if origin is Literal:
        choices = tuple(str(c) for c in typing.get_args(annotation))
        return Spec(name, label_of(name), help_text, "choice", choices=choices)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return object_spec(name, annotation, help_text)
    widget: Widget = "area" if name in _AREAS else "text"
    if annotation is dt.date:
        widget = "date"
    elif annotation is bool:
        widget = "bool"
    elif annotation is int:
        widget = "int"
    elif annotation is float:
        widget = "float"
    return Spec(name, label_of(name), help_text, widget)


def join(*parts: str | int) -> str:
    return SEP.join(str(p) for p in parts if p != "")


# ----------------------------------------------------------------- form -> data


def parse_form(spec: Spec, items: list[tuple[str, str]]) -> Any:
    """The plain data a posted form describes (values typed as the model expects where
    they parse; a value that does not parse stays text so the check reports it)."""
    tree: dict[str, Any] = {}
    for name, value in items:
        if not name or name.startswith("_"):
            continue
        node = tree
        parts = name.split(SEP)
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        last = parts[-1]
        if last in node and not isinstance(node[last], dict):
            # A name posted again: the options of a multiple select (shared pelaksana).
            before = node[last]
            node[last] = [*(before if isinstance(before, list) else [before]), value]
        else:
            node[last] = value
    return _build(spec, tree)


def _build(spec: Spec, raw: Any) -> Any:
    if spec.ref == "rujukan" and isinstance(raw, dict) and set(raw) == {"teks"}:
        return {"teks": _scalar(spec, raw["teks"])}  # a free-text Memperhatikan item
    if spec.widget == "object" or (spec.widget == "ref" and isinstance(raw, dict)):
        return _build_object(spec, raw)
    if spec.widget == "list":
        return _build_list(spec, raw)
    if spec.widget == "records":
        return _build_records(spec, raw)
    return _scalar(spec, raw)


def _build_object(spec: Spec, raw: Any) -> Any:
    if not isinstance(raw, dict):
        return _scalar(spec, raw)
    if spec.widget == "ref" and spec.model is not None:
        spec = object_spec(spec.name, spec.model, spec.help)
    out: dict[str, Any] = {}
    for child in spec.fields:
        value = _build(child, raw.get(child.name, ""))
        # An unticked optional box is the default (false), written nowhere.
        if (_blank(value) or value is False) and not child.required:
            continue
        out[child.name] = value
    if all(_blank(v) for v in out.values()):
        return {}  # an optional group left empty (a step that is no decision)
    if spec.text_or_object and set(out) == {"isi"}:
        return out["isi"]  # a diktum without butir is written as plain text
    return out


def _indexed(raw: Any) -> list[Any]:
    if not isinstance(raw, dict):
        return []
    keys = sorted((k for k in raw if k.isdigit()), key=int)
    return [raw[k] for k in keys]


def _build_list(spec: Spec, raw: Any) -> list[Any]:
    assert spec.item is not None
    return [_build(spec.item, value) for value in _indexed(raw)]


def _build_records(spec: Spec, raw: Any) -> dict[str, Any]:
    assert spec.item is not None
    out: dict[str, Any] = {}
    for entry in _indexed(raw):
        if not isinstance(entry, dict):
            continue
        rid = str(entry.get(ID_KEY, "")).strip()
        out[rid] = _build(spec.item, entry)
    return out


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _scalar(spec: Spec, raw: Any) -> Any:
    if isinstance(raw, dict):
        return None
    if isinstance(raw, list):
        return [value for value in (_scalar(spec, item) for item in raw) if value is not None]
    text = str(raw).replace("\r\n", "\n").strip()
    if spec.widget == "bool":
        return text in ("on", "true", "1", "ya")
    if text == "":
        return None
    if spec.widget == "int" or spec.number:
        return _number(text, int)
    if spec.widget == "float":
        return _number(text.replace(",", "."), float)
    return text


def _number(text: str, kind: type[int] | type[float]) -> Any:
    try:
        value = kind(text)
    except ValueError:
        return text
    if kind is float and value == int(value):
        return int(value)
    return value
