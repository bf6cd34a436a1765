"""Run `sk-generator ARGS` and kill it with SIGKILL at its N-th file-system change under
a folder: ``python -m tests.reliability.killed N FOLDER ARGS...`` (N = 0: never; the
number of changes is then printed on stderr as ``changes: K``).

SIGKILL cannot be caught: nothing after that instant runs (no `finally`, no cleanup),
which is what a power cut or the out-of-memory killer does to a build.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from sk_generator.cli import main as cli_main
from tests.reliability.faults import Injector, injecting


def main() -> None:
    number, folder, *args = sys.argv[1:]
    seen = 0

    def before_change() -> None:
        nonlocal seen
        seen += 1
        if seen == int(number):
            os.kill(os.getpid(), signal.SIGKILL)

    with injecting(Injector([Path(folder).resolve()], snapshot=before_change)):
        try:
            cli_main(args)
        finally:
            print(f"changes: {seen}", file=sys.stderr)


if __name__ == "__main__":
    main()
