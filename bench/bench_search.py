"""Search over 2k / 20k / 100k documents: the command a user runs, cold, and the library.

Targets at 100k documents: CLI search (whole process, cold) <= 0.5 s; in-process p95 <= 25 ms
(cold process: the index was not built in it, so the stemmer cache is empty); index build
<= 60 s; memory (peak RSS of the CLI process) <= 250 MB.

The corpus (bench/corpus.py) is written directly into the catalogue; the index is built
through the library (``archive reindex --penuh``), timed. Then, interleaved, at least 3 runs:
  * CLI cold: ``python -m zi_docs archive search WORD`` (new process, whole command);
  * baseline CLI: a new process that imports only the search engine, opens the same index
    folder and runs the same query with the same limit: the floor any tool pays;
  * in-process cold: a new process opens the library's index once and runs the query set,
    p50/p95 per query (the index-open time is printed apart);
  * baseline in-process: the same queries straight against the engine (parse, search, read
    the stored fields of 20 hits), no stemming, no snippets.

    python bench/bench_search.py [--docs 20000] [--queries 200] [--runs 3] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from _common import interleaved, load, median, run_child_cpu, zi_docs_command

TARGETS = {"cli_s": 0.5, "p95_ms": 25.0, "build_s": 60.0, "rss_mb": 250.0}
LIMIT = 20


def make_queries(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    vocab = corpus.vocabulary(random.Random(seed + 1))
    roots = corpus.roots()
    queries = []
    for n in range(count):
        shape = n % 4
        if shape == 0:
            queries.append(
                rng.choice(corpus.PREFIXES[3:]) + rng.choice(roots) + rng.choice(corpus.SUFFIXES)
            )
        elif shape == 1:
            queries.append(f"{corpus.word(rng, vocab)} {rng.choice(roots)}")
        elif shape == 2:
            queries.append(f'"{rng.choice(roots)} {rng.choice(roots)}"')
        else:
            queries.append(rng.choice(roots))
    return queries


# ---- children (each a new process) -------------------------------------------------------
def child_library(ws_dir: str, queries: list[str]) -> dict[str, object]:
    start = time.perf_counter()
    from zi_docs.evidence import SearchFilters, indexing
    from zi_docs.evidence.db import DB_FILE, ArchiveDb
    from zi_docs.evidence.store import ObjectStore
    from zi_docs.workspace import Workspace

    ws = Workspace(Path(ws_dir))
    archive = ws.archive_dir
    db = ArchiveDb(archive / DB_FILE, ObjectStore(archive / "objects"))
    ix = indexing.open_index(archive, db, ws.catalogue)
    ix.search("zzzz", SearchFilters(limit=1))  # opens the searcher
    opened = time.perf_counter() - start
    latencies, hits = [], 0
    for q in queries:
        t = time.perf_counter()
        hits += len(ix.search(q, SearchFilters(limit=LIMIT)))
        latencies.append((time.perf_counter() - t) * 1000)
    ix.close()
    return {"open_s": opened, "latencies": latencies, "hits": hits}


def child_engine(index_dir: str, queries: list[str]) -> dict[str, object]:
    """The same queries straight against the engine the index folder holds."""
    start = time.perf_counter()
    folder = Path(index_dir)
    latencies, hits = [], 0
    if any(folder.glob("*.toc")):
        from whoosh import index
        from whoosh.qparser import AndGroup, MultifieldParser

        ix = index.open_dir(index_dir)
        searcher = ix.searcher()
        parser = MultifieldParser(["title", "text"], ix.schema, group=AndGroup)
        opened = time.perf_counter() - start
        for q in queries:
            t = time.perf_counter()
            hits += sum(1 for hit in searcher.search(parser.parse(q), limit=LIMIT) if hit.fields())
            latencies.append((time.perf_counter() - t) * 1000)
    else:
        import tantivy

        ix = tantivy.Index.open(index_dir)
        searcher = ix.searcher()
        opened = time.perf_counter() - start
        for q in queries:
            t = time.perf_counter()
            parsed = ix.parse_query(q.lower(), ["title_words", "text_words"])
            found = searcher.search(parsed, LIMIT).hits
            hits += sum(1 for _, address in found if searcher.doc(address))
            latencies.append((time.perf_counter() - t) * 1000)
    return {"open_s": opened, "latencies": latencies, "hits": hits}


def _child(kind: str, target: str, queries: list[str]) -> dict[str, object]:
    code = (
        "import json,sys; sys.path.insert(0, sys.argv[1]); import bench_search as b; "
        f"print(json.dumps(b.child_{kind}(sys.argv[2], json.loads(sys.argv[3]))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).parent), target, json.dumps(queries)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(out))


def pct(values: list[float], p: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="reuse (or create) the corpus here")
    args = parser.parse_args()
    print(load())
    tmp = Path(tempfile.mkdtemp(prefix="zi-bench-search-"))
    try:
        ws_dir = args.corpus or tmp / "ws"
        corpus.ensure(ws_dir, args.docs, args.seed)
        from zi_docs.workspace import Workspace

        ws = Workspace(ws_dir)
        index_dir = ws.archive_dir / "index"
        build_runs = args.runs if args.docs <= 20_000 else 1
        builds = []
        for _ in range(build_runs):
            builds.append(corpus.reindex(ws))
        size = sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file())
        print(
            f"build indeks (library, reindex --penuh) x{build_runs}: "
            f"median {median(builds):.1f} s, runs {' '.join(f'{b:.1f}' for b in builds)}; "
            f"{size / 1e6:.0f} MB"
        )

        queries = make_queries(args.queries, args.seed)
        words = [q for q in queries if " " not in q][: args.runs]
        cli: dict[str, list[float]] = {"baseline engine process": [], "zi-docs archive search": []}
        cpu: dict[str, list[float]] = {name: [] for name in cli}
        rss: list[int] = []
        engine_code = (
            "import sys,json; sys.path.insert(0, sys.argv[1]); import bench_search as b; "
            "b.child_engine(sys.argv[2], [sys.argv[3]])"
        )
        for q in words:
            took, used, _ = run_child_cpu(
                [sys.executable, "-c", engine_code, str(Path(__file__).parent), str(index_dir), q]
            )
            cli["baseline engine process"].append(took)
            cpu["baseline engine process"].append(used)
            took, used, peak = run_child_cpu(
                zi_docs_command("archive", "search", q, "-w", str(ws_dir))
            )
            cli["zi-docs archive search"].append(took)
            cpu["zi-docs archive search"].append(used)
            rss.append(peak)
        print(f"CLI cold, kata: {', '.join(words)}")
        for name, values in cli.items():
            print(
                f"  {name:<26} median {median(values):6.3f} s  runs "
                + " ".join(f"{v:.3f}" for v in values)
                + f"  (CPU median {median(cpu[name]):.3f} s)"
            )
        ratio = median(cli["zi-docs archive search"]) / median(cli["baseline engine process"])
        print(f"  rasio: {ratio:.2f}x; puncak RSS zi-docs: {max(rss)} MB")

        runs: dict[str, list[dict[str, object]]] = {"engine": [], "library": []}

        def side(kind: str, target: str) -> None:
            runs[kind].append(_child(kind, target, queries))

        interleaved(
            {
                "engine": lambda: side("engine", str(index_dir)),
                "library": lambda: side("library", str(ws_dir)),
            },
            args.runs,
        )
        p95s = {}
        for kind, results in runs.items():
            p50 = median([pct(list(r["latencies"]), 50) for r in results])  # type: ignore[arg-type]
            p95 = median([pct(list(r["latencies"]), 95) for r in results])  # type: ignore[arg-type]
            opened = median([float(r["open_s"]) for r in results])  # type: ignore[arg-type]
            p95s[kind] = p95
            print(
                f"  in-process cold {kind:<8}: p50 {p50:6.2f} ms  p95 {p95:6.2f} ms  "
                f"buka {opened:.3f} s  hits {results[0]['hits']}  ({len(results)} proses)"
            )
        print(f"  rasio p95 library/engine: {p95s['library'] / p95s['engine']:.2f}x")

        verdicts = {
            "cli_s": median(cli["zi-docs archive search"]),
            "p95_ms": p95s["library"],
            "build_s": median(builds),
            "rss_mb": float(max(rss)),
        }
        for key, value in verdicts.items():
            ok = "TERCAPAI" if value <= TARGETS[key] else "BELUM"
            print(f"  target {key} <= {TARGETS[key]:g}: {value:.3f} {ok}")
        print(load())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
