"""One file's tables (Word or Excel) to an SOP draft: identity, steps, flow, records."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ValidationError

from sk_generator.document import Records
from sk_generator.impor import susun
from sk_generator.impor.alur import Branch, Flow, FlowInput, StepFlow, read_flow
from sk_generator.impor.grid import Table
from sk_generator.impor.identitas import read_identity
from sk_generator.impor.prosedur import Procedure, find_procedure
from sk_generator.impor.report import ImportProblem, Note
from sk_generator.impor.rujukan import Catalog
from sk_generator.model import Sop
from sk_generator.render.sop import hints as flow_hints
from sk_generator.waktu import compute_sop


@dataclass
class Content:
    """What a reader found in a file."""

    tables: list[Table]
    paragraphs: list[str] = field(default_factory=list)
    hints: flow_hints.Hints | None = None
    #: Where the file's tables are, for messages ("dokumen", "buku kerja").
    kind: str = "dokumen"


def parts(content: Content) -> list[Content]:
    """One part per SOP: a document or workbook may hold several (a sheet per SOP, or
    an SK with its lampiran in one file). Each part runs from the end of the previous
    procedure table to the end of its own; the first keeps the paragraphs and hints."""
    tables = [t for t in content.tables if not _lampiran_heading(t)]
    out: list[Content] = []
    offset = 0
    while offset < len(tables):
        proc = find_procedure(tables[offset:])
        if proc is None:
            break
        end = offset + proc.tables[-1] + 1
        first = not out
        out.append(
            Content(
                tables[offset:end],
                content.paragraphs if first else [],
                content.hints if first else None,
                content.kind,
            )
        )
        offset = end
    return out or [Content(tables, content.paragraphs, content.hints, content.kind)]


def draft(content: Content, name: str, records: Records, catalog: Catalog) -> susun.Draft:
    tables = [t for t in content.tables if not _lampiran_heading(t)]
    proc = find_procedure(tables)
    if proc is None:
        raise ImportProblem(
            f"bukan SOP: {content.kind} ini tidak memuat tabel prosedur (baris judul dengan "
            "'No' dan 'Kegiatan'/'Aktivitas')"
        )
    if not proc.steps:
        raise ImportProblem(
            "tabel prosedur ditemukan tetapi tidak ada langkah di bawah judulnya",
            tables[proc.start[0]].rows[proc.start[1]].place,
        )
    if not proc.pelaksana:
        raise ImportProblem(
            "kolom pelaksana tidak ditemukan di antara Kegiatan dan Mutu Baku",
            tables[proc.start[0]].rows[proc.start[1]].place,
        )
    result = susun.Draft({"jenis": "sop"})
    result.notes += proc.notes
    ident = read_identity(tables, proc.start)
    if not ident.kop:
        ident.kop = [p.strip() for p in content.paragraphs if p.strip()][:2]
    hint_nama = content.hints.nama if content.hints else ""
    susun.identity(result, ident, hint_nama, name)
    susun.records(result, ident, records)
    susun.grid(result, ident, catalog)
    flow = _flow(tables, proc, content.hints)
    result.notes += flow.notes
    susun.steps(result, proc, flow)
    _numbering(result, proc)
    _jumlah(result, proc)
    return _ordered(result)


def _lampiran_heading(table: Table) -> bool:
    first = table.rows[0].cells[0].flat if table.rows and table.rows[0].cells else ""
    return first.upper().startswith("LAMPIRAN")


def _flow(tables: list[Table], proc: Procedure, hints: flow_hints.Hints | None) -> Flow:
    columns = [col for col, _name in proc.pelaksana]
    marks = []
    for step in proc.steps:
        row = tables[step.table].rows[step.row]
        cells = []
        for col in columns:
            cell = row.at(col)
            cells.append((cell.flat, cell.filled, cell.pictures) if cell else ("", False, 0))
        marks.append(cells)
    numbers = [int(s.no.rstrip(".")) if s.no.rstrip(".").isdigit() else None for s in proc.steps]
    data = FlowInput(
        rows=[(s.table, s.row) for s in proc.steps],
        numbers=numbers,
        columns=columns,
        shapes={k: tables[k].shapes for k in proc.tables},
        marks=marks,
        texts=[
            " ".join(s.texts.get("kegiatan", []) + s.texts.get("keterangan", []))
            for s in proc.steps
        ],
        places=[s.place for s in proc.steps],
    )
    flow = read_flow(data)
    if hints is not None:
        _apply_hints(flow, hints, proc)
    return flow


def _apply_hints(flow: Flow, hints: flow_hints.Hints, proc: Procedure) -> None:
    """Facts this toolkit wrote into its own documents win over what pictures suggest,
    step by step, as long as the step's text is unchanged."""
    count = len(proc.pelaksana)
    matched = 0
    for i, step in enumerate(proc.steps):
        hint = hints.steps[i] if i < len(hints.steps) else None
        text = " ".join(step.texts.get("kegiatan", []))
        if hint is None or hint.digest != flow_hints.digest(text) or not 0 < hint.kolom <= count:
            continue
        matched += 1
        decision = None
        if hint.jenis == "decision" and hint.tidak is not None:
            decision = Branch(
                hint.tidak, hint.ya, hint.label_ya or "Ya", hint.label_tidak or "Tidak"
            )
        lanjut = None if hint.lanjut is None else list(hint.lanjut)
        shared = [k - 1 for k in hint.bersama] if hint.bersama else None
        if shared is not None and not all(0 <= k < count for k in shared):
            shared = None  # a hint that does not fit this table: the first column stands
        flow.steps[i] = StepFlow(hint.kolom - 1, decision, lanjut, hint.simultan, shared)
    if matched == len(proc.steps):
        flow.notes = []
    elif matched:
        flow.notes.append(
            Note(
                "",
                f"petunjuk alur dari sk-generator cocok untuk {matched} dari "
                f"{len(proc.steps)} langkah; langkah yang diubah sesudahnya dibaca dari tabel",
            )
        )


