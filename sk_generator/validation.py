"""Turn pydantic's errors into located Indonesian messages that name the fix.

pydantic reports a `loc` that mixes data keys with internal names (union tags, validator
names); we walk the data along it to keep only the real path, locate it in the YAML
source, and swap pydantic's English wording for ours (cf. rendercv's error dictionary).
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from sk_generator.diagnostics import DataPath, Issue
from sk_generator.hints import closest_key, odd_characters, unknown_key_message
from sk_generator.yaml_source import Source


def validate(
    model: type[BaseModel], source: Source, data: Any = None, prefix: DataPath = ()
) -> tuple[BaseModel | None, list[Issue]]:
    """Validate `data` (default: the whole file) against `model`; never raises."""
    payload = source.data if data is None else data
    try:
        return model.model_validate(payload), []
    except ValidationError as exc:
        return None, translate(exc, source, model, payload, prefix)


def translate(
    exc: ValidationError,
    source: Source,
    model: type[BaseModel],
    data: Any,
    prefix: DataPath = (),
    hinted: set[DataPath] | None = None,
) -> list[Issue]:
    """pydantic's errors as located Indonesian issues, each root cause once: a misspelled
    key whose hint is a missing required key is one mistake, reported at the key.

    `hinted` collects those keys across repeated validations of one part."""
    errors = [(data_path(data, e["loc"]), e) for e in exc.errors(include_url=False)]
    unknown: dict[DataPath, str] = {}
    hinted = set() if hinted is None else hinted
    for path, error in errors:
        if error["type"] == "extra_forbidden" and path:
            siblings = _get_mapping(data, path[:-1])
            valid = allowed_keys(model, path[:-1])
            unknown[path] = unknown_key_message(str(path[-1]), valid, siblings)
            close = closest_key(str(path[-1]), valid, siblings)
            if close is not None:
                hinted.add((*path[:-1], close))
    issues: list[Issue] = []
    seen: set[tuple[DataPath, str]] = set()
    for path, error in errors:
        full = (*prefix, *path)
        kind = error["type"]
        if (full, kind) in seen or (kind == "missing" and path in hinted):
            continue
        seen.add((full, kind))
        if path in unknown and kind == "extra_forbidden":
            issues.append(source.issue(full, "SKEMA", unknown[path], key=True))
        elif kind == "missing":
            field = str(error["loc"][-1])
            message = f"`{field}` wajib diisi; tambahkan baris `{field}: ...`"
            issues.append(source.issue(full[:-1] if full else full, "SKEMA", message))
        else:
            issues.append(source.issue(full, "SKEMA", _message(error, full)))
    return issues


def _get_mapping(data: Any, path: DataPath) -> list[str]:
    current = data
    for part in path:
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            return []
    return [str(k) for k in current] if isinstance(current, dict) else []


def data_path(data: Any, loc: tuple[Any, ...]) -> DataPath:
    """Keep the parts of `loc` that exist in the data (drops union tags and the like)."""
    path: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        if (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        ):
            path.append(part)
            current = current[part]
        elif index == len(loc) - 1 and isinstance(current, dict) and isinstance(part, str):
            path.append(part)  # a missing key: point at where it should be
    return tuple(path)


_SIMPLE = {
    "string_type": "harus berupa teks",
    "int_type": "harus berupa bilangan bulat, mis. 3",
    "int_parsing": "harus berupa bilangan bulat, mis. 3",
    "int_from_float": "harus berupa bilangan bulat tanpa desimal",
    "float_type": "harus berupa angka, mis. 7.5",
    "float_parsing": "harus berupa angka (pakai titik untuk desimal, mis. 7.5)",
    "bool_type": "harus `true` atau `false`",
    "bool_parsing": "harus `true` atau `false`",
    "list_type": "harus berupa daftar: tulis setiap butir di baris sendiri diawali '- '",
    "dict_type": "harus berupa pemetaan `kunci: nilai`",
    "model_type": "harus berupa pemetaan `kunci: nilai`",
    "model_attributes_type": "harus berupa pemetaan `kunci: nilai`",
    "date_type": "harus berupa tanggal, mis. 2022-09-21 atau '21 September 2022'",
    "date_parsing": "harus berupa tanggal, mis. 2022-09-21 atau '21 September 2022'",
    "date_from_datetime_inexact": "tulis tanggal saja tanpa jam, mis. 2022-09-21",
    "string_too_short": "tidak boleh kosong",
    "none_required": "harus dikosongkan",
    "finite_number": "harus berupa angka biasa (bukan .inf atau .nan)",
    "too_long": "butirnya terlalu banyak",
}


#: An example id for each place an id is written (a regulation id looks like uu-23-2014).
_ID_EXAMPLES = {
    "mengingat": "uu-23-2014",
    "memperhatikan": "uu-23-2014",
    "dasar_hukum": "uu-23-2014",
    "diubah_dengan": "uu-23-2014",
    "dicabut_oleh": "uu-23-2014",
    "regulasi": "uu-23-2014",
    "instansi": "disnakertrans-sintang",
}


def _id_example(path: DataPath) -> str:
    for part in reversed(path):
        if isinstance(part, str) and part in _ID_EXAMPLES:
            return _ID_EXAMPLES[part]
    return "kadis-subendi"


def _message(error: Any, path: DataPath = ()) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("' or '", "', '")
        return f"'{value}' tidak dikenal; pilih salah satu: {expected}"
    if kind == "string_pattern_mismatch":
        odd = odd_characters(str(value))
        if odd:
            return f"'{value}' bukan id yang sah: {odd}"
        return (
            f"'{value}' bukan id yang sah; pakai huruf kecil, angka, titik dan strip tanpa "
            f"spasi, mis. {_id_example(path)}"
        )
    if kind == "string_too_long":
        limit = ctx.get("max_length")
        return f"teks terlalu panjang ({len(str(value))} huruf); paling banyak {limit} huruf"
    if kind == "too_short":
        return f"harus berisi paling sedikit {ctx.get('min_length', 1)} butir"
    if kind in {"greater_than_equal", "greater_than"}:
        sign = ">=" if kind == "greater_than_equal" else ">"
        bound = ctx.get("ge", ctx.get("gt"))
        return f"harus {sign} {bound} (tertulis {value})"
    if kind in {"less_than_equal", "less_than"}:
        sign = "<=" if kind == "less_than_equal" else "<"
        bound = ctx.get("le", ctx.get("lt"))
        return f"harus {sign} {bound} (tertulis {value})"
    if kind in {"union_tag_invalid", "union_tag_not_found"}:
        return (
            "jenis dokumen tidak dikenal; tulis `jenis: keputusan` (SK dengan lampiran) "
            "atau `jenis: sop` (SOP mandiri)"
        )
    if kind in _SIMPLE:
        return _SIMPLE[kind]
    # pydantic's own wording is English: never shown to staff.
    return "nilai ini tidak sesuai dengan yang diharapkan di sini; lihat docs/kunci.md"


def allowed_keys(model: type[BaseModel], path: DataPath) -> list[str]:
    """Field names of the model that describes the mapping at `path`."""
    keys: list[str] = []
    for annotation in annotations_at(model, path):
        for cls in _models(annotation):
            keys.extend(cls.model_fields)
    return sorted(set(keys))


def annotations_at(model: type[BaseModel], path: DataPath) -> list[Any]:
    """The annotations that may describe the value at `path` (a union gives several)."""
    candidates: list[Any] = [model]
    for part in path:
        nxt: list[Any] = []
        for annotation in candidates:
            for cls in _models(annotation):
                if isinstance(part, str) and part in cls.model_fields:
                    nxt.append(cls.model_fields[part].annotation)
            for element in _elements(annotation):
                nxt.append(element)
        candidates = nxt
    return candidates


def unwrap(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(annotation):
            out.extend(unwrap(arg))
        return out
    return [annotation]


def _models(annotation: Any) -> list[type[BaseModel]]:
    return [a for a in unwrap(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]


def _elements(annotation: Any) -> list[Any]:
    """Element annotations of list/dict containers (for index and id path parts)."""
    out: list[Any] = []
    for a in unwrap(annotation):
        origin = typing.get_origin(a)
        if origin is list:
            out.append(typing.get_args(a)[0])
        elif origin is dict:
            out.append(typing.get_args(a)[1])
    return out
