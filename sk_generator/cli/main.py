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
from sk_generator.cli.beda import beda_command
from sk_generator.cli.build import build_command
from sk_generator.cli.check import check
from sk_generator.cli.impor import impor
from sk_generator.cli.options import CONTEXT, Group, help_option
from sk_generator.cli.schema import schema
from sk_generator.cli.signals import Interrupted
from sk_generator.cli.waktu import waktu
from sk_generator.cli.web import web
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


# click's own usage errors are English; these cover every one its commands and types
# produce, so staff never read English. An option shown as "'-o' / '--output'" keeps
# only its long name.
_OPTION = r"'([^']+)'(?: / '([^']+)')?"
_PATH_KIND = {"File": "berkas", "Directory": "folder", "Path": "jalur", "file": "berkas"}
_USAGE_TRANSLATIONS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"No such option:? '?([^'\s]+)'?\.?(?:\s+Did you mean '?([^'?\s]+)'?\?)?"),
        "opsi {0} tidak dikenal",
    ),
    (re.compile(r"No such command '([^']+)'\."), "perintah '{0}' tidak dikenal"),
    (re.compile(r"Missing argument '([^']+)'\."), "argumen {0} belum diberikan"),
    (re.compile(rf"Missing option {_OPTION}\."), "opsi {1} wajib diberikan"),
    (re.compile(rf"Option {_OPTION} requires an argument\."), "opsi {1} memerlukan nilai"),
    (
        re.compile(rf"Invalid value for {_OPTION}: '([^']*)' is not one of (.*)\."),
        "nilai '{2}' untuk {1} tidak dikenal; pilih salah satu dari {3}",
    ),
    (
        re.compile(rf"Invalid value for {_OPTION}: (File|Directory|Path) '(.*)' does not exist\."),
        "{1}: {kind} '{3}' tidak ditemukan",
    ),
    (
        re.compile(rf"Invalid value for {_OPTION}: (File|Directory|Path) '(.*)' is a file\."),
        "{1}: '{3}' adalah berkas, padahal yang diminta folder; sebutkan folder",
    ),
    (
        re.compile(rf"Invalid value for {_OPTION}: (File|Directory|Path) '(.*)' is a directory\."),
        "{1}: '{3}' adalah folder, padahal yang diminta berkas; sebutkan berkas",
    ),
    (
        re.compile(rf"Invalid value for {_OPTION}: (File|Directory|Path) '(.*)' is not (\w+)\."),
        "{1}: {kind} '{3}' tidak dapat {access}; periksa izin aksesnya",
    ),
    (
        re.compile(rf"Invalid value for {_OPTION}: '?([^']*?)'? is not in the range (.*)\."),
        "nilai {2} untuk {1} di luar rentang {3}",
    ),
    (
        re.compile(rf"Invalid value for {_OPTION}: '([^']*)' is not a valid ([\w ]+)\."),
        "nilai '{2}' untuk {1} harus berupa bilangan",
    ),
    (re.compile(rf"Invalid value for {_OPTION}: (.*)"), "nilai untuk {1} tidak sah: {2}"),
    (re.compile(r"Got unexpected extra arguments? \((.*)\)"), "argumen berlebih: {0}"),
]
_ACCESS = {"readable": "dibaca", "writable": "ditulis", "executable": "dijalankan"}


def translate_usage(message: str) -> str:
    for pattern, template in _USAGE_TRANSLATIONS:
        match = pattern.search(message)
        if not match:
            continue
        groups = [g or "" for g in match.groups()]
        if template.count("{1}") and len(groups) > 1 and not groups[1]:
            groups[1] = groups[0]  # an option with one name only
        kind = next((_PATH_KIND[g] for g in groups if g in _PATH_KIND), "berkas")
        access = next((_ACCESS[g] for g in groups if g in _ACCESS), "dibuka")
        text = template.format(*groups, kind=kind, access=access)
        text = re.sub(r"(-?\d+)<=x<=(-?\d+)", r"\1 sampai \2", text)
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
    except click.exceptions.Abort as exc:
        if isinstance(exc.__cause__, Interrupted):  # SIGTERM, SIGHUP, SIGINT in a build
            click.echo(exc.__cause__.message, err=True)
            sys.exit(exc.__cause__.exit_code)
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
cli.add_command(beda_command)
cli.add_command(web)
