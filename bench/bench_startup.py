"""Start-up: ``zi-docs --help`` (target < 0.1 s) and ``zi-docs score`` on the example
(target < 0.3 s), whole processes, beside the floors any click CLI pays.

Interleaved, at least 3 runs of each (``--runs``), each a new process:
  * ``python -c pass``: the interpreter alone;
  * ``python -c "import click"``: a click CLI before its first own import;
  * ``zi-docs --help``; ``zi-docs score -w EXAMPLE``; ``zi-docs check -w EXAMPLE``.
The example workspace is made with ``zi-docs init`` in a temporary folder.

    python bench/bench_startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import interleaved, load, median, report, run_child_cpu, zi_docs_command

TARGETS = {"zi-docs --help": 0.1, "zi-docs score": 0.3}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(load())
    tmp = Path(tempfile.mkdtemp(prefix="zi-bench-startup-"))
    try:
        ws = tmp / "ws"
        subprocess.run(
            zi_docs_command("init", "--contoh", str(ws)), check=True, capture_output=True
        )
        sides = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "python -c 'import click'": [sys.executable, "-c", "import click"],
            "zi-docs --help": zi_docs_command("--help"),
            "zi-docs score": zi_docs_command("score", "-w", str(ws)),
            "zi-docs check": zi_docs_command("check", "-w", str(ws)),
        }
        cpu: dict[str, list[float]] = {name: [] for name in sides}

        def run(name: str) -> None:
            cpu[name].append(run_child_cpu(sides[name])[1])

        times = interleaved({name: (lambda n=name: run(n)) for name in sides}, args.runs)  # type: ignore[misc]
        print("waktu dinding (wall):")
        report(times, "python -c pass")
        print("waktu CPU (user+sys, GNU time; lebih dekat ke mesin yang menganggur):")
        report(cpu, "python -c pass")
        for name, target in TARGETS.items():
            took, used = median(times[name]), median(cpu[name])
            verdict = "TERCAPAI" if took < target else "BELUM"
            print(f"  target {name} < {target} s: {verdict} (wall {took:.3f} s, CPU {used:.3f} s)")
        print(load())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
