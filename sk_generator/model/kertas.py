"""Paper sizes: the named ones offices use, and a custom size written in millimetres.

F4 (folio) is the usual pemda paper; A4 must be selectable (domain.md); some offices print
on Legal or Letter instead. An office with another paper writes its size, e.g.
``kertas: 210 x 330 mm``. Every layer (page setup, SOP pagination, the bundle manifest)
reads sizes from :data:`KERTAS` and :func:`ukuran` so they never disagree.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, WithJsonSchema

#: Named paper sizes, portrait width x height in millimetres.
KERTAS: dict[str, tuple[float, float]] = {
    "F4": (215.0, 330.0),
    "A4": (210.0, 297.0),
    "Legal": (215.9, 355.6),
    "Letter": (215.9, 279.4),
}
#: Bounds of a custom size: smaller than A5's short side or larger than A3's long side is
#: a typing mistake, not a paper a Dinas prints on.
UKURAN_MIN_MM = 148.0
UKURAN_MAX_MM = 420.0
_CUSTOM = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*[x×]\s*(\d+(?:[.,]\d+)?)\s*(?:mm)?\s*$", re.I)
_BY_LOWER = {name.lower(): name for name in KERTAS}


def ukuran(kertas: str) -> tuple[float, float]:
    """Portrait width and height in millimetres of a validated `kertas` value."""
    if kertas in KERTAS:
        return KERTAS[kertas]
    match = _CUSTOM.match(kertas)
    if match is None:
        raise ValueError(f"ukuran kertas tidak dikenal: {kertas!r}")
    width, height = (float(g.replace(",", ".")) for g in match.groups())
    return (min(width, height), max(width, height))


def _parse(value: Any) -> Any:
    """A named size in any letter case, or "W x H mm" normalised to portrait order."""
    if not isinstance(value, str):
        return value
    name = _BY_LOWER.get(value.strip().lower())
    if name is not None:
        return name
    match = _CUSTOM.match(value)
    if match is None:
        names = ", ".join(KERTAS)
        raise ValueError(
            f"ukuran kertas {value.strip()!r} tidak dikenal; tulis salah satu dari {names}, "
            "atau ukurannya dalam milimeter, mis. '210 x 330 mm'"
        )
    width, height = ukuran(value)
    for side in (width, height):
        if not UKURAN_MIN_MM <= side <= UKURAN_MAX_MM:
            raise ValueError(
                f"ukuran kertas {value.strip()!r} di luar batas: tiap sisi harus antara "
                f"{UKURAN_MIN_MM:g} dan {UKURAN_MAX_MM:g} mm"
            )
    return f"{width:g} x {height:g} mm"


def _any_case(word: str) -> str:
    """`word` as a case-insensitive ECMA pattern (JSON Schema has no inline flags)."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in word)


#: The same forms as :func:`_parse`, for editors that validate with the JSON Schema.
_PATTERN = (
    r"^\s*(" + "|".join(_any_case(name) for name in KERTAS) + r")\s*$"
    r"|^\s*\d+([.,]\d+)?\s*[xX×]\s*\d+([.,]\d+)?\s*([mM][mM])?\s*$"
)

#: A paper size: "F4", "A4", "Legal", "Letter", or a custom "210 x 330 mm".
Kertas = Annotated[
    str,
    BeforeValidator(_parse),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _PATTERN,
            "description": "F4, A4, Legal, Letter, atau ukuran sendiri mis. '210 x 330 mm'",
            "examples": [*KERTAS, "210 x 330 mm"],
        }
    ),
]
