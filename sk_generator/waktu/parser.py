"""Read a Waktu as staff write it ("1-5 hari", "1 (satu) hari kerja", "± 30 menit").

The accepted forms are listed in the package docstring (:mod:`sk_generator.waktu`); every
refusal is an Indonesian :class:`WaktuError` that names the fix and lists those forms.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import NoReturn

from sk_generator.waktu.formatting import format_number
from sk_generator.waktu.values import Duration, JamKerja, Unit, Waktu, exact_jam_kerja

#: The accepted forms, appended to every parse error so staff see what to write.
BENTUK = (
    "Tulis angka lalu satuan (menit, jam, hari, hari kerja, minggu, bulan), mis. '15 menit', "
    "'1 jam 30 menit', '1-5 hari', '1,5 jam', '1 (satu) hari kerja', '± 30 menit', "
    "'paling lambat 2 hari'."
)


class WaktuError(ValueError):
    """A Waktu that cannot be read; `str()` is the full Indonesian message with the forms."""

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        if text.strip():
            end = " " if reason.endswith(("?", ".")) else ". "
            message = f"waktu '{text.strip()}' tidak dapat dibaca: {reason}{end}{BENTUK}"
        else:
            message = f"waktu kosong. {BENTUK}"
        super().__init__(message)


_ONES = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
_WHOLE = {"sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000}
_SCALES = {"belas": 10, "puluh": 10, "ratus": 100}
_NUMBER_WORDS = {*_ONES, *_WHOLE, *_SCALES, "ribu", "setengah"}
_UNIT_WORDS = {
    "menit": Unit.MENIT,
    "jam": Unit.JAM,
    "hari": Unit.HARI,
    "minggu": Unit.MINGGU,
    "pekan": Unit.MINGGU,
    "bulan": Unit.BULAN,
}
_SUGGEST = [*_UNIT_WORDS, "hari kerja"]

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
    |(?P<approx>±|\+\s*/\s*-|\+\s*-|kurang\s*-?\s*lebih\b|lebih\s+kurang\b|kira-kira\b
        |sekitar\b)
    |(?P<upper>paling\s+lambat\b|paling\s+lama\b|selambat-lambatnya\b|maksimal\b|maksimum\b
        |maks\b\.?|tidak\s+lebih\s+dari\b)
    |(?P<sep>s\s*\.\s*d\b\s*\.?|s\s*/\s*d\b|sd\b|sampai\s+dengan\b|sampai\b|hingga\b|[-–—~])
    |(?P<num>[0-9]+(?:[.,][0-9]+)*)
    |(?P<paren>\([^()]*\)?)
    |(?P<word>[a-z]+)
    |(?P<other>.)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Tok:
    kind: str
    raw: str


def _tokens(text: str) -> list[_Tok]:
    lowered = text.lower()
    return [
        _Tok(m.lastgroup or "other", m.group())
        for m in _TOKEN.finditer(lowered)
        if m.lastgroup != "ws"
    ]


def is_empty_waktu(text: str | None) -> bool:
    """No value, blank, or a lone dash (how a table cell says "none")."""
    return text is None or text.strip() in ("", "-", "–", "—")


def parse_waktu(text: str, *, jam_kerja_per_hari: JamKerja = None) -> Waktu:
    """Read one Waktu; raise :class:`WaktuError` with an Indonesian message otherwise.

    `jam_kerja_per_hari` only matters for a range between two compounds whose ends use
    jam/menit on one side and hari kerja on the other ("3 jam – 1 hari kerja"): it makes
    them comparable, so the range's order can be checked.
    """
    if not text or not text.strip():
        raise WaktuError(text or "", "kosong")
    return _Parser(text, exact_jam_kerja(jam_kerja_per_hari)).parse()


class _Parser:
    def __init__(self, text: str, length: Fraction | None = None) -> None:
        self.text = text
        self.length = length
        self.toks = _tokens(text)
        self.pos = 0

    # helpers
    def peek(self, offset: int = 0) -> _Tok | None:
        i = self.pos + offset
        return self.toks[i] if i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.pos]
        self.pos += 1
        return tok

    def fail(self, reason: str) -> WaktuError:
        return WaktuError(self.text, reason)

    def starts_number(self, tok: _Tok | None) -> bool:
        return tok is not None and (
            tok.kind == "num" or (tok.kind == "word" and tok.raw in _NUMBER_WORDS)
        )

    # grammar: qualifier* compound (SEP compound)?
    def parse(self) -> Waktu:
        approximate = upper = False
        while (tok := self.peek()) is not None and tok.kind in ("approx", "upper"):
            self.take()
            if tok.kind == "approx":
                approximate = True
            else:
                upper = True
        self.check_start()
        low, high = self.compound()
        tok = self.peek()
        if tok is not None and tok.kind == "sep":
            self.take()
            if self.peek() is None:
                raise self.fail(
                    f"rentang tidak lengkap: sesudah '{tok.raw.strip()}' harus ada waktu"
                )
            self.check_start()
            low2, high2 = self.compound()
            if low != high or low2 != high2:
                raise self.fail("rentang di dalam rentang; tulis satu rentang, mis. '1-5 hari'")
            if not low.at_most(low2, self.length):
                raise self.fail(
                    "awal rentang lebih besar dari akhirnya atau satuannya tidak dapat "
                    "dibandingkan; tulis waktu terkecil lebih dulu dengan satuan yang sama"
                )
            high = low2
        tok = self.peek()
        if tok is not None:
            self.unexpected(tok)
        return Waktu(self.text, low, high, approximate, upper)

    def check_start(self) -> None:
        tok = self.peek()
        if tok is None:
            raise self.fail("tidak ada angka dan satuan")
        if self.starts_number(tok):
            return
        nxt = self.peek(1)
        if tok.kind == "sep" and tok.raw.strip() == "-" and nxt is not None and nxt.kind == "num":
            positive = self.text.strip().lstrip("-").strip()
            raise self.fail(f"waktu tidak boleh negatif; tulis '{positive}'")
        if tok.kind == "word" and (tok.raw in _UNIT_WORDS or tok.raw == "kerja"):
            unit = self.unit_at(self.pos)
            if nxt is not None and self.starts_number(self.peek(2 if unit == "hari kerja" else 1)):
                raise self.fail(f"satuan '{unit}' harus ditulis sesudah angka, mis. '5 {unit}'")
            raise self.fail(f"angka tidak ada sebelum satuan '{unit}'")
        if tok.kind == "word":
            raise self.fail(f"waktu harus diawali angka, bukan '{tok.raw}'")
        self.unexpected(tok)

    def unit_at(self, pos: int) -> str:
        tok = self.toks[pos]
        nxt = self.toks[pos + 1] if pos + 1 < len(self.toks) else None
        if tok.raw == "hari" and nxt is not None and nxt.raw == "kerja":
            return "hari kerja"
        return tok.raw

    def unexpected(self, tok: _Tok) -> NoReturn:
        if tok.kind in ("approx", "upper"):
            raise self.fail(
                f"keterangan '{tok.raw}' harus ditulis di depan, mis. '{tok.raw} 2 hari'"
            )
        if tok.kind == "word":
            raise self.fail(f"kata '{tok.raw}' tidak dikenal")
        if tok.kind == "num":
            raise self.fail(f"angka {tok.raw} tidak diikuti satuan")
        if tok.kind == "sep":
            raise self.fail(f"tanda '{tok.raw.strip()}' tidak pada tempatnya")
        raise self.fail(f"tanda '{tok.raw}' tidak dikenal; hapus tanda itu")

    def compound(self) -> tuple[Duration, Duration]:
        low = high = Duration()
        seen: set[Unit] = set()
        while True:
            lo, hi, unit = self.part()
            if unit in seen:
                raise self.fail(f"satuan '{unit}' ditulis dua kali; gabungkan menjadi satu angka")
            seen.add(unit)
            low += Duration.of(lo, unit)
            high += Duration.of(hi, unit)
            if not self.starts_number(self.peek()):
                return low, high

    def part(self) -> tuple[Fraction, Fraction, Unit]:
        lo = hi = self.number()
        tok = self.peek()
        if tok is not None and tok.kind == "sep":
            nxt = self.peek(1)
            if nxt is None:
                raise self.fail(
                    f"rentang tidak lengkap: sesudah '{format_number(lo)}{tok.raw.strip()}' "
                    "harus ada angka, mis. '1-5 hari'"
                )
            if self.starts_number(nxt):
                self.take()
                hi = self.number()
        unit = self.unit(lo if lo == hi else None)
        if hi < lo:
            raise self.fail(
                f"rentang terbalik ({format_number(lo)} lebih besar dari {format_number(hi)}); "
                f"tulis angka kecil lebih dulu, mis. '{format_number(hi)}-{format_number(lo)} "
                f"{unit}'"
            )
        return lo, hi, unit

    def unit(self, value: Fraction | None) -> Unit:
        tok = self.peek()
        shown = f"angka {format_number(value)}" if value is not None else "rentang"
        if tok is None:
            raise self.fail(f"satuan tidak ada sesudah {shown}; mis. '5 menit' atau '1 hari'")
        if tok.kind != "word":
            if tok.kind == "sep":
                raise self.fail(
                    f"sesudah {shown} harus ada angka atau satuan, bukan '{tok.raw.strip()}'"
                )
            self.unexpected(tok)
        self.take()
        if tok.raw == "hari":
            nxt = self.peek()
            if nxt is not None and nxt.kind == "word" and nxt.raw == "kerja":
                self.take()
                return Unit.HARI_KERJA
        if tok.raw in _UNIT_WORDS:
            return _UNIT_WORDS[tok.raw]
        close = difflib.get_close_matches(tok.raw, _SUGGEST, n=1, cutoff=0.5)
        hint = f", mungkin maksudnya '{close[0]}'?" if close else ""
        raise self.fail(f"satuan '{tok.raw}' tidak dikenal{hint}")

    def number(self) -> Fraction:
        tok = self.take()
        if tok.kind == "num":
            value = self.digits(tok.raw)
            nxt = self.peek()
            if nxt is not None and nxt.kind == "paren":
                self.take()
                self.check_words(value, nxt.raw)
            return value
        words = [tok.raw]
        while (nxt := self.peek()) is not None and nxt.kind == "word" and nxt.raw in _NUMBER_WORDS:
            words.append(self.take().raw)
        return self.words(words)

    def digits(self, raw: str) -> Fraction:
        if "." in raw:
            fixed = raw.replace(".", ",")
            raise self.fail(
                f"angka '{raw}' memakai titik; tulis desimal dengan koma, mis. '{fixed}'"
            )
        if raw.count(",") > 1:
            raise self.fail(f"angka '{raw}' tidak dikenal")
        return Fraction(raw.replace(",", "."))

    def check_words(self, value: Fraction, raw: str) -> None:
        inner = raw.strip("()").strip()
        words = inner.split()
        if not raw.endswith(")") or not words or any(w not in _NUMBER_WORDS for w in words):
            raise self.fail(
                f"angka dalam kurung '{raw}' tidak dikenal; tulis mis. '1 (satu) hari kerja'"
            )
        said = self.words(words)
        if said != value:
            raise self.fail(
                f"angka {format_number(value)} tidak sama dengan yang ditulis dalam kurung "
                f"'{raw}'; samakan keduanya"
            )

    def words(self, words: list[str]) -> Fraction:
        """Indonesian number words: "dua puluh lima", "seratus dua", "satu setengah".

        Groups must come largest first (ribu, ratus, puluh/belas, satuan), each at most once.
        """
        bad = self.fail(f"angka '{' '.join(words)}' tidak dikenal")
        value = Fraction(0)
        floor = 10**6  # the next group's magnitude must be below this
        i = 0
        while i < len(words):
            word = words[i]
            nxt = words[i + 1] if i + 1 < len(words) else None
            if word == "setengah":
                if nxt is not None:
                    raise bad
                return value + Fraction(1, 2)
            if word in _WHOLE:
                amount = _WHOLE[word]
                magnitude = 10 ** (len(str(amount)) - 1)
                after = 1 if amount in (10, 11) else magnitude
                i += 1
            elif word in _ONES:
                one = _ONES[word]
                if nxt in _SCALES or nxt == "ribu":
                    if one < 2:
                        raise bad
                    if nxt == "belas":
                        amount, magnitude, after = one + 10, 10, 1
                    else:
                        magnitude = 1000 if nxt == "ribu" else _SCALES[nxt or ""]
                        amount, after = one * magnitude, magnitude
                    i += 2
                else:
                    if one == 0 and len(words) > 1:
                        raise bad
                    amount, magnitude, after = one, 1, 0
                    i += 1
            else:
                raise bad
            if magnitude >= floor:
                raise bad
            value += amount
            floor = after
        return value
