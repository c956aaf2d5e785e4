"""What a survey export's bad data is: one :class:`DataProblem` per cell or row left out,
with its row and column, and the kinds in the order they are reported."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

KINDS = {
    "di-luar-skala": "nilai di luar skala",
    "label-tidak-dikenal": "label jawaban tidak dikenal",
    "kosong": "jawaban kosong",
    "duplikat": "kiriman ganda (waktu dan responden sama)",
    "baris-kosong": "baris kosong",
    "waktu-tidak-terbaca": "waktu pengisian tidak terbaca",
}
"""Problem code -> what it is, in the order they are reported."""


@dataclass(frozen=True, slots=True)
class DataProblem:
    """One cell or row left out of the computation."""

    kind: str
    """A key of :data:`KINDS`."""
    row: int
    """Row number as a spreadsheet shows it (the header is row 1)."""
    column: str | None = None
    """Column letter; ``None`` for a whole row."""
    header: str = ""
    item: str = ""
    """The item (``U3``, ``kepentingan U3``) the cell answers."""
    value: str = ""
    """The cell as written (shortened)."""
    first_row: int | None = None
    """For a duplicate: the row it repeats."""

    def message(self) -> str:
        """A sentence a clerk can act on."""
        place = f"baris {self.row}" + (f", kolom {self.column}" if self.column else "")
        what = f" ({self.item})" if self.item else ""
        if self.kind == "di-luar-skala":
            return (
                f"{place}{what}: nilai '{self.value}' di luar skala; tidak dihitung untuk unsur ini"
            )
        if self.kind == "label-tidak-dikenal":
            return (
                f"{place}{what}: jawaban '{self.value}' tidak dikenal; tambahkan labelnya di "
                "berkas definisi atau perbaiki selnya"
            )
        if self.kind == "kosong":
            return f"{place}{what}: jawaban kosong; tidak dihitung untuk unsur ini"
        if self.kind == "duplikat":
            return (
                f"{place}: kiriman ganda dari baris {self.first_row} (waktu dan responden sama); "
                "seluruh baris tidak dihitung"
            )
        if self.kind == "baris-kosong":
            return f"{place}: baris kosong; dilewati"
        return (
            f"{place}: waktu pengisian '{self.value}' tidak terbaca; baris dihitung untuk "
            "keseluruhan tetapi tidak untuk periode"
        )


def count_kinds(problems: Sequence[DataProblem]) -> dict[str, int]:
    """Problems per kind, every kind listed (zero included), in the order of :data:`KINDS`."""
    found = {k: 0 for k in KINDS}
    for problem in problems:
        found[problem.kind] += 1
    return found
