"""Reading ``catalog.sqlite`` without changing anything: no creation, no upgrade, no
recovery, no side files. For ``check``, ``export`` and ``rekap`` (which must leave other
units' workspaces untouched).

:func:`read_rows` is also the one read ``check`` makes through the open archive
(:meth:`~zi_docs.evidence.db.ArchiveDb.view_rows`): its rows serve both the quick verify and
the view of the files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cached_property
from itertools import chain, compress, repeat
from operator import getitem, itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from zi_docs.bulk import collector_paused
from zi_docs.errors import WorkspaceError
from zi_docs.evidence.db import engine, opening, schema
from zi_docs.evidence.db.rows_snapshot import RowsSnapshot
from zi_docs.evidence.records import EvidenceFile, FileColumns
from zi_docs.evidence.store import ObjectStore
from zi_docs.refs import IndicatorRef

_HINT = "jalankan 'zi-docs archive verify' di ruang kerja itu"

FileRow = tuple[str, int, str, int, str | None, str]
"""``(sha256, size, name, live, doc_date, tags key)``: the first four as
:meth:`~zi_docs.evidence.db.ArchiveDb.sizes` gives them, so the quick verify reads either; the
key's tags are :attr:`Rows.tagsets` ``[key]``. A file's title, notes and kind are
:attr:`Rows.details` (at 100,000 files, reading them with every row was a third of the read)."""

TAGS_KEY = 5
"""Where a :data:`FileRow` holds its tags key."""

Details = Callable[[Sequence[str]], Mapping[str, tuple[str, str, str]]]
"""The digests of some files -> ``(title, notes, kind)`` of each of them (and maybe more)."""

_FILES = "SELECT sha256, size, name, trashed_at IS NULL, doc_date, {key} FROM files"
_ORDER = " ORDER BY added_at, name"
_DETAILS = "SELECT sha256, title, notes, kind FROM files"


class Rows(NamedTuple):
    """What one read of the catalogue gives ``check``: plain tuples, no records."""

    files: list[FileRow]
    """Every file (or every live one, see :func:`read_rows`), oldest first."""
    tagsets: dict[str, tuple[IndicatorRef, ...]]
    """A file row's tags key -> its tags, in order: one tuple per distinct set of tags, shared
    by every file that has it (a key missing here means no tags)."""
    drafts: frozenset[str]
    """The live konsep."""
    details: Details
    """Title, notes and kind of the files a value is built for."""


def read_rows(
    conn: engine.Connection,
    *,
    live_only: bool = False,
    details: Details | None = None,
    kept: RowsSnapshot | None = None,
) -> Rows:
    """Files (trashed too unless ``live_only``) with their tags, and the konsep: two queries
    (three for a catalogue older than version 4, read without upgrading it). The files'
    ``details`` are read with them (one more query) unless a reader of them is given (see
    :func:`details_reader`).

    With ``kept`` (every file's rows, not ``live_only``), the rows come from that snapshot
    when it was taken at the catalogue's present stamp; otherwise they are read, in one read
    transaction with the stamp, and kept there for the next read."""
    # the files' ORDER BY sorts 100,000 rows: in memory, not in a temporary file
    conn.execute("PRAGMA temp_store = MEMORY")
    cursor = conn.cursor()
    cursor.row_factory = None  # tuples, whatever the connection makes
    where = " WHERE trashed_at IS NULL" if live_only else ""
    if kept is None or live_only:
        files, tagsets, drafts = _read(cursor, where)
    else:
        files, tagsets, drafts = _read_kept(conn, cursor, kept)
    if details is None:
        found = _details(cursor.execute(_DETAILS + where))
        details = lambda _shas: found  # noqa: E731 - every file's, read with the rows
    return Rows(files, tagsets, drafts, details)


_Read = tuple[list[FileRow], dict[str, tuple[IndicatorRef, ...]], frozenset[str]]


def _read(cursor: engine.Cursor, where: str) -> _Read:
    try:
        files = cursor.execute(_FILES.format(key="tagset") + where + _ORDER).fetchall()
    except engine.OperationalError:
        if schema.version(cursor.connection) not in (1, 2, 3):
            raise
        # before version 4 there is no tags column: a file's key is its sha256
        files = cursor.execute(_FILES.format(key="sha256") + where + _ORDER).fetchall()
        tagsets = _tags_by_file(cursor)
    else:
        tagsets = decode_tagsets(set(map(itemgetter(TAGS_KEY), files)))
    return files, tagsets, _drafts(cursor)


def _read_kept(conn: engine.Connection, cursor: engine.Cursor, kept: RowsSnapshot) -> _Read:
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN")  # the stamp and the rows of one state of the catalogue
    try:
        stamp = schema.stamp(conn)
        found = None if stamp is None else kept.load(stamp)
        if found is None:
            read = _read(cursor, "")
    finally:
        if began:
            conn.execute("COMMIT")
    if found is not None:
        files, drafts = found
        return files, decode_tagsets(set(map(itemgetter(TAGS_KEY), files))), drafts
    if stamp is not None:
        kept.save(stamp, read[0], read[2])
    return read


def details_reader(path: Path) -> Details:
    """The details of the files asked for, read when asked, through a read-only connection
    of their own to the catalogue at ``path``: ``check`` builds a file's value only when a
    finding names it, and its JSON builds all of them after the archive was closed."""

    def read(shas: Sequence[str]) -> Mapping[str, tuple[str, str, str]]:
        if not shas:
            return {}
        with _reading(path) as conn:
            cursor = conn.cursor()
            cursor.row_factory = None
            if len(shas) >= _ALL_FROM:
                return _details(cursor.execute(_DETAILS))
            found: dict[str, tuple[str, str, str]] = {}
            for at in range(0, len(shas), _PER_QUERY):
                batch = shas[at : at + _PER_QUERY]
                marks = ",".join("?" * len(batch))
                found.update(
                    _details(cursor.execute(f"{_DETAILS} WHERE sha256 IN ({marks})", batch))
                )
            return found

    return read


_PER_QUERY = 500
"""Digests per query (SQLite allows a few hundred parameters everywhere)."""
_ALL_FROM = 20_000
"""From this many files asked for, every file's details are read in one pass instead (a
look-up by digest costs about what reading five rows in one pass does)."""


def _details(rows: Iterable[Any]) -> dict[str, tuple[str, str, str]]:
    rows = list(rows)
    return dict(zip(map(itemgetter(0), rows), map(itemgetter(1, 2, 3), rows), strict=True))


def decode_tagsets(keys: Iterable[str]) -> dict[str, tuple[IndicatorRef, ...]]:
    """Each ``files.tagset`` text (see :data:`~.schema.TAGSET`) -> its tags, in order; the
    empty text (no tags) is left out. Each distinct tag is decoded once."""
    keys = [key for key in keys if key]
    parts = [key.split(",") for key in keys]
    tokens = set(chain.from_iterable(parts))
    tags = {token: _decoded(token) for token in tokens}
    rank = {token: at for at, token in enumerate(sorted(tokens, key=tags.__getitem__))}
    return {
        key: tuple(map(tags.__getitem__, sorted(found, key=rank.__getitem__)))
        for key, found in zip(keys, parts, strict=True)
    }


def _decoded(token: str) -> IndicatorRef:
    indicator, _, item = token.partition(":")
    return IndicatorRef(
        bytes.fromhex(indicator).decode(), bytes.fromhex(item[1:]).decode() if item else None
    )


def _tags_by_file(cursor: engine.Cursor) -> dict[str, tuple[IndicatorRef, ...]]:
    """sha256 -> its tags, in order, from the tags table (a catalogue before version 4)."""
    tags: dict[str, tuple[IndicatorRef, ...]] = {}
    for sha, indicator, item in cursor.execute("SELECT sha256, indicator, item FROM tags"):
        tags[sha] = (*tags.get(sha, ()), IndicatorRef(indicator, item))
    return {sha: tuple(sorted(found)) for sha, found in tags.items()}


def evidence_files(rows: Rows, store: ObjectStore) -> tuple[EvidenceFile, ...]:
    """The live files of ``rows`` with their tags, in the rows' order."""
    return _built(rows.files, rows, store)


