"""Waktu (Mutu Baku durations): parse them as staff write them, total them, print the total.

Pure library: no printing, no I/O. Arithmetic is exact (:class:`fractions.Fraction`), so
"0,1 jam" three times is exactly 18 menit, never 17.999.

Accepted forms (any capitalisation, extra spaces ignored)::

    5 menit   05 menit   30 Menit   1 Jam   1 hari   2 hari kerja   1 minggu   1 bulan
    1 jam 30 menit                      compound: several parts, each unit at most once
    1-5 hari   1 – 5 hari   1 s.d. 5 hari   1 s/d 5 hari   1 sampai 5 hari
    30 menit - 1 jam                    a range between two compounds
    1,5 jam                             decimal comma (a dot is refused: "1.5" is ambiguous)
    1 (satu) hari kerja   satu hari   dua puluh menit   setengah jam
    ± 30 menit   +/- 1 jam   kurang lebih 1 jam          approximation
    paling lambat 2 hari   maksimal 1 minggu             upper bound
    -   (a lone dash)                   an empty cell, like no value at all

Units and the rules for adding them (docs/waktu.md explains why):

- `menit` and `jam` are one family: 60 menit = 1 jam, always. Totals are written with
  whole hours and the remaining minutes ("1 jam 25 menit", never "85 menit").
- `jam` roll into `hari kerja` only when a working-day length is given (Instansi or SOP
  ``jam_kerja_per_hari``, e.g. 7.5 per Perpres 21/2023): every full working day of hours
  becomes 1 hari kerja. Without it hours are never turned into days (seed 003 prints
  "15 hari 1 jam 25 menit"). Hours never roll into calendar `hari`: a day of work is not a
  calendar day.
- `hari` (calendar), `hari kerja`, `minggu` and `bulan` are never converted into each other:
  that needs a calendar (weekends, holidays, month lengths). Each is totalled on its own
  and printed side by side, largest first: "1 bulan 2 minggu 3 hari 2 hari kerja 1 jam".
  :meth:`Total.separate_units` says which of them could not be added together.
- A range ("1-5 hari") adds its lower bound to the minimum total and its upper bound to the
  maximum total. An approximation ("± 30 menit") and an upper bound ("paling lambat
  2 hari") count as the value written, in both totals: Mutu Baku states the standard time.
- The printed total is the maximum (as seed 003 does); :func:`format_range` writes both:
  "3–15 hari 1 jam 25 menit" when the two differ in exactly one unit present in both, or
  "1 jam 25 menit – 2 jam 5 menit" (both written out) otherwise.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING, NoReturn, Protocol

if TYPE_CHECKING:
    from sk_generator.model.documents import Langkah, Sop

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

#: The accepted forms, appended to every parse error so staff see what to write.
BENTUK = (
    "Tulis angka lalu satuan (menit, jam, hari, hari kerja, minggu, bulan), mis. '15 menit', "
    "'1 jam 30 menit', '1-5 hari', '1,5 jam', '1 (satu) hari kerja', '± 30 menit', "
    "'paling lambat 2 hari'."
)


class WaktuError(ValueError):
    """A Waktu that cannot be read; `str()` is the full Indonesian message with the forms."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        if text.strip():
            end = " " if reason.endswith(("?", ".")) else ". "
            message = f"waktu '{text.strip()}' tidak dapat dibaca: {reason}{end}{BENTUK}"
        else:
            message = f"waktu kosong. {BENTUK}"
        super().__init__(message)


def _jam_kerja(value: JamKerja) -> Fraction | None:
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
        length = _jam_kerja(jam_kerja_per_hari)
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
        length = _jam_kerja(jam_kerja_per_hari)
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


class _Ranged(Protocol):
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


