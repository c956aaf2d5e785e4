"""Dates written in Indonesian text: "12 Januari 2026", "12-01-2026", "2026-01-12".

Used where a document's own date must come from its words (a signed SK says "pada tanggal
12 Januari 2026"; a letter head "Sukamaju, 9 Oktober 2026") rather than from file metadata.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

MONTHS = (
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
"""Indonesian month names (also what documents print)."""

_MONTH_NUMBER = {name.casefold(): i for i, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBER.update({name[:3].casefold(): i for i, name in enumerate(MONTHS, start=1)})
_MONTH_NUMBER["agt"] = 8
_WORDS = re.compile(
    r"\b(\d{1,2})\s+("
    + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
    + r")\.?\s+(\d{4})\b",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
SIGNING_CUES = ("pada tanggal", "tanggal", "tgl.", "tgl")
"""Words that come right before the date a naskah is signed or set."""


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> Iterator[tuple[int, dt.date]]:
    """Every date in ``text`` with its position, in reading order."""
    found: list[tuple[int, dt.date]] = []
    for m in _WORDS.finditer(text):
        day = _date(int(m.group(3)), _MONTH_NUMBER[m.group(2).casefold()], int(m.group(1)))
        if day:
            found.append((m.start(), day))
    for m in _NUMERIC.finditer(text):
        day = _date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if day:
            found.append((m.start(), day))
    for m in _ISO.finditer(text):
        day = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day:
            found.append((m.start(), day))
    yield from sorted(found, key=lambda pair: pair[0])


def date_after(
    text: str, cues: Sequence[str] = SIGNING_CUES, *, within: int = 40
) -> dt.date | None:
    """The first date that follows one of ``cues`` (within ``within`` characters), trying
    the cues in order: ``"Ditetapkan di Sukamaju pada tanggal 12 Januari 2026"`` -> 2026-01-12."""
    folded = text.casefold()
    dates = list(find_dates(text))
    for cue in cues:
        for match in re.finditer(re.escape(cue), folded):
            end = match.end()
            for position, day in dates:
                if end <= position <= end + within:
                    return day
    return None


def letter_head_date(text: str, *, lines: int = 15) -> dt.date | None:
    """The date of a dated letter head ("Sukamaju, 9 Oktober 2026") in the first lines."""
    for line in text.splitlines()[:lines]:
        match = re.match(r"\s*[A-Z][\w .'-]{1,40},\s*(.+)$", line)
        if match:
            found = next(find_dates(match.group(1)), None)
            if found is not None and found[0] == 0:
                return found[1]
    return None
