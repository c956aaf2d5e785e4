"""``export`` of the evidence versus ``cp -al`` (hard links) and ``cp -r`` (copies) of the same
files (target: each <= 1.5x its baseline).

Builds, in a temporary folder, a workspace whose archive holds ``--files`` random files of
``--mb`` MB each (catalogue rows written directly, tests/submission_helpers), each tagged to
one indicator (every tenth to two). Then, interleaved, at least 3 runs of each, every run into
a new folder, ``sync`` inside the timing of every side that writes data:
  * ``cp -al objects/`` (hard links) versus export with hard links (the default when bag and
    archive share a file system);
  * ``cp -r objects/`` (copies) versus export with copies (``--salin``).
Also printed: export of the same workspace with an empty archive (its fixed part: the LKE
workbook, the HTML index, the check and the bag's manifests, which ``cp`` does not make), and
each side's time per file once that fixed part is taken off.

    python bench/bench_export.py [--files 200] [--mb 2.75] [--runs 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "tests"))

from _common import interleaved, load, median, report  # noqa: E402
from submission_helpers import Fake, make_archive  # noqa: E402

TARGET = 1.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--mb", type=float, default=2.75)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(load())
    from zi_docs.evidence import view
    from zi_docs.submission.export import export_bundle
    from zi_docs.workspace import init_workspace

    size = int(args.mb * 1_000_000)
    with tempfile.TemporaryDirectory(prefix="zi-bench-export-", dir="/tmp") as tmp:
        root = Path(tmp)
        ws = init_workspace(root / "ws").workspace
        questions = ws.catalogue.questions()
        rng = random.Random(3)
        fakes = []
        for number in range(args.files):
            node = questions[number % len(questions)]
            tags: list[tuple[str, str | None]] = [(node.id, node.checklist[0].key)]
            if number % 10 == 0:
                tags.append((questions[(number + 7) % len(questions)].id, None))
            fakes.append(
                Fake(
                    f"bukti-{number:04d}.pdf",
                    os.urandom(size),
                    tags,
                    dt.date(2026, 1 + rng.randrange(10), 1),
                    f"Bukti {number}",
                )
            )
        make_archive(ws, fakes)
        del fakes
        objects = ws.archive_dir / "objects"
        total = sum(p.stat().st_size for p in objects.rglob("*") if p.is_file())
        print(f"arsip: {args.files} berkas, {total / 1e9:.2f} GB")
        view.integrity = lambda _report: ()  # the bench has no search index to check
        subprocess.run(["sync"], check=False)
        now = dt.datetime(2026, 11, 1, 9, 0)
        counter = itertools.count()

        def fresh() -> Path:
            return root / f"out-{next(counter)}"

        def cp(flags: str) -> None:
            subprocess.run(["cp", flags, str(objects), str(fresh())], check=True)
            subprocess.run(["sync"], check=False)

        def export(link: bool) -> None:
            export_bundle(ws, fresh(), now=now, link=link)
            subprocess.run(["sync"], check=False)

        def clean() -> None:
            for old in root.glob("out-*"):
                shutil.rmtree(old, ignore_errors=True)

        empty = init_workspace(root / "kosong").workspace
        make_archive(empty, [])

        def export_empty(link: bool) -> None:
            export_bundle(empty, fresh(), now=now, link=link)
            subprocess.run(["sync"], check=False)

        def per_file(times: dict[str, list[float]], base: str, side: str, fixed: float) -> None:
            ours = (median(times[side]) - fixed) / args.files * 1e6
            theirs = median(times[base]) / args.files * 1e6
            print(
                f"  per berkas, tanpa bagian tetap {fixed:.3f} s: {side} {ours:.0f} µs, "
                f"{base} {theirs:.0f} µs ({ours / theirs:.2f}x)"
            )

        print("tautan keras:")
        times = interleaved(
            {
                "cp -al": lambda: cp("-al"),
                "export (hard link)": lambda: export(True),
                "export, arsip kosong": lambda: export_empty(True),
            },
            args.runs,
            reset=clean,
        )
        report(times, "cp -al", target=TARGET, subject="export (hard link)")
        per_file(times, "cp -al", "export (hard link)", median(times["export, arsip kosong"]))
        print("salinan:")
        times = interleaved(
            {
                "cp -r": lambda: cp("-r"),
                "export (salinan)": lambda: export(False),
                "export, arsip kosong": lambda: export_empty(False),
            },
            args.runs,
            reset=clean,
        )
        report(times, "cp -r", target=TARGET, subject="export (salinan)")
        per_file(times, "cp -r", "export (salinan)", median(times["export, arsip kosong"]))
        print(load())


if __name__ == "__main__":
    main()
