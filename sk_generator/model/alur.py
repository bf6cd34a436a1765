"""The flow of an SOP as a graph: which steps each step leads to.

One reading of the data for every consumer (checks, Waktu totals, the flowchart, the
importer mapping into this model), so they can never disagree about an arrow.

Fields of :class:`~sk_generator.model.documents.Langkah` that shape the graph:

- ``keputusan`` (a decision): ``ya`` (absent = the next step) and ``tidak``; a target may
  be the decision itself (waiting until the file is complete).
- ``lanjut``: absent = the next step in order (so files written before the graph model keep
  their meaning); one number = a jump; several = a fork; ``[]`` = an end (a terminator).
- ``simultan``: the fork's branches all run at the same time (else one of them is taken).

The last step leads nowhere unless its ``lanjut`` says otherwise. Targets outside the SOP
are left out here (SOP-ALUR and SOP-CABANG report them).
"""

from __future__ import annotations

from sk_generator.model.documents import Langkah, Sop


def targets(langkah: Langkah, index: int, count: int) -> list[int]:
    """The 1-based step numbers step `index` (0-based) leads to, as written or by default."""
    cabang = langkah.keputusan
    if cabang is not None:
        ya = cabang.ya if cabang.ya is not None else index + 2
        return list(dict.fromkeys([ya, cabang.tidak]))
    if langkah.lanjut is not None:
        return list(dict.fromkeys(langkah.lanjut))
    return [] if index == count - 1 else [index + 2]


def successors(sop: Sop) -> list[list[int]]:
    """For each step (0-based), the steps (0-based) it leads to inside the SOP."""
    count = len(sop.langkah)
    return [
        [t - 1 for t in targets(langkah, index, count) if 1 <= t <= count]
        for index, langkah in enumerate(sop.langkah)
    ]


def is_graph(sop: Sop) -> bool:
    """True when the SOP writes its flow explicitly (`lanjut` or `simultan` somewhere).

    Only such SOPs have their Jumlah Waktu counted along paths; an SOP without them is
    counted as it always was (every step once), so existing totals never change.
    """
    return any(lk.lanjut is not None or lk.simultan for lk in sop.langkah)


def ends(sop: Sop) -> list[int]:
    """The steps (0-based) where the flow ends: drawn as terminators ("Selesai")."""
    return [index for index, nexts in enumerate(successors(sop)) if not nexts]


__all__ = ["ends", "is_graph", "successors", "targets"]
