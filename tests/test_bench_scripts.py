"""Every bench script still starts: its imports (of the library, of the other benches and of the
test helpers) resolve and its options parse. A bench broken by a rename is found here, not on the
day somebody measures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
SCRIPTS = sorted(BENCH.glob("bench_*.py"))


def test_there_are_benches() -> None:
    assert len(SCRIPTS) >= 9


@pytest.mark.slow
@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_the_bench_starts_and_explains_its_options(script: Path) -> None:
    assert "usage:" in _run(script, "--help")


@pytest.mark.slow
def test_the_engine_bench_measures_both_engines_on_a_tiny_corpus(tmp_path: Path) -> None:
    out = _run(
        BENCH / "bench_search_engines.py",
        *("--docs", "40", "--queries", "8", "--runs", "1", "--bangun", "1", "--map", str(tmp_path)),
    )
    assert "tumpang-tindih top-20 whoosh/tantivy: rata-rata 100.0%" in out
    assert "     40 whoosh" in out
    assert "     40 tantivy" in out


def _run(script: Path, *args: str) -> str:
    """The bench's output; fails the test when it exits with an error."""
    done = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, cwd=BENCH, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout
