"""`sk-generator check`: validate and check data files, print every problem at once."""

from __future__ import annotations

from pathlib import Path

import click

from sk_generator.check import check_paths
from sk_generator.cli import CONTEXT, Command, help_option
from sk_generator.errors import EXIT_DATA


@click.command("check", cls=Command, context_settings=CONTEXT)
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(path_type=Path),
    metavar="BERKAS_ATAU_FOLDER...",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Anggap peringatan sebagai kesalahan (kode keluar 1 bila ada peringatan).",
)
@help_option()
def check(paths: tuple[Path, ...], strict: bool) -> None:
    """Memeriksa berkas data (SK, SOP, instansi, pejabat, regulasi).

    Semua masalah dilaporkan sekaligus, satu per baris, dengan letaknya:
    berkas:baris:kolom: jenis[KODE] bagian: pesan.
    Folder diperiksa beserta seluruh isinya.

    \b
    Contoh:
      sk-generator check data/
      sk-generator check data/sintang/sk-sop-data-kinerja.yaml --strict
    """
    report = check_paths(list(paths))
    for issue in report.issues:
        click.echo(issue.format())
    click.echo(report.summary(), err=True)
    if report.failed(strict=strict):
        raise click.exceptions.Exit(EXIT_DATA)
