"""whoosh and tantivy side by side: same corpus, same queries, same Indonesian analyzer.

For each corpus size (bench/corpus.py; 2k / 20k / 100k documents) both engines index the same
documents, read from the catalogue by the library's own source (``indexing.source``), with the
same fields stored (sha256, what a hit shows as JSON, the text for snippets, the stamp) and the
same words indexed (the project's tokenizer, stop list and stemmer). Measured, each engine in a
new process, the sides interleaved:
  * build: one process that builds the index from the catalogue (tantivy through the library,
    ``reindex --penuh``; whoosh with a writer as a competent user sets it: ``procs`` = cores,
    ``limitmb=256``, one merged segment, ``compound=False``); wall and CPU time, index size,
    peak RSS;
  * CLI cold: a new process that opens the index and runs one query (limit 20, hits with
    snippets, printed). tantivy: the real ``zi-docs archive search``, and a bare process on
    the library's ``SearchIndex`` (no CLI); whoosh: a bare process (imports whoosh and the
    analyzer, opens the index, one searcher, one parser);
  * in-process cold: a new process opens the index once, then runs the query set; p50/p95 per
    query (parse, search, stored fields of the hits, snippet), open time and peak RSS apart;
  * overlap: per query, the share of the top-20 files that both engines return.

    python bench/bench_search_engines.py [--docs 2000,20000,100000] [--queries 200] [--runs 3]
        [--bangun N] [--map DIR] [--pakai-ulang]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from _common import load, median, run_child_cpu, zi_docs_command
from bench_search import LIMIT, TARGETS, make_queries, pct

HERE = str(Path(__file__).resolve().parent)
TANTIVY_CLI = """import sys
from pathlib import Path
from zi_docs.evidence import SearchFilters
from zi_docs.evidence.search import SearchIndex
filters = SearchFilters(limit=int(sys.argv[3]))
for hit in SearchIndex(Path(sys.argv[1])).search(sys.argv[2], filters):
    print(hit.title, hit.snippet, sep="\\n  ")
"""
"""A search command on the library's facade, without the CLI: open, one query, print."""
WHOOSH_CLI = f"import sys; sys.path.insert(0, {HERE!r}); import _whoosh_engine as w; " + (
    "w.cli(sys.argv[1], sys.argv[2], int(sys.argv[3]))"
)
"""The same command on whoosh (bench/_whoosh_engine.py)."""


def _library_source(ws_dir: str) -> Any:
    """The library's own source of index entries: every file of the catalogue."""
    from zi_docs.evidence import indexing
    from zi_docs.evidence.db import DB_FILE, ArchiveDb
    from zi_docs.evidence.store import ObjectStore
    from zi_docs.workspace import Workspace

    ws = Workspace(Path(ws_dir))
    db = ArchiveDb(ws.archive_dir / DB_FILE, ObjectStore(ws.archive_dir / "objects"))
    return indexing.source(db, ws.catalogue)


def build_whoosh(ws_dir: str, index_dir: str) -> None:
    import _whoosh_engine

    _whoosh_engine.build(_library_source(ws_dir)(), Path(index_dir))


def build_tantivy(ws_dir: str) -> None:
    from zi_docs.workspace import Workspace

    corpus.reindex(Workspace(Path(ws_dir)))


def _searcher(engine: str, target: str) -> tuple[Any, Any]:
    """``query -> sha256 of the hits`` for one engine, opened once, and ``query -> how many
    files match`` (every match counted, not timed)."""
    if engine == "whoosh":
        import _whoosh_engine

        whoosh = _whoosh_engine.Searcher(Path(target), LIMIT)
        return (lambda q: [hit["sha256"] for hit in whoosh.search(q)]), whoosh.count
    import tantivy

    from zi_docs.evidence import SearchFilters
    from zi_docs.evidence.search import SearchIndex
    from zi_docs.evidence.search._query import _wanted, _words
    from zi_docs.workspace import Workspace

    folder = Workspace(Path(target)).archive_dir / "index"
    ix = SearchIndex(folder, source=_library_source(target))

    def count(text: str) -> int:  # the library's query, counted instead of ranked
        schema, searcher = ix._current_searcher()
        wanted = _wanted(text)
        must = [(tantivy.Occur.Must, _words(schema, group)) for group in wanted]
        return int(searcher.search(tantivy.Query.boolean_query(must), 1).count) if must else 0

    return (lambda q: [hit.sha256 for hit in ix.search(q, SearchFilters(limit=LIMIT))]), count


