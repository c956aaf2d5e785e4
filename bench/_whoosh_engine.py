"""The whoosh side of bench_search_engines, written as a competent whoosh user would write it.

The same fields as the library's tantivy schema (sha256, what a hit shows as JSON, the text for
snippets, the stamp stored; title and text indexed with positions; the filter fields), the
project's analyzer as a whoosh filter (its tokenizer pattern, stop list and stemmer, through
the library's cache of indexed forms), a writer with ``procs`` = cores and ``limitmb=256``
building one merged segment of separate files (``compound=False``: a reader of a compound
segment copies its whole postings file into memory, 35 MB at 20k documents, and so 1.5x the
RSS of the search process), and for search one searcher and one parser opened once.

Its own module so that only whoosh processes import whoosh (the schema pickled in the index
names this module's filter class). It loads the project's analyzer and snippet modules without
the search package's ``__init__`` (which opens the tantivy facade, 50-70 ms of imports): what a
whoosh-based zi-docs would import.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import shutil
import sys
import types
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from whoosh import fields, index
from whoosh.analysis import Filter, RegexTokenizer
from whoosh.qparser import AndGroup, MultifieldParser

import zi_docs.evidence

_SEARCH = "zi_docs.evidence.search"
_FACADE_UNOPENED = _SEARCH not in sys.modules
if _FACADE_UNOPENED:  # the package's modules without its facade; the facade may come later
    _package = types.ModuleType(_SEARCH)
    _package.__path__ = [str(Path(zi_docs.evidence.__file__).parent / "search")]
    sys.modules[_SEARCH] = _package
_schema = importlib.import_module(_SEARCH + "._schema")
snippet = importlib.import_module(_SEARCH + "._snippet").snippet
if _FACADE_UNOPENED:
    del sys.modules[_SEARCH]
TOKEN_PATTERN, index_term, analyze = _schema.TOKEN_PATTERN, _schema.index_term, _schema.analyze

LIMITMB = 256
"""Writer memory per process: what the whoosh docs suggest for large batches."""
TITLE_BOOST = 2.0
"""As the library: a title match counts double."""


class IndonesianFilter(Filter):  # type: ignore[misc]
    """Lower-case, stop words and one-letter tokens out (positions renumbered over them, as
    the library's analyzed words are), stemmed."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IndonesianFilter)

    def __hash__(self) -> int:
        return 1

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        pos = -1
        for token in tokens:
            term = index_term(token.text.lower())
            if term:
                token.text = term
                if token.positions:
                    pos += 1
                    token.pos = pos
                token.stopped = False
                yield token
            elif not token.removestops:
                token.stopped = True
                yield token


def schema() -> fields.Schema:
    analyzer = RegexTokenizer(expression=TOKEN_PATTERN) | IndonesianFilter()
    return fields.Schema(
        sha256=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=analyzer),
        text=fields.TEXT(analyzer=analyzer),
        indicator_tree=fields.KEYWORD(commas=True),
        area=fields.KEYWORD(commas=True),
        year=fields.ID,
        type=fields.ID,
        day=fields.NUMERIC(sortable=True),
        shown=fields.STORED,
        body=fields.STORED,
        stamp=fields.ID(stored=True),
    )


def document(doc: Any) -> dict[str, Any]:
    """What the library's ``to_document`` gives tantivy, as whoosh fields (the same values)."""
    return {
        "sha256": doc.sha256,
        "title": doc.title,
        "text": doc.text,
        "indicator_tree": ",".join(_schema.indicator_tree(doc)),
        "area": ",".join(a.lower() for a in doc.areas),
        "year": str(doc.year) if doc.year else "",
        "type": doc.type.lower(),
        "day": doc.date.toordinal() if doc.date else 0,
        "shown": _schema.shown(doc),
        "body": doc.text,
        "stamp": doc.stamp,
    }


def build(docs: Iterable[Any], folder: Path) -> None:
    """A new index at ``folder`` holding ``docs``."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    ix = index.create_in(str(folder), schema())
    writer = ix.writer(procs=os.cpu_count() or 1, limitmb=LIMITMB, compound=False)
    for doc in docs:
        writer.add_document(**document(doc))
    writer.commit()


class Searcher:
    """Opened once: the index, one searcher, one parser (every word must match, in the title
    or the text); :meth:`search` gives what the library's hits hold, snippets included."""

    def __init__(self, folder: Path, limit: int) -> None:
        self.limit = limit
        self.ix = index.open_dir(str(folder))
        self.searcher = self.ix.searcher()
        self.parser = MultifieldParser(
            ["title", "text"], self.ix.schema, fieldboosts={"title": TITLE_BOOST}, group=AndGroup
        )

    def search(self, text: str) -> list[dict[str, Any]]:
        terms = set(analyze(text))
        hits = []
        for found in self.searcher.search(self.parser.parse(text), limit=self.limit):
            stored = found.fields()
            shown = json.loads(stored["shown"])
            hits.append(
                {
                    "sha256": stored["sha256"],
                    "title": shown["title"],
                    "indicators": tuple(shown["indicators"]),
                    "areas": tuple(shown["areas"]),
                    "parts": tuple(shown["parts"]),
                    "year": shown["year"],
                    "type": shown["type"],
                    "date": dt.date.fromisoformat(shown["date"]) if shown["date"] else None,
                    "score": float(found.score),
                    "snippet": snippet(stored["body"], terms),
                }
            )
        return hits

    def count(self, text: str) -> int:
        """How many files match (all of them, not only the first ``limit``)."""
        return len(self.searcher.search(self.parser.parse(text), limit=1))


def cli(folder: str, query: str, limit: int) -> None:
    """A search command on whoosh: open, one query, print the hits."""
    for hit in Searcher(Path(folder), limit).search(query):
        print(hit["title"], hit["snippet"], sep="\n  ")
