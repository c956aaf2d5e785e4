"""Every change to ``catalog.sqlite``, as methods of one open transaction.

A :class:`Transaction` exists only inside :meth:`ArchiveDb.transaction
<zi_docs.evidence.db.ArchiveDb.transaction>` (``BEGIN IMMEDIATE`` ... ``COMMIT``), so a
crash leaves the old state or the new one. The ``pending_objects`` and ``pending_index``
tables are the journal that lets ``Archive.recover`` finish or undo work interrupted between
the database and the object store or the search index.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Iterable

from zi_docs.evidence.actor import acting
from zi_docs.evidence.db import engine
from zi_docs.evidence.db.numbers import tags_with_number
from zi_docs.evidence.numbers import own_number
from zi_docs.refs import IndicatorRef


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


class Transaction:
    """Named changes on one connection inside one transaction."""

    def __init__(self, conn: engine.Connection) -> None:
        self._conn = conn

    # ---- audit and revisions ------------------------------------------------------------
    def log(self, action: str, sha256: str | None, detail: str, who: str | None = None) -> None:
        self._conn.execute(
            "INSERT INTO audit (at, who, action, sha256, detail) VALUES (?, ?, ?, ?, ?)",
            (now(), who or current_user(), action, sha256, detail),
        )

    def bump(self, sha256: str) -> None:
        """Mark a file changed: new revision, and its index entry must be refreshed."""
        self._conn.execute("UPDATE files SET revision = revision + 1 WHERE sha256=?", (sha256,))
        self.journal_index([sha256])

    # ---- journal -------------------------------------------------------------------------
    def journal_objects(self, shas: Iterable[str]) -> None:
        """Objects about to be written (or deleted) whose record is not committed yet."""
        self._conn.executemany(
            "INSERT OR IGNORE INTO pending_objects VALUES (?)", [(s,) for s in shas]
        )

    def clear_objects(self, shas: Iterable[str]) -> None:
        self._conn.executemany("DELETE FROM pending_objects WHERE sha256=?", [(s,) for s in shas])

    def journal_index(self, shas: Iterable[str]) -> None:
        """Files whose search index entry must be refreshed."""
        self._conn.executemany(
            "INSERT OR IGNORE INTO pending_index VALUES (?)", [(s,) for s in shas]
        )

    def clear_index(self, shas: Iterable[str]) -> None:
        self._conn.executemany("DELETE FROM pending_index WHERE sha256=?", [(s,) for s in shas])

    # ---- files ---------------------------------------------------------------------------
    def insert_file(
        self,
        *,
        sha256: str,
        size: int,
        kind: str,
        mime: str,
        name: str,
        title: str,
        doc_date: dt.date | None,
        date_source: str | None,
        notes: str,
        text_status: str,
        pages: int | None,
    ) -> None:
        """A new file record with its first name, added now by the current user."""
        self._conn.execute(
            "INSERT INTO files (sha256, size, kind, mime, name, title, doc_date, date_source, "
            "added_at, added_by, notes, text_status, pages) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                sha256,
                size,
                kind,
                mime,
                name,
                title,
                doc_date.isoformat() if doc_date else None,
                date_source,
                now(),
                current_user(),
                notes,
                text_status,
                pages,
            ),
        )
        self.add_name(sha256, name)

    def add_name(self, sha256: str, name: str) -> None:
        """Another original name the same content was added under."""
        self._conn.execute("INSERT OR IGNORE INTO names VALUES (?, ?)", (sha256, name))

    def trash_state(self, sha256: str) -> tuple[bool, str]:
        """(in the trash, text status) of a stored file."""
        row = self._conn.execute(
            "SELECT trashed_at, text_status FROM files WHERE sha256=?", (sha256,)
        ).fetchone()
        return row[0] is not None, str(row[1])

    def set_title(self, sha256: str, title: str) -> None:
        self._conn.execute("UPDATE files SET title=? WHERE sha256=?", (title, sha256))

    def set_notes(self, sha256: str, notes: str) -> None:
        self._conn.execute("UPDATE files SET notes=? WHERE sha256=?", (notes, sha256))

    def set_doc_date(self, sha256: str, doc_date: dt.date) -> None:
        """The document date as given by the user (``--tanggal``)."""
        self._conn.execute(
            "UPDATE files SET doc_date=?, date_source='tanggal' WHERE sha256=?",
            (doc_date.isoformat(), sha256),
        )

    def rename(self, sha256: str, name: str) -> None:
        """The original name (and title) a rebuild recovered from the audit log."""
        self._conn.execute("UPDATE files SET name=?, title=? WHERE sha256=?", (name, name, sha256))
        self._conn.execute("DELETE FROM names WHERE sha256=?", (sha256,))
        self.add_name(sha256, name)

    def replace_audit(self, rows: Iterable[tuple[str, str, str, str | None, str]]) -> None:
        """The audit log of a rebuilt database: the old history instead of its own lines."""
        self._conn.execute("DELETE FROM audit")
        self._conn.executemany(
            "INSERT INTO audit (at, who, action, sha256, detail) VALUES (?,?,?,?,?)", list(rows)
        )

    def drop_orphans(self) -> None:
        """Rows of files whose record is gone (removed outside zi-docs): they would block
        adding the file again."""
        for table in ("texts", "tags", "names", "numbers", "pending_index"):
            self._conn.execute(
                f"DELETE FROM {table} WHERE sha256 NOT IN (SELECT sha256 FROM files)"
            )

    def trash(self, sha256: str) -> None:
        self._conn.execute("UPDATE files SET trashed_at=? WHERE sha256=?", (now(), sha256))

    def untrash(self, sha256: str) -> None:
        self._conn.execute("UPDATE files SET trashed_at=NULL WHERE sha256=?", (sha256,))

    # ---- konsep (generated drafts) --------------------------------------------------------
    def mark_draft(self, sha256: str, key: str) -> tuple[list[str], str | None]:
        """Record ``sha256`` as the konsep of the generated document ``key`` (kind and output
        name). The previous live konsep of the same document goes to the trash (replaced,
        not copied). When a signed version with the same own number is already archived,
        the new konsep is superseded at once. Returns (replaced konsep, signed version)."""
        replaced = [
            str(row[0])
            for row in self._conn.execute(
                "SELECT d.sha256 FROM drafts d JOIN files f ON f.sha256 = d.sha256 "
                "WHERE d.key=? AND d.sha256<>? AND d.superseded_by IS NULL "
                "AND f.trashed_at IS NULL",
                (key, sha256),
            )
        ]
        for old in replaced:
            self.trash(old)
            self.log("ganti-konsep", old, f"konsep {key} diganti konsep baru {sha256[:12]}")
        self._conn.execute("INSERT OR REPLACE INTO drafts VALUES (?, ?, NULL)", (sha256, key))
        signed = self._conn.execute(
            "SELECT n2.sha256 FROM numbers n1 JOIN numbers n2 ON n2.number = n1.number "
            "JOIN files f ON f.sha256 = n2.sha256 LEFT JOIN drafts d ON d.sha256 = n2.sha256 "
            "WHERE n1.sha256=? AND n2.sha256<>? AND f.trashed_at IS NULL AND d.sha256 IS NULL",
            (sha256, sha256),
        ).fetchone()
        if signed is not None:
            self._supersede(sha256, str(signed[0]))
        return replaced, str(signed[0]) if signed else None

    def supersede_drafts(self, sha256: str, number: str) -> list[str]:
        """The signed version ``sha256`` (a scan or TTE PDF numbered ``number``) supersedes
        every live konsep with that own number: each leaves the live archive (to the trash,
        recoverable) and records what replaced it. Returns the konsep superseded."""
        if self._conn.execute("SELECT 1 FROM drafts WHERE sha256=?", (sha256,)).fetchone():
            return []
        drafts = [
            str(row[0])
            for row in self._conn.execute(
                "SELECT d.sha256 FROM drafts d JOIN numbers n ON n.sha256 = d.sha256 "
                "JOIN files f ON f.sha256 = d.sha256 WHERE n.number=? AND d.sha256<>? "
                "AND d.superseded_by IS NULL AND f.trashed_at IS NULL",
                (number, sha256),
            )
        ]
        for draft in drafts:
            self._supersede(draft, sha256)
        return drafts

    def _supersede(self, draft: str, signed: str) -> None:
        self._conn.execute("UPDATE drafts SET superseded_by=? WHERE sha256=?", (signed, draft))
        self.trash(draft)
        self.log("konsep-diganti", draft, f"diganti versi bertanda tangan {signed[:12]}")

    def delete_file(self, sha256: str) -> None:
        """The record and everything hanging off it (tags, names, text, numbers)."""
        self._conn.execute("DELETE FROM files WHERE sha256=?", (sha256,))

    # ---- text ----------------------------------------------------------------------------
    def add_text(self, sha256: str, text: str) -> None:
        self._conn.execute("INSERT INTO texts VALUES (?, ?)", (sha256, text))

    def set_text(self, sha256: str, text: str, status: str, pages: int | None) -> None:
        """Text read later (OCR): replaces the stored text and its status."""
        self._conn.execute(
            "UPDATE files SET text_status=?, pages=COALESCE(?, pages) WHERE sha256=?",
            (status, pages, sha256),
        )
        self._conn.execute("INSERT OR REPLACE INTO texts VALUES (?, ?)", (sha256, text))

    # ---- tags ----------------------------------------------------------------------------
    def tags_of(self, sha256: str) -> list[IndicatorRef]:
        return [
            IndicatorRef(i, t)
            for i, t in self._conn.execute(
                "SELECT indicator, item FROM tags WHERE sha256=?", (sha256,)
            )
        ]

    def add_tags(self, sha256: str, tags: Iterable[IndicatorRef]) -> list[IndicatorRef]:
        """Insert tags that are not there yet; returns the new ones."""
        added = []
        for tag in tags:
            cur = self._conn.execute(
                "INSERT OR IGNORE INTO tags (sha256, indicator, item) VALUES (?,?,?)",
                (sha256, tag.indicator, tag.item),
            )
            if cur.rowcount:
                added.append(tag)
        return added

    def remove_tag(self, sha256: str, tag: IndicatorRef) -> None:
        self._conn.execute(
            "DELETE FROM tags WHERE sha256=? AND indicator=? AND COALESCE(item, '')=?",
            (sha256, tag.indicator, tag.item or ""),
        )

    def take_tags_by_number(
        self, sha256: str, text: str, have: Iterable[IndicatorRef]
    ) -> tuple[str | None, tuple[IndicatorRef, ...]]:
        """Record a file's own number (the first ``Nomor: ...`` in its text) and give it the
        tags of the live files with the same own number that it does not have yet; returns
        (number, tags added)."""
        number = own_number(text)
        if number is None:
            return None, ()
        self._conn.execute("INSERT OR IGNORE INTO numbers VALUES (?, ?)", (sha256, number))
        present = set(have)
        wanted = [
            t for t in tags_with_number(self._conn, number, exclude=sha256) if t not in present
        ]
        added = tuple(self.add_tags(sha256, wanted))
        if added:
            self.log(
                "tag-nomor",
                sha256,
                f"nomor {number} sama dengan dokumen di arsip; " + ", ".join(str(t) for t in added),
            )
        return number, added
