"""Write an imported SOP as a data file, and its new records, with ruamel.yaml.

Comments (`# DITEBAK: ...`, `# TIDAK TERBACA: ...`) stand above the values they are
about, so staff see them where they edit. Files are written whole through a temporary
file in the same folder and renamed: an interrupted import leaves no half file.
"""

from __future__ import annotations

import io
import os
import tempfile
import textwrap
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString

import sk_generator
from sk_generator.impor.susun import DataPath
from sk_generator.model import BulanTahun
from sk_generator.wording.tanggal import tanggal

_SCHEMAS = Path(sk_generator.__file__).resolve().parent / "schema"
_WIDTH = 92
#: Texts longer than this are written as folded blocks, lines of at most this length.
_FOLD = 80


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: keeps comments of record files we add to
    yaml.version = None
    yaml.width = _WIDTH
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    return yaml


def schema_line(folder: Path, kind: str) -> str:
    relative = os.path.relpath(_SCHEMAS / f"{kind}.schema.json", folder.resolve())
    return f"yaml-language-server: $schema={Path(relative).as_posix()}"


def _commented(value: Any) -> Any:
    if isinstance(value, BulanTahun):
        return tanggal(value)  # "Oktober 2024": written as printed, never a day 1
    if isinstance(value, Mapping):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = _commented(item)
        return out
    if isinstance(value, list):
        return CommentedSeq([_commented(v) for v in value])
    if isinstance(value, str) and len(value) > _FOLD and "\n" not in value:
        return folded(value)
    return value


def folded(text: str) -> FoldedScalarString:
    """A long text as a folded block (`>-`), broken at spaces like the seeds' files:
    plain scalars wrapped by the emitter would keep a space at each line end."""
    out = FoldedScalarString(text)
    positions, index = [], 0
    for line in textwrap.wrap(text, _FOLD, break_long_words=False, break_on_hyphens=False)[:-1]:
        index = text.index(line, index) + len(line)
        positions.append(index)
    out.fold_pos = positions
    return out


def _wrap(text: str) -> str:
    lines = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(paragraph, _WIDTH - 10) or [""]
    return "\n".join(lines)


def _comment(root: CommentedMap, path: DataPath, text: str) -> None:
    holder: Any = root
    for part in path[:-1]:
        holder = holder[part]
    key = path[-1]
    # Sequences are indented 4 with the dash at 2: each level of the path adds 2.
    indent = 2 * (len(path) - 1)
    if isinstance(holder, CommentedMap | CommentedSeq) and (
        key in holder if isinstance(holder, CommentedMap) else 0 <= int(key) < len(holder)
    ):
        holder.yaml_set_comment_before_after_key(key, before=_wrap(text), indent=indent)


def dump_sop(
    data: dict[str, Any], comments: Mapping[DataPath, str], header: list[str], folder: Path
) -> str:
    root = _commented(data)
    for path, text in comments.items():
        _comment(root, path, text)
    root.yaml_set_start_comment("\n".join([schema_line(folder, "sop"), "", *header]))
    buffer = io.StringIO()
    _yaml().dump(root, buffer)
    return buffer.getvalue()


def add_records(path: Path, kind: str, entries: dict[str, dict[str, Any]], note: str) -> str:
    """The text of record file `path` with `entries` added under `kind`.

    A file staff wrote is left as it is and the entries are appended at its end (when
    `kind` is its only key, as in every record file); only a file of another shape is
    loaded and written again (comments kept, layout possibly not).
    """
    yaml = _yaml()
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        root = yaml.load(text) or CommentedMap()
        if isinstance(root, CommentedMap) and list(root) == [kind]:
            return _append(text, entries, note)
    else:
        root = CommentedMap()
        root.yaml_set_start_comment(schema_line(path.parent, kind))
    table = root.setdefault(kind, CommentedMap())
    for rid, fields in entries.items():
        table[rid] = _commented(fields)
        table.yaml_set_comment_before_after_key(rid, before=_wrap(note), indent=2)
    buffer = io.StringIO()
    yaml.dump(root, buffer)
    return buffer.getvalue()


def _append(text: str, entries: dict[str, dict[str, Any]], note: str) -> str:
    table = CommentedMap()
    for rid, fields in entries.items():
        table[rid] = _commented(fields)
        table.yaml_set_comment_before_after_key(rid, before=_wrap(note), indent=0)
    buffer = io.StringIO()
    _yaml().dump(table, buffer)
    block = "".join(
        f"  {line}" if line.strip() else line for line in buffer.getvalue().splitlines(True)
    )
    return text.rstrip("\n") + "\n" + block


def write_text(path: Path, text: str) -> None:
    """Write `text` to `path` whole: a temporary file in the same folder, renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
