"""Sums of Waktu: a :class:`Total` (minimum and maximum) and the times of an SOP's steps."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from fractions import Fraction

from sk_generator.model.alur import is_graph
from sk_generator.model.documents import Langkah, Sop
from sk_generator.waktu.formatting import format_duration, format_range
from sk_generator.waktu.parser import WaktuError, is_empty_waktu, parse_waktu
from sk_generator.waktu.paths import path_totals, running_paths
from sk_generator.waktu.values import (
    DAY_UNITS,
    Duration,
    JamKerja,
    Ranged,
    Unit,
    Waktu,
    exact_jam_kerja,
)


@dataclass(frozen=True)
class Total:
    """A sum of Waktu: the minimum (ranges at their lower bound) and the maximum."""

    min: Duration = field(default_factory=Duration)
    max: Duration = field(default_factory=Duration)

    def __add__(self, other: Ranged) -> Total:
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

    def same_as(self, other: Ranged, jam_kerja_per_hari: JamKerja = None) -> bool:
        mine = self.normalized(jam_kerja_per_hari)
        return mine.min == other.min.normalized(
            jam_kerja_per_hari
        ) and mine.max == other.max.normalized(jam_kerja_per_hari)


def total(items: Iterable[Ranged]) -> Total:
    """The sum of Waktu (or of Totals): minimum and maximum, exactly."""
    result = Total()
    for item in items:
        result = result + item
    return result


@dataclass(frozen=True)
class StepTime:
    """One step's Waktu: parsed (`waktu`), unreadable (`error`) or empty (both None)."""

    index: int
    langkah: Langkah
    waktu: Waktu | None
    error: WaktuError | None
    #: The total of this step and every step before it (unreadable steps left out); in
    #: an SOP written as a graph, the time from the start until this step is done along
    #: the arrows (see `waktu.paths.running_paths`), None for a step no path reaches.
    running: Total | None


@dataclass(frozen=True)
class SopTimes:
    """The Waktu of every step of one SOP, the total, and the stated total checked."""

    steps: list[StepTime]
    total: Total
    jam_kerja_per_hari: Fraction | None
    #: The SOP's own `jumlah_waktu`, parsed, if written and readable.
    stated: Waktu | None = None
    stated_error: WaktuError | None = None
    #: How the total was counted, in the words `waktu` prints (see :data:`CARA`).
    cara: str = ""

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


def _read(text: str | None, length: Fraction | None) -> tuple[Waktu | None, WaktuError | None]:
    """One Waktu cell: (value, None), (None, the error), or (None, None) when left empty."""
    if is_empty_waktu(text):
        return None, None
    try:
        return parse_waktu(text or "", jam_kerja_per_hari=length), None
    except WaktuError as exc:
        return None, exc


def compute_sop(sop: Sop, *, jam_kerja_per_hari: JamKerja = None) -> SopTimes:
    """Parse every step's Waktu of `sop`, total them and parse its stated total."""
    length = exact_jam_kerja(jam_kerja_per_hari)
    steps: list[StepTime] = []
    running = Total()
    for index, langkah in enumerate(sop.langkah):
        waktu, error = _read(langkah.waktu, length)
        if waktu is not None:
            running = running + waktu
        steps.append(StepTime(index, langkah, waktu, error, running))
    stated, stated_error = _read(sop.jumlah_waktu, length)
    if not is_graph(sop):
        return SopTimes(steps, running, length, stated, stated_error, CARA_URUT)
    times = [s.waktu for s in steps]
    low, high = path_totals(sop, times, length)
    ways = running_paths(sop, times, length)
    steps = [
        dataclasses.replace(s, running=None if way is None else Total(*way))
        for s, way in zip(steps, ways, strict=True)
    ]
    return SopTimes(steps, Total(low, high), length, stated, stated_error, CARA_GRAF)


#: How a linear SOP's total is counted (every step once, in order).
CARA_URUT = "jumlah waktu semua langkah"
#: How an SOP written as a graph (`lanjut`) is counted.
CARA_GRAF = (
    "jalur terpanjang dari langkah pertama sampai simbol Selesai (terkecil: jalur "
    "terpendek); cabang simultan dihitung sekali (yang terlama); panah kembali ke langkah "
    "sebelumnya tidak dihitung lagi"
)
