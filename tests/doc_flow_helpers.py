"""Helpers shared by the SOP, Rencana Kerja and Laporan Monev tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_doc_generate import text_lines

from zi_docs.errors import InvalidInputError
from zi_docs.findings import Finding

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, docx: Path) -> list[str]:
    """Compare the document's paragraphs and cells with ``tests/golden/<name>.txt``."""
    lines = text_lines(docx)
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("ZI_DOCS_UPDATE_GOLDEN"):
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "\n".join(lines) + "\n" == golden.read_text(encoding="utf-8")
    return lines


def findings_of(excinfo: pytest.ExceptionInfo[InvalidInputError]) -> list[Finding]:
    return list(excinfo.value.findings)


def where(findings: list[Finding]) -> set[tuple[int | None, str | None]]:
    """(line, field) of every finding."""
    return {(f.line, f.field) for f in findings}


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th line of ``text`` containing ``needle``."""
    hits = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]
