"""Numbers in words and letters: diktum ordinals, Menimbang letters, Lampiran numerals."""

from __future__ import annotations

_SATUAN = (
    "",
    "SATU",
    "DUA",
    "TIGA",
    "EMPAT",
    "LIMA",
    "ENAM",
    "TUJUH",
    "DELAPAN",
    "SEMBILAN",
    "SEPULUH",
    "SEBELAS",
)


def _bilangan(n: int) -> str:
    """A cardinal number in Indonesian capitals (1..999), as used in diktum ordinals."""
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return f"{_SATUAN[n - 10]} BELAS"
    if n < 100:
        tens, unit = divmod(n, 10)
        head = "SEPULUH" if tens == 1 else f"{_SATUAN[tens]} PULUH"
        return f"{head} {_SATUAN[unit]}".strip()
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "SERATUS" if hundreds == 1 else f"{_SATUAN[hundreds]} RATUS"
        return f"{head} {_bilangan(rest)}".strip() if rest else head
    raise ValueError(f"no ordinal for {n}")


def diktum_ordinal(n: int) -> str:
    """KESATU, KEDUA, ..., KESEBELAS, KEDUA BELAS, ..., KEDUA PULUH SATU (UU 12/2011)."""
    if n < 1:
        raise ValueError("diktum numbers start at 1")
    if n == 1:
        return "KESATU"
    return "KE" + _bilangan(n)


def huruf(n: int) -> str:
    """Menimbang letters: a, b, ..., z, then aa, ab, ... (n is 1-based)."""
    letters = ""
    while n > 0:
        n, rem = divmod(n - 1, 26)
        letters = chr(ord("a") + rem) + letters
    return letters


_ROMAWI = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def romawi(n: int) -> str:
    """Roman numerals for Lampiran I, II, ..."""
    out = ""
    for value, numeral in _ROMAWI:
        while n >= value:
            out += numeral
            n -= value
    return out
