"""Finding and rejection codes are Indonesian, like every other word a user sees (they appear
in --json output and in check reports)."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "zi_docs"
ENGLISH = {
    "answers", "archive", "bad", "bool", "branch", "broken", "catalogue", "choice", "columns",
    "corrupt", "count", "date", "denominator", "duplicate", "empty", "encoding", "encrypted",
    "end", "failed", "field", "file", "form", "found", "index", "indicator", "int", "item",
    "items", "key", "kind", "large", "level", "link", "list", "long", "loop", "max", "min",
    "mismatch", "missing", "name", "no", "not", "note", "number", "option", "own", "pattern",
    "percent", "question", "range", "record", "regular", "render", "required", "schedule",
    "section", "self", "shape", "size", "stale", "start", "step", "store", "syntax", "template",
    "text", "too", "type", "unbalanced", "unexpected", "unknown", "unreadable", "unsupported",
    "unusable", "variable", "weights", "wrong", "zero",
}  # fmt: skip
# (function, index of the code among its positional arguments)
CODE_ARGUMENT = {
    "fail": 2, "warn": 2, "report": 1, "Problem": 0, "Rejection": 2,
    "_invalid": 3, "_stop": 2,  # zi_docs/yamlio.py
}  # fmt: skip


@cache  # both tests read the same sources; parsed once
def _codes() -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for path in ROOT.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            values: list[ast.expr] = []
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                values += [k.value for k in node.keywords if k.arg == "code"]
                index = CODE_ARGUMENT.get(name)
                if index is not None and len(node.args) > index:
                    values.append(node.args[index])
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id.startswith("FAILURE_") for t in node.targets
            ):
                values.append(node.value)
            for value in values:
                options = [value.body, value.orelse] if isinstance(value, ast.IfExp) else [value]
                found += [
                    (where, v.value)
                    for v in options
                    if isinstance(v, ast.Constant) and isinstance(v.value, str)
                ]
    return tuple(found)


def test_codes_are_found_where_they_are_made() -> None:
    codes = {code for _where, code in _codes()}
    assert {"belum-dijawab", "integritas-hilang", "jenis-teks", "tak-terbaca", "rusak"} <= codes
    assert len(codes) > 80


def test_every_finding_code_is_indonesian() -> None:
    for where, code in _codes():
        words = set(code.split("-"))
        assert not words & ENGLISH, f"{where}: kode temuan '{code}' berbahasa Inggris"
