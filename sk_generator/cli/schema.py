"""`sk-generator schema`: print (or write) the JSON Schema of the data files."""

from __future__ import annotations

from pathlib import Path

import click

from sk_generator.cli.options import CONTEXT, Command, help_option
from sk_generator.schema_gen import SCHEMAS, schema_text, write_schemas


@click.command("schema", cls=Command, context_settings=CONTEXT)
@click.argument("jenis", type=click.Choice(list(SCHEMAS)), default="keputusan", metavar="[JENIS]")
@click.option(
    "--tulis",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Tulis semua skema (*.schema.json) ke FOLDER ini.",
)
@help_option()
def schema(jenis: str, folder: Path | None) -> None:
    """Mencetak JSON Schema berkas data JENIS (keputusan, sop, instansi, pejabat, regulasi).

    Editor seperti VS Code (ekstensi YAML) memakai skema ini untuk melengkapi dan menandai
    kesalahan saat mengetik; berkas data menunjuknya pada baris pertama
    `# yaml-language-server: $schema=...`.
    """
    if folder is not None:
        for path in write_schemas(folder):
            click.echo(str(path))
        return
    click.echo(schema_text(jenis), nl=False)
