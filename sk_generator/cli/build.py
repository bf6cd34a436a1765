"""`sk-generator build`: DOCX, PDF and the print bundle of every SK and SOP found."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from sk_generator.build import FORMATS, BuildResult, Progress, build
from sk_generator.cli.options import (
    CONTEXT,
    Command,
    help_option,
    output_folder_option,
    paths_argument,
)
from sk_generator.cli.report import report_lines
from sk_generator.cli.signals import stopping_on_signals
from sk_generator.diagnostics import display_path
from sk_generator.errors import UserError
from sk_generator.pdf import parse_server

#: Environment variable naming the soffice executable (a path or a command name).
SOFFICE_ENV = "SK_GENERATOR_SOFFICE"
#: Environment variable with the seconds one soffice batch may take.
TIMEOUT_ENV = "SK_GENERATOR_TIMEOUT"

_STAGES = {"render": "Menyusun DOCX", "convert": "Membuat PDF  ", "bundle": "Menggabungkan"}


@click.command("build", cls=Command, context_settings=CONTEXT)
@paths_argument()
@output_folder_option("Folder keluaran; tiap dokumen mendapat subfolder sendiri.")
@click.option(
    "--format",
    "formats",
    type=click.Choice(FORMATS),
    multiple=True,
    help="Keluaran yang dibuat: docx, pdf atau bundle (PDF gabungan untuk dicetak). "
    "Boleh diulang; bawaan: semuanya.",
)
@click.option(
    "--duplex",
    is_flag=True,
    help="Sisipkan halaman kosong agar setiap bagian (SK, Lampiran) mulai di halaman kanan "
    "(cetak bolak-balik).",
)
@click.option("--pdfa", is_flag=True, help="Buat PDF/A-2b untuk arsip.")
@click.option(
    "--semua",
    is_flag=True,
    help="Buat ulang semua dokumen, juga yang masukannya tidak berubah sejak build terakhir.",
)
@click.option(
    "--konverter",
    type=click.Choice(["soffice", "unoserver"]),
    default="soffice",
    show_default=True,
    help="Pembuat PDF: soffice (LibreOffice di komputer ini, satu proses per inti CPU) "
    "atau unoserver (server LibreOffice yang sudah berjalan, lihat --server).",
)
@click.option(
    "--server",
    "servers",
    metavar="HOST:PORT",
    multiple=True,
    help="Alamat server unoserver untuk --konverter unoserver. Boleh diulang: dokumen "
    "dibagi ke semua server, dan dokumen yang gagal dicoba lagi di server lain.",
)
@click.option("-q", "--quiet", is_flag=True, help="Tanpa bilah kemajuan dan ringkasan.")
@help_option()
def build_command(
    paths: tuple[Path, ...],
    out_dir: Path,
    formats: tuple[str, ...],
    duplex: bool,
    pdfa: bool,
    konverter: str,
    servers: tuple[str, ...],
    semua: bool,
    quiet: bool,
) -> None:
    """Membuat DOCX, PDF dan berkas cetak gabungan (bundle) dari berkas data.

    Setiap SK (beserta lampirannya) dan setiap SOP mandiri mendapat satu folder di
    FOLDER keluaran, bernama dari nomor dan judulnya, berisi DOCX dan PDF tiap bagian,
    PDF gabungan untuk percetakan dan manifesnya (JSON: halaman, ukuran kertas, SHA-256).
    Data diperiksa lebih dulu; bila ada kesalahan, tidak ada berkas yang dibuat.
    Dokumen yang masukannya (berkas data, catatan instansi/pejabat/regulasi yang
    dirujuk, logo, templat, font, versi alat) tidak berubah sejak build terakhir
    dilewati dan berkasnya tidak disentuh; --semua membuat ulang semuanya. Laporan
    pembangunan menyebut tiap dokumen baru, berubah atau tetap.
    PDF dibuat dengan LibreOffice (soffice), satu proses per inti CPU; jalur lain
    dapat diberikan lewat variabel lingkungan SK_GENERATOR_SOFFICE, dan batas waktu
    per batch (detik) lewat SK_GENERATOR_TIMEOUT. Untuk katalog besar, PDF dapat dibuat
    di server unoserver (--konverter unoserver --server HOST:PORT).

    \b
    Contoh:
      sk-generator build data/
      sk-generator build data/sintang -o hasil/ --format bundle --duplex
      sk-generator build data/ --konverter unoserver --server 10.1.2.3:2003 --server 10.1.2.4:2003
    """
    addresses = _servers(konverter, servers)
    show_bar = not quiet and sys.stderr.isatty()
    timeout = _timeout(os.environ.get(TIMEOUT_ENV))
    with stopping_on_signals(), _Bar(show_bar, out_dir, quiet) as bar:
        result = build(
            list(paths),
            out_dir,
            formats=[f for f in FORMATS if f in formats] or FORMATS,
            duplex=duplex,
            pdfa=pdfa,
            progress=bar.update,
            timeout=timeout,
            soffice=os.environ.get(SOFFICE_ENV) or None,
            servers=addresses,
            force=semua,
        )
    for issue in result.warnings:
        click.echo(issue.format(), err=True)
    if quiet:
        return
    _print_summary(result)


def _print_summary(result: BuildResult) -> None:
    """The summary, the change report and the archived versions on stderr; the main
    file of each document (its bundle, else its folder) on stdout, for scripts."""
    documents = len(result.documents)
    seconds = f"{result.seconds:.1f}".replace(".", ",")
    summary = f"{documents} dokumen, {len(result.files)} berkas"
    if result.pages:
        summary += f", {result.pages} halaman"
    summary += f", {seconds} detik"
    click.echo(f"Selesai: {summary}.", err=True)
    for line in report_lines(result):
        click.echo(line, err=True)
    click.echo(f"Berkas ada di {display_path(result.out_dir)}{os.sep}", err=True)
    for document in result.documents:
        main = document.bundle or document.folder
        click.echo(f"  {display_path(main)}")
    for document in result.documents:
        if document.arsip is not None:
            click.echo(
                f"Diarsipkan (dokumen ditetapkan): {document.source} -> "
                f"{display_path(document.arsip)}{os.sep}",
                err=True,
            )


def _servers(konverter: str, servers: tuple[str, ...]) -> list[str]:
    """The unoserver addresses to use (none: local soffice), checked before any work."""
    if konverter == "unoserver" and not servers:
        raise UserError(
            "--konverter unoserver memerlukan paling sedikit satu --server HOST:PORT, "
            "misalnya --server 127.0.0.1:2003"
        )
    if servers and konverter != "unoserver":
        raise UserError(
            "--server hanya dipakai bersama --konverter unoserver; tambahkan "
            "--konverter unoserver, atau hapus --server untuk memakai LibreOffice di komputer ini"
        )
    return [parse_server(server) for server in servers]


def _timeout(value: str | None) -> float | None:
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0
    if seconds <= 0:
        raise UserError(f"{TIMEOUT_ENV} harus berupa jumlah detik > 0, bukan '{value}'")
    return seconds


class _Bar:
    """click's progress bar on stderr, created lazily once the build knows its total."""

    def __init__(self, enabled: bool, out_dir: Path, quiet: bool) -> None:
        self.enabled = enabled
        self.out_dir = out_dir
        self.quiet = quiet
        self.bar: Any = None
        self.shown = 0

    def __enter__(self) -> _Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.render_finish()

    def update(self, progress: Progress) -> None:
        if progress.stage == "wait":
            if not self.quiet:  # said even without a bar: a silent wait looks like a hang
                click.echo(
                    f"Menunggu build lain yang sedang menulis ke {display_path(self.out_dir)} "
                    "selesai...",
                    err=True,
                )
            return
        if not self.enabled:
            return
        if self.bar is None:
            self.bar = click.progressbar(
                length=progress.total, file=sys.stderr, width=30, show_eta=False
            )
        self.bar.length = progress.total
        self.bar.label = _STAGES[progress.stage]
        step = progress.done - self.shown
        if step > 0:
            self.bar.update(step)
            self.shown = progress.done
        else:
            self.bar.render_progress()