# ---- children (each a new process) ---------------------------------------------------------
def child_queries(engine: str, target: str, queries: list[str]) -> dict[str, object]:
    import resource

    start = time.perf_counter()
    search, count = _searcher(engine, target)
    search("zzzz")  # opens the searcher
    opened = time.perf_counter() - start
    latencies, cpu, found = [], [], []
    for q in queries:
        t, c = time.perf_counter(), time.process_time()
        found.append(search(q))
        latencies.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    counts = [count(q) for q in queries]
    return {
        "open_s": opened,
        "latencies": latencies,
        "cpu": cpu,
        "found": found,
        "counts": counts,
        "rss_mb": rss,
    }


def _python(code: str, *args: str) -> list[str]:
    prelude = f"import sys,json; sys.path.insert(0, {HERE!r}); import bench_search_engines as b; "
    return [sys.executable, "-c", prelude + code, *args]


def _child_json(code: str, *args: str) -> dict[str, Any]:
    done = subprocess.run(_python(code, *args), capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr[-2000:])
    out = done
    return dict(json.loads(out.stdout))


def _runs(runs: list[tuple[float, float, int]], digits: int) -> str:
    """Wall-time median and runs, CPU median and peak RSS of child processes, as printed."""
    walls = [f"{r[0]:.{digits}f}" for r in runs]
    cpu = median([r[1] for r in runs])
    return (
        f"median {median([r[0] for r in runs]):.{digits}f} s  runs {' '.join(walls)}  "
        f"CPU median {cpu:.{digits}f} s  RSS puncak {max(r[2] for r in runs)} MB"
    )


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


# ---- one corpus size -----------------------------------------------------------------------
def measure(root: Path, docs: int, args: argparse.Namespace) -> dict[str, dict[str, float]]:
    ws_dir = root / f"c{docs}"
    whoosh_dir = root / f"c{docs}-whoosh"
    print(f"\n== {docs} dokumen ({load()})")
    ws = corpus.ensure(ws_dir, docs, args.seed)
    tantivy_dir = ws.archive_dir / "index"
    engines = ("whoosh", "tantivy")
    row: dict[str, dict[str, float]] = {e: {} for e in engines}
    builds = args.bangun or (3 if docs <= 20_000 else 1)
    reuse = args.pakai_ulang and any(whoosh_dir.glob("*.toc")) and tantivy_dir.is_dir()
    commands = {
        "whoosh": _python("b.build_whoosh(sys.argv[1], sys.argv[2])", str(ws_dir), str(whoosh_dir)),
        "tantivy": _python("b.build_tantivy(sys.argv[1])", str(ws_dir)),
    }
    timings: dict[str, list[tuple[float, float, int]]] = {e: [] for e in engines}
    for _ in range(0 if reuse else builds):
        for engine in engines:
            timings[engine].append(run_child_cpu(commands[engine]))
            print(f"  bangun {engine}: {timings[engine][-1][0]:.1f} s  ({load()})", flush=True)
    for engine, folder in (("whoosh", whoosh_dir), ("tantivy", tantivy_dir)):
        runs = timings[engine]
        row[engine]["size_mb"] = _size_mb(folder)
        if runs:
            row[engine]["build_s"] = median([r[0] for r in runs])
            row[engine]["build_rss_mb"] = max(r[2] for r in runs)
            print(f"  build {engine:<7}: {_runs(runs, 1)}  ukuran {row[engine]['size_mb']:.0f} MB")
        else:
            print(
                f"  build {engine:<7}: dipakai ulang (tidak diukur); "
                f"{row[engine]['size_mb']:.0f} MB"
            )

    queries = make_queries(args.queries, args.seed)
    words = [q for q in queries if " " not in q][: args.runs]
    cli = {
        "whoosh proses polos": [sys.executable, "-c", WHOOSH_CLI, str(whoosh_dir)],
        "tantivy proses polos": [sys.executable, "-c", TANTIVY_CLI, str(tantivy_dir)],
        "tantivy zi-docs archive search": zi_docs_command("archive", "search"),
    }
    cold: dict[str, list[tuple[float, float, int]]] = {name: [] for name in cli}
    for q in words:
        for name, command in cli.items():
            extra = [q, "-w", str(ws_dir)] if name.endswith("search") else [q, str(LIMIT)]
            cold[name].append(run_child_cpu([*command, *extra]))
    print(f"  CLI cold (proses baru, satu kueri, batas {LIMIT}), kata: {', '.join(words)}")
    for name, runs in cold.items():
        print(f"    {name:<31} {_runs(runs, 3)}")
    for engine, name in (
        ("whoosh", "whoosh proses polos"),
        ("tantivy", "tantivy zi-docs archive search"),
    ):
        row[engine]["cli_s"] = median([r[0] for r in cold[name]])
        row[engine]["rss_mb"] = max(r[2] for r in cold[name])

    results: dict[str, list[dict[str, Any]]] = {e: [] for e in engines}
    code = "print(json.dumps(b.child_queries(sys.argv[1], sys.argv[2], json.loads(sys.argv[3]))))"
    targets = {"whoosh": str(whoosh_dir), "tantivy": str(ws_dir)}
    for _ in range(args.runs):
        for engine in engines:
            results[engine].append(_child_json(code, engine, targets[engine], json.dumps(queries)))
    for engine, runs in results.items():
        row[engine]["p50_ms"] = median([pct(r["latencies"], 50) for r in runs])
        row[engine]["p95_ms"] = median([pct(r["latencies"], 95) for r in runs])
        row[engine]["open_s"] = median([r["open_s"] for r in runs])
        row[engine]["query_rss_mb"] = max(r["rss_mb"] for r in runs)
        cpu50 = median([pct(r["cpu"], 50) for r in runs])
        cpu95 = median([pct(r["cpu"], 95) for r in runs])
        print(
            f"  in-process cold {engine:<7}: p50 {row[engine]['p50_ms']:6.2f} ms  p95 "
            f"{row[engine]['p95_ms']:6.2f} ms  (CPU p50 {cpu50:.2f} p95 {cpu95:.2f} ms)  buka "
            f"{row[engine]['open_s']:.3f} s  RSS {row[engine]['query_rss_mb']:.0f} MB  "
            f"({len(runs)} proses, p95 runs "
            + " ".join(f"{pct(r['latencies'], 95):.1f}" for r in runs)
            + ")"
        )
    ours, theirs = results["whoosh"][0], results["tantivy"][0]
    row["whoosh"]["overlap"] = overlap(ours["found"], theirs["found"])
    same = sum(a == b for a, b in zip(ours["counts"], theirs["counts"], strict=True))
    print(
        f"  jumlah berkas cocok (semua, bukan hanya top-{LIMIT}) sama: {same}/{len(queries)} "
        f"kueri; total whoosh {sum(ours['counts'])}, tantivy {sum(theirs['counts'])}"
    )
    print(load())
    return row


