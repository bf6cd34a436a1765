"""The error hierarchy, and the one place that says which exit code each kind earns.

The library raises these; only the CLI turns them into text and exit codes. Anything that
is not a :class:`SkError` is an internal bug and keeps its traceback on purpose.
"""

from __future__ import annotations

from collections.abc import Sequence

from sk_generator.diagnostics import Issue

#: Exit codes shared by every command (documented in the README and `--help`).
EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3


class SkError(Exception):
    """Base of every error a user can cause or fix; its message is shown as is (Indonesian)."""

    exit_code = EXIT_DATA


class UserError(SkError):
    """A wrong argument or a missing input file: the user must change the command."""

    exit_code = EXIT_USAGE


class DataError(SkError):
    """The data files have problems; `issues` holds every one, located at its file:line."""

    exit_code = EXIT_DATA

    def __init__(self, issues: Sequence[Issue], message: str = "") -> None:
        self.issues = list(issues)
        super().__init__(message or f"{len(self.issues)} masalah pada data")


class TemplateError(SkError):
    """A template refers to a value the data does not provide, or is itself broken."""

    exit_code = EXIT_DATA


class EnvironmentProblem(SkError):
    """The machine lacks something (LibreOffice, a font) or it failed: not the data's fault."""

    exit_code = EXIT_ENVIRONMENT


class ConversionError(EnvironmentProblem):
    """LibreOffice did not produce a usable PDF for a document, even after a retry."""
