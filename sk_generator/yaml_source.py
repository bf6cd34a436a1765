"""Read a YAML 1.2 file into plain Python data while remembering where every value stands.

ruamel.yaml's round-trip loader keeps line/column on each mapping and sequence; we flatten
that into a table of data path -> (line, col) so that any later problem (a pydantic error,
a check, a bad duration) can be reported at its place in the file. Lines and columns are
1-based like an editor's. Duplicate keys are fatal, as silently keeping one of them would
hide a typing mistake.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scanner import Scanner

from sk_generator.diagnostics import DataPath, Issue, Severity, display_path
from sk_generator.yaml_limits import (
    MAX_BYTES,
    MAX_DEPTH,
    MAX_NODES,
    TOO_BIG,
    TOO_DEEP,
    TOO_MANY,
    strip_comment_lines,
)
from sk_generator.yaml_messages import (
    GENERIC_MESSAGE,
    NOT_IN_DOCUMENTS,
    TAG_MESSAGE,
    character_message,
    control_message,
    decode_message,
    marked_message,
)

Position = tuple[int, int]


@dataclass
class Source:
    """A loaded YAML file: its plain data and the position of every key and value."""

    path: Path
    data: Any
    #: The file's text, for rules that read comments (e.g. switching a check off).
    text: str = ""
    #: Where each value starts (for a mapping entry: the value; for a list item: the item).
    values: dict[DataPath, Position] = field(default_factory=dict)
    #: Where each mapping key starts (used to point at an unknown or misspelled key).
    keys: dict[DataPath, Position] = field(default_factory=dict)
    #: Paths whose value was reported as invalid and set aside (sk_generator.partial):
    #: a later problem at or below one of them is a follow-on error and is not reported.
    tainted: set[DataPath] = field(default_factory=set)
    #: Numbers as the user typed them (to keep `telepon: 056523182` as written).
    raw: dict[DataPath, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return display_path(self.path)

    def is_tainted(self, path: DataPath) -> bool:
        """Whether `path` lies at or below a value that failed validation."""
        return any(tuple(path[: len(t)]) == t for t in self.tainted)

    def locate(self, path: DataPath, *, key: bool = False) -> Position:
        """The position of `path`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))

    def issue(
        self,
        path: DataPath,
        code: str,
        message: str,
        *,
        severity: Severity = Severity.ERROR,
        key: bool = False,
    ) -> Issue:
        line, col = self.locate(path, key=key)
        return Issue(self.name, line, col, severity, code, tuple(path), message)


