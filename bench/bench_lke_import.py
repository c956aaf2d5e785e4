"""``lke impor`` on a filled ~200-row LKE workbook, against openpyxl merely loading it.

Builds, in a temporary folder, the whole LKE (113 questions, their sub-komponen, areas and
count rows: about 200 rows) with two column groups, formulas with cached values in every
Nilai cell of the nodes, evidence columns and a summary sheet, as a KemenPANRB-style
workbook looks. Then, interleaved, ``--repeat`` times each:

  * baseline: ``openpyxl.load_workbook(path)`` (what any script reading the file starts with);
  * baseline, read-only: ``load_workbook(path, read_only=True)`` and every row read with
    ``iter_rows(values_only=True)`` (openpyxl's fast path for reading values);
  * import: read (the sheet XML in one pass: values, formulas and their cached values), match
    every row to the catalogue, validate the answers, score them, compare the sheet's values.

The catalogue is loaded once beforehand (a workspace holds it); its load time is printed
separately. Prints medians, the ratio to each baseline (target <= 1.5x against both) and the
machine load.

    .venv/bin/python bench/bench_lke_import.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from lke_workbooks import LkeSheet, example_answers
from openpyxl import load_workbook

from zi_docs.catalogue import load_catalogue
from zi_docs.evaluation.sheet_import import import_workbook

TARGET = 1.5


def read_only_load(path: Path) -> None:
    book = load_workbook(path, read_only=True)
    for sheet in book.worksheets:
        for _row in sheet.iter_rows(values_only=True):
            pass
    book.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    catalogue = load_catalogue("permenpanrb-90-2021")
    catalogue_s = time.perf_counter() - start
    answers = example_answers(catalogue)
    evaluator = {**answers, "A.I.1.i.b": {"jawaban": "C", "catatan": "Belum ada mekanisme"}}
    with tempfile.TemporaryDirectory(prefix="zi-bench-impor-") as tmp:
        path = LkeSheet(
            catalogue,
            [("Unit", answers), ("TPI", evaluator)],
            values="formula",
            evidence=True,
            summary_weights={},
        ).save(Path(tmp) / "lke.xlsx")
        rows = load_workbook(path)["LKE"].max_row
        result = import_workbook(path, catalogue)
        print(
            f"kertas kerja: {rows} baris, {result.answered} butir terjawab, "
            f"{len(result.rows)} baris dicocokkan, {len(result.differences)} perbedaan"
        )
        base: list[float] = []
        fast: list[float] = []
        full: list[float] = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            load_workbook(path)
            base.append(time.perf_counter() - start)
            start = time.perf_counter()
            read_only_load(path)
            fast.append(time.perf_counter() - start)
            start = time.perf_counter()
            import_workbook(path, catalogue)
            full.append(time.perf_counter() - start)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    b, r, f = (statistics.median(x) for x in (base, fast, full))
    print(f"muat katalog (sekali)        : {catalogue_s * 1000:8.1f} ms")
    print(f"openpyxl load_workbook       : {b * 1000:8.1f} ms (median dari {args.repeat})")
    print(f"openpyxl read_only + baris   : {r * 1000:8.1f} ms (median dari {args.repeat})")
    print(f"lke impor (baca+cocok+nilai) : {f * 1000:8.1f} ms (median dari {args.repeat})")
    verdict = "TERCAPAI" if max(f / b, f / r) <= TARGET else "BELUM"
    print(f"rasio: {f / b:.2f}x terhadap load_workbook, {f / r:.2f}x terhadap read_only")
    print(f"target <= {TARGET}x terhadap keduanya: {verdict}")
    print(f"beban mesin (1/5/15 menit): {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
