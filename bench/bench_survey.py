"""``survei ikm`` on 100,000 responses x 9 unsur (target: at most 1.5x the bare csv sums).

Writes, in a temporary folder, a U1..U9 export with random 1-4 answers and a few bad cells
(empty, 5, a stray word: about 0.5 %), then times in one run, interleaved, each side
``--repeat`` times:
  * baseline: what a competent user writes with the csv module alone — read every row, int()
    each of the nine cells, keep 1-4, sum and count per column, then the nine NRR and the IKM;
  * zi-docs: ``compute_ikm`` — the same IKM plus validation with a finding per bad cell,
    the per-unsur table (distribution, NRR, weighted NRR, converted value, mutu, rank), exact
    fractions.
Prints medians, the ratio, the machine load, and the peak traced memory of zi-docs at 10,000
and at 100,000 rows, for a clean export (flat in rows: the ratio should stay near 1) and for
the one with bad cells (every bad cell is kept as a finding, so that part grows with them).

    .venv/bin/python bench/bench_survey.py [--rows 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from zi_docs.surveys.ikm import compute_ikm

TARGET_RATIO = 1.5


def write_export(path: Path, rows: int, seed: int, bad_share: float = 0.045) -> int:
    rng = random.Random(seed)
    bad = 0
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([f"U{i}" for i in range(1, 10)])
        for _ in range(rows):
            row: list[object] = [rng.choices((4, 3, 2, 1), (45, 40, 12, 3))[0] for _ in range(9)]
            if rng.random() < bad_share:
                row[rng.randrange(9)] = rng.choice(("", "5", "lumayan"))
                bad += 1
            writer.writerow(row)
    return bad


def baseline(path: Path) -> float:
    sums, counts = [0] * 9, [0] * 9
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.reader(stream)
        next(reader)
        for row in reader:
            for j in range(9):
                try:
                    value = int(row[j])
                except ValueError:
                    continue
                if 1 <= value <= 4:
                    sums[j] += value
                    counts[j] += 1
    nrr = [s / c for s, c in zip(sums, counts, strict=True)]
    return sum(nrr) * 0.11 * 25


def ours(path: Path) -> float:
    result = compute_ikm(path)
    assert result.overall.ikm is not None
    return float(result.overall.ikm)


def timed(func: Callable[[Path], float], path: Path) -> tuple[float, float]:
    start = time.perf_counter()
    value = func(path)
    return time.perf_counter() - start, value


def peak(path: Path) -> int:
    tracemalloc.start()
    compute_ikm(path)
    _current, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top


def load() -> str:
    try:
        one, five, _fifteen = os.getloadavg()
    except (AttributeError, OSError):  # Windows
        return "beban mesin: tidak tersedia"
    return f"beban mesin (1/5 menit): {one:.2f} / {five:.2f} pada {os.cpu_count()} inti"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zi-bench-survey-") as tmp:
        big = Path(tmp) / "skm-besar.csv"
        small = Path(tmp) / "skm-kecil.csv"
        bad = write_export(big, args.rows, args.seed)
        write_export(small, args.rows // 10, args.seed)
        print(
            f"berkas: {args.rows} baris x 9 unsur, {bad} sel tidak sah, "
            f"{big.stat().st_size / 1e6:.1f} MB"
        )
        print(load())
        base_times, our_times = [], []
        for _ in range(args.repeat):
            t, base_value = timed(baseline, big)
            base_times.append(t)
            t, our_value = timed(ours, big)
            our_times.append(t)
        # both sides compute the same IKM (floats vs exact fractions)
        assert abs(base_value - our_value) < 1e-9, (base_value, our_value)
        base_m, our_m = statistics.median(base_times), statistics.median(our_times)
        print(
            f"baseline csv + int() : median {base_m:6.3f} s  "
            f"({', '.join(f'{t:.3f}' for t in base_times)})"
        )
        print(
            f"zi-docs compute_ikm  : median {our_m:6.3f} s  "
            f"({', '.join(f'{t:.3f}' for t in our_times)})"
        )
        ratio = our_m / base_m
        verdict = "TERCAPAI" if ratio <= TARGET_RATIO else "BELUM"
        print(f"rasio: {ratio:.2f}x (target <= {TARGET_RATIO}x): {verdict}")
        print(f"IKM: {our_value:.6f} (baseline {base_value:.6f})")
        small_peak, big_peak = peak(small), peak(big)
        print(
            f"memori puncak, dengan sel tidak sah: {args.rows // 10} baris "
            f"{small_peak / 1e6:.2f} MB, {args.rows} baris {big_peak / 1e6:.2f} MB "
            f"(rasio {big_peak / small_peak:.2f}; tiap sel tidak sah disimpan sebagai temuan)"
        )
        clean_small, clean_big = Path(tmp) / "bersih-kecil.csv", Path(tmp) / "bersih-besar.csv"
        write_export(clean_small, args.rows // 10, args.seed, bad_share=0)
        write_export(clean_big, args.rows, args.seed, bad_share=0)
        small_peak, big_peak = peak(clean_small), peak(clean_big)
        print(
            f"memori puncak, berkas bersih: {args.rows // 10} baris {small_peak / 1e6:.2f} MB, "
            f"{args.rows} baris {big_peak / 1e6:.2f} MB (rasio {big_peak / small_peak:.2f})"
        )
        print(load())


if __name__ == "__main__":
    sys.exit(main())
