"""The `sk-generator` command line: thin click commands over the library.

This module is the single place where library errors become messages and exit codes
(0 ok, 1 data problem, 2 wrong usage, 3 environment such as LibreOffice). Every command
lives in its own module in this package and is registered at the bottom of this file:
add one import and one `cli.add_command(...)` line for a new command.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import click

from sk_generator import __version__
from sk_generator.errors import EXIT_USAGE, DataError, SkError


class IndonesianFormatter(click.HelpFormatter):
    """click's help layout with Indonesian headings (the words staff read)."""

    _HEADINGS: ClassVar[dict[str, str]] = {
        "Options": "Opsi",
        "Commands": "Perintah",
        "Arguments": "Argumen",
    }

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args.replace("[OPTIONS]", "[OPSI]"), prefix="Pemakaian: ")

    def write_heading(self, heading: str) -> None:
        super().write_heading(self._HEADINGS.get(heading, heading))


class _IndonesianContext(click.Context):
    formatter_class = IndonesianFormatter


class Command(click.Command):
    context_class = _IndonesianContext


class Group(click.Group):
    context_class = _IndonesianContext
    command_class = Command


CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def help_option() -> Any:
    return click.help_option("-h", "--help", help="Tampilkan bantuan ini lalu keluar.")


def paths_argument() -> Any:
    """The data files or folders every command takes (folders are read recursively)."""
    return click.argument(
        "paths",
        nargs=-1,
        required=True,
        type=click.Path(path_type=Path),
        metavar="BERKAS_ATAU_FOLDER...",
    )


def strict_option() -> Any:
    return click.option(
        "--strict",
        is_flag=True,
        help="Anggap peringatan sebagai kesalahan (kode keluar 1 bila ada peringatan).",
    )


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


# Command registration: one import and one add_command line per command module.
from sk_generator.cli.baru import baru  # noqa: E402
from sk_generator.cli.beda import beda_command  # noqa: E402
from sk_generator.cli.build import build_command  # noqa: E402
from sk_generator.cli.check import check  # noqa: E402
from sk_generator.cli.schema import schema  # noqa: E402
from sk_generator.cli.waktu import waktu  # noqa: E402

cli.add_command(check)
cli.add_command(schema)
cli.add_command(waktu)
cli.add_command(build_command)
cli.add_command(baru)
cli.add_command(beda_command)
