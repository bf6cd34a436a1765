"""`sk-generator check`: validate and check data files, print every problem at once."""

from __future__ import annotations

import json
from pathlib import Path

import click

from sk_generator.checks import check as check_data
from sk_generator.cli.options import (
    CONTEXT,
    Command,
    help_option,
    output_format_option,
    paths_argument,
    strict_option,
)
from sk_generator.errors import EXIT_DATA


@click.command("check", cls=Command, context_settings=CONTEXT)
@paths_argument()
@strict_option()
@output_format_option(
    "satu masalah per baris",
    "untuk program lain: jumlah berkas (dan berkas rujukan di folder atasnya), kesalahan, "
    "peringatan dan daftar masalah dengan berkas, baris, kolom, jenis, kode, bagian dan pesan",
)
@help_option()
def check(paths: tuple[Path, ...], strict: bool, output_format: str) -> None:
    """Memeriksa berkas data (SK, SOP, instansi, pejabat, regulasi).

    Semua masalah dilaporkan sekaligus, satu per baris, dengan letaknya:
    berkas:baris:kolom: jenis[KODE] bagian: pesan.
    Folder diperiksa beserta seluruh isinya.

    \b
    Contoh:
      sk-generator check data/
      sk-generator check data/sintang/sk-sop-data-kinerja.yaml --strict
      sk-generator check data/ --format json
    """
    report = check_data(list(paths))
    if output_format == "json":
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        for issue in report.issues:
            click.echo(issue.format())
        click.echo(report.summary(), err=True)
    if report.failed(strict=strict):
        raise click.exceptions.Exit(EXIT_DATA)
