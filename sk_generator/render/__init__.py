"""Render: a loaded document into DOCX parts (templates, tables, the flowchart).

:func:`render_document` (:mod:`~sk_generator.render.parts`) is the stage's entry point
and its contract with building (PDF, bundle): one :class:`RenderedPart` per printed
document, in print order.
"""

from __future__ import annotations

from sk_generator.render.parts import RenderedPart, Role, render_document

__all__ = ["RenderedPart", "Role", "render_document"]
