"""Every stored object's recorded size, read by a bare Python: the child that lists the
objects folder beside ``check`` (:func:`~zi_docs.evidence.store_listing.start_listing`)
compares its listing with the catalogue itself, so ``check`` neither reads back nor compares
100,000 sizes when they agree.

That child runs without this package on its path and loads this file by its location, so
it imports nothing but :mod:`sqlite3` (the second module allowed to, beside ``engine``)."""

from __future__ import annotations

import sqlite3

Matched = tuple[int, int]
"""(rows, bytes) of the catalogue a listing's sizes were found equal to."""


def matched(sizes: dict[str, int], catalogue: str) -> Matched | None:
    """When every object the catalogue at URI ``catalogue`` records (trashed ones too) is in
    ``sizes`` with its recorded size, and no other: the rows and bytes it records. None when
    anything differs or the catalogue cannot be read now (the caller then compares)."""
    try:
        conn = sqlite3.connect(f"{catalogue}?mode=ro", uri=True)
        try:
            expected = dict(conn.execute("SELECT sha256, size FROM files"))
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return (len(expected), sum(expected.values())) if expected == sizes else None
