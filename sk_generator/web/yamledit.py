"""Write edited data back into its YAML file, changing only what was edited.

The file is read with ruamel.yaml's round-trip loader (comments, key order, quoting and
folded text kept), the edited plain data is merged into that tree node by node (an
unchanged value keeps its node, so its line is written back byte for byte), and the tree
is dumped with the indentation the file already uses. A one-field edit therefore changes
one line in `git diff`; moving a list item moves its lines.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from sk_generator.outputs import write_atomic

#: Text longer than this is written as a folded block (``>-``), wrapped at this width.
FOLD_WIDTH = 88


class StaleFile(Exception):
    """The file changed on disk since the editor opened it."""


class Unreadable(Exception):
    """The file on disk is not YAML the editor can merge into (fix it in a text editor)."""


@dataclass(frozen=True)
class Opened:
    """A file as the editor read it: its text and the version that guards saving."""

    path: Path
    text: str

    @property
    def version(self) -> str:
        return version_of(self.text.encode("utf-8"))


def version_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def open_file(path: Path) -> Opened:
    return Opened(path, path.read_text(encoding="utf-8"))


class _Constructor(RoundTripConstructor):
    """Dates stay date nodes (written back as they were). The checking loader registers
    dates-as-text on ruamel's shared round-trip constructor; this subclass has its own
    table, so saving never turns `2022-09-21` into a quoted string."""


def _timestamp(constructor: RoundTripConstructor, node: Any) -> Any:
    try:
        return constructor.construct_yaml_timestamp(node)
    except ValueError:  # 2024-13-01: kept as written, the check reports it
        return constructor.construct_scalar(node)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


_BLOCK_ITEM = re.compile(r"^( *)[A-Za-z_][\w.-]*:[ \t]*(?:#.*)?\n(?:[ \t]*#.*\n)*( *)- ", re.M)


def guess_indent(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, offset) indentation of block lists as the file writes them:
    ``key:\n  - item`` is (2, 4, 2), ``key:\n- item`` is (2, 2, 0)."""
    match = _BLOCK_ITEM.search(text)
    if match is None:
        return 2, 4, 2
    offset = max(0, len(match.group(2)) - len(match.group(1)))
    return 2, offset + 2, offset


def _yaml(text: str) -> tuple[YAML, Any]:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap an untouched line
    mapping, sequence, offset = guess_indent(text)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    try:
        return yaml, yaml.load(text)
    except YAMLError as exc:
        raise Unreadable(str(exc)) from None


def merged_text(text: str, data: Any) -> str:
    """`text` with `data` merged in: the file as it would be saved."""
    yaml, root = _yaml(text)
    root = merge(root, data)
    out = io.StringIO()
    yaml.dump(root, out)
    return out.getvalue()


def save(path: Path, version: str, data: Any) -> str:
    """Merge `data` into the file if it is still at `version`; returns the new version.

    Raises :class:`StaleFile` when the file changed since it was opened (nothing written).
    """
    current = path.read_bytes()
    if version_of(current) != version:
        raise StaleFile(str(path))
    text = merged_text(current.decode("utf-8"), data)
    encoded = text.encode("utf-8")
    if encoded != current:
        write_atomic(path, encoded)
    return version_of(encoded)


#: The long form of a text item: a diktum may be written `- text` or `- isi: text`.
TEXT_KEY = "isi"


def merge(old: Any, new: Any) -> Any:
    """`new` expressed with as many of `old`'s nodes (and so its formatting) as possible."""
    if isinstance(old, CommentedMap) and isinstance(new, str) and list(old) == [TEXT_KEY]:
        return _merge_map(old, {TEXT_KEY: new})  # the file's long form is kept
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        return _merge_map(old, new)
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        return _merge_seq(old, new)
    if not isinstance(new, dict | list) and same_scalar(old, new):
        return old
    # One value where a list may be written (`lanjut: 6`) is kept as typed.
    single = isinstance(new, list) and len(new) == 1 and not isinstance(old, dict | list)
    if single and same_scalar(old, new[0]):
        return old
    return to_node(new, like=old)


def _merge_map(old: CommentedMap, new: dict[str, Any]) -> CommentedMap:
    for key in list(old):
        # A key the form leaves out because it is empty stays as written when still empty.
        if key not in new and not _empty(old[key]):
            del old[key]
    position = 0
    for key, value in new.items():
        if key in old:
            merged = merge(old[key], value)
            if merged is not old[key]:
                old[key] = merged
        else:
            old.insert(position, key, to_node(value))
        position = list(old).index(key) + 1
    return old


def _merge_seq(old: CommentedSeq, new: list[Any]) -> CommentedSeq:
    matcher = difflib.SequenceMatcher(
        a=[_fingerprint(x) for x in old], b=[_fingerprint(x) for x in new], autojunk=False
    )
    items: list[tuple[Any, int | None]] = []  # (node, index in old or None)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            items += [(old[i], i) for i in range(i1, i2)]
        elif tag in ("replace", "insert"):
            for k in range(j2 - j1):
                source = i1 + k if tag == "replace" and i1 + k < i2 else None
                node = (
                    merge(old[source], new[j1 + k]) if source is not None else to_node(new[j1 + k])
                )
                items.append((node, source))
    comments = dict(old.ca.items)
    del old[:]
    old.ca.items.clear()
    for index, (node, source) in enumerate(items):
        old.append(node)
        if source is not None and source in comments:
            old.ca.items[index] = comments[source]
    return old


def _fingerprint(value: Any) -> str:
    return json.dumps(_plain(value), sort_keys=True, default=str)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool):
        return value
    return " ".join(str(value).split())


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def same_scalar(old: Any, new: Any) -> bool:
    """Whether the form's value means what the file already says (then the file's own
    spelling is kept: '21 September 2022' is not rewritten as 2022-09-21)."""
    if _empty(old) and _empty(new):
        return True
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, dt.date) or isinstance(new, dt.date):
        return _as_date(old) is not None and _as_date(old) == _as_date(new)
    if isinstance(old, int | float) and isinstance(new, int | float):
        return float(old) == float(new)
    if old is None or new is None:
        return False
    return " ".join(str(old).split()) == " ".join(str(new).split())


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def to_node(value: Any, *, like: Any = None) -> Any:
    """A new YAML node for `value`; a changed text keeps the quoting style it replaces."""
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = to_node(item)
        return node
    if isinstance(value, list):
        seq = CommentedSeq()
        seq.extend(to_node(item) for item in value)
        return seq
    if not isinstance(value, str):
        return value
    if isinstance(like, dt.date) and _as_date(value) is not None:
        return _as_date(value)
    if "\n" in value.strip():
        return LiteralScalarString(value.strip() + "\n")
    if len(value) > FOLD_WIDTH:
        return folded(value)
    if isinstance(like, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(value)
    if isinstance(like, SingleQuotedScalarString):
        return SingleQuotedScalarString(value)
    return value


def folded(text: str, width: int = FOLD_WIDTH) -> FoldedScalarString:
    """`text` as a ``>-`` block wrapped at `width` (the value reads back identical)."""
    node = FoldedScalarString(text)
    positions: list[int] = []
    start = 0
    while len(text) - start > width:
        cut = text.rfind(" ", start, start + width)
        if cut <= start:
            break
        positions.append(cut)
        start = cut + 1
    node.fold_pos = positions
    return node
