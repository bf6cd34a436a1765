"""Waktu (Mutu Baku durations): parse them as staff write them, total them, print the total.

Pure library: no printing, no I/O. Arithmetic is exact (:class:`fractions.Fraction`), so
"0,1 jam" three times is exactly 18 menit, never 17.999. One job per module: `values` (units,
:class:`Duration`, :class:`Waktu`), `formatting` (printing), `parser` (reading what staff
write) and `totals` (sums and an SOP's step times); every public name is importable from here.

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

from sk_generator.waktu.formatting import format_duration, format_number, format_range
from sk_generator.waktu.parser import BENTUK, WaktuError, is_empty_waktu, parse_waktu
from sk_generator.waktu.totals import (
    CARA_GRAF,
    CARA_URUT,
    SopTimes,
    StepTime,
    Total,
    compute_sop,
    total,
)
from sk_generator.waktu.values import DAY_UNITS, Duration, Unit, Waktu

__all__ = [
    "BENTUK",
    "CARA_GRAF",
    "CARA_URUT",
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
