"""`sk-generator web`: the local editor for the data files, in the browser."""

from __future__ import annotations

import os
from pathlib import Path

import click

from sk_generator.cli.build import SOFFICE_ENV
from sk_generator.cli.options import CONTEXT, Command, help_option, output_folder_option
from sk_generator.web.server import serve

#: Environment variable naming the Python that has LibreOffice's `uno` (for the preview).
UNO_PYTHON_ENV = "SK_GENERATOR_UNO_PYTHON"


@click.command("web", cls=Command, context_settings=CONTEXT)
@click.argument("folder", type=click.Path(path_type=Path), default=Path("data"), metavar="[FOLDER]")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="Port di 127.0.0.1 (0: dipilih otomatis).",
)
@click.option("--tanpa-browser", is_flag=True, help="Jangan membuka browser secara otomatis.")
@output_folder_option("Folder hasil Cetak.")
@help_option()
def web(folder: Path, port: int, tanpa_browser: bool, out_dir: Path) -> None:
    """Membuka editor data di browser: formulir untuk setiap berkas, pemeriksaan saat
    mengetik, pratinjau halaman, dan cetak.

    Editor hanya dapat dibuka dari komputer ini (127.0.0.1), dengan alamat lengkap yang
    dicetak di bawah (memuat kunci akses). Hentikan dengan Ctrl+C.
    """

    def ready(url: str) -> None:
        click.echo(f"Editor berjalan di: {url}")
        click.echo("Buka alamat itu di browser. Hentikan dengan Ctrl+C.")

    serve(
        folder,
        port=port,
        out_dir=out_dir,
        ready=ready,
        open_browser=not tanpa_browser,
        soffice=os.environ.get(SOFFICE_ENV) or None,
        uno_python=os.environ.get(UNO_PYTHON_ENV) or None,
    )
