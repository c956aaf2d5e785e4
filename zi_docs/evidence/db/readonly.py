"""Reading ``catalog.sqlite`` without changing anything: no creation, no upgrade, no
recovery, no side files. For ``check``, ``export`` and ``rekap`` (which must leave other
units' workspaces untouched)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from zi_docs.errors import WorkspaceError
from zi_docs.evidence.db import opening
from zi_docs.evidence.records import EvidenceFile
from zi_docs.evidence.store import ObjectStore
from zi_docs.refs import IndicatorRef

_HINT = "jalankan 'zi-docs archive verify' di ruang kerja itu"


def live_files(path: Path, store: ObjectStore) -> tuple[EvidenceFile, ...]:
    """Every live (not trashed) file of the database at ``path`` with its tags."""
    # A cleanly closed WAL database has everything in the main file: open it immutable so
    # SQLite creates no -wal/-shm side files. When a -wal exists (a writer is active or was
    # interrupted), plain read-only mode reads through it without changing anything.
    wal = path.with_name(path.name + "-wal")
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if wal.exists() else "&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise WorkspaceError(
            f"katalog arsip {path} tidak dapat dibuka ({opening.reason(exc)})", hint=_HINT
        ) from None
    try:
        tags: dict[str, list[IndicatorRef]] = {}
        made: dict[tuple[str, str | None], IndicatorRef] = {}  # one value per distinct tag
        for sha, indicator, item in conn.execute("SELECT sha256, indicator, item FROM tags"):
            tag = made.get((indicator, item))
            if tag is None:
                tag = made[indicator, item] = IndicatorRef(indicator, item)
            tags.setdefault(sha, []).append(tag)
        rows = conn.execute(
            "SELECT sha256, size, name, title, doc_date, notes, kind FROM files "
            "WHERE trashed_at IS NULL ORDER BY added_at, name"
        ).fetchall()
        drafts = _drafts(conn)
    except sqlite3.Error as exc:
        raise WorkspaceError(
            f"katalog arsip {path} tidak dapat dibaca ({opening.reason(exc)})", hint=_HINT
        ) from None
    finally:
        conn.close()
    no_tags: list[IndicatorRef] = []
    dates: dict[str, dt.date] = {}  # a few hundred distinct days among 100,000 files
    location = store.location
    result = []
    for sha, size, name, title, doc_date, notes, kind in rows:
        found = tags.get(sha, no_tags)
        if len(found) > 1:
            found.sort()
        day = None
        if doc_date:
            day = dates.get(doc_date)
            if day is None:
                day = dates[doc_date] = dt.date.fromisoformat(doc_date)
        # positional: this loop runs once per stored file, keywords cost a third more
        result.append(
            EvidenceFile(
                sha[:12],
                sha,
                int(size),
                name,
                location(sha),
                tuple(found),
                title or None,
                day,
                notes or None,
                kind or "",
                sha in drafts,
            )
        )
    return tuple(result)


def _drafts(conn: sqlite3.Connection) -> frozenset[str]:
    """The live konsep (a database older than version 3 has none)."""
    try:
        rows = conn.execute("SELECT sha256 FROM drafts WHERE superseded_by IS NULL").fetchall()
    except sqlite3.OperationalError:
        return frozenset()
    return frozenset(str(r[0]) for r in rows)
