"""Every stored object's recorded size, read by a bare Python: the child that lists the objects
folder beside ``check`` (:func:`~zi_docs.evidence.store_listing.start_listing`) compares its
listing with the catalogue itself, so ``check`` neither reads back nor compares 100,000 sizes
when they agree.

That child runs without this package on its path: it loads this file and
:mod:`~zi_docs.evidence.db.engine` (the one module that imports sqlite3) by their locations
and hands the engine in, so this module imports nothing."""

from __future__ import annotations

from types import ModuleType

Matched = tuple[int, int]
"""(rows, bytes) of the catalogue a listing's sizes were found equal to."""


def matched(sizes: dict[str, int], catalogue: str, engine: ModuleType) -> Matched | None:
    """When every object the catalogue at URI ``catalogue`` records (trashed ones too) is in
    ``sizes`` with its recorded size, and no other: the rows and bytes it records. None when
    anything differs or the catalogue cannot be read now (the caller then compares).
    ``engine`` is :mod:`zi_docs.evidence.db.engine`."""
    try:
        conn = engine.connect(f"{catalogue}?mode=ro", uri=True)
        try:
            expected = dict(conn.execute("SELECT sha256, size FROM files"))
        finally:
            conn.close()
    except engine.Error:
        return None
    return (len(expected), sum(expected.values())) if expected == sizes else None
