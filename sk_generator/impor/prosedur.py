"""The procedure table: its header, the role of each column and the step rows.

The header is the row holding "No" and "Kegiatan" (or "Aktivitas", "Uraian Kegiatan")
and the rows under it that carry the Pelaksana names and Mutu Baku labels (merged header
cells span the columns they name). Columns between Kegiatan and the first Mutu Baku
column are Pelaksana columns. Below the header: step rows; header rows repeated on later
pages, empty rows (off-page connectors, spacing) and the "Jumlah Waktu" row are not steps.
A table that starts with the same header after the first continues it (an SOP typed as
one table per page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sk_generator.impor.grid import Row, Table
from sk_generator.impor.identitas import label_key, lookup
from sk_generator.impor.report import Note

ROLES = {
    "no": ("no", "nomor", "no urut"),
    "kegiatan": (
        "kegiatan",
        "aktivitas",
        "uraian kegiatan",
        "uraian aktivitas",
        "uraian",
        "uraian prosedur",
        "prosedur",
        "langkah kegiatan",
    ),
    "kelengkapan": (
        "kelengkapan",
        "persyaratan/kelengkapan",
        "kelengkapan/persyaratan",
        "persyaratan",
        "syarat/kelengkapan",
    ),
    "waktu": ("waktu",),
    "output": ("output", "keluaran", "hasil", "out put"),
    "keterangan": ("keterangan", "ket", "catatan"),
    "pelaksana": ("pelaksana",),
    "mutu": ("mutu baku", "mutu"),
}
_MUTU = ("kelengkapan", "waktu", "output")


def role_of(text: str) -> str | None:
    return lookup(text, ROLES)


@dataclass
class StepRow:
    """A row of the procedure: which table and row, and the texts by column role."""

    table: int
    row: int
    place: str
    no: str
    texts: dict[str, list[str]]


@dataclass
class Procedure:
    #: (table index, row index) of the first header row.
    start: tuple[int, int]
    tables: list[int]
    #: Grid column of each role; Pelaksana columns with their names.
    columns: dict[str, int]
    pelaksana: list[tuple[int, str]]
    steps: list[StepRow] = field(default_factory=list)
    #: Rows that are neither header nor step (off-page connectors): (table, row).
    other_rows: list[tuple[int, int]] = field(default_factory=list)
    jumlah_waktu: str | None = None
    notes: list[Note] = field(default_factory=list)
    #: A single "Pelaksana" column whose cells name the actor (no column per actor).
    naming_column: int | None = None


def find_procedure(tables: list[Table]) -> Procedure | None:
    for t_index, table in enumerate(tables):
        for r_index, row in enumerate(table.rows):
            roles = {role_of(c.flat) for c in row.cells if not c.merged_up}
            if "no" in roles and "kegiatan" in roles:
                return _read(tables, t_index, r_index)
    return None


def _header_rows(table: Table, start: int) -> list[Row]:
    rows = [table.rows[start]]
    for row in table.rows[start + 1 : start + 3]:
        no = row.cells[0].flat if row.cells else ""
        if re.match(r"^\d", no) or any(role_of(c.flat) == "kegiatan" for c in row.cells):
            break
        if row.empty:
            break
        rows.append(row)
    return rows


def _columns(header: list[Row], width: int) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """Role of every grid column from the header rows (lowest label wins for names)."""
    columns: dict[str, int] = {}
    names: dict[int, str] = {}
    groups: set[int] = set()
    for col in range(width):
        for row in header:
            cell = row.at(col)
            if cell is None or cell.merged_up or not cell.flat:
                continue
            role = role_of(cell.flat)
            if role in ("pelaksana", "mutu"):
                if role == "pelaksana":
                    groups.add(col)
                continue
            if role is not None:
                columns.setdefault(role, col)
                names.pop(col, None)
                break
            names[col] = cell.flat
    first_mutu = min((columns[r] for r in _MUTU if r in columns), default=width)
    kegiatan = columns.get("kegiatan", 0)
    pelaksana = [
        (col, names.get(col, ""))
        for col in range(kegiatan + 1, first_mutu)
        if col not in columns.values() and (col in names or col in groups)
    ]
    return columns, pelaksana


def _read(tables: list[Table], t_index: int, r_index: int) -> Procedure:
    table = tables[t_index]
    header = _header_rows(table, r_index)
    width = len(table.col_edges) - 1
    columns, pelaksana = _columns(header, width)
    proc = Procedure((t_index, r_index), [t_index], columns, pelaksana)
    if len(pelaksana) == 1 and not pelaksana[0][1]:
        proc.naming_column = pelaksana[0][0]
    signature = [label_key(r.text_at(columns.get("kegiatan", 1))) for r in header]
    _rows(proc, table, t_index, r_index + len(header), signature)
    for k in range(t_index + 1, len(tables)):
        follow = tables[k]
        first = follow.rows[0] if follow.rows else None
        if first is None or role_of(first.text_at(columns.get("kegiatan", 1))) != "kegiatan":
            break
        proc.tables.append(k)
        _rows(proc, follow, k, 0, signature)
    return proc


def _rows(proc: Procedure, table: Table, t_index: int, begin: int, signature: list[str]) -> None:
    cols = proc.columns
    for r_index in range(begin, len(table.rows)):
        row = table.rows[r_index]
        first_text = " ".join(c.flat for c in row.cells[:2])
        if re.match(r"^\s*jumlah\b", first_text, re.IGNORECASE):
            totals = [c.flat for c in row.cells[1:] if c.flat]
            proc.jumlah_waktu = totals[0] if totals else None
            continue
        kegiatan = row.text_at(cols.get("kegiatan", 1))
        if role_of(kegiatan) == "kegiatan" or (row.header and label_key(kegiatan) in signature):
            continue  # a header row repeated on a later page
        if _subheader(row, proc):
            continue
        no = row.text_at(cols["no"]) if "no" in cols else ""
        if not kegiatan and not re.match(r"^\d", no):
            proc.other_rows.append((t_index, r_index))
            continue
        texts: dict[str, list[str]] = {}
        for role, col in cols.items():
            cell = row.at(col)
            texts[role] = cell.paragraphs if cell is not None and not cell.merged_up else []
        if proc.naming_column is not None:
            cell = row.at(proc.naming_column)
            texts["_pelaksana"] = cell.paragraphs if cell is not None else []
        proc.steps.append(StepRow(t_index, r_index, row.place, no, texts))


def _subheader(row: Row, proc: Procedure) -> bool:
    """The second header row repeated (Pelaksana names, Kelengkapan/Waktu/Output)."""
    labels = [role_of(c.flat) for c in row.cells if c.flat]
    names = {n for _c, n in proc.pelaksana}
    mutu = sum(1 for role in labels if role in _MUTU)
    named = sum(1 for c in row.cells if c.flat in names)
    return mutu >= 2 or (named >= 2 and not any(role == "no" for role in labels))
