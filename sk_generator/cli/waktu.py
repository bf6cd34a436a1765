"""`sk-generator waktu`: the waktu of every step, its running total and the SOP's total."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import click

from sk_generator.checks.waktu import SopWaktu, WaktuReport, waktu_report
from sk_generator.cli.options import (
    CONTEXT,
    Command,
    help_option,
    output_format_option,
    paths_argument,
    strict_option,
)
from sk_generator.diagnostics import format_path
from sk_generator.errors import EXIT_DATA
from sk_generator.waktu import CARA_GRAF, Duration, SopTimes, StepTime, Unit, format_number

KEGIATAN_WIDTH = 44
#: What the running total of an SOP written as a graph means (waktu.paths.running_paths).
BERJALAN_GRAF = (
    "waktu dari langkah pertama sampai langkah itu selesai, mengikuti panah (terpendek–"
    "terpanjang); cabang simultan yang bertemu dihitung yang terlama, cabang lain yang "
    "dikerjakan bersamaan tidak ikut dijumlahkan"
)


@click.command("waktu", cls=Command, context_settings=CONTEXT)
@paths_argument()
@output_format_option("tabel untuk dibaca", "untuk program lain")
@strict_option()
@help_option()
def waktu(paths: tuple[Path, ...], output_format: str, strict: bool) -> None:
    """Menjumlahkan waktu (Mutu Baku) langkah-langkah setiap SOP.

    Untuk setiap SOP dicetak tabel langkah (no, kegiatan, pelaksana, waktu, jumlah
    berjalan) dan Jumlah Waktu Penyelesaian. Rentang seperti '1-5 hari' dijumlahkan
    dengan nilai terbesarnya; menit dibulatkan ke jam, jam ke hari kerja hanya bila
    `jam_kerja_per_hari` diisi. Jumlah yang tertulis di data (`jumlah_waktu`) diperiksa.
    Masalah pada data dicetak ke stderr dengan letaknya.

    \b
    Contoh:
      sk-generator waktu data/lampung-barat/sk-sop-data-kinerja.yaml
      sk-generator waktu data/ --format json
    """
    report = waktu_report(list(paths))
    if output_format == "json":
        click.echo(json.dumps(report_json(report), ensure_ascii=False, indent=2))
    else:
        click.echo(report_text(report), nl=False)
        for issue in report.issues:
            click.echo(issue.format(), err=True)
    if report.failed(strict=strict):
        raise click.exceptions.Exit(EXIT_DATA)


# --- text --------------------------------------------------------------------------------


def shorten(text: str, width: int = KEGIATAN_WIDTH) -> str:
    """One line of at most `width` characters, cut at a word with "…"."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1].rsplit(" ", 1)[0] if " " in flat[: width - 1] else flat[: width - 1]
    return cut.rstrip(" ,.;:") + "…"


def _heading(item: SopWaktu) -> str:
    where = item.document.source.name
    if item.entry.prefix:
        where += f" (lampiran {item.entry.index + 1})"
    return f"{where}: {item.entry.sop.nama}"


def _step_row(step: StepTime, times: SopTimes) -> list[str]:
    langkah = step.langkah
    # A step no arrow reaches (SOP-ALUR reports it) has no running total: "-".
    running = "-" if step.running is None else step.running.text(times.jam_kerja_per_hari)
    if step.error is not None:
        shown, running = f"{(langkah.waktu or '').strip()} (tidak terbaca)", "?"
    elif step.waktu is None:
        shown = "(kosong)"
    else:
        shown = step.waktu.text.strip()
    return [
        str(langkah.no or step.index + 1),
        "\n".join(shorten(line) for line in langkah.kegiatan.splitlines() or [""]),
        langkah.nama_pelaksana,
        shown,
        running,
    ]


def _table(rows: list[list[str]]) -> list[str]:
    """Aligned columns; a cell with line breaks (as typed, or "5 \nMenit" from a
    spreadsheet) takes as many lines as it has, the other cells of its row blank below."""
    split = [[cell.split("\n") for cell in row] for row in rows]
    widths = [max(len(line) for row in split for line in row[i]) for i in range(len(rows[0]))]
    lines = []
    for row in split:
        for k in range(max(len(cell) for cell in row)):
            texts = [cell[k].strip() if k < len(cell) else "" for cell in row]
            cells = [texts[0].rjust(widths[0])] + [
                c.ljust(w) for c, w in zip(texts[1:], widths[1:], strict=True)
            ]
            lines.append("  ".join(cells).rstrip())
    return lines


