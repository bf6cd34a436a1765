"""Dates as the documents print them."""

from __future__ import annotations

import datetime as dt

from sk_generator.model import BULAN


def tanggal(value: dt.date) -> str:
    """21 September 2022 (day without a leading zero, month in Indonesian)."""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"
