"""Document numbers (``Nomor: 800.1.2.2/015/DPMPTSP/2026``): a file's own number, and the
tags of the archived files that carry the same number.

A generated SK is archived tagged with what it serves; the signed scan added later carries
the same number at its head, so it is tagged the same way — automatically at ingest, or on
request (``archive add --sama-dengan NOMOR``). A file's *own* number is the first one in its
text (official letters and decrees open with it); later mentions ("berdasarkan Keputusan
Nomor ...") only cite other documents and never give their tags away.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator

from zi_docs.evidence.catalog import Tag, add_tags, log

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


def remember(conn: sqlite3.Connection, sha256: str, text: str) -> str | None:
    """Record the own number of a file whose text was just stored; returns it."""
    number = own_number(text)
    if number is not None:
        conn.execute("INSERT OR IGNORE INTO numbers VALUES (?, ?)", (sha256, number))
    return number


def tags_with_number(
    conn: sqlite3.Connection, number: str, *, exclude: str | None = None
) -> list[Tag]:
    """Tags of live files whose own number is ``number``, oldest file first."""
    rows = conn.execute(
        "SELECT t.indicator, t.item FROM numbers n JOIN files f ON f.sha256 = n.sha256 "
        "JOIN tags t ON t.sha256 = n.sha256 WHERE n.number = ? AND f.trashed_at IS NULL "
        "AND n.sha256 IS NOT ? ORDER BY f.added_at, t.rowid",
        (number, exclude),
    ).fetchall()
    return list(dict.fromkeys(Tag(indicator, item) for indicator, item in rows))


def tags_containing(conn: sqlite3.Connection, needle: str) -> list[Tag]:
    """Tags of live files whose text contains ``needle`` anywhere (one scan of the texts)."""
    rows = conn.execute(
        "SELECT t.indicator, t.item FROM texts x JOIN tags t ON t.sha256 = x.sha256 "
        "JOIN files f ON f.sha256 = x.sha256 WHERE f.trashed_at IS NULL AND "
        "instr(x.text, ?) > 0 ORDER BY f.added_at, t.rowid",
        (needle,),
    ).fetchall()
    return list(dict.fromkeys(Tag(indicator, item) for indicator, item in rows))


def tags_for_number(conn: sqlite3.Connection, number: str) -> list[Tag]:
    """Tags for ``--sama-dengan``: files whose own number it is, else any file whose text
    names it (an archive from before numbers were recorded, or a number cited inside)."""
    needle = normalise(number)
    try:
        found = tags_with_number(conn, needle)
    except sqlite3.OperationalError:  # catalogue without the numbers table (read-only)
        found = []
    return found or tags_containing(conn, needle)


def match(
    conn: sqlite3.Connection, sha256: str, text: str, have: Iterable[Tag]
) -> tuple[str | None, tuple[Tag, ...]]:
    """Record a new file's own number and give it the tags of the archived files with the
    same number that it does not have yet; returns (number, tags added)."""
    number = remember(conn, sha256, text)
    if number is None:
        return None, ()
    present = set(have)
    wanted = [t for t in tags_with_number(conn, number, exclude=sha256) if t not in present]
    added = tuple(add_tags(conn, sha256, wanted))
    if added:
        log(
            conn,
            "tag-nomor",
            sha256,
            f"nomor {number} sama dengan dokumen di arsip; " + ", ".join(str(t) for t in added),
        )
    return number, added


def backfill(conn: sqlite3.Connection) -> None:
    """Record the own number of every file already in the catalogue (schema upgrade)."""
    rows = conn.execute("SELECT sha256, text FROM texts").fetchall()
    for sha256, text in rows:
        remember(conn, sha256, text)
