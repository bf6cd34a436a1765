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
