"""``check`` on 2k / 20k / 100k tagged files (target: whole CLI process < 1 s at 100k).

The archive is written directly into the catalogue by bench/corpus.py (rows inserted with
SQL, tiny objects on disk; no search index, so the integrity part is the catalogue and the
object store, unless ``--indeks`` builds one: then check also opens and counts it, as in a
unit's real archive). Interleaved, at least 3 runs of each:
  * baseline: the library's own read of the same rows (``evidence.db.live_files``: files
    and tags into EvidenceFile values), the least any completeness check must do;
  * check in-process: ``run_check`` (catalogue read, quick verify, completeness, roll-up,
    gates);
  * baseline process: a new Python process that only does that read;
  * ``zi-docs check`` as a user runs it: a new process, the whole command, the archive
    unchanged since the last check (its rows are loaded from what that check kept, see
    zi_docs.evidence.db.rows_snapshot);
  * the same right after a change of the archive (a new stamp is drawn before each run,
    outside the timing): the rows are read from the catalogue and kept again.

    python bench/bench_check.py [--files 20000] [--runs 3] [--corpus DIR] [--indeks]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from _common import interleaved, load, median, report, run_child_cpu, zi_docs_command

TARGET_S = 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="reuse (or create) the corpus here")
    parser.add_argument(
        "--indeks", action="store_true", help="give the corpus its search index (built once)"
    )
    args = parser.parse_args()
    print(load())
    tmp = Path(tempfile.mkdtemp(prefix="zi-bench-check-"))
    try:
        ws_dir = args.corpus or tmp / "ws"
        built = corpus.ensure(ws_dir, args.files, args.seed)
        if args.indeks and not (built.archive_dir / "index").is_dir():
            print(f"indeks pencarian dibangun: {corpus.reindex(built):.1f} s")
        from zi_docs.evidence.db import DB_FILE, live_files
        from zi_docs.evidence.store import ObjectStore
        from zi_docs.submission.check import run_check
        from zi_docs.workspace import Workspace

        ws = Workspace(ws_dir)
        db, objects = ws.archive_dir / DB_FILE, ws.archive_dir / "objects"
        today = dt.date(2026, 11, 1)
        result = run_check(Workspace(ws_dir), today)
        print(f"berkas dibaca: {len(result.archive.files)}; temuan: {len(result.findings)}")
        read_code = (
            "import sys; from pathlib import Path; "
            "from zi_docs.evidence.db import live_files; "
            "from zi_docs.evidence.store import ObjectStore; "
            "live_files(Path(sys.argv[1]), ObjectStore(Path(sys.argv[2])))"
        )
        print("dalam proses:")
        times = interleaved(
            {
                "baca baris (library)": lambda: live_files(db, ObjectStore(objects)),
                "run_check": lambda: run_check(Workspace(ws_dir), today),
            },
            args.runs,
        )
        report(times, "baca baris (library)")
        print("proses utuh (CLI):")
        changed = "zi-docs check, arsip baru berubah"
        commands = {
            "proses baca baris": [sys.executable, "-c", read_code, str(db), str(objects)],
            "zi-docs check": zi_docs_command("check", "-w", str(ws_dir)),
            changed: zi_docs_command("check", "-w", str(ws_dir)),
        }
        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}

        def run(name: str) -> None:
            if name == changed:
                _new_stamp(db)
            took, used, _peak = run_child_cpu(commands[name])
            wall[name].append(took)
            cpu[name].append(used)

        interleaved({name: (lambda n=name: run(n)) for name in commands}, args.runs)  # type: ignore[misc]
        report(wall, "proses baca baris")
        print(" waktu CPU (user+sys):")
        report(cpu, "proses baca baris")
        for name in ("zi-docs check", changed):
            took, used = median(wall[name]), median(cpu[name])
            verdict = "TERCAPAI" if took < TARGET_S else "BELUM"
            print(
                f"  target {name} < {TARGET_S:.0f} s: {verdict} "
                f"(wall {took:.2f} s, CPU {used:.2f} s)"
            )
        print(load())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _new_stamp(db: Path) -> None:
    """A change of the archive as check sees it: the catalogue's stamp drawn again."""
    from zi_docs.evidence.db import engine

    conn = engine.connect(db, isolation_level=None)
    try:
        conn.execute("UPDATE meta SET value = lower(hex(randomblob(16))) WHERE key = 'stamp'")
    finally:
        conn.close()


if __name__ == "__main__":
    main()
