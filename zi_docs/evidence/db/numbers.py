"""Finding archived files by document number (``Nomor: 800.1.2.2/015/DPMPTSP/2026``).

What counts as a file's own number is the rule of :mod:`zi_docs.evidence.numbers`; these
are its queries.
"""

from __future__ import annotations

from zi_docs.evidence.db import engine
from zi_docs.evidence.numbers import normalise
from zi_docs.refs import IndicatorRef


def tags_with_number(
    conn: engine.Connection, number: str, *, exclude: str | None = None
) -> list[IndicatorRef]:
    """Tags of live files whose own number is ``number``, oldest file first."""
    rows = conn.execute(
        "SELECT t.indicator, t.item FROM numbers n JOIN files f ON f.sha256 = n.sha256 "
        "JOIN tags t ON t.sha256 = n.sha256 WHERE n.number = ? AND f.trashed_at IS NULL "
        "AND n.sha256 IS NOT ? ORDER BY f.added_at, t.rowid",
        (number, exclude),
    ).fetchall()
    return list(dict.fromkeys(IndicatorRef(indicator, item) for indicator, item in rows))


def tags_containing(conn: engine.Connection, needle: str) -> list[IndicatorRef]:
    """Tags of live files whose text contains ``needle`` anywhere (one scan of the texts)."""
    rows = conn.execute(
        "SELECT t.indicator, t.item FROM texts x JOIN tags t ON t.sha256 = x.sha256 "
        "JOIN files f ON f.sha256 = x.sha256 WHERE f.trashed_at IS NULL AND "
        "instr(x.text, ?) > 0 ORDER BY f.added_at, t.rowid",
        (needle,),
    ).fetchall()
    return list(dict.fromkeys(IndicatorRef(indicator, item) for indicator, item in rows))


def tags_for_number(conn: engine.Connection, number: str) -> list[IndicatorRef]:
    """Tags for ``--sama-dengan``: files whose own number it is, else any file whose text
    names it (an archive from before numbers were recorded, or a number cited inside)."""
    needle = normalise(number)
    try:
        found = tags_with_number(conn, needle)
    except engine.OperationalError:  # a database without the numbers table (read-only)
        found = []
    return found or tags_containing(conn, needle)
