"""Start documents from a prepared copy instead of loading a template every time.

Opening a DOCX with python-docx parses every XML part, and the styles part of both our
templates is about 350 KB of XML (python-docx's default template for the SOP, the SK's
own template): parsing it, and serializing it again on save, was a third of a
document's rendering time. The styles of a document depend only on the template and
the instansi's typeface (:func:`kop.apply_huruf`), so a prepared document is built once
per process and key, its styles part is *frozen* (kept as the serialized bytes it would
be saved as, never parsed again), and each render starts from a deep copy of it.

A frozen document has no `doc.styles`: the renderers that use this do not touch styles
after `kop.apply_huruf` (which runs before freezing).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part

#: Prepared documents kept per process (one per template, paper and typeface).
CACHE_SIZE = 16

_prepared: dict[Hashable, DocxDocument] = {}


def fresh(key: Hashable, build: Callable[[], DocxDocument]) -> DocxDocument:
    """A new copy of the document `build()` returns, built once per `key`, with its
    styles frozen."""
    prepared = _prepared.get(key)
    if prepared is None:
        prepared = build()
        drop_styles_with_effects(prepared)
        freeze_styles(prepared)
        if len(_prepared) >= CACHE_SIZE:
            _prepared.clear()
        _prepared[key] = prepared
    return copy.deepcopy(prepared)


def freeze_styles(doc: DocxDocument) -> None:
    """Replace the styles part of `doc` by a plain part holding its serialized XML."""
    rels = doc.part.rels
    for rel in rels.values():
        if rel.reltype == RT.STYLES and not rel.is_external:
            styles = rel.target_part
            frozen = Part(styles.partname, styles.content_type, styles.blob, styles.package)
            rel._target = frozen
            rels.related_parts[rel.rId] = frozen


#: Word 2010's copy of the styles with effects: optional, and obsolete since Word 2013.
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def drop_styles_with_effects(doc: DocxDocument) -> None:
    """Remove the stylesWithEffects part python-docx's default template carries.

    It is a stale copy of the styles (other docDefaults, none of the styles we add):
    Word 2010 and later compare the two and "repair" a document whose copies differ.
    Without the part Word uses styles.xml alone, as it does for files it writes itself.
    """
    rels = doc.part.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            doc.part.drop_rel(r_id)
            rels.pop(r_id, None)


def clear() -> None:
    _prepared.clear()


__all__ = ["STYLES_WITH_EFFECTS", "clear", "drop_styles_with_effects", "freeze_styles", "fresh"]
