"""The one jinja2 environment every template is rendered with.

- sandboxed: a template (staff may edit them in Word) cannot reach Python internals;
- autoescape on: "Dinas A & B" or "<" in the data reach the XML escaped, so Word shows
  them literally instead of breaking the document;
- StrictUndefined: a placeholder the data does not provide is an error naming the
  variable, never a silent blank in an official document.
"""

from __future__ import annotations

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment


def environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
