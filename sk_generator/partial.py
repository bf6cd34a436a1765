"""Validate what can be validated: one bad field must not hide the rest of a file.

pydantic rejects a whole model for one wrong value. `check` promises every problem in one
run, so after reporting pydantic's errors we set aside the values they were about and
validate again:

- an unknown key is removed (it was reported, with a hint);
- a wrong optional value is removed (the field takes its default);
- a wrong or missing required text is replaced by a stand-in text;
- a wrong record in a record file (``pejabat: {id: ...}``) is removed as a whole; its id is
  remembered so that documents citing it get no follow-on "not found" error.

Every path set aside is "tainted": later checks that report at or below it are follow-on
errors of a problem already reported, and are dropped (see :meth:`Source.is_tainted`).
What cannot be set aside (a wrong date in a required field) still fails the part, and its
errors are reported; only then are the part's references and rules not run.
"""

from __future__ import annotations

import copy
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from sk_generator.diagnostics import DataPath, Issue, Severity
from sk_generator.hints import closest_key
from sk_generator.validation import allowed_keys, annotations_at, data_path, translate, unwrap
from sk_generator.yaml_source import Source

#: Stands in for a required text that was wrong or missing (never printed: a document
#: with errors is not built).
STAND_IN = "…"
#: Enough rounds for nested repairs (a key inside an item inside a list).
_ROUNDS = 6


@dataclass
class Validated:
    """The outcome of :func:`validate_partially`."""

    model: BaseModel | None
    issues: list[Issue]
    #: Paths (with the prefix) of records removed from a mapping of records.
    removed: set[DataPath] = field(default_factory=set)


def validate_partially(
    model: type[BaseModel], source: Source, data: Any, prefix: DataPath = ()
) -> Validated:
    """Validate `data`; report every error once and validate the rest without it.

    Tainted paths are recorded on `source` (see module docstring).
    """
    payload = copy.deepcopy(data)
    result = Validated(None, keep_typed_numbers(model, source, payload, prefix))
    reported: set[Issue] = set()
    hinted: set[DataPath] = set()
    for _ in range(_ROUNDS):
        try:
            result.model = model.model_validate(payload)
            return result
        except ValidationError as exc:
            for issue in translate(exc, source, model, payload, prefix, hinted):
                # A later round's error at a value already set aside is the same mistake.
                if issue not in reported and not source.is_tainted(issue.path):
                    reported.add(issue)
                    result.issues.append(issue)
            repaired = False
            for error in exc.errors(include_url=False):
                path = data_path(payload, error["loc"])
                done = _set_aside(model, payload, path, error["type"])
                if done is not None:
                    repaired = True
                    source.tainted.add((*prefix, *path))
                    if done.startswith("renamed:"):
                        source.tainted.add((*prefix, *path[:-1], done.split(":", 1)[1]))
                    if done == "record":
                        result.removed.add((*prefix, *path[:2]))
            if not repaired:
                return result
    return result


def keep_typed_numbers(
    model: type[BaseModel], source: Source, payload: Any, prefix: DataPath = ()
) -> list[Issue]:
    """A number where the model keeps text is used as typed (`telepon: 056523182` keeps
    its 0, `waktu: 1e3` stays "1e3"); when YAML changed it, a warning asks for quotes."""
    warnings: list[Issue] = []
    for path, value in _numbers(payload, ()):
        full = (*prefix, *path)
        typed = source.raw.get(full)
        if not typed or not _keeps_text(annotations_at(model, path)):
            continue
        _get(payload, path[:-1])[path[-1]] = typed
        if typed != str(value):
            warnings.append(
                source.issue(
                    full,
                    "SKEMA",
                    f"{typed} tanpa tanda kutip dibaca sebagai angka {value}; dipakai seperti "
                    f'tertulis, tetapi beri tanda kutip agar pasti: "{typed}"',
                    severity=Severity.WARNING,
                )
            )
    return warnings


def _numbers(value: Any, path: DataPath) -> list[tuple[DataPath, Any]]:
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in _numbers(v, (*path, k))]
    if isinstance(value, list):
        return [n for i, v in enumerate(value) for n in _numbers(v, (*path, i))]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [(path, value)]
    return []


def _keeps_text(annotations: list[Any]) -> bool:
    """The value's type is text (possibly optional) and never a number."""
    cores: list[Any] = []
    for annotation in annotations:
        for core in unwrap(annotation):
            while typing.get_origin(core) is typing.Annotated:
                core = typing.get_args(core)[0]
            cores.append(core)
    return str in cores and not any(c in (int, float) for c in cores)


