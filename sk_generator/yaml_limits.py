"""Limits that keep a careless or hostile YAML file from hanging or exhausting `check`.

- size: a data file over :data:`MAX_BYTES` is refused before it is read;
- comments cost linear time: ruamel's round-trip scanner keeps every comment and slows
  down more than linearly on long runs of them (10 MB of comments took minutes), so
  comment-only lines are blanked before parsing (line numbers stay, and the original
  text is kept for the `# sk-generator: abaikan` switches). Lines inside a block scalar
  (`|`, `>`) are kept, since there '#' is text; a file with a quoted text spanning lines
  is parsed as written;
- depth and expansion: nesting deeper than :data:`MAX_DEPTH`, or more than
  :data:`MAX_NODES` values once aliases are expanded (an "alias bomb"), is refused with a
  message instead of exhausting the stack or the memory.
"""

from __future__ import annotations

import re

MAX_BYTES = 50 * 1024 * 1024
#: The data files need about eight levels; anything far deeper is not data of ours.
MAX_DEPTH = 40
#: Far above the largest real file (a catalog of 1,000 regulations holds ~20,000 values).
MAX_NODES = 200_000

_COMMENT_LINE = re.compile(r"^[ \t]*#")
_BLOCK_SCALAR = re.compile(r"(?:^[ \t]*-|:)[ \t]+[|>][0-9+-]*[ \t]*(?:#.*)?$")
#: A quoted text opened after a key, a '- ' or a flow separator.
_QUOTE_OPEN = re.compile(r"""(?:^[ \t]*-[ \t]+|:[ \t]+|[\[{,][ \t]*)(["'])""")

TOO_BIG = (
    "berkas terlalu besar ({size} MB; paling besar {limit} MB); berkas data SK atau SOP "
    "biasanya hanya beberapa kB: periksa apakah berkas yang benar yang dipilih"
)
TOO_DEEP = (
    f"susunan bertingkat terlalu dalam (lebih dari {MAX_DEPTH} tingkat); berkas data hanya "
    "perlu beberapa tingkat: periksa indentasi dan tanda kurung [ ] { }"
)
TOO_MANY = (
    f"berkas menghasilkan lebih dari {MAX_NODES:,} nilai (alias YAML '*' yang berlapis?); "
    "tulis datanya tanpa alias"
).replace(",", ".")


def _quoted_across_lines(line: str) -> bool:
    """Whether a quoted text opens on `line` without closing on it."""
    for match in _QUOTE_OPEN.finditer(line):
        quote = match.group(1)
        rest = line[match.end() :]
        if quote == '"':
            closed = re.search(r'(?<!\\)(?:\\\\)*"', rest)
        else:
            closed = re.search(r"'(?!')", rest.replace("''", ""))
        if not closed:
            return True
    return False


def strip_comment_lines(text: str) -> str:
    """`text` with comment-only lines blanked, where that cannot change the data."""
    if "#" not in text:
        return text
    lines = text.split("\n")
    block_indent: int | None = None
    for index, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue  # inside a block scalar: '#' is text
            block_indent = None
        if _COMMENT_LINE.match(line):
            lines[index] = ""
            continue
        content = line.split(" #", 1)[0]
        if _quoted_across_lines(content):
            return text  # a quoted text may span lines: keep the file as written
        if _BLOCK_SCALAR.search(line):
            block_indent = indent
    return "\n".join(lines)
