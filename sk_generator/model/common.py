"""Field types shared by every model: Indonesian dates, NIP, text, ids.

Validators raise ``ValueError`` with an Indonesian message; the loader shows it at the
value's line. Models hold no formatting: printing (dates as "21 September 2022", NIP with
spaces) lives in ``sk_generator.wording``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_BULAN_INDEX = {name.lower(): i + 1 for i, name in enumerate(BULAN)}
_BULAN_INDEX.update({"pebruari": 2, "nopember": 11, "agt": 8, "agu": 8})
_TANGGAL_ID = re.compile(r"^\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})\s*$")


class Model(BaseModel):
    """Base of every data model: unknown keys are errors, so a typo never passes silently."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        coerce_numbers_to_str=True,
        validate_default=False,
        frozen=False,
    )


def _parse_tanggal(value: Any) -> Any:
    """Accept ISO dates (2022-09-21) and Indonesian ones ("21 September 2022")."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date) or not isinstance(value, str):
        return value
    text = value.strip()
    match = _TANGGAL_ID.match(text)
    if match:
        day, month_name, year = match.groups()
        month = _BULAN_INDEX.get(month_name.lower())
        if month is None:
            raise ValueError(
                f"nama bulan '{month_name}' tidak dikenal; tulis misalnya '21 September 2022' "
                "atau 2022-09-21"
            )
        try:
            return dt.date(int(year), month, int(day))
        except ValueError:
            raise ValueError(f"tanggal '{text}' tidak ada di kalender") from None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"tanggal '{text}' tidak dapat dibaca; tulis sebagai 2022-09-21 atau "
            "'21 September 2022' (hari, bulan, tahun lengkap)"
        ) from None


#: The parser behind `Tanggal`, for readers of other formats (the SOP importer).
parse_tanggal = _parse_tanggal

Tanggal = Annotated[
    dt.date,
    BeforeValidator(_parse_tanggal, json_schema_input_type=dt.date | str),
    Field(description="Tanggal: 2022-09-21 atau '21 September 2022'"),
]


class BulanTahun(dt.date):
    """A date written as month and year only ("Oktober 2024"), as some agencies print the
    SOP's dates; held as the month's first day so that every date rule still applies.

    Ordering is by month against any date: "Oktober 2024" is neither before nor after
    15 Oktober 2024 (the day is unknown), so an order rule never reports a month-year
    date that may well be right. Equality and hashing stay the date's own.
    """

    def _month(self, other: object) -> tuple[tuple[int, int], tuple[int, int]] | None:
        if isinstance(other, dt.date) and not isinstance(other, dt.datetime):
            return (self.year, self.month), (other.year, other.month)
        return None

    def __lt__(self, other: object) -> bool:
        pair = self._month(other)
        return NotImplemented if pair is None else pair[0] < pair[1]

    def __le__(self, other: object) -> bool:
        pair = self._month(other)
        return NotImplemented if pair is None else pair[0] <= pair[1]

    def __gt__(self, other: object) -> bool:
        pair = self._month(other)
        return NotImplemented if pair is None else pair[0] > pair[1]

    def __ge__(self, other: object) -> bool:
        pair = self._month(other)
        return NotImplemented if pair is None else pair[0] >= pair[1]


_BULAN_TAHUN = re.compile(r"^\s*([A-Za-z]+)\s+(\d{4})\s*$")
_ISO_BULAN = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")


def _parse_tanggal_bulan(value: Any) -> Any:
    """A full date as `Tanggal` reads it, or a month and year ("Oktober 2024", "2024-10")."""
    if isinstance(value, str):
        month_year = _BULAN_TAHUN.match(value)
        iso = _ISO_BULAN.match(value)
        if month_year and month_year.group(1).lower() in _BULAN_INDEX:
            name, year = month_year.groups()
            return BulanTahun(int(year), _BULAN_INDEX[name.lower()], 1)
        if iso and 1 <= int(iso.group(2)) <= 12:
            return BulanTahun(int(iso.group(1)), int(iso.group(2)), 1)
    return _parse_tanggal(value)


#: The parser behind `TanggalBulan`, for the SOP importer.
parse_tanggal_bulan = _parse_tanggal_bulan

#: A date of the SOP's identity (pembuatan, revisi, efektif): a full date, or month and
#: year only as some agencies print them (a check warns that the full date is better).
TanggalBulan = Annotated[
    dt.date,
    BeforeValidator(_parse_tanggal_bulan, json_schema_input_type=dt.date | str),
    Field(
        description="Tanggal: 2022-09-21 atau '21 September 2022'; boleh bulan dan tahun saja "
        "('September 2022'), dicetak demikian"
    ),
]

_NIP_SEPARATORS = re.compile(r"[\s.\-]")


def normalize_nip(value: Any) -> Any:
    """Accept "19670621 199003 1 006", "19670621.199003.1.006" or plain digits; keep 18 digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return value
    digits = _NIP_SEPARATORS.sub("", value)
    if not digits.isdigit() or len(digits) != 18:
        raise ValueError(
            f"NIP '{value}' harus 18 angka (boleh dipisah spasi atau titik, mis. "
            "19670621 199003 1 006)"
        )
    return digits


Nip = Annotated[
    str,
    BeforeValidator(normalize_nip),
    # What normalize_nip accepts, for editors: 18 digits, optionally separated.
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": r"^[\s.\-]*(?:[0-9][\s.\-]*){18}$"},
                {"type": "integer", "minimum": 10**17, "maximum": 10**18 - 1},
            ],
            "description": "NIP 18 angka, boleh dipisah spasi atau titik (19670621 199003 1 006)",
        }
    ),
]

#: A non-empty line of text.
Teks = Annotated[str, StringConstraints(min_length=1)]

#: An id that other files use to refer to a record (lower case, digits, dashes).
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$"),
    Field(description="Pengenal rujukan: huruf kecil, angka, titik, strip (mis. kadis-subendi)"),
]
