"""``check`` on an archive of >= 20,000 tagged files (target: under 1 s).

Builds, in a temporary folder, a workspace from the bundled example and writes its archive
catalogue directly (SQLite rows + tiny stored objects, like the archive would), then times in
one run:
  * baseline: one plain SQL query counting files and tags (open, query, close);
  * check (read-only): catalogue read mode=ro + size check, completeness, roll-up, gates;
  * check (as the command runs it): the same plus the archive's own ``verify --cepat``.
Prints each time and the ratio to the baseline.

    /work/venv/bin/python bench/bench_check.py [--files 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from submission_helpers import Fake, make_archive

from zi_docs.submission.check import run_check
from zi_docs.workspace import init_workspace

TARGET_S = 1.0


def build(root: Path, count: int, seed: int) -> Path:
    ws = init_workspace(root / "ws").workspace
    rng = random.Random(seed)
    questions = ws.catalogue.questions()
    fakes = []
    for number in range(count):
        node = rng.choice(questions)
        tags: list[tuple[str, str | None]] = [(node.id, rng.choice(node.checklist).key)]
        other = rng.choice(questions)
        if number % 5 == 0 and other.id != node.id:
            tags.append((other.id, None))
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 400))
        fakes.append(
            Fake(
                f"bukti-{number:05d}.pdf",
                f"bukti {number}".encode(),
                tags,
                day,
                f"Bukti nomor {number}",
            )
        )
    make_archive(ws, fakes)
    return ws.root


def best(func, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zi-bench-check-") as tmp:
        start = time.perf_counter()
        root = build(Path(tmp), args.files, args.seed)
        print(f"arsip dibuat: {args.files} berkas bertanda ({time.perf_counter() - start:.1f} s)")
        from zi_docs.workspace import Workspace

        ws = Workspace(root)
        db = ws.archive_dir / "catalog.sqlite"

        def baseline() -> None:
            conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
            conn.execute("SELECT count(*), (SELECT count(*) FROM tags) FROM files").fetchone()
            conn.close()

        today = dt.date(2026, 11, 1)
        base = best(baseline, args.repeat)
        read_only = best(lambda: run_check(Workspace(root), today, read_only=True), args.repeat)
        full = best(lambda: run_check(Workspace(root), today), args.repeat)
        result = run_check(Workspace(root), today)
        print(f"temuan: {len(result.findings)}; berkas dibaca: {len(result.archive.files)}")
        print(f"baseline SQL count : {base * 1000:8.1f} ms")
        print(
            f"check (read-only)  : {read_only * 1000:8.1f} ms  ({read_only / base:.0f}x baseline)"
        )
        print(f"check (+verify -q) : {full * 1000:8.1f} ms  ({full / base:.0f}x baseline)")
        verdict = "TERCAPAI" if full < TARGET_S else "BELUM"
        print(f"target < {TARGET_S:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
