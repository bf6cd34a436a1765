"""sk_generator: Keputusan Kepala Dinas, Lampiran and SOP AP from YAML data.

The library never prints or exits; the `sk-generator` CLI (sk_generator.cli) does.
"""

from __future__ import annotations

__version__ = "0.1.0"

from sk_generator.build import BuildResult, build
from sk_generator.check import CheckReport, check_paths
from sk_generator.load import Document, load
from sk_generator.render import RenderedPart, render_document

__all__ = [
    "BuildResult",
    "CheckReport",
    "Document",
    "RenderedPart",
    "__version__",
    "build",
    "check_paths",
    "load",
    "render_document",
]
