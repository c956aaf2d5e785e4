"""Document numbers (``Nomor: 800.1.2.2/015/DPMPTSP/2026``): the rule for a file's own number.

A generated SK is archived tagged with what it serves; the signed scan added later carries
the same number at its head, so it is tagged the same way — automatically at ingest, or on
request (``archive add --sama-dengan NOMOR``). A file's *own* number is the first one in its
text (official letters and decrees open with it); later mentions ("berdasarkan Keputusan
Nomor ...") only cite other documents and never give their tags away. The look-ups by number
are queries of the archive's database (:mod:`zi_docs.evidence.db.numbers`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_NUMBER = re.compile(r"\bNomor\s*:?\s*([0-9A-Za-z][0-9A-Za-z./\-]*[0-9A-Za-z])", re.IGNORECASE)
MIN_LENGTH = 5
"""Shorter "numbers" (``1``, ``12``, ``90`` of a regulation) would match almost any text."""


def _numbers(text: str) -> Iterator[str]:
    for match in _NUMBER.finditer(text):
        number = match.group(1)
        if len(number) >= MIN_LENGTH and any(c.isdigit() for c in number):
            yield number


def numbers_in(text: str) -> tuple[str, ...]:
    """Every document number written in a text, in order, without repeats."""
    return tuple(dict.fromkeys(_numbers(text)))


def own_number(text: str) -> str | None:
    """The file's own number: the first document number in its text."""
    return next(_numbers(text), None)


def normalise(number: str) -> str:
    return " ".join(number.split())
