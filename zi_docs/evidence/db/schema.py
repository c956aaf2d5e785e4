"""The tables of ``catalog.sqlite`` and their upgrade from older versions."""

from __future__ import annotations

from zi_docs.evidence.db import engine
from zi_docs.evidence.numbers import own_number

SCHEMA_VERSION = 5
"""2: ``numbers`` (each file's own document number, for matching signed scans).
3: ``drafts`` (documents archived by ``generate --arsipkan`` as konsep, until signed).
4: ``files.tagset``, each file's tags in one column kept by triggers (see :data:`TAGSET`).
5: the ``stamp`` in ``meta``, drawn again by triggers on every change of what ``check``
reads (see :data:`STAMPED`)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    kind TEXT NOT NULL,
    mime TEXT NOT NULL,
    name TEXT NOT NULL,
    title TEXT NOT NULL,
    doc_date TEXT,
    date_source TEXT,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    text_status TEXT NOT NULL,
    pages INTEGER,
    trashed_at TEXT,
    revision INTEGER NOT NULL DEFAULT 1,
    tagset TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS tags (
    sha256 TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    item TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS tags_unique ON tags (sha256, indicator, COALESCE(item, ''));
CREATE INDEX IF NOT EXISTS tags_indicator ON tags (indicator);
CREATE TABLE IF NOT EXISTS names (
    sha256 TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (sha256, name)
);
CREATE TABLE IF NOT EXISTS texts (
    sha256 TEXT PRIMARY KEY REFERENCES files(sha256) ON DELETE CASCADE,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    sha256 TEXT,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS numbers (
    sha256 TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
    number TEXT NOT NULL,
    PRIMARY KEY (sha256, number)
);
CREATE INDEX IF NOT EXISTS numbers_number ON numbers (number);
CREATE TABLE IF NOT EXISTS drafts (
    sha256 TEXT PRIMARY KEY REFERENCES files(sha256) ON DELETE CASCADE,
    key TEXT NOT NULL,
    superseded_by TEXT
);
CREATE INDEX IF NOT EXISTS drafts_key ON drafts (key);
CREATE TABLE IF NOT EXISTS pending_objects (sha256 TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS pending_index (sha256 TEXT PRIMARY KEY);
"""


TAGSET = """(
    SELECT COALESCE(group_concat(k, ','), '') FROM (
        SELECT hex(indicator) || ':'
            || CASE WHEN item IS NULL THEN '' ELSE 'x' || hex(item) END AS k
        FROM tags WHERE sha256 = {sha} ORDER BY k
    )
)"""
"""A file's tags as one text, what ``files.tagset`` holds: each tag as its indicator in hex,
``:`` and, when it has an item, ``x`` and the item in hex, sorted, joined by ``,`` (no
character of a tag can break it; see :func:`~zi_docs.evidence.db.readonly.decode_tagsets`).
``check`` reads 100,000 files' tags in its one query of the files instead of a query of every
tag and a Python pass over it."""

_TRIGGERS = [
    f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {table} BEGIN "
    + " ".join(
        f"UPDATE files SET tagset = {TAGSET.format(sha=f'{row}.sha256')} "
        f"WHERE sha256 = {row}.sha256;"
        for row in rows
    )
    + " END"
    for name, event, table, rows in (
        ("tagset_tag_added", "INSERT", "tags", ("NEW",)),
        ("tagset_tag_removed", "DELETE", "tags", ("OLD",)),
        ("tagset_tag_changed", "UPDATE", "tags", ("OLD", "NEW")),
        ("tagset_file_added", "INSERT", "files", ("NEW",)),
    )
]
"""Every change of ``tags`` (by any statement, in the same transaction) sets the file's
``tagset`` again; so does a new file, should its tags have come first."""


STAMPED = {
    "files": (
        "INSERT",
        "DELETE",
        "UPDATE OF sha256, size, name, trashed_at, doc_date, added_at, tagset",
    ),
    "drafts": ("INSERT", "DELETE", "UPDATE"),
}
"""The changes that draw a new ``stamp``: a file added, removed, renamed, trashed or restored,
dated, re-tagged (a change of ``tags`` sets ``tagset``); a konsep recorded, dropped or signed.
The stamp is random, so it names one state of these rows: whatever holds a copy of them made
at that stamp (:mod:`~zi_docs.evidence.db.rows_snapshot`) holds this very state, even after a
catalogue is restored from a backup (an older stamp) or copied elsewhere (the same rows)."""

_NEW_STAMP = "UPDATE meta SET value = lower(hex(randomblob(16))) WHERE key = 'stamp';"

_STAMP_TRIGGERS = [
    f"CREATE TRIGGER IF NOT EXISTS stamp_{table}_{at} AFTER {event} ON {table} "
    f"BEGIN {_NEW_STAMP} END"
    for table, events in STAMPED.items()
    for at, event in enumerate(events)
]


def stamp(conn: engine.Connection) -> str | None:
    """The catalogue's :data:`STAMPED` stamp, None before version 5."""
    return _meta(conn, "stamp")


def version(conn: engine.Connection) -> int | None:
    """The schema version recorded in the database, or None for a new or foreign one."""
    value = _meta(conn, "schema")
    return None if value is None else int(value)


def _meta(conn: engine.Connection, key: str) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    except engine.OperationalError:
        return None
    return str(row[0]) if row else None


def upgrade(conn: engine.Connection, before: int | None) -> None:
    """Create missing tables and bring an older database up to :data:`SCHEMA_VERSION`
    (inside the caller's transaction)."""
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    if before is not None and before < 2:
        _backfill_numbers(conn)
    if before is not None and before < 4:
        if "tagset" not in {row[1] for row in conn.execute("PRAGMA table_info(files)")}:
            conn.execute("ALTER TABLE files ADD COLUMN tagset TEXT NOT NULL DEFAULT ''")
        conn.execute(f"UPDATE files SET tagset = {TAGSET.format(sha='files.sha256')}")
    for trigger in (*_TRIGGERS, *_STAMP_TRIGGERS):
        conn.execute(trigger)
    # a catalogue of an older version (or a new one) starts at a stamp nothing was copied at
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('stamp', lower(hex(randomblob(16))))")
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))


def _backfill_numbers(conn: engine.Connection) -> None:
    """Record the own number of every file already in the database (upgrade to 2)."""
    rows = conn.execute("SELECT sha256, text FROM texts").fetchall()
    for sha256, text in rows:
        number = own_number(text)
        if number is not None:
            conn.execute("INSERT OR IGNORE INTO numbers VALUES (?, ?)", (sha256, number))
