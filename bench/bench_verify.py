"""``archive verify`` time versus ``sha256sum`` over the same stored files (target <= 1.3).

Builds an archive from a generated corpus (multi-page text PDFs plus DOCX, as in
bench_ingest.py, plus a few larger files so hashing dominates), then times, in one run:
  * baseline: ``sha256sum`` over every file in archive/objects (one process);
  * zi-docs: ``verify_archive`` — re-hashes every stored file, compares with the catalogue,
    lists unexpected objects and checks every index entry's stamp.
Each is run twice after a warm-up read and the faster run counts (page cache warm for both).

    /work/venv/bin/python bench/bench_verify.py [--pdfs 300] [--docx 100] [--big 8]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ingest import build_corpus

from zi_docs import evidence
from zi_docs.workspace import init_workspace

TARGET = 1.3


def _best(runs: int, action: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdfs", type=int, default=300)
    parser.add_argument("--docx", type=int, default=100)
    parser.add_argument("--big", type=int, default=8, help="extra 20 MB text files")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="zi-bench-verify-"))
    try:
        corpus = tmp / "corpus"
        build_corpus(corpus, args.pdfs, args.docx, 4, 5)
        rng = random.Random(3)
        for i in range(args.big):
            words = " ".join(
                rng.choice(("laporan", "rapat", "zona", "integritas", "bukti")) for _ in range(4000)
            )
            (corpus / f"log-{i}.txt").write_text((words + "\n") * 1000, encoding="utf-8")
        workspace = init_workspace(tmp / "ws").workspace
        report = evidence.add_files(workspace, [corpus], max_mb=100)
        objects = sorted(p for p in (workspace.archive_dir / "objects").glob("*/*"))
        size = sum(p.stat().st_size for p in objects)
        print(f"archive: {len(report.added)} files, {size / 1e6:.0f} MB; cores: {os.cpu_count()}")
        names = [str(p) for p in objects]

        def sha256sum() -> None:
            subprocess.run(["sha256sum", *names], check=True, stdout=subprocess.DEVNULL)

        def verify() -> None:
            result = evidence.verify_archive(workspace)
            if not result.ok:
                raise SystemExit(f"verify found problems: {result.problems[:3]}")

        sha256sum()  # warm the page cache
        base = _best(2, sha256sum)
        ours = _best(2, verify)
        quick = _best(2, lambda: evidence.verify_archive(workspace, quick=True))
        print(f"sha256sum over {len(names)} files:        {base:6.2f} s")
        print(f"zi-docs archive verify:              {ours:6.2f} s")
        print(f"zi-docs archive verify --quick:      {quick:6.2f} s")
        ratio = ours / base
        verdict = "OK" if ratio <= TARGET else "ABOVE TARGET"
        print(f"ratio verify / sha256sum: {ratio:.2f} (target <= {TARGET}) {verdict}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