@dataclass(frozen=True)
class Total:
    """A sum of Waktu: the minimum (ranges at their lower bound) and the maximum."""

    min: Duration = field(default_factory=Duration)
    max: Duration = field(default_factory=Duration)

    def __add__(self, other: _Ranged) -> Total:
        return Total(self.min + other.min, self.max + other.max)

    def normalized(self, jam_kerja_per_hari: JamKerja = None) -> Total:
        return Total(
            self.min.normalized(jam_kerja_per_hari), self.max.normalized(jam_kerja_per_hari)
        )

    def text(self, jam_kerja_per_hari: JamKerja = None) -> str:
        """The range form: "3–15 hari 1 jam 25 menit" (just the value when min = max)."""
        return format_range(self.min, self.max, jam_kerja_per_hari=jam_kerja_per_hari)

    def text_max(self, jam_kerja_per_hari: JamKerja = None) -> str:
        """The maximum, as the "Jumlah Waktu Penyelesaian" row prints it."""
        return format_duration(self.max, jam_kerja_per_hari=jam_kerja_per_hari)

    def text_min(self, jam_kerja_per_hari: JamKerja = None) -> str:
        return format_duration(self.min, jam_kerja_per_hari=jam_kerja_per_hari)

    def separate_units(self, jam_kerja_per_hari: JamKerja = None) -> tuple[Unit, ...]:
        """The day-like units that stay side by side in the total because they cannot be
        added together; empty when at most one is used (everything was added)."""
        n = self.normalized(jam_kerja_per_hari)
        used = set(n.min.day_units()) | set(n.max.day_units())
        units = tuple(u for u in DAY_UNITS if u in used)
        return units if len(units) > 1 else ()

    def same_as(self, other: _Ranged, jam_kerja_per_hari: JamKerja = None) -> bool:
        mine = self.normalized(jam_kerja_per_hari)
        return mine.min == other.min.normalized(
            jam_kerja_per_hari
        ) and mine.max == other.max.normalized(jam_kerja_per_hari)


def total(items: Iterable[_Ranged]) -> Total:
    """The sum of Waktu (or of Totals): minimum and maximum, exactly."""
    result = Total()
    for item in items:
        result = result + item
    return result


# --- formatting --------------------------------------------------------------------------


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


# --- parsing -----------------------------------------------------------------------------

