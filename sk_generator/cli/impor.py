"""`sk-generator impor`: bring existing SOPs in from Word (.docx) and Excel (.xlsx)."""

from __future__ import annotations

from pathlib import Path

import click

from sk_generator.cli.options import CONTEXT, Command, help_option, output_folder_option
from sk_generator.diagnostics import display_path
from sk_generator.errors import EXIT_DATA
from sk_generator.impor import FileResult, import_files


@click.command("impor", cls=Command, context_settings=CONTEXT)
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="BERKAS..."
)
@output_folder_option(
    "Folder tujuan berkas data (sebaiknya di dalam folder data/ agar katalog regulasi ditemukan).",
    default="data/impor",
    dest="output",
)
@click.option(
    "--laporan",
    is_flag=True,
    help="Tambahkan ringkasan per berkas: langkah, kolom pelaksana, keputusan, tebakan.",
)
@help_option()
def impor(paths: tuple[Path, ...], output: Path, laporan: bool) -> None:
    """Mengimpor SOP yang sudah ada dari Word (.docx) dan Excel (.xlsx) menjadi berkas data.

    Satu berkas data per SOP ditulis ke folder tujuan, beserta pejabat dan instansi
    yang belum ada. Semua yang ditebak atau tidak terbaca dilaporkan dengan letaknya
    (tabel/baris/kolom di Word, sheet!sel di Excel) dan ditandai di berkas data.
    Folder dibaca beserta seluruh isinya; berkas yang rusak dilaporkan, yang lain
    tetap diimpor.

    \b
    Contoh:
      sk-generator impor SOP-lama/ -o data/dinas-x --laporan
      sk-generator impor "SOP Pendataan.docx" -o data/dinas-x
    """
    results = import_files(list(paths), output)
    for result in results:
        _echo_result(result)
    if laporan:
        _echo_summary(results)
    failed = sum(1 for r in results if not r.ok)
    files = len({r.source for r in results})
    click.echo(f"{files} berkas: {len(results) - failed} SOP diimpor, {failed} gagal", err=True)
    if failed:
        raise click.exceptions.Exit(EXIT_DATA)


def _echo_result(result: FileResult) -> None:
    source = display_path(result.source)
    if result.problem is not None:
        where = f"{source}: {result.problem.place}" if result.problem.place else source
        click.echo(f"{where}: gagal: {result.problem}")
        return
    assert result.output is not None
    click.echo(f"{source} -> {display_path(result.output)}")
    for note in result.notes:
        click.echo(f"  {note.format(source)}")


def _echo_summary(results: list[FileResult]) -> None:
    click.echo("")
    click.echo("Laporan impor:")
    for result in results:
        source = display_path(result.source)
        if result.problem is not None:
            click.echo(f"  {source}: gagal")
            continue
        s = result.summary
        guesses = sum(1 for n in result.notes if n.kind == "tebakan")
        unread = sum(1 for n in result.notes if n.kind == "tak-terbaca")
        outside = sum(1 for n in result.notes if n.kind == "di-luar-model")
        click.echo(
            f"  {source}: {s.steps} langkah, {s.columns} kolom pelaksana, {s.decisions} "
            f"keputusan, {guesses} tebakan, {unread} tak terbaca, {outside} di luar model alur"
        )
