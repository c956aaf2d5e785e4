"""Inputs that still carry the fictitious example unit's values (a ``check`` finding).

A unit that starts from the example (``init --contoh``) or copies an example input easily
signs a document naming "Kabupaten Sukamaju" or an example NIP. The markers are taken from
the bundled example itself (every NIP, every person's name, the fictitious place), so they
follow the example when it changes.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from zi_docs.findings import Finding, Severity
from zi_docs.workspace import EXAMPLE_DIR, UNIT_FILE, Workspace
from zi_docs.yamlio import load_yaml

_NIP = re.compile(r"\b\d{8} ?\d{6} ?\d ?\d{3}\b")
_NAME = re.compile(r"(?m)(?:^[ -]+|\{)nama:\s*\"?([^\"#\n,{}]+(?:, [A-Z][^\"#\n{}]*)?)\"?")
_PLACES = ("Sukamaju",)
"""Fictitious names of the example that a real unit never has."""
_SUFFIXES = (".yaml", ".yml", ".csv")


def _markers_in(text: str) -> set[str]:
    found = {m.group(0).replace(" ", "") for m in _NIP.finditer(text)}
    for match in _NAME.finditer(text):
        name = match.group(1).strip().strip('"')
        if len(name) >= 8:
            found.add(name)
    found.update(p for p in _PLACES if p in text)
    found.discard("")
    return found


@lru_cache(maxsize=1)
def example_markers() -> frozenset[str]:
    """Values that only the fictitious example unit has."""
    found: set[str] = set()
    unit_text = (EXAMPLE_DIR / UNIT_FILE).read_text(encoding="utf-8")
    found.update(m.group(0).replace(" ", "") for m in _NIP.finditer(unit_text))
    found.add(str(load_yaml(EXAMPLE_DIR / UNIT_FILE).data["pimpinan"]["nama"]))
    for path in sorted((EXAMPLE_DIR / "inputs").iterdir()):
        if path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as stream:
                found.update(row["nama"] for row in csv.DictReader(stream) if row.get("nama"))
        if path.suffix in _SUFFIXES:
            found |= _markers_in(path.read_text(encoding="utf-8"))
    return frozenset(found)


def _is_example(workspace: Workspace) -> bool:
    own = workspace.unit_file.read_text(encoding="utf-8")
    example = (EXAMPLE_DIR / UNIT_FILE).read_text(encoding="utf-8")
    return all(p in own for p in _PLACES if p in example)


def example_value_findings(workspace: Workspace) -> list[Finding]:
    """One warning per input file that still holds example values (none for the example
    workspace itself, whose profile is the example's)."""
    if not workspace.inputs_dir.is_dir() or _is_example(workspace):
        return []
    own = workspace.unit_file.read_text(encoding="utf-8")
    markers = frozenset(
        m for m in example_markers() if m not in own and m not in own.replace(" ", "")
    )
    findings = []
    for path in sorted(workspace.inputs_dir.iterdir()):
        if path.suffix not in _SUFFIXES or not path.is_file():
            continue
        hits = _first_hits(path, markers)
        if not hits:
            continue
        line, values = hits
        shown = ", ".join(f"'{v}'" for v in values[:3])
        more = f" dan {len(values) - 3} lainnya" if len(values) > 3 else ""
        findings.append(
            Finding(
                f"masih memuat isian dari contoh unit fiktif ({shown}{more}); ganti dengan "
                "data unit Anda sebelum dokumennya dibuat dan ditandatangani",
                Severity.WARNING,
                file=workspace.display(path),
                line=line,
                code="contoh-tersisa",
            )
        )
    return findings


def _first_hits(path: Path, markers: frozenset[str]) -> tuple[int, list[str]] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    first: int | None = None
    values: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue
        compact = line.replace(" ", "")
        for marker in sorted(markers):
            hit = marker in compact if marker.isdigit() else marker in line
            if hit and marker not in values:
                values.append(marker)
                first = first or number
    return (first, values) if first is not None else None
