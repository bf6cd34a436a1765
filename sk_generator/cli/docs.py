"""Write docs/checks.md from the rule registry: ``python -m sk_generator.cli.docs``.

A developer command (not part of `sk-generator`): the page itself is made by
:func:`sk_generator.checks.docs.render`; this module writes or compares it and is the
only part that talks to the terminal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sk_generator.checks.docs import DEFAULT_PATH, render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sk_generator.cli.docs",
        description="Tulis docs/checks.md dari registri aturan pemeriksaan.",
    )
    parser.add_argument("berkas", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument(
        "--periksa",
        action="store_true",
        help="jangan menulis; keluar dengan kode 1 bila berkas tidak sama dengan registri",
    )
    args = parser.parse_args(argv)
    text = render()
    path: Path = args.berkas
    if args.periksa:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{path} usang; jalankan `python -m sk_generator.cli.docs`", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