class YamlProblem(Exception):
    """The file is not valid YAML; carries a located Issue."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.format())
        self.issue = issue


def _yaml() -> YAML:
    # Round-trip mode is the one that records positions; it is still safe (no arbitrary
    # Python objects are constructed) and follows YAML 1.2 ("no" stays a string, 8:30 too).
    yaml = YAML(typ="rt")
    # The plain scanner: the round-trip one also gathers every comment, which nothing
    # here reads (switch-off comments are read from the text), at a sixth of the parse.
    yaml.Scanner = Scanner
    yaml.version = (1, 2)
    yaml.allow_duplicate_keys = False
    # Dates stay text here: the model parses them, so "2024-13-01" becomes a located
    # Indonesian message instead of a crash inside the YAML library.
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
    return yaml


def _timestamp_as_text(constructor: Any, node: Any) -> str:
    return str(constructor.construct_scalar(node))


def load_source(path: Path) -> Source:
    """Parse `path`; raise :class:`YamlProblem` with a located Indonesian message."""
    name = display_path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        message = TOO_BIG.format(size=size // 2**20, limit=MAX_BYTES // 2**20)
        raise YamlProblem(_issue(name, (1, 1, message)))
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlProblem(_issue(name, decode_message(raw, exc.start))) from None
    return parse_source(path, text)


def parse_source(path: Path, text: str) -> Source:
    """Parse `text` as the contents of `path` (e.g. an editor's unsaved draft); raise
    :class:`YamlProblem` with a located Indonesian message."""
    name = display_path(path)
    try:
        with warnings.catch_warnings():
            # A reused anchor is legal YAML; ruamel's English warning must not reach staff.
            warnings.simplefilter("ignore")
            root = _yaml().load(strip_comment_lines(text))
    except RecursionError:
        raise YamlProblem(_issue(name, (1, 1, TOO_DEEP))) from None
    except MarkedYAMLError as exc:
        raise YamlProblem(_issue(name, marked_message(exc, text))) from None
    except ReaderError as exc:
        found = character_message(text, exc.position, exc.character)
        raise YamlProblem(_issue(name, found)) from None
    except YAMLError:
        raise YamlProblem(_issue(name, (1, 1, GENERIC_MESSAGE))) from None
    source = Source(path=path, data=None, text=text)
    source.values[()] = (1, 1)
    source.data = _plain(root, (), source, [MAX_NODES])
    return source


def _issue(name: str, found: tuple[int, int, str]) -> Issue:
    line, col, message = found
    return Issue(name, line, col, Severity.ERROR, "YAML", (), message)


def _plain(node: Any, path: DataPath, source: Source, budget: list[int]) -> Any:
    """Convert ruamel's commented containers to dict/list and record positions.

    `budget` counts the values still allowed (aliases are expanded here)."""
    budget[0] -= 1
    if budget[0] < 0 or len(path) > MAX_DEPTH:
        line, col = source.locate(path)
        message = TOO_DEEP if len(path) > MAX_DEPTH else TOO_MANY
        raise YamlProblem(Issue(source.name, line, col, Severity.ERROR, "YAML", (), message))
    if isinstance(node, CommentedMap):
        out: dict[Any, Any] = {}
        for key in node:
            child = (*path, str(key))
            try:
                kline, kcol = node.lc.key(key)
                source.keys[child] = (kline + 1, kcol + 1)
                vline, vcol = node.lc.value(key)
                value = node[key]
                if isinstance(value, (CommentedMap, CommentedSeq)) and value.lc.line is not None:
                    vline, vcol = value.lc.line, value.lc.col
                source.values[child] = (vline + 1, vcol + 1)
            except (KeyError, TypeError, AttributeError):
                source.values[child] = source.values.get(path, (1, 1))
            out[str(key)] = _plain(node[key], child, source, budget)
        return out
    if isinstance(node, CommentedSeq):
        items: list[Any] = []
        for index, item in enumerate(node):
            child = (*path, index)
            try:
                line, col = node.lc.item(index)
                source.values[child] = (line + 1, col + 1)
            except (KeyError, TypeError, AttributeError):
                source.values[child] = source.values.get(path, (1, 1))
            items.append(_plain(item, child, source, budget))
        return items
    if isinstance(node, str):
        bad = NOT_IN_DOCUMENTS.search(node)
        if bad:  # written as an escape ("\x01") in a quoted text: Word cannot hold it
            line, col = source.locate(path)
            message = control_message(node, bad.start())
            raise YamlProblem(Issue(source.name, line, col, Severity.ERROR, "YAML", (), message))
        return str(node)  # drop ruamel's scalar-string subclasses
    if isinstance(node, TaggedScalar) or getattr(getattr(node, "tag", None), "value", None):
        line, col = source.values.get(path, (1, 1))
        raise YamlProblem(
            Issue(source.name, line, col, Severity.ERROR, "YAML", tuple(path), TAG_MESSAGE)
        )
    if isinstance(node, int | float) and not isinstance(node, bool):
        source.raw[path] = _token(source, path)
        return int(node) if isinstance(node, int) else float(node)
    return node


def _token(source: Source, path: DataPath) -> str:
    """The number as typed (YAML turns `056523182` into 56523182 and `1e3` into 1000.0)."""
    line, col = source.values.get(path, (1, 1))
    lines = source.text.splitlines()
    rest = lines[line - 1][col - 1 :] if 0 < line <= len(lines) else ""
    match = re.match(r"[^\s,\[\]{}#]+", rest)
    return match.group(0) if match else ""
