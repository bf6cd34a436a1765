"""What an import found, guessed or could not read, located in the original file.

A note's `place` is where staff find the thing in the file they gave: "tabel 2, baris 5,
kolom 3" for Word, "Sheet1!C5" for Excel. `ImportProblem` is a file that cannot be
imported at all (corrupt, not an SOP); the batch goes on with the next file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

#: tebakan: a value was guessed; tak-terbaca: a value could not be read (left empty or
#: written with a placeholder); di-luar-model: the file shows a flow today's data model
#: cannot hold (a shared step, a fork, a second end).
NoteKind = Literal["tebakan", "tak-terbaca", "di-luar-model"]


@dataclass(frozen=True)
class Note:
    place: str
    message: str
    kind: NoteKind = "tebakan"

    def format(self, file: str) -> str:
        where = f"{file}: {self.place}" if self.place else file
        return f"{where}: {self.kind}: {self.message}"


class ImportProblem(Exception):
    """The file cannot be imported; the message (Indonesian) says where and why."""

    def __init__(self, message: str, place: str = "") -> None:
        self.place = place
        super().__init__(message)


@dataclass
class Summary:
    """The `--laporan` line of one file."""

    steps: int = 0
    columns: int = 0
    decisions: int = 0


@dataclass
class FileResult:
    """One input file: the data file written (or the problem that stopped it) and notes."""

    source: Path
    output: Path | None = None
    notes: list[Note] = field(default_factory=list)
    problem: ImportProblem | None = None
    summary: Summary = field(default_factory=Summary)

    @property
    def ok(self) -> bool:
        return self.problem is None