def _numbering(result: susun.Draft, proc: Procedure) -> None:
    """Numbering gaps and repeats are reported: steps are renumbered 1, 2, 3, ..."""
    previous = 0
    for i, step in enumerate(proc.steps):
        text = step.no.rstrip(".").strip()
        if not text.isdigit():
            if text:
                result.guess(
                    ("langkah", i),
                    step.place,
                    f"nomor '{step.no}' bukan angka; dianggap langkah {i + 1}",
                )
            previous += 1
            continue
        number = int(text)
        if number != previous + 1:
            result.guess(
                ("langkah", i),
                step.place,
                f"nomor tercetak {number} sesudah "
                f"{previous}: penomoran tidak berurutan; dianggap langkah {i + 1}",
            )
        previous = number


def _jumlah(result: susun.Draft, proc: Procedure) -> None:
    """A printed Jumlah Waktu is kept only when it differs from the steps' total, so that
    `check` shows the difference (the renderer prints the computed total)."""
    printed = " ".join((proc.jumlah_waktu or "").split())
    if not printed or printed == "-":
        return
    try:
        sop = Sop.model_validate({k: v for k, v in result.data.items()})
        computed = compute_sop(sop).text_max
    except (ValidationError, ValueError):
        computed = ""
    if printed.lower() != computed.lower():
        result.data["jumlah_waktu"] = printed
        result.guess(
            ("jumlah_waktu",),
            "",
            f"Jumlah Waktu tercetak '{printed}' berbeda dari "
            f"jumlah waktu langkah-langkahnya ('{computed or '?'}')",
        )


_ORDER = (
    "jenis",
    "instansi",
    "nomor",
    "nama",
    "tanggal_pembuatan",
    "tanggal_revisi",
    "tanggal_efektif",
    "disahkan_oleh",
    *susun.GRID_ORDER,
    "pelaksana",
    "langkah",
    "jumlah_waktu",
)


def _ordered(result: susun.Draft) -> susun.Draft:
    data = result.data
    result.data = {k: data[k] for k in _ORDER if k in data}
    return result
