"""Turn pydantic's errors into located Indonesian messages that name the fix.

pydantic reports a `loc` that mixes data keys with internal names (union tags, validator
names); we walk the data along it to keep only the real path, locate it in the YAML
source, and swap pydantic's English wording for ours (cf. rendercv's error dictionary).
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from sk_generator.diagnostics import DataPath, Issue
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
    exc: ValidationError, source: Source, model: type[BaseModel], data: Any, prefix: DataPath = ()
) -> list[Issue]:
    issues: list[Issue] = []
    seen: set[tuple[DataPath, str]] = set()
    for error in exc.errors(include_url=False):
        path = _data_path(data, error["loc"])
        full = (*prefix, *path)
        kind = error["type"]
        if (full, kind) in seen:
            continue
        seen.add((full, kind))
        if kind == "extra_forbidden":
            message = _unknown_key(model, path)
            issues.append(source.issue(full, "SKEMA", message, key=True))
        elif kind == "missing":
            field = str(error["loc"][-1])
            issues.append(
                source.issue(
                    full[:-1] if full else full,
                    "SKEMA",
                    f"`{field}` wajib diisi; tambahkan baris `{field}: ...`",
                )
            )
        else:
            issues.append(source.issue(full, "SKEMA", _message(error)))
    return issues


def _data_path(data: Any, loc: tuple[Any, ...]) -> DataPath:
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
}


def _message(error: Any) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("' or '", "', '")
        return f"'{value}' tidak dikenal; pilih salah satu: {expected}"
    if kind == "string_pattern_mismatch":
        return (
            f"'{value}' bukan id yang sah; pakai huruf kecil, angka, titik dan strip tanpa "
            "spasi, mis. kadis-subendi"
        )
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
    return str(error["msg"])


def _unknown_key(model: type[BaseModel], path: DataPath) -> str:
    key = str(path[-1]) if path else ""
    allowed = allowed_keys(model, path[:-1])
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"kunci '{key}' tidak dikenal; mungkin maksudnya '{close[0]}'?"
    if allowed:
        return f"kunci '{key}' tidak dikenal; kunci yang boleh: {', '.join(sorted(allowed))}"
    return f"kunci '{key}' tidak dikenal; hapus kunci ini"


def allowed_keys(model: type[BaseModel], path: DataPath) -> list[str]:
    """Field names of the model that describes the mapping at `path`."""
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
    keys: list[str] = []
    for annotation in candidates:
        for cls in _models(annotation):
            keys.extend(cls.model_fields)
    return sorted(set(keys))


def _unwrap(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(annotation):
            out.extend(_unwrap(arg))
        return out
    return [annotation]


def _models(annotation: Any) -> list[type[BaseModel]]:
    return [a for a in _unwrap(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]


def _elements(annotation: Any) -> list[Any]:
    """Element annotations of list/dict containers (for index and id path parts)."""
    out: list[Any] = []
    for a in _unwrap(annotation):
        origin = typing.get_origin(a)
        if origin is list:
            out.append(typing.get_args(a)[0])
        elif origin is dict:
            out.append(typing.get_args(a)[1])
    return out
