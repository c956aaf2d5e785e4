"""An open ``catalog.sqlite`` (SQLite, WAL): files, tags, names, extracted text, audit log,
journal. Reads are methods here; every change goes through :meth:`ArchiveDb.transaction`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from zi_docs.catalogue import fold
from zi_docs.evidence.db import engine, numbers, opening, readonly, schema
from zi_docs.evidence.db.rows_snapshot import RowsSnapshot
from zi_docs.evidence.db.writes import Transaction
from zi_docs.evidence.records import AuditEntry, StoredFile
from zi_docs.evidence.store import ObjectStore
from zi_docs.refs import IndicatorRef


class ArchiveDb:
    """A connection to ``catalog.sqlite``; rows become :class:`StoredFile` values."""

    def __init__(self, path: Path, store: ObjectStore, *, rebuilding: bool = False) -> None:
        """Refuses a damaged, foreign, newer or silently emptied database (see
        :mod:`.opening`); ``rebuilding``: a new one beside stored objects is wanted."""
        self.path = path
        self.store = store
        """Where the bytes of the files recorded here are (for :attr:`StoredFile.path`)."""
        self._conn, self.read_only = opening.connect(path, store, rebuilding=rebuilding)
        """``read_only``: the workspace cannot be written (a CD, a read-only share)."""
        self._conn.row_factory = engine.Row
        before = schema.version(self._conn)
        if before != schema.SCHEMA_VERSION:
            if self.read_only:
                self._conn.close()
                raise opening.CatalogError(
                    f"katalog arsip {path.parent.name}/{path.name} perlu diperbarui ke versi "
                    "ini, tetapi ruang kerjanya hanya dapat dibaca",
                    hint="salin ruang kerja ke folder yang dapat ditulis lalu jalankan lagi",
                )
            with self._transaction() as conn:
                schema.upgrade(conn, before)

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[engine.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One atomic change: committed on success, rolled back on any exception."""
        with self._transaction() as conn:
            yield Transaction(conn)

    # ---- reads ------------------------------------------------------------------------
    def match_prefix(self, prefix: str) -> list[str]:
        rows = self._conn.execute(
            "SELECT sha256 FROM files WHERE sha256 LIKE ? ORDER BY sha256", (prefix.lower() + "%",)
        ).fetchall()
        return [r[0] for r in rows]

    def named(self, text: str) -> list[str]:
        """Files (trashed too) with a name or title equal to ``text``, compared folded.

        Reads only names and titles, not whole records: this runs for every reference.
        """
        rows = self._conn.execute(
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
                for r in self._conn.execute(
                    f"SELECT sha256 FROM files WHERE sha256 IN ({marks})", part
                )
            }
        return found

    def all_shas(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT sha256 FROM files")]

    def sizes(self) -> list[tuple[str, int, str, int]]:
        """``(sha256, size, name, live)`` rows of every file, trashed too: one query for a
        quick verify, which builds no records."""
        cursor = self._conn.cursor()
        cursor.row_factory = None  # plain tuples
        return cursor.execute("SELECT sha256, size, name, trashed_at IS NULL FROM files").fetchall()

    def view_rows(self) -> readonly.Rows:
        """Every file (trashed too), its tags and the live konsep, as tuples: the one read
        ``check`` makes for its quick verify and its view of the files. A file's title, notes
        and kind are read only for the files whose values are built."""
        return readonly.read_rows(
            self._conn,
            details=readonly.details_reader(self.path),
            kept=RowsSnapshot.of(self.path),
        )

    def revisions(self) -> dict[str, int]:
        """sha256 -> revision of every live file (what verify compares index stamps with)."""
        return dict(
            self._conn.execute("SELECT sha256, revision FROM files WHERE trashed_at IS NULL")
        )

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
        rows = self._conn.execute(sql + " ORDER BY added_at, name", args).fetchall()
        only = ""
        if shas is not None:
            only = f" WHERE sha256 IN ({','.join('?' * len(shas))})"
        sub_args = list(shas or [])
        tags: dict[str, list[IndicatorRef]] = {}
        names: dict[str, list[str]] = {}
        for sha, indicator, item in self._conn.execute(
            f"SELECT sha256, indicator, item FROM tags{only}", sub_args
        ):
            tags.setdefault(sha, []).append(IndicatorRef(indicator, item))
        for sha, name in self._conn.execute(
            f"SELECT sha256, name FROM names{only} ORDER BY rowid", sub_args
        ):
            names.setdefault(sha, []).append(name)
        drafts = {
            str(d[0])
            for d in self._conn.execute(
                f"SELECT sha256 FROM drafts{only}{' AND' if only else ' WHERE'} "
                "superseded_by IS NULL",
                sub_args,
            )
        }
        return [
            self._row(r, tags.get(r["sha256"], []), names.get(r["sha256"], []), drafts)
            for r in rows
        ]

    def _row(
        self, r: engine.Row, tags: list[IndicatorRef], names: list[str], drafts: set[str]
    ) -> StoredFile:
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
            draft=sha in drafts,
        )

    def text(self, sha256: str) -> str:
        row = self._conn.execute("SELECT text FROM texts WHERE sha256=?", (sha256,)).fetchone()
        return str(row[0]) if row else ""

    def texts(self, shas: Sequence[str]) -> dict[str, str]:
        """sha256 -> extracted text of each of ``shas`` that has one, in one query."""
        if not shas:
            return {}
        marks = ",".join("?" * len(shas))
        return dict(
            self._conn.execute(f"SELECT sha256, text FROM texts WHERE sha256 IN ({marks})", shas)
        )

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
            for r in self._conn.execute(sql, args)
        ]

    def pending(self, table: str) -> list[str]:
        assert table in ("pending_objects", "pending_index")
        return [r[0] for r in self._conn.execute(f"SELECT sha256 FROM {table}")]

    def counts(self) -> tuple[int, int]:
        """(files not in the trash, files in the trash)."""
        row = self._conn.execute(
            "SELECT SUM(trashed_at IS NULL), SUM(trashed_at IS NOT NULL) FROM files"
        ).fetchone()
        return int(row[0] or 0), int(row[1] or 0)

    def tags_for_number(self, number: str) -> list[IndicatorRef]:
        """Tags for ``--sama-dengan NOMOR`` (see :func:`numbers.tags_for_number`)."""
        return numbers.tags_for_number(self._conn, number)
