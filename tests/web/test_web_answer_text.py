"""The activity log names a saved answer in words, not as Python's repr of the YAML value."""

from __future__ import annotations

from typing import Any

import pytest

from zi_docs.web.app.answer_form import LOG_TEXT_LIMIT, answer_text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "(dikosongkan)"),
        ("B", "B"),
        ({"jawaban": "A", "catatan": "SK terbit"}, "A; catatan: SK terbit"),
        ({"indeks": 3.4}, "indeks 3.4"),
        ({"persen": 80}, "80%"),
        ({"input": {"sudah": 3, "total": 4}}, "sudah = 3, total = 4"),
        ({}, "(dikosongkan)"),
    ],
)
def test_answer_text(value: Any, text: str) -> None:
    assert answer_text(value) == text


def test_a_long_note_is_cut_with_an_ellipsis() -> None:
    text = answer_text({"jawaban": "A", "catatan": "x" * 1000})
    assert len(text) == LOG_TEXT_LIMIT and text.endswith("…")
