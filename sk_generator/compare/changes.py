"""The change list of one document and the comparisons that produce it.

A change is told in document terms, as the signing official reads a *matriks perubahan*:
where (``Lampiran 1, langkah 3, Waktu``), what it was (Semula), what it becomes (Menjadi)
and a note (Keterangan). Lists (Menimbang, Mengingat, langkah) are aligned with difflib,
so inserting one item reports one addition, not a change of every item after it.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

Jenis = Literal["ubah", "tambah", "hapus"]


@dataclass(frozen=True)
class Perubahan:
    """One change: `semula` is "" for an addition, `menjadi` "" for a removal."""

    bagian: str
    semula: str
    menjadi: str
    jenis: Jenis = "ubah"
    keterangan: str = ""
    #: Short forms for the one-line text (a citation without its title, a signer's name
    #: without the jabatan, pangkat and NIP lines); "" = the full value.
    singkat_semula: str = ""
    singkat_menjadi: str = ""

    def teks(self) -> str:
        """One line: ``Bagian: semula -> menjadi``, ``Bagian: + item``, ``Bagian: - item``."""
        before = self.singkat_semula or self.semula
        after = self.singkat_menjadi or self.menjadi
        if self.jenis == "tambah":
            line = f"{self.bagian}: + {after}"
        elif self.jenis == "hapus":
            line = f"{self.bagian}: - {before}"
        else:
            line = f"{self.bagian}: {before or '(kosong)'} -> {after or '(kosong)'}"
        return f"{line} ({self.keterangan})" if self.keterangan else line


@dataclass(frozen=True)
class Butir:
    """An item of a list section: its full text and, optionally, a short form."""

    teks: str
    ringkas: str = ""


@dataclass
class Catatan:
    """Collects the changes of one document in document order."""

    items: list[Perubahan] = field(default_factory=list)

    def nilai(self, bagian: str, semula: str | None, menjadi: str | None, note: str = "") -> None:
        """A single value; None or "" is an empty value."""
        before, after = semula or "", menjadi or ""
        if before != after:
            self.items.append(Perubahan(bagian, before, after, "ubah", note))

    def daftar(
        self,
        bagian: str,
        label: Callable[[int], str],
        semula: Sequence[Butir],
        menjadi: Sequence[Butir],
    ) -> None:
        """A numbered list; `label(i)` names item i (0-based) as printed: "huruf b"."""
        for kind, old, new in align([b.teks for b in semula], [b.teks for b in menjadi]):
            if kind == "ubah":
                assert old is not None and new is not None
                self.items.append(
                    Perubahan(f"{bagian} {label(new)}", semula[old].teks, menjadi[new].teks)
                )
            elif kind == "tambah":
                assert new is not None
                item = menjadi[new]
                self.items.append(
                    Perubahan(
                        f"{bagian} {label(new)}",
                        "",
                        item.teks,
                        "tambah",
                        singkat_menjadi=item.ringkas,
                    )
                )
            else:
                assert old is not None
                item = semula[old]
                note = f"semula {label(old)}"
                self.items.append(
                    Perubahan(bagian, item.teks, "", "hapus", note, singkat_semula=item.ringkas)
                )


Langkah = tuple[str, int | None, int | None]


def align(old: Sequence[str], new: Sequence[str]) -> Iterator[Langkah]:
    """(kind, old index, new index) for every item that differs, in the new order."""
    return (step for step in pairs(old, new) if step[0] != "sama")


def pairs(old: Sequence[str], new: Sequence[str]) -> Iterator[Langkah]:
    """Every item aligned: ("sama", i, j) for equal items (a step whose kegiatan is equal
    may still differ in other fields), ("ubah", i, j) where a block was replaced by one of
    the same length (item by item), and "tambah"/"hapus" for the extra items."""
    matcher = difflib.SequenceMatcher(a=list(old), b=list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                yield "sama", i1 + k, j1 + k
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(paired):
            yield "ubah", i1 + k, j1 + k
        for k in range(i1 + paired, i2):
            yield "hapus", k, None
        for k in range(j1 + paired, j2):
            yield "tambah", None, k
