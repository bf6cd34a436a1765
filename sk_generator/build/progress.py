"""Progress of a build, reported to the caller (the CLI draws a bar from it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

#: "wait": another build is writing into the same output folder (see lock.py).
Stage = Literal["wait", "render", "convert", "bundle"]


@dataclass(frozen=True)
class Progress:
    """Where a build is: `done` of `total` steps (render each document, convert each
    part, bundle and write each document); `stage` is the current one."""

    stage: Stage
    done: int
    total: int


class StepCounter:
    """Counts steps and reports them; never goes backwards."""

    def __init__(self, callback: Callable[[Progress], None] | None, total: int) -> None:
        self.callback = callback
        self.total = total
        self.done = 0

    def advance(self, stage: Stage) -> None:
        self.set(stage, self.done + 1)

    def set(self, stage: Stage, done: int) -> None:
        self.done = max(self.done, done)
        if self.callback is not None:
            self.callback(Progress(stage, self.done, self.total))
