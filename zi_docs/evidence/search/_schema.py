"""The index schema, the Indonesian analyzer and the version stamp of the index."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from whoosh import fields
from whoosh.analysis import Filter, RegexTokenizer

from zi_docs.evidence.stemmer import ROOTS_FILE, STEMMER_VERSION, load_words, stem
from zi_docs.resources import STOPWORDS, resource

SCHEMA_VERSION = 2
STAMP_FILE = "ZI_SCHEMA"
STOPWORDS_FILE = resource(STOPWORDS)
STOP_WORDS = load_words(STOPWORDS_FILE)
TOKEN_PATTERN = r"\w+(?:\.?\w+)*"
"""Words; ids like ``a.i.1.i.a`` and numbers like ``1.500`` stay whole."""


class IndonesianFilter(Filter):  # type: ignore[misc]
    """Lower-cases, drops stop words and one-letter tokens, stems what is left.

    One pass instead of whoosh's LowercaseFilter | StopFilter | stem filter (indexing spends
    most of its time in the analyzer). Positions are renumbered over removed stop words, as
    whoosh's StopFilter does, so phrase queries see the same gaps in index and query.
    """

    def __init__(self, stoplist: Iterable[str]) -> None:
        self.stops = frozenset(stoplist)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IndonesianFilter) and other.stops == self.stops

    def __hash__(self) -> int:
        return hash(self.stops)

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        stops = self.stops
        pos: int | None = None
        for token in tokens:
            text = token.text.lower()
            if len(text) >= 2 and text not in stops:
                token.text = stem(text)
                if token.positions:
                    if pos is None:
                        pos = token.pos
                    else:
                        pos += 1
                        token.pos = pos
                token.stopped = False
                yield token
            elif not token.removestops:
                token.text = text
                token.stopped = True
                yield token


def indonesian_analyzer() -> Any:
    """Words (ids like ``a.i.1.i.a`` stay whole), lower-cased, stop words out, stemmed."""
    return RegexTokenizer(expression=TOKEN_PATTERN) | IndonesianFilter(STOP_WORDS)


def make_schema() -> fields.Schema:
    analyzer = indonesian_analyzer()
    return fields.Schema(
        sha256=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=analyzer, stored=True, field_boost=2.0),
        text=fields.TEXT(analyzer=analyzer, stored=True),
        indicators=fields.KEYWORD(stored=True, lowercase=True, commas=True),
        areas=fields.KEYWORD(stored=True, lowercase=True, commas=True),
        parts=fields.KEYWORD(stored=True, lowercase=True, commas=True),
        year=fields.ID(stored=True),
        type=fields.ID(stored=True),
        date=fields.ID(stored=True, sortable=True),
        stamp=fields.STORED(),
    )


def index_stamp() -> str:
    """Changes whenever the schema, the stemmer rules or the word lists change."""
    digest = hashlib.sha256(STOPWORDS_FILE.read_bytes() + ROOTS_FILE.read_bytes()).hexdigest()
    return f"zi-docs-search {SCHEMA_VERSION}; stemmer {STEMMER_VERSION}; data {digest[:16]}"


@dataclass(frozen=True)
class IndexDoc:
    """One archive file as the index needs it (built by the archive from its catalogue)."""

    sha256: str
    title: str
    text: str
    indicators: tuple[str, ...] = ()
    """Catalogue ids (``A.I.1.i.a``), not aliases."""
    areas: tuple[str, ...] = ()
    """Area codes (``MP``, ``PP`` ...)."""
    parts: tuple[str, ...] = ()
    """``pemenuhan``, ``reform``, ``hasil``."""
    year: int | None = None
    type: str = ""
    """Detected kind: ``pdf``, ``docx``, ``png`` ..."""
    date: dt.date | None = None
    stamp: str = ""
    """Changes whenever the database record changes (its revision): tells stale entries apart."""


def document_fields(doc: IndexDoc) -> dict[str, Any]:
    return {
        "sha256": doc.sha256,
        "title": doc.title,
        "text": doc.text,
        "indicators": ",".join(doc.indicators),
        "areas": ",".join(doc.areas),
        "parts": ",".join(doc.parts),
        "year": str(doc.year) if doc.year else "",
        "type": doc.type.lower(),
        "date": doc.date.isoformat() if doc.date else "",
        "stamp": doc.stamp,
    }
