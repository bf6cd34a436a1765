"""Placeholders staff leave for a value to fill in: "[NAMA KEPALA DINAS]", "[Nama Kabupaten]".

TEKS-ISIAN reports them; a value that is only a placeholder (e.g. `logo: "[LOGO DAERAH]"`
in a new Dinas) means "not given yet" everywhere else (the kop prints the stand-in emblem).
"""

from __future__ import annotations

import re

#: A bracketed placeholder inside a text.
PLACEHOLDER = re.compile(r"\[[A-Z][^\[\]\n]{1,60}\]")


def is_placeholder(text: str | None) -> bool:
    """Whether `text` is nothing but a placeholder."""
    return bool(text) and PLACEHOLDER.fullmatch(str(text).strip()) is not None