_ONES = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
_WHOLE = {"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000}
_SCALES = {"belas": 10, "puluh": 10, "ratus": 100}
_NUMBER_WORDS = {*_ONES, *_WHOLE, *_SCALES, "ribu", "setengah"}
_UNIT_WORDS = {
    "menit": Unit.MENIT,
    "jam": Unit.JAM,
    "hari": Unit.HARI,
    "minggu": Unit.MINGGU,
    "pekan": Unit.MINGGU,
    "bulan": Unit.BULAN,
}
_SUGGEST = [*_UNIT_WORDS, "hari kerja"]

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
    |(?P<approx>±|\+\s*/\s*-|\+\s*-|kurang\s*-?\s*lebih\b|lebih\s+kurang\b|kira-kira\b
        |sekitar\b)
    |(?P<upper>paling\s+lambat\b|paling\s+lama\b|selambat-lambatnya\b|maksimal\b|maksimum\b
        |maks\b\.?|tidak\s+lebih\s+dari\b)
    |(?P<sep>s\s*\.\s*d\b\s*\.?|s\s*/\s*d\b|sd\b|sampai\s+dengan\b|sampai\b|hingga\b|[-–—~])
    |(?P<num>[0-9]+(?:[.,][0-9]+)*)
    |(?P<paren>\([^()]*\)?)
    |(?P<word>[a-z]+)
    |(?P<other>.)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Tok:
    kind: str
    raw: str


def _tokens(text: str) -> list[_Tok]:
    lowered = text.lower()
    return [
        _Tok(m.lastgroup or "other", m.group())
        for m in _TOKEN.finditer(lowered)
        if m.lastgroup != "ws"
    ]


def is_empty_waktu(text: str | None) -> bool:
    """No value, blank, or a lone dash (how a table cell says "none")."""
    return text is None or text.strip() in ("", "-", "–", "—")


def parse_waktu(text: str, *, jam_kerja_per_hari: JamKerja = None) -> Waktu:
    """Read one Waktu; raise :class:`WaktuError` with an Indonesian message otherwise.

    `jam_kerja_per_hari` only matters for a range between two compounds whose ends use
    jam/menit on one side and hari kerja on the other ("3 jam – 1 hari kerja"): it makes
    them comparable, so the range's order can be checked.
    """
    if not text or not text.strip():
        raise WaktuError(text or "", "kosong")
    return _Parser(text, _jam_kerja(jam_kerja_per_hari)).parse()


class _Parser:
    def __init__(self, text: str, length: Fraction | None = None) -> None:
        self.text = text
        self.length = length
        self.toks = _tokens(text)
        self.pos = 0

    # helpers
    def peek(self, offset: int = 0) -> _Tok | None:
        i = self.pos + offset
        return self.toks[i] if i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.pos]
        self.pos += 1
        return tok

    def fail(self, reason: str) -> WaktuError:
        return WaktuError(self.text, reason)

    def starts_number(self, tok: _Tok | None) -> bool:
        return tok is not None and (
            tok.kind == "num" or (tok.kind == "word" and tok.raw in _NUMBER_WORDS)
        )

    # grammar: qualifier* compound (SEP compound)?
    def parse(self) -> Waktu:
        approximate = upper = False
        while (tok := self.peek()) is not None and tok.kind in ("approx", "upper"):
            self.take()
            if tok.kind == "approx":
                approximate = True
            else:
                upper = True
        self.check_start()
        low, high = self.compound()
        tok = self.peek()
        if tok is not None and tok.kind == "sep":
            self.take()
            if self.peek() is None:
                raise self.fail(
                    f"rentang tidak lengkap: sesudah '{tok.raw.strip()}' harus ada waktu"
                )
            self.check_start()
            low2, high2 = self.compound()
            if low != high or low2 != high2:
                raise self.fail("rentang di dalam rentang; tulis satu rentang, mis. '1-5 hari'")
            if not low.at_most(low2, self.length):
                raise self.fail(
                    "awal rentang lebih besar dari akhirnya atau satuannya tidak dapat "
                    "dibandingkan; tulis waktu terkecil lebih dulu dengan satuan yang sama"
                )
            high = low2
        tok = self.peek()
        if tok is not None:
            self.unexpected(tok)
        return Waktu(self.text, low, high, approximate, upper)

    def check_start(self) -> None:
        tok = self.peek()
        if tok is None:
            raise self.fail("tidak ada angka dan satuan")
        if self.starts_number(tok):
            return
        nxt = self.peek(1)
        if tok.kind == "sep" and tok.raw.strip() == "-" and nxt is not None and nxt.kind == "num":
            positive = self.text.strip().lstrip("-").strip()
            raise self.fail(f"waktu tidak boleh negatif; tulis '{positive}'")
        if tok.kind == "word" and (tok.raw in _UNIT_WORDS or tok.raw == "kerja"):
            unit = self.unit_at(self.pos)
            if nxt is not None and self.starts_number(self.peek(2 if unit == "hari kerja" else 1)):
                raise self.fail(f"satuan '{unit}' harus ditulis sesudah angka, mis. '5 {unit}'")
            raise self.fail(f"angka tidak ada sebelum satuan '{unit}'")
        if tok.kind == "word":
            raise self.fail(f"waktu harus diawali angka, bukan '{tok.raw}'")
        self.unexpected(tok)

    def unit_at(self, pos: int) -> str:
        tok = self.toks[pos]
        nxt = self.toks[pos + 1] if pos + 1 < len(self.toks) else None
        if tok.raw == "hari" and nxt is not None and nxt.raw == "kerja":
            return "hari kerja"
        return tok.raw

    def unexpected(self, tok: _Tok) -> NoReturn:
        if tok.kind in ("approx", "upper"):
            raise self.fail(
                f"keterangan '{tok.raw}' harus ditulis di depan, mis. '{tok.raw} 2 hari'"
            )
        if tok.kind == "word":
            raise self.fail(f"kata '{tok.raw}' tidak dikenal")
        if tok.kind == "num":
            raise self.fail(f"angka {tok.raw} tidak diikuti satuan")
        if tok.kind == "sep":
            raise self.fail(f"tanda '{tok.raw.strip()}' tidak pada tempatnya")
        raise self.fail(f"tanda '{tok.raw}' tidak dikenal; hapus tanda itu")

    def compound(self) -> tuple[Duration, Duration]:
        low = high = Duration()
        seen: set[Unit] = set()
        while True:
            lo, hi, unit = self.part()
            if unit in seen:
                raise self.fail(f"satuan '{unit}' ditulis dua kali; gabungkan menjadi satu angka")
            seen.add(unit)
            low += Duration.of(lo, unit)
            high += Duration.of(hi, unit)
            if not self.starts_number(self.peek()):
                return low, high

    def part(self) -> tuple[Fraction, Fraction, Unit]:
        lo = hi = self.number()
        tok = self.peek()
        if tok is not None and tok.kind == "sep":
            nxt = self.peek(1)
            if nxt is None:
                raise self.fail(
                    f"rentang tidak lengkap: sesudah '{format_number(lo)}{tok.raw.strip()}' "
                    "harus ada angka, mis. '1-5 hari'"
                )
            if self.starts_number(nxt):
                self.take()
                hi = self.number()
        unit = self.unit(lo if lo == hi else None)
        if hi < lo:
            raise self.fail(
                f"rentang terbalik ({format_number(lo)} lebih besar dari {format_number(hi)}); "
                f"tulis angka kecil lebih dulu, mis. '{format_number(hi)}-{format_number(lo)} "
                f"{unit}'"
            )
        return lo, hi, unit

    def unit(self, value: Fraction | None) -> Unit:
        tok = self.peek()
        shown = f"angka {format_number(value)}" if value is not None else "rentang"
        if tok is None:
            raise self.fail(f"satuan tidak ada sesudah {shown}; mis. '5 menit' atau '1 hari'")
        if tok.kind != "word":
            if tok.kind == "sep":
                raise self.fail(
                    f"sesudah {shown} harus ada angka atau satuan, bukan '{tok.raw.strip()}'"
                )
            self.unexpected(tok)
        self.take()
        if tok.raw == "hari":
            nxt = self.peek()
            if nxt is not None and nxt.kind == "word" and nxt.raw == "kerja":
                self.take()
                return Unit.HARI_KERJA
        if tok.raw in _UNIT_WORDS:
            return _UNIT_WORDS[tok.raw]
        close = difflib.get_close_matches(tok.raw, _SUGGEST, n=1, cutoff=0.5)
        hint = f", mungkin maksudnya '{close[0]}'?" if close else ""
        raise self.fail(f"satuan '{tok.raw}' tidak dikenal{hint}")

    def number(self) -> Fraction:
        tok = self.take()
        if tok.kind == "num":
            value = self.digits(tok.raw)
            nxt = self.peek()
            if nxt is not None and nxt.kind == "paren":
                self.take()
                self.check_words(value, nxt.raw)
            return value
        words = [tok.raw]
        while (nxt := self.peek()) is not None and nxt.kind == "word" and nxt.raw in _NUMBER_WORDS:
            words.append(self.take().raw)
        return self.words(words)

    def digits(self, raw: str) -> Fraction:
        if "." in raw:
            fixed = raw.replace(".", ",")
            raise self.fail(
                f"angka '{raw}' memakai titik; tulis desimal dengan koma, mis. '{fixed}'"
            )
        if raw.count(",") > 1:
            raise self.fail(f"angka '{raw}' tidak dikenal")
        return Fraction(raw.replace(",", "."))

    def check_words(self, value: Fraction, raw: str) -> None:
        inner = raw.strip("()").strip()
        words = inner.split()
        if not raw.endswith(")") or not words or any(w not in _NUMBER_WORDS for w in words):
            raise self.fail(
                f"angka dalam kurung '{raw}' tidak dikenal; tulis mis. '1 (satu) hari kerja'"
            )
        said = self.words(words)
        if said != value:
            raise self.fail(
                f"angka {format_number(value)} tidak sama dengan yang ditulis dalam kurung "
                f"'{raw}'; samakan keduanya"
            )

    def words(self, words: list[str]) -> Fraction:
        """Indonesian number words: "dua puluh lima", "seratus dua", "satu setengah".

        Groups must come largest first (ribu, ratus, puluh/belas, satuan), each at most once.
        """
        bad = self.fail(f"angka '{' '.join(words)}' tidak dikenal")
        value = Fraction(0)
        floor = 10**6  # the next group's magnitude must be below this
        i = 0
        while i < len(words):
            word = words[i]
            nxt = words[i + 1] if i + 1 < len(words) else None
            if word == "setengah":
                if nxt is not None:
                    raise bad
                return value + Fraction(1, 2)
            if word in _WHOLE:
                amount = _WHOLE[word]
                magnitude = 10 ** (len(str(amount)) - 1)
                after = 1 if amount in (10, 11) else magnitude
                i += 1
            elif word in _ONES:
                one = _ONES[word]
                if nxt in _SCALES or nxt == "ribu":
                    if one < 2:
                        raise bad
                    if nxt == "belas":
                        amount, magnitude, after = one + 10, 10, 1
                    else:
                        magnitude = 1000 if nxt == "ribu" else _SCALES[nxt or ""]
                        amount, after = one * magnitude, magnitude
                    i += 2
                else:
                    if one == 0 and len(words) > 1:
                        raise bad
                    amount, magnitude, after = one, 1, 0
                    i += 1
            else:
                raise bad
            if magnitude >= floor:
                raise bad
            value += amount
            floor = after
        return value


