"""Waktu values: units, exact durations and one written Waktu (no parsing, no printing).

Arithmetic is exact (:class:`fractions.Fraction`); the rules for which units may be added
together are in the package docstring (:mod:`sk_generator.waktu`) and docs/waktu.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Protocol

ZERO = Fraction(0)

#: A working-day length in hours as the data gives it (a float such as 7.5) or exactly.
JamKerja = Fraction | Decimal | float | int | None


class Unit(StrEnum):
    """A unit of Waktu, spelled as it is printed."""

    BULAN = "bulan"
    MINGGU = "minggu"
    HARI = "hari"
    HARI_KERJA = "hari kerja"
    JAM = "jam"
    MENIT = "menit"


#: Units that are never converted into each other (they need a calendar).
DAY_UNITS = (Unit.BULAN, Unit.MINGGU, Unit.HARI, Unit.HARI_KERJA)


def exact_jam_kerja(value: JamKerja) -> Fraction | None:
    """The working-day length as an exact fraction (7.5 -> 15/2, 7.3 -> 73/10, not binary)."""
    if value is None:
        return None
    exact = Fraction(str(value)) if isinstance(value, float) else Fraction(value)
    if exact <= 0:
        raise ValueError(f"jam_kerja_per_hari must be positive, got {value!r}")
    return exact


@dataclass(frozen=True)
class Duration:
    """An exact amount of time, kept per unit that cannot be converted into another.

    `menit` holds menit and jam together (in minutes); the day-like units each keep their
    own amount. Compare two durations with :meth:`normalized` applied to both.
    """

    menit: Fraction = ZERO
    hari: Fraction = ZERO
    hari_kerja: Fraction = ZERO
    minggu: Fraction = ZERO
    bulan: Fraction = ZERO

    @classmethod
    def of(cls, amount: Fraction | int, unit: Unit) -> Duration:
        amount = Fraction(amount)
        if unit is Unit.JAM:
            return cls(menit=amount * 60)
        return cls(**{_FIELD[unit]: amount})

    def __add__(self, other: Duration) -> Duration:
        return Duration(
            self.menit + other.menit,
            self.hari + other.hari,
            self.hari_kerja + other.hari_kerja,
            self.minggu + other.minggu,
            self.bulan + other.bulan,
        )

    @property
    def is_zero(self) -> bool:
        return not any((self.menit, self.hari, self.hari_kerja, self.minggu, self.bulan))

    def normalized(self, jam_kerja_per_hari: JamKerja = None) -> Duration:
        """Roll full working days of minutes into `hari_kerja` when the day length is known.

        Without a working-day length the duration is already in its normal form (minutes
        are split into jam and menit only when printed).
        """
        length = exact_jam_kerja(jam_kerja_per_hari)
        if length is None:
            return self
        per_day = length * 60
        minutes = self.menit + self.hari_kerja * per_day
        days = Fraction(math.floor(minutes / per_day))
        return Duration(minutes - days * per_day, self.hari, days, self.minggu, self.bulan)

    def parts(self, jam_kerja_per_hari: JamKerja = None) -> list[tuple[Fraction, Unit]]:
        """The non-zero amounts as printed, largest unit first (jam and menit split)."""
        d = self.normalized(jam_kerja_per_hari)
        jam = Fraction(math.floor(d.menit / 60))
        values = {
            Unit.BULAN: d.bulan,
            Unit.MINGGU: d.minggu,
            Unit.HARI: d.hari,
            Unit.HARI_KERJA: d.hari_kerja,
            Unit.JAM: jam,
            Unit.MENIT: d.menit - jam * 60,
        }
        return [(value, unit) for unit, value in values.items() if value]

    def day_units(self) -> tuple[Unit, ...]:
        """The calendar-like units this duration holds an amount of."""
        return tuple(u for u in DAY_UNITS if getattr(self, _FIELD[u]))

    def at_most(self, other: Duration, jam_kerja_per_hari: JamKerja = None) -> bool:
        """True when every unit's amount is <= the other's (a partial order).

        With a working-day length, minutes and hari kerja are compared together.
        """
        length = exact_jam_kerja(jam_kerja_per_hari)
        if length is None:
            return all(getattr(self, f) <= getattr(other, f) for f in _FIELDS)
        per_day = length * 60
        return (
            self.menit + self.hari_kerja * per_day <= other.menit + other.hari_kerja * per_day
            and self.hari <= other.hari
            and self.minggu <= other.minggu
            and self.bulan <= other.bulan
        )


_FIELD = {
    Unit.MENIT: "menit",
    Unit.HARI: "hari",
    Unit.HARI_KERJA: "hari_kerja",
    Unit.MINGGU: "minggu",
    Unit.BULAN: "bulan",
}
_FIELDS = tuple(_FIELD.values())


class Ranged(Protocol):
    """Anything with a minimum and a maximum duration (a Waktu or a Total)."""

    @property
    def min(self) -> Duration: ...
    @property
    def max(self) -> Duration: ...


@dataclass(frozen=True)
class Waktu:
    """One Waktu as written and what it means: a minimum and a maximum duration."""

    text: str
    min: Duration
    max: Duration
    #: Written with "±", "+/-", "kurang lebih" ...
    approximate: bool = False
    #: Written with "paling lambat", "maksimal" ...
    upper_bound: bool = False

    @property
    def is_range(self) -> bool:
        return self.min != self.max
