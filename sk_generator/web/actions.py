"""List actions on the unsaved draft: add, remove, move up or down.

The buttons post ``_aksi=<action>:<data path>``; the server applies the action to the
draft and renders the form again (nothing is written until Simpan). A new item starts
from the field's defaults; a new SOP lampiran starts from the `baru` skeleton's SOP.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ruamel.yaml import YAML

from sk_generator.skeleton_text import sop_lines
from sk_generator.web.forms import SEP, Spec

ACTIONS = ("tambah", "tambah-lengkap", "hapus", "naik", "turun")


class BadAction(Exception):
    """An action that names no list of this form."""


def apply(spec: Spec, data: Any, action: str, *, today: dt.date) -> Any:
    verb, _, path = action.partition(":")
    if verb not in ACTIONS:
        raise BadAction(action)
    parts = [p for p in path.split(SEP) if p != ""]
    if verb in ("tambah", "tambah-lengkap"):
        holder, target = _walk(spec, data, parts)
        _add(target, holder, verb, today)
        return data
    if not parts:
        raise BadAction(action)
    holder, container = _walk(spec, data, parts[:-1])
    del holder
    key = parts[-1]
    if isinstance(container, list):
        _move(container, _index(key, container), verb)
    elif isinstance(container, dict) and key in container:
        _move_key(container, key, verb)
    else:
        raise BadAction(action)
    return data


def _walk(spec: Spec, data: Any, parts: list[str]) -> tuple[Spec, Any]:
    """The spec and the value at `parts` (data path) of the draft."""
    node = data
    for part in parts:
        if spec.widget == "object" or (spec.widget == "ref" and spec.fields):
            spec = next((f for f in spec.fields if f.name == part), None) or _fail(part)
            node = (
                node.setdefault(part, _empty_for(spec)) if isinstance(node, dict) else _fail(part)
            )
        elif spec.widget == "list" and spec.item is not None:
            node = node[_index(part, node)] if isinstance(node, list) else _fail(part)
            spec = spec.item
            if isinstance(node, str) and spec.text_or_object:
                node = {"isi": node}
        elif spec.widget == "records" and spec.item is not None:
            node = node[part] if isinstance(node, dict) and part in node else _fail(part)
            spec = spec.item
        else:
            _fail(part)
    return spec, node


def _fail(part: str) -> Any:
    raise BadAction(part)


def _index(part: str, container: list[Any]) -> int:
    if not part.isdigit() or int(part) >= len(container):
        raise BadAction(part)
    return int(part)


def _empty_for(spec: Spec) -> Any:
    if spec.widget in ("list",):
        return []
    if spec.widget in ("records", "object"):
        return {}
    return None


def _add(target: Any, spec: Spec, verb: str, today: dt.date) -> None:
    if spec.widget == "list" and isinstance(target, list) and spec.item is not None:
        if verb == "tambah-lengkap":
            target.append({"jenis": "UU", "nomor": "", "tahun": today.year, "tentang": ""})
        else:
            target.append(default(spec.item, today))
    elif spec.widget == "records" and isinstance(target, dict) and spec.item is not None:
        rid, n = "baru", 1
        while rid in target:
            n += 1
            rid = f"baru-{n}"
        target[rid] = default(spec.item, today)
    else:
        raise BadAction(verb)


def default(spec: Spec, today: dt.date) -> Any:
    """A new item: an SOP from the skeleton, an object with its required fields empty."""
    if spec.model is not None and spec.model.__name__ == "Sop" and spec.widget == "object":
        return _skeleton_sop(today)
    if spec.widget == "object":
        return {f.name: default(f, today) for f in spec.fields if f.required}
    if spec.widget == "list":
        return []
    if spec.widget == "date":
        return today.isoformat()
    return ""


def _skeleton_sop(today: dt.date) -> dict[str, Any]:
    text = "\n".join(sop_lines("", ["permenpanrb-35-2012"], today, None))
    loaded = YAML(typ="safe", pure=True).load(text)
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in loaded.items()}


def _move(items: list[Any], index: int, verb: str) -> None:
    if verb == "hapus":
        del items[index]
    elif verb == "naik" and index > 0:
        items[index - 1], items[index] = items[index], items[index - 1]
    elif verb == "turun" and index < len(items) - 1:
        items[index + 1], items[index] = items[index], items[index + 1]


def _move_key(records: dict[str, Any], key: str, verb: str) -> None:
    keys = list(records)
    index = keys.index(key)
    if verb == "hapus":
        del records[key]
        return
    _move(keys, index, verb)
    reordered = {k: records[k] for k in keys}
    records.clear()
    records.update(reordered)