# --- an SOP's steps ----------------------------------------------------------------------


@dataclass(frozen=True)
class StepTime:
    """One step's Waktu: parsed (`waktu`), unreadable (`error`) or empty (both None)."""

    index: int
    langkah: Langkah
    waktu: Waktu | None
    error: WaktuError | None
    #: The total of this step and every step before it (unreadable steps left out).
    running: Total


@dataclass(frozen=True)
class SopTimes:
    """The Waktu of every step of one SOP, the total, and the stated total checked."""

    steps: list[StepTime]
    total: Total
    jam_kerja_per_hari: Fraction | None
    #: The SOP's own `jumlah_waktu`, parsed, if written and readable.
    stated: Waktu | None = None
    stated_error: WaktuError | None = None

    @property
    def complete(self) -> bool:
        """Every non-empty step could be read, so the total means something."""
        return all(s.error is None for s in self.steps)

    @property
    def text(self) -> str:
        return self.total.text(self.jam_kerja_per_hari)

    @property
    def text_max(self) -> str:
        return self.total.text_max(self.jam_kerja_per_hari)

    @property
    def stated_matches(self) -> bool | None:
        """None when there is nothing to compare (no stated total, or unreadable steps).

        A stated single value is compared with the maximum (as the seeds print it); a
        stated range with both the minimum and the maximum.
        """
        if self.stated is None or not self.complete:
            return None
        if self.stated.is_range:
            return self.total.same_as(self.stated, self.jam_kerja_per_hari)
        n = self.jam_kerja_per_hari
        return self.stated.max.normalized(n) == self.total.max.normalized(n)

    @property
    def expected_text(self) -> str:
        """What the stated total should read: the range form if the stated one is a range."""
        if self.stated is not None and self.stated.is_range:
            return self.text
        return self.text_max

    def mixed_units(self) -> Iterator[tuple[int, Unit, int, Unit]]:
        """Steps whose day-like unit cannot be added to an earlier step's one:
        ``(step index, unit, earlier step index, earlier unit)``, once per new unit."""
        first: dict[Unit, int] = {}
        for step in self.steps:
            if step.waktu is None:
                continue
            for unit in (*step.waktu.max.day_units(), *step.waktu.min.day_units()):
                if unit in first:
                    continue
                if first:
                    earlier_unit, earlier = next(iter(first.items()))
                    yield step.index, unit, earlier, earlier_unit
                first[unit] = step.index


