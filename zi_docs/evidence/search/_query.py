"""Queries: filters, the Indonesian query parser, hits with highlighted snippets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from whoosh import query
from whoosh.qparser import AndGroup, MultifieldParser
from whoosh.searching import Searcher

from zi_docs.catalogue import Catalogue, fold
from zi_docs.evidence.search._snippet import snippet


@dataclass(frozen=True)
class Hit:
    """One search result."""

    sha256: str
    title: str
    indicators: tuple[str, ...]
    areas: tuple[str, ...]
    parts: tuple[str, ...]
    year: int | None
    type: str
    date: dt.date | None
    score: float
    snippet: str
    """Text around the matched words, which are wrapped in ``«`` and ``»``."""


def run_query(
    open_searcher: Callable[[], Searcher],
    text: str,
    *,
    indicator: str | None,
    area: str | None,
    year: int | None,
    kind: str | None,
    limit: int,
    catalogue: Catalogue | None,
) -> list[Hit]:
    """Hits for ``text`` and the filters; ``open_searcher`` is called only if a search runs."""
    text = text.strip()
    if indicator is None and catalogue is not None and text and " " not in text:
        node_id = catalogue.aliases.get(fold(text).rstrip("."))
        if node_id is not None:
            indicator, text = node_id, ""
    filters = _filters(indicator, area, year, kind, catalogue)
    if not text and not filters:
        return []
    searcher = open_searcher()
    if text:
        parser = MultifieldParser(["title", "text"], searcher.schema, group=AndGroup)
        parsed = parser.parse(text)
        if parsed is query.NullQuery:
            return []
        results = searcher.search(
            parsed, filter=query.And(filters) if filters else None, limit=limit
        )
        terms = {word for _, word in parsed.iter_all_terms(phrases=True)}
        return [_hit(hit, terms) for hit in results]
    results = searcher.search(
        query.Every(), filter=query.And(filters), limit=limit, sortedby="date", reverse=True
    )
    return [_hit(hit, None) for hit in results]


def _filters(
    indicator: str | None,
    area: str | None,
    year: int | None,
    kind: str | None,
    catalogue: Catalogue | None,
) -> list[query.Query]:
    filters: list[query.Query] = []
    if indicator:
        node_id = catalogue.resolve(indicator).id if catalogue else indicator
        key = node_id.lower()
        filters.append(
            query.Or([query.Term("indicators", key), query.Prefix("indicators", key + ".")])
        )
    if area:
        code = catalogue.resolve_area(area) if catalogue else area
        filters.append(query.Term("areas", code.lower()))
    if year:
        filters.append(query.Term("year", str(year)))
    if kind:
        filters.append(query.Term("type", kind.lower()))
    return filters


def _hit(hit: Any, terms: set[str] | None) -> Hit:
    """``terms``: the stemmed query words to mark, or None when the hits are not ranked."""
    stored = hit.fields()
    date = stored.get("date") or None
    return Hit(
        sha256=stored["sha256"],
        title=stored.get("title", ""),
        indicators=_split(stored.get("indicators")),
        areas=_split(stored.get("areas")),
        parts=_split(stored.get("parts")),
        year=int(stored["year"]) if stored.get("year") else None,
        type=stored.get("type", ""),
        date=dt.date.fromisoformat(date) if date else None,
        score=float(hit.score) if terms is not None and hit.score is not None else 0.0,
        snippet=snippet(str(stored.get("text", "")), terms or ()),
    )


def _split(value: object) -> tuple[str, ...]:
    return tuple(v for v in str(value or "").split(",") if v)
