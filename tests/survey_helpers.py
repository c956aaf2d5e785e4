"""Small survey exports written by the tests (CSV text and XLSX through openpyxl)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

CHECK_SUMS = (105, 101, 100, 116, 102, 105, 106, 105, 115)
"""Column sums of the reference's check figure: NRR 3,6207 3,4828 ... over 29 respondents."""


def check_figure_rows() -> list[list[int]]:
    """29 respondents whose U1..U9 sums are CHECK_SUMS: the first (sum - 87) answer 4, the
    rest 3 (4a + 3(29 - a) = sum)."""
    rows = []
    for r in range(29):
        rows.append([4 if r < total - 87 else 3 for total in CHECK_SUMS])
    return rows


def write_csv(
    path: Path, header: Sequence[str], rows: Sequence[Sequence[object]], sep: str = ","
) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=sep)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else v for v in row])
    return path


def unsur_header() -> list[str]:
    return [f"U{i}" for i in range(1, 10)]