class RowSource:
    """The live files of one read of the catalogue, for an
    :class:`~zi_docs.evidence.records.ArchiveView` that builds its values on first use."""

    def __init__(self, rows: Rows, store: ObjectStore) -> None:
        self._rows = rows
        self._store = store

    @cached_property
    def _live(self) -> list[FileRow]:
        files = self._rows.files
        return list(compress(files, map(itemgetter(3), files)))

    def files(self) -> tuple[EvidenceFile, ...]:
        with collector_paused():  # one value per stored file, no cycles (see zi_docs.bulk)
            return _built(self._live, self._rows, self._store)

    def columns(self) -> FileColumns:
        # each column one pass in C over the live rows (no value per file)
        live = self._live
        return FileColumns(
            list(map(getitem, map(itemgetter(0), live), repeat(_REF))),
            list(map(self._rows.tagsets.get, map(itemgetter(TAGS_KEY), live), repeat(()))),
            list(map(self._rows.drafts.__contains__, map(itemgetter(0), live))),
            list(map(itemgetter(4), live)),
        )

    def file(self, index: int) -> EvidenceFile:
        return _built(self._live[index : index + 1], self._rows, self._store)[0]

    def files_at(self, indices: Sequence[int]) -> list[EvidenceFile]:
        return list(_built(map(self._live.__getitem__, indices), self._rows, self._store))


