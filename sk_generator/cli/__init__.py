"""The `sk-generator` command line: thin click commands over the library.

:mod:`~sk_generator.cli.main` holds the command group and maps errors to exit codes;
:mod:`~sk_generator.cli.options` what the commands share; one module per command.
Only this package prints, exits or reads environment variables.
"""

from __future__ import annotations

from sk_generator.cli.main import cli, main

__all__ = ["cli", "main"]
