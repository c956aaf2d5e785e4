"""What every bench shares: machine load, interleaved runs, medians, ratios, child processes.

Each side of a comparison runs at least three times, the sides interleaved (A B A B A B) so
that a burst of load from another process hits both; the median of each side is printed with
its ratio to the baseline and the machine's load average before and after.
"""

from __future__ import annotations

import compileall
import functools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None
"""GNU time, for the peak memory of a child process."""
HIGH_LOAD = 1.5
"""Load average (1 min) above which the numbers of a 2-core machine are suspect."""


def load() -> str:
    """The 1/5/15-minute load average, as printed at the start and end of every bench."""
    one, five, fifteen = os.getloadavg()
    note = "  (TINGGI: ulangi bila angka meragukan)" if one > HIGH_LOAD else ""
    return f"beban mesin: {one:.2f} {five:.2f} {fifteen:.2f}; inti: {os.cpu_count()}{note}"


def interleaved(
    sides: Mapping[str, Callable[[], object]],
    runs: int = 3,
    reset: Callable[[], None] | None = None,
) -> dict[str, list[float]]:
    """Run every side ``runs`` times, interleaved; returns seconds per run per side."""
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(max(3, runs)):
        for name, action in sides.items():
            if reset is not None:
                reset()
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return times


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def report(
    times: Mapping[str, Sequence[float]],
    baseline: str,
    unit: str = "s",
    target: float | None = None,
    subject: str | None = None,
) -> float | None:
    """Print every side's runs and median, and its ratio to ``baseline``; returns the ratio of
    ``subject`` (default: the last side) to the baseline."""
    scale = 1000.0 if unit == "ms" else 1.0
    base = median(times[baseline])
    width = max(len(name) for name in times)
    for name, values in times.items():
        runs = " ".join(f"{v * scale:.3g}" for v in values)
        ratio = median(values) / base if base else float("nan")
        print(
            f"  {name:<{width}}  median {median(values) * scale:9.3f} {unit}  "
            f"({ratio:5.2f}x {baseline})  runs: {runs}"
        )
    subject = subject or list(times)[-1]
    ratio = median(times[subject]) / base if base else None
    if target is not None and ratio is not None:
        verdict = "TERCAPAI" if ratio <= target else "BELUM"
        print(f"  target {subject} <= {target}x {baseline}: {verdict} ({ratio:.2f}x)")
    return ratio


@functools.cache
def ensure_bytecode() -> None:
    """Write the package's ``.pyc`` files, as an installed zi-docs has them.

    ``pip install .`` compiles the package, and a first run of an editable install writes the
    files; with ``PYTHONDONTWRITEBYTECODE`` set (as on some machines) no run ever would, and
    every timed child process would compile the sources again, timing the compiler.
    """
    compileall.compile_dir(ROOT / "zi_docs", quiet=1)


def zi_docs_command(*args: str) -> list[str]:
    """The CLI as a user runs it: a new Python process (with the package compiled)."""
    ensure_bytecode()
    return [sys.executable, "-m", "zi_docs", *args]


def run_child(command: Sequence[str], env: Mapping[str, str] | None = None) -> tuple[float, int]:
    """Run a process to its end; returns (wall seconds, its peak RSS in MB)."""
    wall, _cpu, peak = run_child_cpu(command, env)
    return wall, peak


def run_child_cpu(
    command: Sequence[str], env: Mapping[str, str] | None = None
) -> tuple[float, float, int]:
    """Run a process to its end; returns (wall seconds, CPU seconds user+system, peak RSS in
    MB). Output is discarded. CPU time and peak come from GNU time (``/usr/bin/time``): the
    kernel's peak for a forked child would include the memory of this process at the fork,
    and on a loaded machine CPU time is closer than wall time to what an idle one shows."""
    ensure_bytecode()
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        wrapped = [TIME, "-f", "%U %S %M", "-o", rss.name, *command] if TIME else list(command)
        start = time.perf_counter()
        done = subprocess.run(
            wrapped,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, **(env or {})},
            check=False,
        )
        elapsed = time.perf_counter() - start
        lines = rss.read().strip().splitlines()
    if done.returncode not in (0, 3):
        errors = done.stderr.decode(errors="replace")
        raise SystemExit(f"{' '.join(command)} -> {done.returncode}: {errors[-2000:]}")
    fields = lines[-1].split() if lines else []
    if len(fields) != 3:
        return elapsed, -1.0, -1
    return elapsed, float(fields[0]) + float(fields[1]), int(fields[2]) // 1024


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
