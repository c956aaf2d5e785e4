"""``export`` of >= 1 GB of evidence versus a plain ``cp -r`` of the same files (target <= 1.5x).

Builds, in a temporary folder, a workspace whose archive holds ``--files`` random files of
``--mb`` MB each (default 200 x 5.5 MB = 1.1 GB), each tagged to one indicator (every tenth to
two), then times in one run:
  * baseline: ``cp -r`` of the archive's objects/ folder to a new folder;
  * export with hard links (the default when bag and archive share a file system);
  * export with copies (``--salin``);
and prints each time and its ratio to ``cp -r``. Everything is removed afterwards.

    /work/venv/bin/python bench/bench_export.py [--files 200] [--mb 5.5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from submission_helpers import Fake, make_archive

from zi_docs.evidence import view
from zi_docs.submission.export import export_bundle
from zi_docs.workspace import init_workspace

TARGET = 1.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--mb", type=float, default=5.5)
    args = parser.parse_args()
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
                    dt.date(2026, 1 + rng.randrange(12), 1),
                    f"Bukti {number}",
                )
            )
        make_archive(ws, fakes)
        del fakes
        total = sum(
            p.stat().st_size for p in (ws.archive_dir / "objects").rglob("*") if p.is_file()
        )
        print(f"arsip: {args.files} berkas, {total / 1e9:.2f} GB")
        view.quick_verify = lambda _ws: ()  # the bench has no search index to check
        subprocess.run(["sync"], check=False)

        start = time.perf_counter()
        subprocess.run(["cp", "-r", str(ws.archive_dir / "objects"), str(root / "cp")], check=True)
        subprocess.run(["sync"], check=False)
        cp_time = time.perf_counter() - start
        shutil.rmtree(root / "cp", ignore_errors=True)

        now = dt.datetime(2026, 11, 1, 9, 0)
        start = time.perf_counter()
        linked = export_bundle(ws, root / "bag-link", now=now)
        link_time = time.perf_counter() - start
        start = time.perf_counter()
        copied = export_bundle(ws, root / "bag-copy", now=now, link=False)
        subprocess.run(["sync"], check=False)
        copy_time = time.perf_counter() - start
        print(
            f"penempatan: {linked.placements} ({linked.payload_bytes / 1e9:.2f} GB di bag); "
            f"digest dipakai ulang: {copied.reused_digests}, dihitung: {copied.hashed}"
        )
        print(f"cp -r objects/      : {cp_time:7.2f} s")
        print(f"export (hard link)  : {link_time:7.2f} s  ({link_time / cp_time:.2f}x cp -r)")
        print(f"export (salinan)    : {copy_time:7.2f} s  ({copy_time / cp_time:.2f}x cp -r)")
        ok = copy_time / cp_time <= TARGET
        print(f"target <= {TARGET}x (mode salinan): {'TERCAPAI' if ok else 'BELUM'}")
        shutil.rmtree(root / "bag-link", ignore_errors=True)
        shutil.rmtree(root / "bag-copy", ignore_errors=True)


if __name__ == "__main__":
    main()
