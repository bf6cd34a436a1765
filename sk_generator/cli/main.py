"""The `sk-generator` command group and its entry point: the one place where library
errors become messages and exit codes (0 ok, 1 data problem, 2 wrong usage, 3 environment
such as LibreOffice).

Every command lives in its own module of this package; add a new one to the imports and
the `add_command` lines below.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence

import click

from sk_generator.cli.baru import baru
from sk_generator.cli.build import build_command
from sk_generator.cli.check import check
from sk_generator.cli.impor import impor
from sk_generator.cli.options import CONTEXT, Group, help_option
from sk_generator.cli.schema import schema
from sk_generator.cli.waktu import waktu
from sk_generator.errors import EXIT_USAGE, DataError, SkError
from sk_generator.version import __version__


@click.group(cls=Group, context_settings=CONTEXT, subcommand_metavar="PERINTAH [ARGUMEN]...")
@click.version_option(
    __version__,
    "--version",
    message="sk-generator %(version)s",
    help="Tampilkan versi lalu keluar.",
)
@help_option()
def cli() -> None:
    """Membuat Keputusan Kepala Dinas (SK), Lampiran dan SOP AP dari berkas data YAML.

    \b
    Kode keluar: 0 berhasil, 1 ada masalah pada data, 2 perintah salah,
    3 masalah lingkungan (mis. LibreOffice tidak terpasang).
    """


# click's own usage errors are English; these cover the ones staff meet.
_USAGE_TRANSLATIONS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"No such option:? '?([^'\s]+)'?\.?(?:\s+Did you mean '?([^'?\s]+)'?\?)?"),
        "opsi {0} tidak dikenal",
    ),
    (re.compile(r"No such command '([^']+)'\."), "perintah '{0}' tidak dikenal"),
    (re.compile(r"Missing argument '([^']+)'\."), "argumen {0} belum diberikan"),
    (re.compile(r"Missing option '([^']+)'\."), "opsi {0} wajib diberikan"),
    (re.compile(r"Option '([^']+)' requires an argument\."), "opsi {0} memerlukan nilai"),
    (
        re.compile(r"Invalid value for '([^']+)': '([^']*)' is not one of (.*)\."),
        "nilai '{1}' untuk {0} tidak dikenal; pilih salah satu dari {2}",
    ),
    (re.compile(r"Invalid value for '([^']+)': (.*)"), "nilai untuk {0} tidak sah: {1}"),
    (re.compile(r"Got unexpected extra arguments? \((.*)\)"), "argumen berlebih: {0}"),
]


def translate_usage(message: str) -> str:
    for pattern, template in _USAGE_TRANSLATIONS:
        match = pattern.search(message)
        if match:
            text = template.format(*(g or "" for g in match.groups()))
            if "Did you mean" in message and match.lastindex and match.group(match.lastindex):
                text += f"; mungkin maksudnya {match.group(match.lastindex)}?"
            return text
    return message


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point: run the CLI and map every user-facing error to an exit code."""
    try:
        # In non-standalone mode click returns the code of a `click.exceptions.Exit`.
        code = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="sk-generator",
            standalone_mode=False,
        )
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Dibatalkan.", err=True)
        sys.exit(130)
    except click.UsageError as exc:
        if exc.ctx is not None:
            click.echo(exc.ctx.get_usage(), err=True)
            hint = f"Lihat '{exc.ctx.command_path} --help' untuk bantuan."
            click.echo(hint, err=True)
        click.echo(f"Galat: {translate_usage(exc.format_message())}", err=True)
        sys.exit(EXIT_USAGE)
    except click.ClickException as exc:
        click.echo(f"Galat: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except DataError as exc:
        for issue in exc.issues:
            click.echo(issue.format(), err=True)
        click.echo(f"Galat: {exc}", err=True)
        sys.exit(exc.exit_code)
    except SkError as exc:
        click.echo(f"Galat: {exc}", err=True)
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


cli.add_command(check)
cli.add_command(schema)
cli.add_command(waktu)
cli.add_command(build_command)
cli.add_command(baru)
cli.add_command(impor)