def compute_sop(sop: Sop, *, jam_kerja_per_hari: JamKerja = None) -> SopTimes:
    """Parse every step's Waktu of `sop`, total them and parse its stated total."""
    length = _jam_kerja(jam_kerja_per_hari)
    steps: list[StepTime] = []
    running = Total()
    for index, langkah in enumerate(sop.langkah):
        waktu: Waktu | None = None
        error: WaktuError | None = None
        if not is_empty_waktu(langkah.waktu):
            try:
                waktu = parse_waktu(langkah.waktu or "", jam_kerja_per_hari=length)
            except WaktuError as exc:
                error = exc
        if waktu is not None:
            running = running + waktu
        steps.append(StepTime(index, langkah, waktu, error, running))
    stated: Waktu | None = None
    stated_error: WaktuError | None = None
    if not is_empty_waktu(sop.jumlah_waktu):
        try:
            stated = parse_waktu(sop.jumlah_waktu or "", jam_kerja_per_hari=length)
        except WaktuError as exc:
            stated_error = exc
    return SopTimes(steps, running, length, stated, stated_error)


__all__ = [
    "BENTUK",
    "DAY_UNITS",
    "Duration",
    "SopTimes",
    "StepTime",
    "Total",
    "Unit",
    "Waktu",
    "WaktuError",
    "compute_sop",
    "format_duration",
    "format_number",
    "format_range",
    "is_empty_waktu",
    "parse_waktu",
    "total",
]
