"""Run `sk-generator ARGS...` and write this process's peak RSS (KiB) to a file at exit.

Usage: python benchmarks/_child.py RSS_FILE ARGS...  (used by benchmarks/run.py for (e)).
RUSAGE_SELF counts this Python process only, not the soffice processes it waits for.
"""

from __future__ import annotations

import atexit
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _write_rss(path: Path) -> None:
    path.write_text(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


if __name__ == "__main__":
    atexit.register(_write_rss, Path(sys.argv[1]))
    from sk_generator.cli import main

    main(sys.argv[2:])
