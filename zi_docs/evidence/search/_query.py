"""Queries: filters, the Indonesian query words and phrases, hits with highlighted snippets.

A query is words and ``"phrases in double quotes"``; every word (and phrase) must occur in
the title or the text, analyzed like the index (stop words out, stemmed). A title match
counts double.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import tantivy

from zi_docs.catalogue import Catalogue, fold
from zi_docs.evidence.filters import SearchFilters
from zi_docs.evidence.search._schema import analyze
from zi_docs.evidence.search._snippet import snippet

TITLE_BOOST = 2.0
_PHRASE = re.compile(r'"([^"]*)"?')
Occur = tantivy.Occur


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
    open_searcher: Callable[[], tuple[Any, Any]],
    text: str,
    narrowing: SearchFilters,
    catalogue: Catalogue | None,
) -> list[Hit]:
    """Hits for ``text`` and the filters' indicator, area, year and kind; ``open_searcher``
    (giving the schema and a searcher) is called only if a search runs."""
    text = text.strip()
    indicator, limit = narrowing.indicator, narrowing.limit
    if indicator is None and catalogue is not None and text and " " not in text:
        node_id = catalogue.aliases.get(fold(text).rstrip("."))
        if node_id is not None:
            indicator, text = node_id, ""
    filters = _filters(indicator, narrowing.area, narrowing.year, narrowing.kind, catalogue)
    if not text and not filters:
        return []
    schema, searcher = open_searcher()
    clauses = [(Occur.Must, _term(schema, f, v)) for f, v in filters]
    if text:
        wanted = _wanted(text)
        if not wanted:
            return []  # only stop words
        terms = {t for group in wanted for t in group}
        matches = [(Occur.Must, _words(schema, group)) for group in wanted]
        scored = [(o, tantivy.Query.const_score_query(q, 0.0)) for o, q in clauses] + matches
        found = searcher.search(tantivy.Query.boolean_query(scored), limit, count=False).hits
        return [_hit(searcher.doc(address), float(score), terms) for score, address in found]
    found = searcher.search(
        tantivy.Query.boolean_query(clauses),
        limit,
        count=False,
        order_by_field="day",
        order=tantivy.Order.Desc,
    ).hits
    return [_hit(searcher.doc(address), 0.0, None) for _, address in found]


def _wanted(text: str) -> list[list[str]]:
    """Each query word or phrase as its indexed words (stop words alone drop out)."""
    groups = [analyze(phrase) for phrase in _PHRASE.findall(text)]
    groups += [[t] for t in analyze(_PHRASE.sub(" ", text))]
    return [g for g in groups if g]


def _words(schema: Any, words: list[str]) -> Any:
    """One word or one phrase, in the title (counted double) or the text."""
    per_field = []
    phrase: list[str | tuple[int, str]] = list(words)
    for field, boost in (("title_words", TITLE_BOOST), ("text_words", 1.0)):
        if len(words) == 1:
            query = tantivy.Query.term_query(schema, field, words[0])
        else:
            query = tantivy.Query.phrase_query(schema, field, phrase)
        per_field.append((Occur.Should, tantivy.Query.boost_query(query, boost)))
    return tantivy.Query.boolean_query(per_field)


def _term(schema: Any, field: str, value: str) -> Any:
    return tantivy.Query.term_query(schema, field, value)


def _filters(
    indicator: str | None,
    area: str | None,
    year: int | None,
    kind: str | None,
    catalogue: Catalogue | None,
) -> list[tuple[str, str]]:
    """(field, value) pairs every hit must have."""
    filters: list[tuple[str, str]] = []
    if indicator:
        node_id = catalogue.resolve(indicator).id if catalogue else indicator
        filters.append(("indicator_tree", node_id.lower()))  # the id and everything under it
    if area:
        code = catalogue.resolve_area(area) if catalogue else area
        filters.append(("area", code.lower()))
    if year:
        filters.append(("year", str(year)))
    if kind:
        filters.append(("type", kind.lower()))
    return filters


def _hit(stored: Any, score: float, terms: set[str] | None) -> Hit:
    """``terms``: the indexed query words to mark, or None when the hits are not ranked."""
    shown = json.loads(stored.get_first("shown"))
    body = stored.get_first("body")
    date = shown.get("date")
    return Hit(
        sha256=str(stored.get_first("sha256")),
        title=shown.get("title", ""),
        indicators=tuple(shown.get("indicators", ())),
        areas=tuple(shown.get("areas", ())),
        parts=tuple(shown.get("parts", ())),
        year=shown.get("year"),
        type=shown.get("type", ""),
        date=dt.date.fromisoformat(date) if date else None,
        score=score,
        snippet=snippet(body.decode() if body else "", terms or ()),
    )
