"""One number format everywhere: Indonesian separators, rounded half up like the worksheet."""

from __future__ import annotations

import pytest

from zi_docs.angka import angka, persen, ribuan


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (2.625, 2, "2,63"),  # Python's own f"{2.625:.2f}" gives 2.62
        (86.25, 1, "86,3"),
        (78.5625, 2, "78,56"),
        (1234567.891, 2, "1.234.567,89"),
        (-0.005, 2, "-0,01"),
        (1234.5, 0, "1.235"),
        (100, 2, "100,00"),
    ],
)
def test_angka(value: float, decimals: int, expected: str) -> None:
    assert angka(value, decimals) == expected


def test_persen_and_ribuan() -> None:
    assert persen(87.5) == "87,50%"
    assert persen(96.45, 1) == "96,5%"
    assert ribuan(1250000) == "1.250.000"


def test_reports_use_the_shared_format() -> None:
    """The check report, evaluator index and score table print a value identically."""
    from zi_docs.submission import docx_report, export, html_index, report

    for module in (docx_report, export, html_index, report):
        assert module.angka is angka
