"""The index schema, the Indonesian analyzer and the version stamp of the index.

The engine (tantivy) indexes words already analyzed here: lower-cased, stop words and
one-letter tokens out, stemmed, joined by spaces and split again by the engine's
``whitespace`` tokenizer. Positions count the words that are left, so a phrase in a query,
analyzed the same way, matches across removed stop words as it is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

import tantivy

from zi_docs.evidence.stemmer import ROOTS_FILE, STEMMER_VERSION, load_words, stem
from zi_docs.resources import STOPWORDS, resource

SCHEMA_VERSION = 3
"""3: tantivy; words analyzed before indexing; stamps kept beside the index."""
STAMP_FILE = "ZI_SCHEMA"
STOPWORDS_FILE = resource(STOPWORDS)
STOP_WORDS = load_words(STOPWORDS_FILE)
TOKEN_PATTERN = r"\w+(?:\.?\w+)*"
"""Words; ids like ``a.i.1.i.a`` and numbers like ``1.500`` stay whole."""

_TOKEN = re.compile(TOKEN_PATTERN)
_WORDS = "whitespace"
"""The engine's tokenizer for analyzed words: it only splits them again."""


class _Terms(dict[str, str]):
    """Lower-cased word -> indexed form, computed on first sight: the analyzer's cache.

    Looked up with ``map(terms.__getitem__, words)`` so that the words seen before (nearly
    all of them) cost no Python call at all.
    """

    LIMIT = 500_000

    def __missing__(self, word: str) -> str:
        if len(self) >= self.LIMIT:
            self.clear()
        term = "" if len(word) < 2 or word in STOP_WORDS else stem(word)
        self[word] = term
        return term


_TERMS = _Terms()


def index_term(word: str) -> str:
    """The indexed form of one lower-cased word, or ``""`` for a stop word or a letter."""
    return _TERMS[word]


def analyze(text: str) -> list[str]:
    """The words of ``text`` as the index holds them, in order."""
    return list(filter(None, map(_TERMS.__getitem__, _TOKEN.findall(text.lower()))))


def analyzed(text: str) -> str:
    """:func:`analyze` joined by spaces, as the engine's ``whitespace`` tokenizer reads it."""
    return " ".join(filter(None, map(_TERMS.__getitem__, _TOKEN.findall(text.lower()))))


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


def make_schema() -> Any:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("sha256", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("title_words", tokenizer_name=_WORDS)
    builder.add_text_field("text_words", tokenizer_name=_WORDS)
    builder.add_text_field("indicator_tree", tokenizer_name="raw", index_option="basic")
    """Every indicator id and each of its ancestors, lower-cased (``a``, ``a.i`` ...)."""
    builder.add_text_field("area", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("year", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("type", tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("day", fast=True)
    """The document date as a day number (0 when unknown): listings sort on it."""
    builder.add_bytes_field("shown", stored=True)
    """JSON of what a hit shows (title, ids, date ...), read for the hits only."""
    builder.add_bytes_field("body", stored=True)
    """The text as extracted, for snippets."""
    builder.add_text_field("stamp", stored=True, tokenizer_name="raw", index_option="basic")
    return builder.build()


def indicator_tree(doc: IndexDoc) -> list[str]:
    """Every indicator id of ``doc`` and each of its ancestors, lower-cased (``a``, ``a.i`` ...)."""
    return sorted(
        {
            ".".join(parts[:n])
            for parts in (i.lower().split(".") for i in doc.indicators)
            for n in range(1, len(parts) + 1)
        }
    )


def shown(doc: IndexDoc) -> bytes:
    """JSON of what a hit of ``doc`` shows (title, ids, date ...)."""
    fields = {
        "title": doc.title,
        "indicators": list(doc.indicators),
        "areas": list(doc.areas),
        "parts": list(doc.parts),
        "year": doc.year,
        "type": doc.type.lower(),
        "date": doc.date.isoformat() if doc.date else None,
    }
    return json.dumps(fields, ensure_ascii=False).encode()


def to_document(doc: IndexDoc) -> Any:
    """The engine's document for ``doc``."""
    return tantivy.Document(
        sha256=doc.sha256,
        title_words=analyzed(doc.title),
        text_words=analyzed(doc.text),
        indicator_tree=indicator_tree(doc),
        area=[a.lower() for a in doc.areas],
        year=str(doc.year) if doc.year else "",
        type=doc.type.lower(),
        day=doc.date.toordinal() if doc.date else 0,
        shown=shown(doc),
        body=doc.text.encode(),
        stamp=doc.stamp,
    )


def index_stamp() -> str:
    """Changes whenever the schema, the stemmer rules or the word lists change."""
    digest = hashlib.sha256(STOPWORDS_FILE.read_bytes() + ROOTS_FILE.read_bytes()).hexdigest()
    return f"zi-docs-search {SCHEMA_VERSION}; stemmer {STEMMER_VERSION}; data {digest[:16]}"
