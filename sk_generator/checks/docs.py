"""docs/checks.md from the rule registry (written by ``python -m sk_generator.cli.docs``).

The page is for staff, so it is Indonesian throughout: it lists every rule of
`sk-generator check` by family, with its code, severity, title, explanation (the rule's
`penjelasan`, not its English docstring) and a wrong and a right example. A test compares
it with :func:`render`, so the page cannot drift from the code; the command's ``--periksa``
does the same from the command line (exit 1 when the file is stale).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from sk_generator.checks.registry import REGISTRY, Rule

#: Where the page lives in a source checkout.
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "docs" / "checks.md"

#: Family headings by module (the module a rule is written in), in page order.
FAMILIES: dict[str, str] = {
    "hukum": "Rujukan hukum (Mengingat, Memperhatikan, Dasar Hukum)",
    "menimbang": "Menimbang",
    "tanggal": "Tanggal dan lampiran",
    "nomor": "Nomor naskah",
    "pejabat": "NIP dan pangkat",
    "sop_flow": "Alur SOP",
    "mutu": "Mutu Baku",
    "waktu": "Waktu",
    "teks": "Teks",
}

_SEVERITY = {"error": "kesalahan (error)", "warning": "peringatan (warning)"}

#: Width the explanations are wrapped to, like the hand-written parts of the page.
_WIDTH = 92
#: A line starting like this would turn into a list, heading or quote in Markdown.
_BLOCK_START = re.compile(r"^(?:[-+*>#|]|\d+[.)])(?:\s|$)")

_INTRO = """\
# Aturan pemeriksaan (`sk-generator check`)

<!-- Dibuat otomatis dari registri aturan (sk_generator/checks/). Jangan diedit langsung:
     jalankan `python -m sk_generator.cli.docs`. -->

`sk-generator check BERKAS_ATAU_FOLDER...` memeriksa data dan mencetak setiap masalah pada
satu baris:

```
data/sintang/sk-sop-data-kinerja.yaml:23:9: error[KODE] lampiran[1].langkah[3].pelaksana: pesan
```

- **error** (kesalahan): dokumen belum boleh dicetak; `check` keluar dengan kode 1.
- **warning** (peringatan): perlu diperhatikan, tidak menggagalkan `check`; dengan
  `--strict` peringatan juga menggagalkan (kode keluar 1).

Masalah pada data pejabat (NIP, pangkat) dilaporkan di `pejabat.yaml`, di baris pejabat
itu, karena di sanalah diperbaiki.

## Mematikan aturan untuk satu berkas

Tulis baris komentar di mana saja dalam berkas YAML, dengan satu kode atau lebih
(dipisah koma atau spasi):

```yaml
# sk-generator: abaikan NOMOR-BENTUK, TEKS-SPASI
```

Aturan itu tidak dijalankan untuk berkas tersebut. Untuk masalah yang dilaporkan di
berkas lain (mis. NIP di `pejabat.yaml`), komentar itu ditulis di berkas tempat masalah
dilaporkan. Tulis juga alasannya pada komentar di atasnya, agar pembaca berikutnya tahu
mengapa aturan itu dimatikan.
"""


def _family(current: Rule) -> str:
    return current.func.__module__.rsplit(".", 1)[-1]


def _paragraph(text: str) -> str:
    """`text` wrapped to the page width, or on one line where wrapping would start a line
    with Markdown block syntax ("- ", "1. ", "# ")."""
    lines = textwrap.wrap(text, _WIDTH, break_long_words=False, break_on_hyphens=False)
    if any(_BLOCK_START.match(line) for line in lines[1:]):
        return text
    return "\n".join(lines)


def _rule_section(current: Rule) -> str:
    lines = [
        f"### {current.code}",
        "",
        f"**{current.title}** · {_SEVERITY[current.severity.value]}",
        "",
        _paragraph(current.penjelasan),
        "",
        "Salah:",
        "",
        "```yaml",
        current.wrong,
        "```",
        "",
        "Benar:",
        "",
        "```yaml",
        current.right,
        "```",
        "",
    ]
    return "\n".join(lines)


def render() -> str:
    """The whole of docs/checks.md for the rules registered now."""
    by_family: dict[str, list[Rule]] = {}
    for current in REGISTRY.values():
        by_family.setdefault(_family(current), []).append(current)
    order = [f for f in FAMILIES if f in by_family] + sorted(set(by_family) - set(FAMILIES))
    out = [_INTRO, "## Daftar aturan", ""]
    out.append("| kode | jenis | aturan |")
    out.append("| --- | --- | --- |")
    for family in order:
        for current in by_family[family]:
            anchor = current.code.lower()
            out.append(
                f"| [{current.code}](#{anchor}) | {current.severity.value} | {current.title} |"
            )
    out.append("")
    for family in order:
        out.append(f"## {FAMILIES.get(family, family)}")
        out.append("")
        out.extend(_rule_section(current) for current in by_family[family])
    return "\n".join(out).rstrip("\n") + "\n"
