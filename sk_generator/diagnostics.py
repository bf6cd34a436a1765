"""Located problems in the data ("issues") and their one-line format.

Every check, the loader and the duration parser report through :class:`Issue`, so that the
CLI prints them all the same way::

    data/sintang/sk-sop-data-kinerja.yaml:23:9: error[KODE] langkah[3].pelaksana: pesan
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

#: A path inside the data: keys (str) and list indexes (int, 0-based as in Python).
DataPath = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in the data, with where it is.

    `path` uses 0-based list indexes internally; :func:`format_path` prints them 1-based,
    because staff count steps and items from 1 ("langkah[3]" is the third step).
    """

    file: str
    line: int
    col: int
    # Two rules may report at the same place: code and message take part in ordering.
    # `path` is left out of comparisons because it mixes str and int parts, which do not
    # order; :func:`unique_issues` (the one de-duplication) keys on it as well.
    severity: Severity
    code: str
    path: DataPath = field(compare=False)
    message: str

    def format(self) -> str:
        where = format_path(self.path)
        location = f"{self.file}:{self.line}:{self.col}"
        prefix = f"{location}: {self.severity.value}[{self.code}]"
        return f"{prefix} {where}: {self.message}" if where else f"{prefix} {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_json(self) -> dict[str, Any]:
        """The issue as a JSON object (keys in Indonesian, like the staff-facing output)."""
        return {
            "berkas": self.file,
            "baris": self.line,
            "kolom": self.col,
            "jenis": self.severity.value,
            "kode": self.code,
            "bagian": format_path(self.path),
            "pesan": self.message,
        }

    def relocated(self, file: str, line: int, col: int) -> Issue:
        return replace(self, file=file, line=line, col=col)


def format_path(path: DataPath) -> str:
    """`("langkah", 2, "pelaksana")` -> `langkah[3].pelaksana` (indexes printed 1-based)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def display_path(path: Path) -> str:
    """A file name as the user typed it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def sort_issues(issues: Iterable[Issue]) -> list[Issue]:
    return sorted(issues)


def unique_issues(issues: Iterable[Issue]) -> list[Issue]:
    """`issues` sorted, each reported once.

    Several documents may report the same problem in a shared record (a pejabat's NIP in
    pejabat.yaml), and the loader and a rule may meet the same place: an issue equal in
    every field, its data path included, is kept once; one that differs in any printed
    field is a different problem and stays.
    """
    unique: dict[tuple[object, ...], Issue] = {}
    for i in issues:
        unique.setdefault((i.file, i.line, i.col, i.severity, i.code, i.path, i.message), i)
    return sort_issues(unique.values())


def has_errors(issues: Sequence[Issue], *, strict: bool = False) -> bool:
    """Errors always fail; with `strict` (``--strict``) warnings fail too."""
    return any(i.is_error or strict for i in issues)
