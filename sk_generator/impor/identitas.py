"""The SOP's identity section: Nomor, tanggal, Disahkan oleh, Nama SOP and the grid.

Labels are matched in the spellings agencies use ("Tgl. Pembuatan", "Tanggal Refisi",
"Pencatatan dan Pendaftaran"); a value sits in the same cell after a colon, or in the
next non-empty cell to the right (skipping a ":" column). A grid heading ("Dasar Hukum")
has its items under it in the same cell or in the cell below; a cell without a heading
under a grid cell continues that list (a row split over two pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sk_generator.impor.grid import Cell, Row, Table, norm

#: field -> label spellings (normalised: lower case, "tgl" written "tanggal").
IDENTITY = {
    "nomor": ("nomor sop", "no sop", "nomor", "no"),
    "tanggal_pembuatan": ("tanggal pembuatan", "tanggal dibuat", "tanggal penyusunan"),
    "tanggal_revisi": ("tanggal revisi",),
    "tanggal_efektif": ("tanggal efektif", "tanggal berlaku", "tanggal pengesahan"),
    "disahkan_oleh": ("disahkan oleh", "disahkan", "pengesahan"),
    "nama": ("nama sop", "judul sop", "nama prosedur"),
}
GRID = {
    "dasar_hukum": ("dasar hukum",),
    "kualifikasi_pelaksana": ("kualifikasi pelaksana", "kualifikasi"),
    "keterkaitan": ("keterkaitan", "keterkaitan sop", "sop terkait"),
    "peralatan_perlengkapan": (
        "peralatan/perlengkapan",
        "peralatan dan perlengkapan",
        "peralatan",
        "perlengkapan",
    ),
    "peringatan": ("peringatan",),
    "pencatatan_pendataan": (
        "pencatatan dan pendataan",
        "pencatatan dan pendaftaran",
        "pencatatan/pendataan",
        "pencatatan",
    ),
}
_ALIASES = [
    (re.compile(r"\btgl\b\.?"), "tanggal"),
    (re.compile(r"\brefisi\b"), "revisi"),
    (re.compile(r"\bno\.\s*"), "no "),
    (re.compile(r"\s*/\s*"), "/"),
    (re.compile(r"\s*&\s*"), " dan "),
]


def label_key(text: str) -> str:
    value = norm(text)
    for pattern, replacement in _ALIASES:
        value = pattern.sub(replacement, value)
    return " ".join(value.split()).strip(" :")


def lookup(text: str, table: dict[str, tuple[str, ...]]) -> str | None:
    """The field whose label spellings include `text`, or None."""
    key = label_key(text)
    for name, spellings in table.items():
        if key in spellings:
            return name
    return None


@dataclass
class Value:
    lines: list[str]
    place: str


@dataclass
class Identitas:
    values: dict[str, Value] = field(default_factory=dict)
    #: Grid lists: field -> paragraphs (raw) and the place of the heading.
    grid: dict[str, tuple[list[str], str]] = field(default_factory=dict)
    #: Text of the instansi block (kop) if found: its lines.
    kop: list[str] = field(default_factory=list)
    kop_place: str = ""


def read_identity(tables: list[Table], stop: tuple[int, int] | None) -> Identitas:
    """Identity values in `tables`, up to `stop` (table, row) where the procedure begins."""
    found = Identitas()
    for t_index, table in enumerate(tables):
        owner: dict[int, str] = {}
        for r_index, row in enumerate(table.rows):
            if stop is not None and (t_index, r_index) >= stop:
                return found
            _read_row(row, table.rows[r_index + 1 :], owner, found)
    return found


def _read_row(row: Row, below: list[Row], owner: dict[int, str], found: Identitas) -> None:
    labelled = False
    for k, cell in enumerate(row.cells):
        if cell.merged_up or not cell.paragraphs:
            continue
        head, *rest = cell.paragraphs
        inline = head.split(":", 1)
        name = lookup(head, IDENTITY) or (lookup(inline[0], IDENTITY) if len(inline) > 1 else None)
        if name and name not in found.values:
            labelled = True
            value = ([inline[1].strip()] if len(inline) > 1 and inline[1].strip() else []) + rest
            if not value:
                value, where = _right_of(row.cells[k + 1 :])
            else:
                where = cell.place
            found.values[name] = Value(value, where)
            continue
        grid = lookup(head, GRID) or (lookup(inline[0], GRID) if len(inline) > 1 else None)
        if grid and grid not in found.grid:
            labelled = True
            first = [inline[1].strip()] if len(inline) > 1 and inline[1].strip() else []
            found.grid[grid] = (first + rest, cell.place)
            owner[cell.col] = grid
            continue
        if _is_kop(cell) and not found.kop:
            found.kop = cell.paragraphs
            found.kop_place = cell.place
    if not labelled:
        _continue_grid(row, owner, found)


def _right_of(cells: list[Cell]) -> tuple[list[str], str]:
    for cell in cells:
        if cell.merged_up:
            continue
        lines = [p for p in cell.paragraphs if p.strip() != ":"]
        lines = [p[1:].strip() if p.startswith(":") else p for p in lines]
        if lines:
            return lines, cell.place
    return [], cells[0].place if cells else ""


def _continue_grid(row: Row, owner: dict[int, str], found: Identitas) -> None:
    """Cells under grid cells: their lists go on (or start, under a bare heading)."""
    for cell in row.cells:
        name = owner.get(cell.col)
        if name is None or not cell.paragraphs:
            continue
        paragraphs, place = found.grid[name]
        if paragraphs and not re.match(r"^\s*(\d{1,2}[.)]|[\u2022\-*])", cell.paragraphs[0]):
            # The rest of an item split at a page end.
            merged = [*paragraphs[:-1], paragraphs[-1] + " " + cell.paragraphs[0]]
            found.grid[name] = ([*merged, *cell.paragraphs[1:]], place)
        else:
            found.grid[name] = ([*paragraphs, *cell.paragraphs], place)


#: First words of a kop's first line: a pemda, or a ministry or agency (issue 17).
KOP_START = ("PEMERINTAH", "KEMENTERIAN", "BADAN", "LEMBAGA", "SEKRETARIAT", "KOMISI")


def _is_kop(cell: Cell) -> bool:
    text = cell.flat.upper()
    return text.startswith(KOP_START) or "DINAS" in text.split(" ")[:3]


def kop_lines(kop: list[str]) -> tuple[str, str, list[str]]:
    """(pemerintah, nama, sub-units) of a kop's lines: the first line naming a pemda, a
    ministry or an agency, the line under it (the dinas or unit) and the lines under that
    (sub-units, printed as written); ("", first line, []) when no line names one."""
    start = next((i for i, k in enumerate(kop) if k.upper().startswith(KOP_START)), None)
    if start is None:
        return "", kop[0] if kop else "", []
    rest = kop[start + 1 :]
    return kop[start], rest[0] if rest else "", rest[1:]
