"""Highlighted snippets: the words of a hit that match the (indexed) query words, in context.

Tokenises like the index analyzer (same pattern, same stemmer), but stems only the words that
can stem to a query word: a stem is its word less prefixes and suffixes, with at most its
first letter changed (``memukul`` -> ``pukul``), so a word that does not contain a query
word's tail is skipped without stemming.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from zi_docs.evidence.search._schema import TOKEN_PATTERN, index_term

MARK_START, MARK_END = "«", "»"
"""Around highlighted words in a snippet; the CLI may colour them."""
SNIPPET_CHARS = 240
BEFORE_CHARS = 60
SCAN_CHARS = 1 << 16
"""Only the first 64 KiB of a document are scanned for the snippet."""

_TOKEN = re.compile(TOKEN_PATTERN)


def snippet(text: str, terms: Iterable[str]) -> str:
    """About :data:`SNIPPET_CHARS` of ``text`` around the first matches, matches marked."""
    wanted = frozenset(terms)
    tails = tuple({t[1:] for t in wanted})
    spans: list[tuple[int, int]] = []
    if wanted:
        for match in _TOKEN.finditer(text, 0, min(len(text), SCAN_CHARS)):
            if spans and match.start() > spans[0][0] + SNIPPET_CHARS:
                break
            word = match.group().lower()
            if any(tail in word for tail in tails) and index_term(word) in wanted:
                spans.append(match.span())
    if not spans:
        return _squeeze(text[:SNIPPET_CHARS]) + ("…" if len(text) > SNIPPET_CHARS else "")
    start = max(0, spans[0][0] - BEFORE_CHARS)
    if start:
        space = text.find(" ", start, spans[0][0])
        start = space + 1 if space != -1 else start
    end = min(len(text), start + SNIPPET_CHARS)
    parts, cursor = [], start
    for begin, finish in spans:
        if finish > end:
            break
        parts += [text[cursor:begin], MARK_START, text[begin:finish], MARK_END]
        cursor = finish
    parts.append(text[cursor:end])
    return ("…" if start else "") + _squeeze("".join(parts)) + ("…" if end < len(text) else "")


def _squeeze(text: str) -> str:
    return " ".join(text.split())
