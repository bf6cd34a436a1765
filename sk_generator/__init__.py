"""sk_generator: Keputusan Kepala Dinas, Lampiran and SOP AP from YAML data.

The library never prints or exits; the `sk-generator` CLI (sk_generator.cli) does.
docs/architecture.md describes the pipeline and its layers.
"""

from __future__ import annotations

from sk_generator.build import BuildResult, build
from sk_generator.checks import Report, check
from sk_generator.document import Document
from sk_generator.load import load
from sk_generator.render import RenderedPart, render_document
from sk_generator.version import __version__

__all__ = [
    "BuildResult",
    "Document",
    "RenderedPart",
    "Report",
    "__version__",
    "build",
    "check",
    "load",
    "render_document",
]
