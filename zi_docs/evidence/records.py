"""The values the archive hands out about its stored files, and the progress callback type.

:class:`StoredFile` is the full record the archive commands print; :class:`EvidenceFile` is
the light, read-only record that ``check``, ``export`` and ``rekap`` read in bulk (see
:mod:`zi_docs.evidence.view`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol

from zi_docs.findings import Finding
from zi_docs.refs import IndicatorRef

Progress = Callable[[int, int], None]
"""A progress callback the archive calls with (done, total); the client draws the bar."""


@dataclass(frozen=True)
class StoredFile:
    """One file in the archive, as its database records it."""

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
    tags: tuple[IndicatorRef, ...]
    path: Path
    """Where the bytes are stored (read-only)."""
    draft: bool = False
    """A live konsep of a generated document (``generate --arsipkan``), not yet signed."""

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


class EvidenceFile(NamedTuple):
    """One live stored file, as the read-only view of the archive gives it.

    A named tuple, immutable like the frozen dataclasses between stages: ``check`` reads one
    per stored file, and at 100,000 files a frozen dataclass's ``__init__`` (one
    ``object.__setattr__`` per field) cost twice the tuple's construction."""

    ref: str
    """The archive's own reference for the file (its id as ``archive show`` accepts it)."""
    sha256: str
    size: int
    name: str
    """Original file name (Unicode-normalised by the archive)."""
    location: str
    """Where the stored bytes are (a plain string: building 20,000 ``Path`` objects costs
    more than the rest of reading the database; see :attr:`path`)."""
    tags: tuple[IndicatorRef, ...] = ()
    title: str | None = None
    doc_date: dt.date | None = None
    """The document's own date (not the date it was added)."""
    note: str | None = None
    kind: str = ""
    """Type detected from content (``pdf``), used when the name has no extension."""
    draft: bool = False
    """A konsep stored by ``generate --arsipkan``: not data dukung until signed."""

    @property
    def path(self) -> Path:
        """Where the stored bytes are."""
        return Path(self.location)

    @property
    def label(self) -> str:
        """What a user recognises the file by: its title, else its original name."""
        return self.title or self.name

    @property
    def extension(self) -> str:
        """Lower-case extension with the dot (``.pdf``), or ``""``."""
        dot = self.name.rfind(".")
        if 0 < dot < len(self.name) - 1:
            return self.name[dot:].lower()
        return f".{self.kind}" if self.kind else ""

    @property
    def stem(self) -> str:
        """The original name without its extension."""
        dot = self.name.rfind(".")
        return self.name[:dot] if 0 < dot < len(self.name) - 1 else self.name


class FileColumns(NamedTuple):
    """The live files as columns, one entry per file in archive order (what completeness
    reads of every file; each column is one pass in C)."""

    refs: Sequence[str]
    tags: Sequence[tuple[IndicatorRef, ...]]
    drafts: Sequence[bool]
    doc_dates: Sequence[object]
    """The document's date as the source holds it: a ``date``, an ISO string, or empty."""


class FileSource(Protocol):
    """Where an :class:`ArchiveView` takes its files from (the catalogue's rows)."""

    def files(self) -> tuple[EvidenceFile, ...]: ...

    def columns(self) -> FileColumns: ...

    def file(self, index: int) -> EvidenceFile: ...

    def files_at(self, indices: Sequence[int]) -> list[EvidenceFile]: ...


class ArchiveView:
    """Everything ``check``, ``export`` and ``rekap`` read from one archive.

    Immutable. Built from a :class:`FileSource`, its :attr:`files` are made on first use:
    ``check``'s text output reads only :meth:`columns` and the few files it names
    (at 100,000 files, building every value cost a quarter of the check)."""

    __slots__ = ("_files", "_integrity", "_source")

    _files: tuple[EvidenceFile, ...] | None
    _source: FileSource | None
    _integrity: tuple[Finding, ...] | Callable[[], tuple[Finding, ...]]

    def __init__(
        self,
        files: tuple[EvidenceFile, ...] = (),
        integrity: Iterable[Finding] | Callable[[], tuple[Finding, ...]] = (),
        *,
        source: FileSource | None = None,
    ) -> None:
        """``integrity`` may be a function that makes the findings when they are first
        read (``check`` reads its files while the objects folder is being listed)."""
        object.__setattr__(self, "_files", None if source is not None else tuple(files))
        object.__setattr__(self, "_source", source)
        object.__setattr__(
            self, "_integrity", integrity if callable(integrity) else tuple(integrity)
        )

    @property
    def integrity(self) -> tuple[Finding, ...]:
        """Findings of the archive's quick verification (sizes and counts)."""
        found = self._integrity
        if callable(found):
            found = found()
            object.__setattr__(self, "_integrity", found)
        return found

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"ArchiveView is immutable ({name})")

    @property
    def files(self) -> tuple[EvidenceFile, ...]:
        """Every live file, in archive order."""
        files = self._files
        if files is None:
            assert self._source is not None
            files = self._source.files()
            object.__setattr__(self, "_files", files)
        return files

    def columns(self) -> FileColumns:
        """The live files as columns (see :class:`FileColumns`)."""
        if self._files is None and self._source is not None:
            return self._source.columns()
        files = self.files
        return FileColumns(
            [f.ref for f in files],
            [f.tags for f in files],
            [f.draft for f in files],
            [f.doc_date for f in files],
        )

    def file(self, index: int) -> EvidenceFile:
        """The ``index``-th live file, without building the others."""
        if self._files is None and self._source is not None:
            return self._source.file(index)
        return self.files[index]

    def files_at(self, indices: Sequence[int]) -> list[EvidenceFile]:
        """The live files at ``indices``, in that order, without building the others."""
        if self._files is None and self._source is not None:
            return self._source.files_at(indices)
        files = self.files
        return [files[index] for index in indices]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ArchiveView):
            return NotImplemented
        return self.files == other.files and self.integrity == other.integrity

    def __hash__(self) -> int:
        return hash((self.files, self.integrity))

    def __repr__(self) -> str:
        return f"ArchiveView(files={len(self.files)} berkas, integrity={self.integrity!r})"
