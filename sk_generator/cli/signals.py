"""Stopping a build cleanly on SIGTERM, SIGHUP (terminal closed) and SIGINT (Ctrl-C).

Python's default for SIGTERM and SIGHUP ends the process on the spot: no `finally`
runs, so LibreOffice (in its own process group, out of the terminal's reach) would keep
running and the temporary folders would stay. Here each of the three signals raises
:class:`Interrupted` in the build instead; the library's cleanup (kill the soffice
process groups, stop the render workers, remove the scratch and staging folders) then
runs as for any exception, and the CLI exits with 128 + the signal number.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_SIGNALS = ("SIGTERM", "SIGHUP", "SIGINT")


class Interrupted(KeyboardInterrupt):
    """The build was stopped by a signal (a KeyboardInterrupt, so click treats it so)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def message(self) -> str:
        return (
            f"Dihentikan ({signal.Signals(self.signum).name}). LibreOffice sudah dihentikan "
            "dan folder sementara dihapus; setiap folder dokumen berisi hasil lama atau "
            "hasil baru yang lengkap."
        )


@contextmanager
def stopping_on_signals() -> Iterator[None]:
    """Within the block, the first SIGTERM, SIGHUP or SIGINT raises :class:`Interrupted`;
    later ones are ignored so that the cleanup it starts can finish."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set in the main thread
        return
    raised = False

    def handler(signum: int, frame: FrameType | None) -> None:
        nonlocal raised
        if raised:
            return
        raised = True
        raise Interrupted(signum)

    numbers = [getattr(signal, name) for name in _SIGNALS if hasattr(signal, name)]
    previous = {number: signal.signal(number, handler) for number in numbers}
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)
