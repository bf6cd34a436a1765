"""Jumlah Waktu of an SOP drawn as a graph: the longest and the shortest path to an end,
and each step's running total along the arrows (:func:`running_paths`).

A linear SOP adds every step once (:func:`~sk_generator.waktu.totals.compute_sop`). When the
flow is written as a graph (`lanjut`, see :mod:`sk_generator.model.alur`):

- a choice (a decision, or several `lanjut` without `simultan`) takes one branch: the
  maximum follows the longest branch, the minimum the shortest, so the total is a range;
- a `simultan` fork runs all its branches at the same time: the longest branch counts, once,
  in both the minimum and the maximum (every branch must finish);
- an arrow back to a step already on the path (a rework loop, a decision waiting on itself)
  is not counted again: Mutu Baku states the time of a step done once.

Branches are compared as a whole, so the total is always the time of a path the procedure
can take: by their length in minutes, a calendar day 24 jam, a working day the SOP's
`jam_kerja_per_hari` (8 jam when not given), a week 7 days and a month 30 days. That is only
for choosing the branch; the total keeps each unit as written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

from sk_generator.model.alur import successors
from sk_generator.model.documents import Sop
from sk_generator.waktu.values import Duration, Waktu

Pick = Callable[[Duration, Duration], Duration]


def _minutes(duration: Duration, length: Fraction | None) -> Fraction:
    """A length to compare branches by (not printed): see the module docstring."""
    day = Fraction(24 * 60)
    working_day = (length if length is not None else Fraction(8)) * 60
    return (
        duration.menit
        + duration.hari * day
        + duration.hari_kerja * working_day
        + duration.minggu * 7 * day
        + duration.bulan * 30 * day
    )


def _larger(length: Fraction | None) -> Pick:
    def pick(a: Duration, b: Duration) -> Duration:
        return b if _minutes(b, length) > _minutes(a, length) else a

    return pick


def _smaller(length: Fraction | None) -> Pick:
    def pick(a: Duration, b: Duration) -> Duration:
        return b if _minutes(b, length) < _minutes(a, length) else a

    return pick


def path_totals(
    sop: Sop, times: Sequence[Waktu | None], length: Fraction | None
) -> tuple[Duration, Duration]:
    """(shortest, longest) time from the first step to an end of `sop`'s flow graph;
    `times[i]` is step i's Waktu (None when empty or unreadable: counted as nothing)."""
    graph = successors(sop)
    larger, smaller = _larger(length), _smaller(length)
    done: dict[int, tuple[Duration, Duration]] = {}
    on_path: set[int] = set()

    def visit(step: int) -> tuple[Duration, Duration]:
        if step in done:
            return done[step]
        on_path.add(step)
        branches = [visit(n) for n in graph[step] if n not in on_path]
        on_path.discard(step)
        low, high = _combine(branches, sop.langkah[step].simultan, larger, smaller)
        own = times[step]
        if own is not None:
            low, high = low + own.min, high + own.max
        done[step] = (low, high)
        return low, high

    return visit(0)


def _combine(
    branches: list[tuple[Duration, Duration]], together: bool, larger: Pick, smaller: Pick
) -> tuple[Duration, Duration]:
    if not branches:
        return Duration(), Duration()
    high = branches[0][1]
    low = branches[0][0]
    for b_low, b_high in branches[1:]:
        high = larger(high, b_high)
        low = larger(low, b_low) if together else smaller(low, b_low)
    return low, high


def _forward(graph: list[list[int]]) -> tuple[list[int], list[list[int]]]:
    """The steps reached from the first, in an order where every step comes after the
    steps leading to it, and each step's predecessors along forward arrows (an arrow
    back to a step already on the path, a rework loop, is left out as in `path_totals`)."""
    order: list[int] = []
    preds: list[list[int]] = [[] for _ in graph]
    state = [0] * len(graph)  # 0 unseen, 1 on the path, 2 done

    def visit(step: int) -> None:
        state[step] = 1
        for nxt in graph[step]:
            if state[nxt] == 1:
                continue  # back arrow
            preds[nxt].append(step)
            if state[nxt] == 0:
                visit(nxt)
        state[step] = 2
        order.append(step)

    visit(0)
    return order[::-1], preds


def _reach(graph: list[list[int]], preds: list[list[int]], start: int) -> set[int]:
    """The steps reached from `start` along forward arrows (`start` included)."""
    seen, todo = {start}, [start]
    while todo:
        step = todo.pop()
        for nxt in graph[step]:
            if step in preds[nxt] and nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _joins(sop: Sop, graph: list[list[int]], preds: list[list[int]]) -> set[int]:
    """Steps where the branches of a `simultan` fork meet: a step with arrows from two
    different branches (each arrow reached from one branch and not from the other).
    Such a step starts when every branch has finished."""
    joins: set[int] = set()
    for fork, langkah in enumerate(sop.langkah):
        branches = [b for b in graph[fork] if fork in preds[b]]
        if not langkah.simultan or len(branches) < 2:
            continue
        reach = {b: _reach(graph, preds, b) for b in branches}
        for step in set().union(*reach.values()):
            # The branches each arrow into `step` comes from (the fork's own arrow: the
            # branch that is `step` itself).
            owners = [
                {step} if p == fork else {b for b in branches if p in reach[b]} for p in preds[step]
            ]
            if any(a != b and len(a) == len(b) == 1 for a in owners for b in owners):
                joins.add(step)
    return joins


def running_paths(
    sop: Sop, times: Sequence[Waktu | None], length: Fraction | None
) -> list[tuple[Duration, Duration] | None]:
    """For each step, the (shortest, longest) time from the start of the flow until the
    step is done, following the arrows (None for a step no path reaches).

    After a choice the ways in give a range (shortest and longest way); where the
    branches of a `simultan` fork meet, every branch must finish, so the longest way in
    counts for both. A linear SOP is never counted here (see `compute_sop`).
    """
    graph = successors(sop)
    order, preds = _forward(graph)
    joins = _joins(sop, graph, preds)
    larger, smaller = _larger(length), _smaller(length)
    done: list[tuple[Duration, Duration] | None] = [None] * len(graph)
    for step in order:
        ways = [way for p in preds[step] if (way := done[p]) is not None]
        low, high = _combine(ways, step in joins, larger, smaller)
        own = times[step]
        if own is not None:
            low, high = low + own.min, high + own.max
        done[step] = (low, high)
    return done


__all__ = ["path_totals", "running_paths"]
