"""Search latency over a generated archive of >= 20,000 documents (target: p95 <= 50 ms).

Builds two indexes of the same synthetic Indonesian-like documents in one run:
  * zi-docs: SearchIndex (Indonesian analyzer: stop words + stemming, stored text, highlights);
  * baseline: a plain whoosh index with the default analyzer (StandardAnalyzer), same fields.
Then runs the same queries against both (ranked, limit 20, with highlighted snippets) and
prints p50/p95 of each and the ratio zi-docs / baseline.

    /work/venv/bin/python bench/bench_search.py [--docs 20000] [--queries 300] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from whoosh import fields, index
from whoosh.qparser import AndGroup, MultifieldParser

from zi_docs.evidence.search import IndexDoc, SearchIndex
from zi_docs.evidence.stemmer import ROOTS

TARGET_P95_MS = 50.0
PREFIXES = [
    "",
    "",
    "",
    "me",
    "mem",
    "men",
    "meng",
    "pe",
    "pem",
    "pen",
    "peng",
    "ber",
    "di",
    "ter",
    "ke",
    "per",
]
SUFFIXES = ["", "", "", "an", "kan", "i", "nya"]
FILLER = [
    "yang",
    "dan",
    "di",
    "ke",
    "dari",
    "untuk",
    "dengan",
    "pada",
    "dalam",
    "ini",
    "itu",
    "sebagai",
    "oleh",
    "atau",
    "juga",
]
INDICATORS = [f"A.I.{a}.{s}.{q}" for a in range(1, 7) for s in ("i", "ii", "iii") for q in "abcd"]
AREAS = ["MP", "TTL", "SDM", "AK", "PW", "PP"]
KINDS = ["pdf", "pdf", "pdf", "docx", "xlsx", "jpg"]


def vocabulary(rng: random.Random) -> list[str]:
    roots = sorted(r for r in ROOTS if len(r) >= 4)
    invented = [
        "".join(rng.choice("bdgjklmnprstw") + rng.choice("aiueo") for _ in range(3))
        for _ in range(3000)
    ]
    return roots + invented


def word(rng: random.Random, vocab: list[str]) -> str:
    return rng.choice(PREFIXES) + rng.choice(vocab) + rng.choice(SUFFIXES)


def make_docs(count: int, rng: random.Random) -> list[IndexDoc]:
    vocab = vocabulary(rng)
    docs = []
    for n in range(count):
        words = [
            rng.choice(FILLER) if rng.random() < 0.25 else word(rng, vocab)
            for _ in range(rng.randint(80, 220))
        ]
        area = rng.randrange(6)
        year = rng.choice([2022, 2023, 2024])
        docs.append(
            IndexDoc(
                sha256=f"{n:064x}",
                title=" ".join(word(rng, vocab) for _ in range(5)),
                text=" ".join(words),
                indicators=(rng.choice(INDICATORS),),
                areas=(AREAS[area],),
                parts=("pemenuhan",),
                year=year,
                type=rng.choice(KINDS),
                date=dt.date(year, rng.randint(1, 12), rng.randint(1, 28)),
                stamp="1",
            )
        )
    return docs


def make_queries(count: int, rng: random.Random) -> list[str]:
    vocab = vocabulary(random.Random(rng.random()))
    roots = sorted(r for r in ROOTS if len(r) >= 4)
    queries = []
    for n in range(count):
        shape = n % 4
        if shape == 0:
            queries.append(rng.choice(PREFIXES[3:]) + rng.choice(roots) + rng.choice(SUFFIXES))
        elif shape == 1:
            queries.append(f"{word(rng, vocab)} {rng.choice(roots)}")
        elif shape == 2:
            queries.append(f'"{rng.choice(roots)} {rng.choice(roots)}"')
        else:
            queries.append(rng.choice(roots))
    return queries


def baseline_index(path: Path, docs: list[IndexDoc]) -> index.Index:
    schema = fields.Schema(
        sha256=fields.ID(stored=True, unique=True),
        title=fields.TEXT(stored=True),
        text=fields.TEXT(stored=True),
        indicators=fields.KEYWORD(stored=True, commas=True),
        areas=fields.KEYWORD(stored=True, commas=True),
        year=fields.ID(stored=True),
        type=fields.ID(stored=True),
        date=fields.ID(stored=True),
    )
    ix = index.create_in(str(path), schema)
    writer = ix.writer(limitmb=256)
    for d in docs:
        writer.add_document(
            sha256=d.sha256,
            title=d.title,
            text=d.text,
            indicators=",".join(d.indicators),
            areas=",".join(d.areas),
            year=str(d.year),
            type=d.type,
            date=str(d.date),
        )
    writer.commit()
    return ix


def timed(run: Callable[[str], int], queries: list[str]) -> tuple[list[float], int]:
    for q in queries[:20]:  # warm caches the same way for both
        run(q)
    latencies, found = [], 0
    for q in queries:
        start = time.perf_counter()
        found += run(q)
        latencies.append((time.perf_counter() - start) * 1000)
    return latencies, found


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    docs = make_docs(args.docs, rng)
    queries = make_queries(args.queries, rng)
    with tempfile.TemporaryDirectory(prefix="zi-bench-search-") as tmp:
        start = time.perf_counter()
        ours = SearchIndex(Path(tmp) / "archive" / "index")
        ours.rebuild(docs)
        built_ours = time.perf_counter() - start
        (Path(tmp) / "base").mkdir()
        start = time.perf_counter()
        base = baseline_index(Path(tmp) / "base", docs)
        built_base = time.perf_counter() - start

        base_searcher = base.searcher()
        base_parser = MultifieldParser(["title", "text"], base.schema, group=AndGroup)

        def run_base(q: str) -> int:
            results = base_searcher.search(base_parser.parse(q), limit=20, terms=True)
            return sum(1 for hit in results if hit.highlights("text", top=2) is not None)

        def run_ours(q: str) -> int:
            return len(ours.search(q, limit=20))

        lat_base, found_base = timed(run_base, queries)
        lat_ours, found_ours = timed(run_ours, queries)
        base_searcher.close()
        base.close()
        ours.close()

    p50, p95 = pct(lat_ours, 50), pct(lat_ours, 95)
    b50, b95 = pct(lat_base, 50), pct(lat_base, 95)
    print(f"documents indexed: {args.docs}, queries: {len(queries)} (limit 20, with snippets)")
    print(f"build time: zi-docs {built_ours:.1f} s, baseline {built_base:.1f} s")
    print(f"zi-docs  search latency: p50 {p50:.1f} ms, p95 {p95:.1f} ms, hits {found_ours}")
    print(f"baseline search latency: p50 {b50:.1f} ms, p95 {b95:.1f} ms, hits {found_base}")
    print(f"ratio zi-docs/baseline: p50 {p50 / b50:.2f}x, p95 {p95 / b95:.2f}x")
    verdict = "met" if p95 <= TARGET_P95_MS else "NOT met"
    print(f"target p95 <= {TARGET_P95_MS:.0f} ms: {verdict} ({p95:.1f} ms)")


if __name__ == "__main__":
    main()
