"""Sample size for a population, from the table in the scale data (Krejcie-Morgan, 14/2017)."""

from __future__ import annotations

from dataclasses import dataclass

from zi_docs.surveys.scales import sample_table


@dataclass(frozen=True)
class SampleCheck:
    """The respondents a survey has against what the table asks for its population."""

    population: int
    required: int
    respondents: int
    table_row: int
    """The table's population row that was used (the next one at or above ``population``)."""
    source: str

    @property
    def enough(self) -> bool:
        return self.respondents >= self.required

    @property
    def shortfall(self) -> int:
        return max(0, self.required - self.respondents)


def required_sample(population: int) -> tuple[int, int]:
    """(sample size, table row used) for ``population``; a population below the first row
    needs everyone."""
    _source, rows = sample_table()
    if population <= 0:
        raise ValueError("populasi harus lebih dari nol")
    if population < rows[0][0]:
        return population, population
    for row_population, size in rows:
        if row_population >= population:
            return size, row_population
    return rows[-1][1], rows[-1][0]


def check_sample(population: int, respondents: int) -> SampleCheck:
    size, row = required_sample(population)
    return SampleCheck(population, size, respondents, row, sample_table()[0])