def sop_text(item: SopWaktu) -> str:
    times = item.times
    header = ["No", "Kegiatan", "Pelaksana", "Waktu", "Jumlah berjalan"]
    lines = [_heading(item), ""]
    lines += _table([header] + [_step_row(s, times) for s in times.steps])
    lines.append("")
    unread = sum(1 for s in times.steps if s.error is not None)
    if unread:
        lines.append(
            f"Jumlah Waktu Penyelesaian: belum dapat dihitung ({unread} langkah tidak terbaca); "
            f"tanpa langkah itu: {times.text_max}"
        )
    else:
        lines.append(f"Jumlah Waktu Penyelesaian: {times.text_max}")
        if times.total.min != times.total.max and times.text != times.text_max:
            lines.append(f"Rentang (terkecil–terbesar): {times.text}")
    if times.cara == CARA_GRAF:
        lines.append(f"Cara menghitung: {times.cara}")
        lines.append(f"Jumlah berjalan: {BERJALAN_GRAF}")
    if times.jam_kerja_per_hari is None:
        lines.append("Jam kerja per hari: tidak diisi, jam tidak dibulatkan ke hari")
    else:
        lines.append(
            f"Jam kerja per hari: {format_number(times.jam_kerja_per_hari)} jam "
            "(jam dibulatkan ke hari kerja)"
        )
    separate = times.total.separate_units(times.jam_kerja_per_hari)
    if separate:
        names = ", ".join(str(u) for u in separate)
        lines.append(f"Tidak dapat dijumlahkan satu sama lain (tanpa kalender): {names}")
    if times.stated is not None:
        verdict = {True: "sesuai", False: "TIDAK SESUAI", None: "tidak dapat diperiksa"}
        lines.append(
            f"Jumlah tertulis: {times.stated.text.strip()} ({verdict[times.stated_matches]})"
        )
    return "\n".join(lines) + "\n"


def report_text(report: WaktuReport) -> str:
    if not report.sops:
        return "Tidak ada SOP yang dapat dihitung.\n"
    return "\n".join(sop_text(item) for item in report.sops)


# --- json --------------------------------------------------------------------------------


def _number(value: Fraction) -> int | float:
    return value.numerator if value.denominator == 1 else float(value)


def duration_json(duration: Duration, jam_kerja: Fraction | None) -> dict[str, int | float]:
    """Per printed unit (jam and menit split, hours rolled as printed); zeros included."""
    parts = {unit: value for value, unit in duration.parts(jam_kerja)}
    return {unit.name.lower(): _number(parts.get(unit, Fraction(0))) for unit in Unit}


def sop_json(item: SopWaktu) -> dict[str, Any]:
    times = item.times
    jam_kerja = times.jam_kerja_per_hari
    steps = []
    for step in times.steps:
        langkah = step.langkah
        row: dict[str, Any] = {
            "no": langkah.no or step.index + 1,
            "kegiatan": langkah.kegiatan,
            "pelaksana": langkah.nama_pelaksana,
            "waktu": langkah.waktu,
            "status": "galat" if step.error else "kosong" if step.waktu is None else "ok",
        }
        if step.waktu is not None:
            row["min"] = duration_json(step.waktu.min, jam_kerja)
            row["max"] = duration_json(step.waktu.max, jam_kerja)
            row["perkiraan"] = step.waktu.approximate
            row["batas_atas"] = step.waktu.upper_bound
        if step.error is not None:
            row["galat"] = str(step.error)
        row["jumlah_berjalan"] = None if step.running is None else step.running.text(jam_kerja)
        steps.append(row)
    stated = None
    if times.stated is not None or times.stated_error is not None:
        stated = {"teks": item.entry.sop.jumlah_waktu, "sesuai": times.stated_matches}
    return {
        "berkas": item.document.source.name,
        "bagian": format_path(item.entry.prefix) or None,
        "lampiran": item.entry.index + 1 if item.entry.prefix else None,
        "nama": item.entry.sop.nama,
        "jam_kerja_per_hari": _number(jam_kerja) if jam_kerja is not None else None,
        "langkah": steps,
        "jumlah": {
            "teks": times.text_max,
            "rentang": times.text,
            "minimum": times.total.text_min(jam_kerja),
            "min": duration_json(times.total.min, jam_kerja),
            "max": duration_json(times.total.max, jam_kerja),
            "lengkap": times.complete,
            "cara": times.cara,
            "satuan_terpisah": [str(u) for u in times.total.separate_units(jam_kerja)],
        },
        "jumlah_tertulis": stated,
    }


def report_json(report: WaktuReport) -> dict[str, Any]:
    return {
        "sop": [sop_json(item) for item in report.sops],
        "masalah": [issue.to_json() for issue in report.issues],
    }