_REF = slice(0, 12)
"""A file's ref is the start of its digest."""


def _built(files: Iterable[FileRow], rows: Rows, store: ObjectStore) -> tuple[EvidenceFile, ...]:
    """The live ones of ``files`` (rows of ``rows``) as values, with their tags."""
    files = [row for row in files if row[3]]
    details = rows.details(list(map(itemgetter(0), files)))
    tagsets = rows.tagsets
    drafts = rows.drafts
    dates: dict[str, dt.date] = {}  # a few hundred distinct days among 100,000 files
    location = store.location
    make = tuple.__new__  # the named tuple's own __new__ is Python code with defaults
    result = []
    for sha, size, name, _live, doc_date, key in files:
        title, notes, kind = details.get(sha, _NO_DETAILS)
        day = None
        if doc_date:
            day = dates.get(doc_date)
            if day is None:
                day = dates[doc_date] = dt.date.fromisoformat(doc_date)
        # every field, in order: this loop runs once per stored file
        result.append(
            make(
                EvidenceFile,
                (
                    sha[_REF],
                    sha,
                    int(size),
                    name,
                    location(sha),
                    tagsets.get(key, ()),
                    title or None,
                    day,
                    notes or None,
                    kind or "",
                    sha in drafts,
                ),
            )
        )
    return tuple(result)


_NO_DETAILS = ("", "", "")
"""A file gone from the catalogue between the read of its row and of its details."""


def _connect(path: Path) -> engine.Connection:
    """A connection that changes nothing in the catalogue at ``path``, nor beside it."""
    # A cleanly closed WAL database has everything in the main file: open it immutable so
    # SQLite creates no -wal/-shm side files. When a -wal exists (a writer is active or was
    # interrupted), plain read-only mode reads through it without changing anything.
    wal = path.with_name(path.name + "-wal")
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if wal.exists() else "&immutable=1")
    try:
        return engine.connect(uri, uri=True)
    except engine.Error as exc:
        raise WorkspaceError(
            f"katalog arsip {path} tidak dapat dibuka ({opening.reason(exc)})", hint=_HINT
        ) from None


def live_files(path: Path, store: ObjectStore) -> tuple[EvidenceFile, ...]:
    """Every live (not trashed) file of the database at ``path`` with its tags."""
    with _reading(path) as conn:
        rows = read_rows(conn, live_only=True)
    return evidence_files(rows, store)


@contextmanager
def _reading(path: Path) -> Iterator[engine.Connection]:
    """A :func:`_connect` connection, closed after the block; what the block cannot read is
    said as the catalogue's problem."""
    conn = _connect(path)
    try:
        yield conn
    except engine.Error as exc:
        raise WorkspaceError(
            f"katalog arsip {path} tidak dapat dibaca ({opening.reason(exc)})", hint=_HINT
        ) from None
    finally:
        conn.close()


def _drafts(cursor: engine.Cursor) -> frozenset[str]:
    """The live konsep (a database older than version 3 has none)."""
    try:
        rows = cursor.execute("SELECT sha256 FROM drafts WHERE superseded_by IS NULL").fetchall()
    except engine.OperationalError:
        return frozenset()
    return frozenset(str(r[0]) for r in rows)
