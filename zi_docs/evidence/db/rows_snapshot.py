"""The rows ``check`` reads from an archive's catalogue, kept between runs: while the
catalogue's stamp (:data:`~zi_docs.evidence.db.schema.STAMPED`) is the one they were read at,
the next ``check`` loads them in one ``marshal.loads`` (about 0.05 s at 100,000 files, where
SQLite hands the same rows to Python in 0.2-0.3 s).

An entry is derived data in the user's cache folder (:mod:`zi_docs.user_cache`;
``ZI_DOCS_CACHE=0`` turns it off), one per catalogue, named by the catalogue's place. Its
first line holds the stamp; a stamp is random and drawn again by every change of those rows,
so an entry with the catalogue's stamp holds exactly the catalogue's rows. Anything wrong with
an entry (missing, another stamp, cut short, unreadable) only means the rows are read from
the catalogue, and the entry written again."""

from __future__ import annotations

import hashlib
import logging
import marshal
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from zi_docs.atomic import write_bytes_atomic
from zi_docs.user_cache import cache_dir

if TYPE_CHECKING:
    from zi_docs.evidence.db.readonly import FileRow

log = logging.getLogger(__name__)

_MAGIC = b"zi-docs rows 2 marshal %d " % marshal.version
"""The entry's format and marshal's (a new format or Python never reads an old entry). The
first line goes on with the stamp and the length of what follows it: an entry is written
without fsync (derived data), so one cut short by a power cut is told by its length."""

Kept = tuple[list["FileRow"], frozenset[str]]
"""Every file row (trashed too, in the catalogue's order) and the live konsep."""


class RowsSnapshot:
    """The kept rows of one catalogue."""

    def __init__(self, entry: Path) -> None:
        self.entry = entry

    @classmethod
    def of(cls, catalogue: Path) -> RowsSnapshot | None:
        """The entry of the catalogue at ``catalogue``, or None when the cache is off."""
        folder = cache_dir()
        if folder is None:
            return None
        where = hashlib.sha256(str(catalogue.resolve()).encode()).hexdigest()[:32]
        return cls(folder / f"arsip-{where}.rows")

    def load(self, stamp: str) -> Kept | None:
        """The rows kept at ``stamp``, or None when the entry holds no rows of it."""
        head = _head(stamp)
        try:
            with self.entry.open("rb") as stream:
                if stream.read(len(head)) != head:
                    return None
                length, payload = stream.readline(), stream.read()
                if not length.endswith(b"\n") or int(length) != len(payload):
                    return None
                files, drafts = marshal.loads(payload)
        except FileNotFoundError:
            return None
        except Exception as exc:  # a damaged entry is read again from the catalogue
            log.info("salinan baris katalog %s tidak terbaca (%s)", self.entry, exc)
            return None
        if not isinstance(files, list) or not isinstance(drafts, list):
            return None
        return files, frozenset(drafts)

    def save(self, stamp: str, files: Iterable[FileRow], drafts: frozenset[str]) -> None:
        """Keep ``files`` and ``drafts``, read at ``stamp``; a failure is only logged."""
        shared: dict[str, str] = {}  # a few thousand tag sets and dates among 100,000 files:
        keep = shared.setdefault  # marshalled once each, shared again when loaded
        rows = [
            (sha, size, name, live, day if day is None else keep(day, day), keep(key, key))
            for sha, size, name, live, day, key in files
        ]
        try:
            self.entry.parent.mkdir(parents=True, exist_ok=True)
            payload = marshal.dumps((rows, sorted(drafts)))
            head = _head(stamp) + b"%d\n" % len(payload)
            write_bytes_atomic(self.entry, head + payload, durable=False)
        except (OSError, ValueError) as exc:
            log.info("salinan baris katalog %s tidak dapat ditulis (%s)", self.entry, exc)


def _head(stamp: str) -> bytes:
    return _MAGIC + stamp.encode("ascii", "replace") + b"\n"