def overlap(ours: list[list[str]], theirs: list[list[str]]) -> float:
    """Mean share of the top hits both return (1.0 when both find nothing); prints details."""
    shares, same_sets, same_order = [], 0, 0
    for a, b in zip(ours, theirs, strict=True):
        both = len(set(a) & set(b))
        shares.append(1.0 if not a and not b else both / max(len(a), len(b)))
        same_sets += set(a) == set(b)
        same_order += a == b
    mean = sum(shares) / len(shares)
    print(
        f"  tumpang-tindih top-{LIMIT} whoosh/tantivy: rata-rata {mean:.1%}; himpunan sama "
        f"{same_sets}/{len(shares)} kueri; urutan sama {same_order}/{len(shares)}"
    )
    return mean


def table(rows: dict[int, dict[str, dict[str, float]]]) -> None:
    print(
        "\nringkasan (median; target pada 100k: "
        + ", ".join(f"{k} <= {v:g}" for k, v in TARGETS.items())
        + ")"
    )
    print(
        f"{'dok':>7} {'mesin':<8} {'build s':>8} {'MB':>6} {'CLI s':>6} {'p50 ms':>7} "
        f"{'p95 ms':>7} {'RSS MB':>7} {'overlap':>8}"
    )
    for docs, row in rows.items():
        for engine, v in row.items():
            build = f"{v['build_s']:.1f}" if "build_s" in v else "-"
            lap = f"{v['overlap']:.1%}" if "overlap" in v else ""
            print(
                f"{docs:>7} {engine:<8} {build:>8} {v['size_mb']:>6.0f} {v['cli_s']:>6.3f} "
                f"{v['p50_ms']:>7.2f} {v['p95_ms']:>7.2f} {v['rss_mb']:>7.0f} {lap:>8}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="2000,20000,100000", help="ukuran korpus, dipisah koma")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--bangun", type=int, help="build per mesin (bawaan: 3; 1 di atas 20k)")
    parser.add_argument("--map", type=Path, help="folder korpus dan indeks (dipakai ulang)")
    parser.add_argument("--pakai-ulang", action="store_true", help="pakai indeks yang ada")
    args = parser.parse_args()
    print(load())
    root = args.map or Path(tempfile.mkdtemp(prefix="zi-bench-engines-"))
    try:
        rows = {int(n): measure(root, int(n), args) for n in args.docs.split(",")}
        table(rows)
    finally:
        if args.map is None:
            shutil.rmtree(root, ignore_errors=True)
    print(load())


if __name__ == "__main__":
    main()
