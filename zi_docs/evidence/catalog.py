"""The catalogue database (SQLite, WAL): files, tags, names, extracted text, audit log, journal.

Every change runs in one ``BEGIN IMMEDIATE`` transaction, so a crash leaves the old state or
the new one. The ``pending_objects`` and ``pending_index`` tables are the journal that lets
``Archive.recover`` (:mod:`zi_docs.evidence.archive`) finish or undo work interrupted between
the database and the object store or the search index.
"""

from __future__ import annotations

import datetime as dt
import functools
import getpass
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from zi_docs.catalogue.model import fold
from zi_docs.evidence.actor import acting
from zi_docs.evidence.store import ObjectStore

SCHEMA_VERSION = 2
"""2: ``numbers`` (each file's own document number, for matching signed scans)."""

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
    revision INTEGER NOT NULL DEFAULT 1
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
CREATE TABLE IF NOT EXISTS pending_objects (sha256 TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS pending_index (sha256 TEXT PRIMARY KEY);
"""


@functools.total_ordering
@dataclass(frozen=True)
class Tag:
    """One link from a stored file to an LKE indicator (and optionally a checklist item).

    Ordered by indicator, the tag without an item first, then by item: a file may be tagged
    to the same indicator with and without an item, so ``None`` and ``str`` meet in a sort.
    """

    indicator: str
    """Catalogue id of the indicator (``A.I.1.i.a``)."""
    item: str | None = None
    """Key of the data dukung checklist item (``sk-tim``), when known."""

    def __str__(self) -> str:
        return f"{self.indicator}#{self.item}" if self.item else self.indicator

    def _key(self) -> tuple[str, bool, str]:
        return (self.indicator, self.item is not None, self.item or "")

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Tag):
            return NotImplemented
        return self._key() < other._key()


@dataclass(frozen=True)
class StoredFile:
    """One file in the archive, as the catalogue records it."""

    sha256: str
    size: int
    kind: str
    """Type detected from content: ``pdf``, ``docx``, ``png`` ..."""
    mime: str
    name: str
    """Original file name when first added (NFC)."""
    names: tuple[str, ...]
    """Every original name this content was added under."""
    title: str
    doc_date: dt.date | None
    """The document's own date (``--tanggal`` or file metadata), not the date it was added."""
    date_source: str | None
    """``tanggal`` (given by the user), ``metadata`` (read from the file) or None."""
    added_at: dt.datetime
    added_by: str
    notes: str
    text_status: str
    """Text-extraction status reported by the extraction module (``ok``, ``pending-ocr`` ...)."""
    pages: int | None
    trashed_at: dt.datetime | None
    revision: int
    """Increases with every change; the search index keeps it to detect stale entries."""
    tags: tuple[Tag, ...]
    path: Path
    """Where the bytes are stored (read-only)."""

    @property
    def trashed(self) -> bool:
        return self.trashed_at is not None

    @property
    def indicators(self) -> tuple[str, ...]:
        return tuple(sorted({t.indicator for t in self.tags}))


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log."""

    at: dt.datetime
    who: str
    action: str
    sha256: str | None
    detail: str


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def current_user() -> str:
    named = acting()
    if named:
        return named
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "tidak-diketahui"


class Catalog:
    """A connection to ``catalog.sqlite``; rows become :class:`StoredFile` values."""

    def __init__(self, path: Path, objects: Path) -> None:
        self.path = path
        self.store = ObjectStore(objects)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(path, timeout=30.0, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        before = self._version()
        if before != SCHEMA_VERSION:
            with self.transaction() as conn:
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                if before is not None and before < 2:
                    from zi_docs.evidence.numbers import backfill

                    backfill(conn)
                conn.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
                )

    def _version(self) -> int | None:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        except sqlite3.OperationalError:
            return None
        return int(row[0]) if row else None

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic change: committed on success, rolled back on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # ---- reads ------------------------------------------------------------------------
    def match_prefix(self, prefix: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT sha256 FROM files WHERE sha256 LIKE ? ORDER BY sha256", (prefix.lower() + "%",)
        ).fetchall()
        return [r[0] for r in rows]

    def named(self, text: str) -> list[str]:
        """Files (trashed too) with a name or title equal to ``text``, compared folded.

        Reads only names and titles, not whole records: this runs for every reference.
        """
        rows = self.conn.execute(
            "SELECT sha256, name FROM names UNION SELECT sha256, name FROM files "
            "UNION SELECT sha256, title FROM files"
        )
        wanted = fold(text)
        return sorted({sha for sha, name in rows if fold(name) == wanted})

    def known(self, shas: Iterable[str]) -> set[str]:
        wanted = list(shas)
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ",".join("?" * len(part))
            found |= {
                r[0]
                for r in self.conn.execute(
                    f"SELECT sha256 FROM files WHERE sha256 IN ({marks})", part
                )
            }
        return found

    def all_shas(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT sha256 FROM files")]

    def files(
        self,
        *,
        shas: Sequence[str] | None = None,
        include_trashed: bool = False,
        only_trashed: bool = False,
    ) -> list[StoredFile]:
        where: list[str] = []
        args: list[str] = []
        if shas is not None:
            if not shas:
                return []
            where.append(f"sha256 IN ({','.join('?' * len(shas))})")
            args.extend(shas)
        if only_trashed:
            where.append("trashed_at IS NOT NULL")
        elif not include_trashed:
            where.append("trashed_at IS NULL")
        sql = "SELECT * FROM files" + (" WHERE " + " AND ".join(where) if where else "")
        rows = self.conn.execute(sql + " ORDER BY added_at, name", args).fetchall()
        only = ""
        if shas is not None:
            only = f" WHERE sha256 IN ({','.join('?' * len(shas))})"
        sub_args = list(shas or [])
        tags: dict[str, list[Tag]] = {}
        names: dict[str, list[str]] = {}
        for sha, indicator, item in self.conn.execute(
            f"SELECT sha256, indicator, item FROM tags{only}", sub_args
        ):
            tags.setdefault(sha, []).append(Tag(indicator, item))
        for sha, name in self.conn.execute(
            f"SELECT sha256, name FROM names{only} ORDER BY rowid", sub_args
        ):
            names.setdefault(sha, []).append(name)
        return [self._row(r, tags.get(r["sha256"], []), names.get(r["sha256"], [])) for r in rows]

    def _row(self, r: sqlite3.Row, tags: list[Tag], names: list[str]) -> StoredFile:
        sha = r["sha256"]
        return StoredFile(
            sha256=sha,
            size=r["size"],
            kind=r["kind"],
            mime=r["mime"],
            name=r["name"],
            names=tuple(names) or (r["name"],),
            title=r["title"],
            doc_date=dt.date.fromisoformat(r["doc_date"]) if r["doc_date"] else None,
            date_source=r["date_source"],
            added_at=dt.datetime.fromisoformat(r["added_at"]),
            added_by=r["added_by"],
            notes=r["notes"],
            text_status=r["text_status"],
            pages=r["pages"],
            trashed_at=dt.datetime.fromisoformat(r["trashed_at"]) if r["trashed_at"] else None,
            revision=r["revision"],
            tags=tuple(sorted(tags)),
            path=self.store.path_for(sha),
        )

    def text(self, sha256: str) -> str:
        row = self.conn.execute("SELECT text FROM texts WHERE sha256=?", (sha256,)).fetchone()
        return str(row[0]) if row else ""

    def audit(self, sha256: str | None = None, limit: int | None = None) -> list[AuditEntry]:
        sql = "SELECT at, who, action, sha256, detail FROM audit"
        args: list[object] = []
        if sha256:
            sql += " WHERE sha256=?"
            args.append(sha256)
        sql += " ORDER BY id"
        if limit:
            sql = (
                f"SELECT * FROM ({sql.replace('ORDER BY id', 'ORDER BY id DESC')} LIMIT ?) "
                "ORDER BY at"
            )
            args.append(limit)
        return [
            AuditEntry(dt.datetime.fromisoformat(r[0]), r[1], r[2], r[3], r[4])
            for r in self.conn.execute(sql, args)
        ]

    def pending(self, table: str) -> list[str]:
        assert table in ("pending_objects", "pending_index")
        return [r[0] for r in self.conn.execute(f"SELECT sha256 FROM {table}")]

    def counts(self) -> tuple[int, int]:
        """(files not in the trash, files in the trash)."""
        row = self.conn.execute(
            "SELECT SUM(trashed_at IS NULL), SUM(trashed_at IS NOT NULL) FROM files"
        ).fetchone()
        return int(row[0] or 0), int(row[1] or 0)


# ---- writes (inside Catalog.transaction) ------------------------------------------------
def log(
    conn: sqlite3.Connection, action: str, sha256: str | None, detail: str, who: str | None = None
) -> None:
    conn.execute(
        "INSERT INTO audit (at, who, action, sha256, detail) VALUES (?, ?, ?, ?, ?)",
        (now(), who or current_user(), action, sha256, detail),
    )


def bump(conn: sqlite3.Connection, sha256: str) -> None:
    """Mark a file changed: new revision, and its index entry must be refreshed."""
    conn.execute("UPDATE files SET revision = revision + 1 WHERE sha256=?", (sha256,))
    conn.execute("INSERT OR IGNORE INTO pending_index VALUES (?)", (sha256,))


def add_tags(conn: sqlite3.Connection, sha256: str, tags: Iterable[Tag]) -> list[Tag]:
    """Insert tags that are not there yet; returns the new ones."""
    added = []
    for tag in tags:
        cur = conn.execute(
            "INSERT OR IGNORE INTO tags (sha256, indicator, item) VALUES (?,?,?)",
            (sha256, tag.indicator, tag.item),
        )
        if cur.rowcount:
            added.append(tag)
    return added
