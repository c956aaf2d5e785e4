"""``archive verify`` versus a one-thread hashlib loop and ``openssl dgst`` over the same files.

Target: full verify <= 1.2x the one-thread hashlib loop; ``--cepat`` linear in the number of
files.

Part 1 builds an archive through the library (``archive add`` of text PDFs, DOCX and a few
20 MB text files, so hashing dominates, as in a real archive) and runs, interleaved, at least
3 times each, page cache warm for all: the hashlib loop (1 MiB chunks, one thread), ``openssl
dgst -sha256`` over every stored file (one process), ``verify_archive`` (re-hash, compare with
the catalogue, unexpected objects, every index entry's stamp) and ``verify_archive(quick)``.

Part 2 (``--scale``) writes archives of 2k / 20k / 100k small files directly into the
catalogue (bench/corpus.py; no search index, so the index part reports it missing) and times
quick and full verify at each size against the hashlib loop.

    python bench/bench_verify.py [--pdfs 300] [--docx 100] [--big 8] [--scale 2000,20000]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from _common import interleaved, load, median, report
from bench_ingest import build_corpus

TARGET = 1.2


def hashlib_loop(paths: list[Path]) -> None:
    """What a competent user writes: one thread, 1 MiB chunks."""
    for path in paths:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
        digest.hexdigest()


def openssl(paths: list[Path]) -> None:
    names = [str(p) for p in paths]
    for start in range(0, len(names), 2000):  # keep the command line short
        subprocess.run(
            ["openssl", "dgst", "-sha256", *names[start : start + 2000]],
            check=True,
            stdout=subprocess.DEVNULL,
        )


def objects_of(workspace_dir: Path) -> list[Path]:
    return sorted(p for p in (workspace_dir / "archive" / "objects").glob("*/*") if p.is_file())


def part_one(tmp: Path, args: argparse.Namespace) -> None:
    from zi_docs import evidence
    from zi_docs.workspace import init_workspace

    source = tmp / "corpus"
    build_corpus(source, args.pdfs, args.docx, 4, 5)
    rng = random.Random(3)
    for i in range(args.big):
        words = " ".join(rng.choice(("laporan", "rapat", "zona", "bukti")) for _ in range(4000))
        (source / f"log-{i}.txt").write_text((words + "\n") * 1000, encoding="utf-8")
    workspace = init_workspace(tmp / "ws").workspace
    added = evidence.add_files(workspace, [source], max_mb=100)
    paths = objects_of(workspace.root)
    size = sum(p.stat().st_size for p in paths)
    print(f"arsip (lewat library): {len(added.added)} berkas, {size / 1e6:.0f} MB")
    hashlib_loop(paths)  # warm the page cache

    def verify() -> None:
        result = evidence.verify_archive(workspace)
        if not result.ok:
            raise SystemExit(f"verify found problems: {result.problems[:3]}")

    times = interleaved(
        {
            "hashlib 1 thread": lambda: hashlib_loop(paths),
            "openssl dgst": lambda: openssl(paths),
            "verify --cepat": lambda: evidence.verify_archive(workspace, quick=True),
            "verify": verify,
        },
        args.runs,
    )
    report(times, "hashlib 1 thread", target=TARGET)


def part_two(tmp: Path, sizes: list[int], runs: int) -> None:
    from zi_docs import evidence

    print("skala (berkas kecil, baris langsung ke katalog, tanpa indeks):")
    per_file = []
    for count in sizes:
        ws = corpus.ensure(tmp / f"scale-{count}", count)
        paths = objects_of(ws.root)
        hashlib_loop(paths)
        times = interleaved(
            {
                "hashlib 1 thread": lambda p=paths: hashlib_loop(p),  # type: ignore[misc]
                "verify --cepat": lambda w=ws: evidence.verify_archive(w, quick=True),  # type: ignore[misc]
                "verify": lambda w=ws: evidence.verify_archive(w),  # type: ignore[misc]
            },
            runs,
        )
        print(f" {count} berkas:")
        report(times, "hashlib 1 thread")
        per_file.append((count, median(times["verify --cepat"]) / count * 1e6))
        shutil.rmtree(tmp / f"scale-{count}", ignore_errors=True)
    print("  verify --cepat per berkas: " + ", ".join(f"{n}: {us:.1f} µs" for n, us in per_file))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdfs", type=int, default=300)
    parser.add_argument("--docx", type=int, default=100)
    parser.add_argument("--big", type=int, default=8, help="extra 20 MB text files")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", default="", help="comma-separated file counts, e.g. 2000,20000")
    parser.add_argument("--skip-part-one", action="store_true")
    args = parser.parse_args()
    print(load())
    tmp = Path(tempfile.mkdtemp(prefix="zi-bench-verify-"))
    try:
        start = time.perf_counter()
        if not args.skip_part_one:
            part_one(tmp, args)
        if args.scale:
            part_two(tmp, [int(n) for n in args.scale.split(",")], args.runs)
        print(f"selesai dalam {time.perf_counter() - start:.0f} s; {load()}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
