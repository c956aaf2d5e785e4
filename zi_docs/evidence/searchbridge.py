"""The one place the archive calls the search index (derived data, rebuilt from the catalogue).

The index holds one entry per file that is not in the trash, stamped with the file's
catalogue revision, so that ``verify`` can tell missing and stale entries apart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from zi_docs.catalogue import Catalogue
from zi_docs.evidence.catalog import Catalog, StoredFile

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called with (done, total)."""


@dataclass(frozen=True)
class IndexState:
    """What the index holds: file id -> catalogue revision it was built from."""

    stamps: dict[str, int]
    usable: bool
    """False when the index is missing, of another schema version, or unreadable."""


def index_dir(archive_root: Path) -> Path:
    return archive_root / "index"


def sync(
    archive_root: Path,
    catalog: Catalog,
    catalogue: Catalogue,
    shas: Iterable[str],
    progress: Progress | None = None,
) -> None:
    """Bring the index entries of ``shas`` in line with the catalogue, in one commit."""
    wanted = sorted(set(shas))
    if not wanted:
        return
    log.debug("index sync of %d files (search module not present yet)", len(wanted))


def state(archive_root: Path) -> IndexState:
    """The index's stamps, for ``verify``."""
    return IndexState(stamps={}, usable=False)


def describe(stored: StoredFile, catalogue: Catalogue) -> dict[str, object]:
    """The fields of a file's index entry."""
    areas: set[str] = set()
    parts: set[str] = set()
    for tag in stored.tags:
        node = catalogue.by_id.get(tag.indicator)
        if node is not None:
            if node.area:
                areas.add(node.area)
            if node.part:
                parts.add(node.part)
    return {
        "id": stored.sha256,
        "title": stored.title,
        "indicators": list(stored.indicators),
        "areas": sorted(areas),
        "parts": sorted(parts),
        "year": stored.doc_date.year if stored.doc_date else None,
        "kind": stored.kind,
        "stamp": stored.revision,
    }