def _set_aside(model: type[BaseModel], payload: Any, path: DataPath, kind: str) -> str | None:
    """Remove or replace the value at `path` (or the nearest ancestor that can be);
    returns what was done, or None when the error cannot be set aside."""
    if kind == "extra_forbidden" and path:
        container = _get(payload, path[:-1])
        if isinstance(container, dict) and path[-1] in container:
            value = container.pop(path[-1])
            # A misspelt key ("menimbng") is read as the key it was meant to be, so that
            # the rest is still checked; the value is tainted (its places are not in the
            # file under that name).
            close = closest_key(str(path[-1]), allowed_keys(model, path[:-1]), container)
            if close is not None:
                container[close] = value
                return "renamed:" + close
            return "key"
    probe = path
    while probe:
        done = _set_aside_at(model, payload, probe)
        if done is not None:
            return done
        probe = probe[:-1]
    return None


def _set_aside_at(model: type[BaseModel], payload: Any, path: DataPath) -> str | None:
    container = _get(payload, path[:-1])
    key = path[-1]
    for parent in annotations_at(model, path[:-1]):
        for annotation in unwrap(parent):
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                info = annotation.model_fields.get(str(key))
                if info is None or not isinstance(container, dict):
                    continue
                if not info.is_required():
                    container.pop(key, None)
                    return "optional"
                if _is_text(info.annotation, info.metadata):
                    container[key] = STAND_IN
                    return "text"
            elif typing.get_origin(annotation) is dict and isinstance(container, dict):
                # Only the records (dict[Id, Model]) of a record file are mappings by id.
                if path[:-1] and len(path) == 2 and key in container:
                    del container[key]
                    return "record"
            elif typing.get_origin(annotation) is list and isinstance(container, list):
                element = typing.get_args(annotation)[0]
                if isinstance(key, int) and key < len(container) and _is_text(element, []):
                    container[key] = STAND_IN
                    return "text"
    return None


def _is_text(annotation: Any, metadata: list[Any]) -> bool:
    """A plain text type (no id pattern): a stand-in text can take its place."""
    extra = list(metadata)
    while typing.get_origin(annotation) is typing.Annotated:
        annotation, *more = typing.get_args(annotation)
        extra.extend(more)
    if annotation is not str:
        return False
    return not any(getattr(m, "pattern", None) for m in extra)


def _get(payload: Any, path: DataPath) -> Any:
    current = payload
    for part in path:
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            return None
    return current


@dataclass
class DocumentParts:
    """A document validated part by part: the SK's own fields, then each lampiran."""

    model: BaseModel | None
    issues: list[Issue]
    #: Positions in the file of the lampiran kept in `model.lampiran` (a lampiran whose
    #: errors could not be set aside is left out; the others are still checked).
    lampiran_index: list[int]
    #: Whether anything was set aside: such a document is checked but never rendered.
    partial: bool


def validate_document(model: type[BaseModel], source: Source) -> DocumentParts:
    """Validate a document; an SK's lampiran are validated one by one (`model` is
    Keputusan or Sop; the SK's lampiran are Sop)."""
    data = source.data
    lampiran = data.get("lampiran") if isinstance(data, dict) else None
    sop_model = _lampiran_model(model)
    if sop_model is None or not isinstance(lampiran, list):
        whole = validate_partially(model, source, data)
        return DocumentParts(whole.model, whole.issues, [], _any_error(whole.issues))
    head = validate_partially(model, source, {k: v for k, v in data.items() if k != "lampiran"})
    issues = list(head.issues)
    kept: list[tuple[int, BaseModel]] = []
    for index, item in enumerate(lampiran):
        part = validate_partially(sop_model, source, item, ("lampiran", index))
        issues.extend(part.issues)
        if part.model is not None:
            kept.append((index, part.model))
    built = head.model
    if built is not None:
        built = built.model_copy(update={"lampiran": [m for _, m in kept]})
    return DocumentParts(built, issues, [i for i, _ in kept], _any_error(issues))


def _any_error(issues: list[Issue]) -> bool:
    """Whether validation set a value aside: an error. A warning (a number typed without
    quotes, used as written) leaves the document whole, to be built."""
    return any(issue.is_error for issue in issues)


def _lampiran_model(model: type[BaseModel]) -> type[BaseModel] | None:
    info = model.model_fields.get("lampiran")
    if info is None or typing.get_origin(info.annotation) is not list:
        return None
    (element,) = typing.get_args(info.annotation)
    return element if isinstance(element, type) and issubclass(element, BaseModel) else None


__all__ = ["STAND_IN", "DocumentParts", "Validated", "validate_document", "validate_partially"]
