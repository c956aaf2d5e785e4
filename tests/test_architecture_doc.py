"""docs/arsitektur.md names only packages, modules and files that exist, and its front-door
table names only what each door offers."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "arsitektur.md").read_text(encoding="utf-8")
DOTTED = re.compile(r"\bzi_docs(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
PATHS = re.compile(r"`((?:zi_docs|tools|templates|archive|tests|docs)/[^`\s]*)`")


def _resolves(dotted: str) -> bool:
    """A module or package, or an attribute of the longest importable prefix."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            if not hasattr(target, name):
                return False
            target = getattr(target, name)
        return True
    return False


def test_every_dotted_name_exists() -> None:
    names = set(DOTTED.findall(DOC))
    assert "zi_docs.documents" in names and "zi_docs.spreadsheet" in names
    missing = sorted(n for n in names if not _resolves(n))
    assert not missing, f"docs/arsitektur.md names what does not exist: {missing}"


def test_every_path_exists() -> None:
    paths = set(PATHS.findall(DOC))
    assert "zi_docs/documents/render.py" in paths
    missing = sorted(p for p in paths if not (ROOT / p.rstrip("/")).exists())
    assert not missing, f"docs/arsitektur.md names paths that do not exist: {missing}"


def test_front_door_table_names_only_what_each_door_offers() -> None:
    rows = [line for line in DOC.splitlines() if line.startswith("| `zi_docs.")]
    checked = 0
    for row in rows:
        package, door, offers = [cell.strip() for cell in row.strip("|").split("|")][:3]
        assert door == f"`{package.strip('`').replace('.', '/')}/__init__.py`", row
        module = importlib.import_module(package.strip("`"))
        for name in re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)`", offers):
            assert name in module.__all__, f"{package} does not offer {name}"
            checked += 1
    assert len(rows) == 8 and checked >= 60
