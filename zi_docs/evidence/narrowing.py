"""Narrowing stored files and search hits: below an indicator, in an area, untagged, and the
search of the trash (whose files the index does not hold)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from zi_docs.catalogue import Catalogue, fold
from zi_docs.evidence.db import ArchiveDb
from zi_docs.evidence.filters import SearchFilters
from zi_docs.evidence.indexing import to_doc
from zi_docs.evidence.records import StoredFile
from zi_docs.evidence.search import MARK_END, MARK_START, Hit

EXCERPT_CHARS = 240
"""Text shown around the first matched word of a file found in the trash."""
WIDEN = 4
"""Each further ranked search for untagged hits asks for this many times more hits."""


def narrowed(
    files: Sequence[StoredFile], catalogue: Catalogue, filters: SearchFilters
) -> list[StoredFile]:
    """The files the filters keep: tagged below ``indicator`` (id/alias, sub, area), to
    ``area``, dated in ``year``, of ``kind``, untagged (``trashed`` and ``limit`` are the
    caller's: which files it passes, how many it shows)."""
    kept = list(files)
    if filters.indicator:
        node = catalogue.resolve(filters.indicator)
        wanted = {n.id for n in node.walk()}
        kept = [f for f in kept if any(t.indicator in wanted for t in f.tags)]
    if filters.area:
        code = catalogue.resolve_area(filters.area)
        kept = [
            f
            for f in kept
            if any(
                (n := catalogue.by_id.get(t.indicator)) is not None and n.area == code
                for t in f.tags
            )
        ]
    if filters.year is not None:
        kept = [f for f in kept if f.doc_date is not None and f.doc_date.year == filters.year]
    if filters.kind:
        kept = [f for f in kept if f.kind == filters.kind]
    if filters.untagged:
        kept = [f for f in kept if not f.tags]
    return kept


def untagged_hits(ranked: Callable[[int], list[Hit]], limit: int) -> list[Hit]:
    """The first ``limit`` ranked hits of files without tags: ``ranked(n)`` gives the best
    ``n`` hits of every file, asked for with a wider ``n`` until enough are found or the
    index has no more."""
    asked = limit
    while True:
        hits = ranked(asked)
        kept = [h for h in hits if not h.indicators]
        if len(kept) >= limit or len(hits) < asked:
            return kept[:limit]
        asked *= WIDEN


def trash_hits(db: ArchiveDb, catalogue: Catalogue, text: str, filters: SearchFilters) -> list[Hit]:
    """Files in the trash whose title, name or text hold every word of ``text`` (as written,
    without stemming: the index does not hold the trash), newest first."""
    words = [w for w in fold(text.replace('"', " ")).split() if w]
    found: list[Hit] = []
    for stored in narrowed(db.files(only_trashed=True), catalogue, filters):
        body = db.text(stored.sha256)
        haystack = fold(f"{stored.title}\n{stored.name}\n{body}")
        if all(word in haystack for word in words):
            found.append(_hit(stored, catalogue, body, _excerpt(body, words)))
    found.sort(key=lambda h: (h.date is not None, h.date), reverse=True)
    return found[: filters.limit]


def _hit(stored: StoredFile, catalogue: Catalogue, body: str, snippet: str) -> Hit:
    doc = to_doc(stored, body, catalogue)
    return Hit(
        sha256=doc.sha256,
        title=doc.title,
        indicators=doc.indicators,
        areas=doc.areas,
        parts=doc.parts,
        year=doc.year,
        type=doc.type,
        date=doc.date,
        score=0.0,
        snippet=snippet,
    )


def _excerpt(body: str, words: Sequence[str]) -> str:
    """Text around the first of ``words`` in ``body``, every word marked as the index marks."""
    if not words:
        return body[:EXCERPT_CHARS]
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    first = pattern.search(body)
    start = max(0, first.start() - EXCERPT_CHARS // 3) if first else 0
    piece = body[start : start + EXCERPT_CHARS]
    return pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", piece)
