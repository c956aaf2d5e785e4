"""Timestamps of survey exports -> dates -> the period (triwulan or semester) they fall in.

Google Forms writes ``2026/03/15 10:23:45 GMT+7`` or, in an Indonesian locale,
``15/03/2026 10:23:45``; Kobo writes ISO (``2026-03-15T10:23:45.000+07:00``); Excel cells are
dates already. Day-first is the default for ``d/m/y``; a definition may say month-first.
"""

from __future__ import annotations

import datetime as dt
import re

KINDS = ("triwulan", "semester")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\D|$)")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\D|$)")


def parse_date(cell: object, *, day_first: bool = True) -> dt.date | None:
    """The date of a timestamp cell, or ``None`` when it cannot be read."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    if not isinstance(cell, str):
        return None
    text = cell.strip()
    iso = _ISO.match(text)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        dmy = _DMY.match(text)
        if dmy:
            first, second, year = int(dmy[1]), int(dmy[2]), int(dmy[3])
            day, month = (first, second) if day_first else (second, first)
            return dt.date(year, month, day)
    except ValueError:
        return None
    return None


def period_of(date: dt.date, kind: str) -> tuple[tuple[int, int], str]:
    """(sort key, label) of the period containing ``date``: ``Triwulan I 2026``."""
    if kind == "semester":
        part = 1 if date.month <= 6 else 2
        return (date.year, part), f"Semester {_ROMAN[part]} {date.year}"
    quarter = (date.month - 1) // 3 + 1
    return (date.year, quarter), f"Triwulan {_ROMAN[quarter]} {date.year}"
