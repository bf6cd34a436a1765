"""Waktu printed the Indonesian way: "1,5 jam", "15 hari 1 jam 25 menit", "3–15 hari"."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from sk_generator.waktu.values import ZERO, Duration, JamKerja, Unit


def format_number(value: Fraction) -> str:
    """Indonesian decimal: 1 -> "1", 3/2 -> "1,5". Only finite decimals can be written."""
    if value.denominator == 1:
        return str(value.numerator)
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        raise ValueError(f"{value} has no finite decimal form")
    places = max(twos, fives)
    scaled = value * 10**places
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled.numerator)).rjust(places + 1, "0")
    whole, frac = digits[:-places], digits[-places:].rstrip("0")
    return f"{sign}{whole},{frac}"


def _join(parts: Sequence[tuple[Fraction, Unit]]) -> str:
    return " ".join(f"{format_number(v)} {u}" for v, u in parts) or "0 menit"


def format_duration(duration: Duration, *, jam_kerja_per_hari: JamKerja = None) -> str:
    """ "15 hari 1 jam 25 menit": largest unit first, zero parts left out, "0 menit" if none."""
    return _join(duration.parts(jam_kerja_per_hari))


def format_range(
    minimum: Duration, maximum: Duration, *, jam_kerja_per_hari: JamKerja = None
) -> str:
    """A minimum and maximum written as clearly as possible.

    - equal: the value ("15 hari 1 jam 25 menit");
    - differing in exactly one unit that both have: that unit as a range, the rest once
      ("3–15 hari 1 jam 25 menit");
    - otherwise both written out: "1 jam 25 menit – 2 jam 5 menit".
    """
    low = dict((u, v) for v, u in minimum.parts(jam_kerja_per_hari))
    high = dict((u, v) for v, u in maximum.parts(jam_kerja_per_hari))
    if low == high:
        return _join(maximum.parts(jam_kerja_per_hari))
    differ = [u for u in Unit if low.get(u, ZERO) != high.get(u, ZERO)]
    if len(differ) == 1 and differ[0] in low and differ[0] in high:
        pieces = []
        for unit in Unit:
            if unit not in high:
                continue
            if unit == differ[0]:
                pieces.append(f"{format_number(low[unit])}–{format_number(high[unit])} {unit}")
            else:
                pieces.append(f"{format_number(high[unit])} {unit}")
        return " ".join(pieces)
    return (
        f"{format_duration(minimum, jam_kerja_per_hari=jam_kerja_per_hari)} – "
        f"{format_duration(maximum, jam_kerja_per_hari=jam_kerja_per_hari)}"
    )
