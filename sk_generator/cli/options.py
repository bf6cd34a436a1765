"""What every `sk-generator` command shares: Indonesian help layout and common options.

Commands build on these so that a shared option reads the same everywhere (one place to
change its Indonesian help text).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import click


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


def output_folder_option(help: str, *, default: str = "output", dest: str = "out_dir") -> Any:
    """``-o/--output FOLDER``: where a command writes its files (build, web, impor)."""
    return click.option(
        "-o",
        "--output",
        dest,
        type=click.Path(path_type=Path, file_okay=False),
        default=Path(default),
        show_default=True,
        metavar="FOLDER",
        help=help,
    )


def strict_option() -> Any:
    return click.option(
        "--strict",
        is_flag=True,
        help="Anggap peringatan sebagai kesalahan (kode keluar 1 bila ada peringatan).",
    )


def output_format_option(teks: str, json: str) -> Any:
    """``--format teks|json``: `teks` for people, `json` for other programs; the help
    names what each form holds for this command."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["teks", "json"]),
        default="teks",
        show_default=True,
        help=f"Bentuk keluaran: teks ({teks}) atau json ({json}).",
    )
