"""Tables of the respondents' characteristics (jenis kelamin, pendidikan, pekerjaan, usia ...).

Values are counted as written (spacing tidied); an age column holding numbers of years is
grouped by the age groups of the scale data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from zi_docs.surveys.tally import UNFILLED, ProfileCount

TITLES = {
    "jenis_kelamin": "Jenis Kelamin",
    "pendidikan": "Pendidikan",
    "pekerjaan": "Pekerjaan",
    "usia": "Usia",
    "layanan": "Jenis Layanan",
}


@dataclass(frozen=True)
class ProfileRow:
    value: str
    count: int
    share: Fraction
    """Of all respondents (0-1)."""


@dataclass(frozen=True)
class ProfileTable:
    name: str
    title: str
    column: str
    rows: tuple[ProfileRow, ...]


def _years(value: str) -> int | None:
    text = value.lower().removesuffix("tahun").strip()
    return int(text) if text.isdigit() else None


def _age_groups(
    values: Sequence[tuple[str, int]], groups: Sequence[tuple[str, int]]
) -> list[tuple[str, int]] | None:
    """Counts per age group, or None when the column is not numbers of years."""
    counts = {label: 0 for label, _ in groups}
    unfilled = 0
    for value, count in values:
        if value == UNFILLED:
            unfilled += count
            continue
        years = _years(value)
        if years is None:
            return None
        for label, upto in groups:
            if years <= upto:
                counts[label] += count
                break
    rows = [(label, n) for label, n in counts.items() if n]
    return rows + ([(UNFILLED, unfilled)] if unfilled else [])


def profile_tables(
    counts: Sequence[ProfileCount], respondents: int, age_groups: Sequence[tuple[str, int]]
) -> tuple[ProfileTable, ...]:
    tables = []
    for count in counts:
        values: list[tuple[str, int]] = list(count.values)
        grouped = _age_groups(values, age_groups) if count.name == "usia" else None
        if grouped is not None:
            values = grouped
        else:
            values.sort(key=lambda v: (v[0] == UNFILLED, -v[1], v[0]))
        tables.append(
            ProfileTable(
                name=count.name,
                title=TITLES.get(count.name, count.name.replace("_", " ").title()),
                column=count.column,
                rows=tuple(
                    ProfileRow(v, n, Fraction(n, respondents) if respondents else Fraction(0))
                    for v, n in values
                ),
            )
        )
    return tuple(tables)
