"""Dates as the documents print them."""

from __future__ import annotations

import datetime as dt

from sk_generator.model import BULAN, BulanTahun


def tanggal(value: dt.date) -> str:
    """21 September 2022 (day without a leading zero, month in Indonesian); a date
    written as month and year only prints so: "September 2022"."""
    if isinstance(value, BulanTahun):
        return f"{BULAN[value.month - 1]} {value.year}"
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"
