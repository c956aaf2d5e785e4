"""The evidence and submission packages keep their doors: clients import front doors only,
the archive's database has one home, and the two packages have no import cycle."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import zi_docs
from zi_docs import evidence, submission

PACKAGE = Path(zi_docs.__file__).parent
DB_HOME = "zi_docs.evidence.db"
FRONT_DOOR_CLIENTS = ("archive", "archive_common", "archive_manage", "archive_search", "submission")
ALLOWED_FOR_CLIENTS = {
    "zi_docs.evidence",
    "zi_docs.submission",
    "zi_docs.errors",
    "zi_docs.workspace",
    "zi_docs.findings",
    "zi_docs.angka",
    "zi_docs.refs",
}
_SQL = re.compile(
    r"^\s*(SELECT\b.*\bFROM\b|INSERT (OR \w+ )?INTO\b|UPDATE \w+ SET\b|DELETE FROM\b|"
    r"CREATE (UNIQUE )?(TABLE|INDEX)\b|PRAGMA \w+|BEGIN IMMEDIATE|VACUUM\b)",
    re.S,
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_package(name: str) -> bool:
    return (PACKAGE.parent.joinpath(*name.split(".")) / "__init__.py").is_file()


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import, a ``from pkg import sub`` naming the submodule."""
    found: list[tuple[int, str]] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                parts = full.split(".")
                is_module = PACKAGE.parent.joinpath(*parts).with_suffix(".py").is_file()
                found.append((node.lineno, full if is_module or _is_package(full) else node.module))
    return found


def _library_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "cli" not in p.relative_to(PACKAGE).parts)


def test_sqlite3_and_sql_text_live_only_in_the_archive_database_package() -> None:
    strays = []
    for path in _library_files():
        name = _module_name(path)
        if name == DB_HOME or name.startswith(DB_HOME + "."):
            continue
        strays += [f"{name}:{line} imports sqlite3" for line, m in _imports(path) if m == "sqlite3"]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and _SQL.match(node.value)
            ):
                strays.append(f"{name}:{node.lineno} holds SQL text")
    assert strays == []


@pytest.mark.parametrize("client", FRONT_DOOR_CLIENTS)
def test_archive_and_submission_commands_import_front_doors_only(client: str) -> None:
    path = PACKAGE / "cli" / f"{client}.py"
    past = [
        f"{line}: {module}"
        for line, module in _imports(path)
        if module.startswith("zi_docs.")
        and not module.startswith("zi_docs.cli")
        and module not in ALLOWED_FOR_CLIENTS
    ]
    assert past == []


@pytest.mark.parametrize("package", ["submission", "documents"])
def test_other_packages_reach_the_archive_through_its_front_door(package: str) -> None:
    past = [
        f"{_module_name(path)}:{line}: {module}"
        for path in sorted((PACKAGE / package).rglob("*.py"))
        for line, module in _imports(path)
        if module.startswith("zi_docs.evidence.")
    ]
    assert past == []


@pytest.mark.parametrize("door", [evidence, submission], ids=lambda m: m.__name__)
def test_front_doors_name_only_what_they_hold(door: object) -> None:
    names = door.__all__  # type: ignore[attr-defined]
    assert names and len(names) == len(set(names))
    assert [n for n in names if not hasattr(door, n)] == []


def test_no_import_cycle_in_evidence_or_submission() -> None:
    graph: dict[str, set[str]] = {}
    for path in _library_files():
        name = _module_name(path)
        if name.startswith(("zi_docs.evidence", "zi_docs.submission")) and not path.name.startswith(
            "__init__"
        ):
            graph[name] = {m for _line, m in _imports(path) if m.startswith("zi_docs.")}
    cycles = []

    def visit(node: str, trail: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt in trail:
                cycles.append(" -> ".join([*trail[trail.index(nxt) :], nxt]))
            elif nxt in graph and nxt not in done:
                visit(nxt, [*trail, nxt])
        done.add(node)

    done: set[str] = set()
    for start in sorted(graph):
        if start not in done:
            visit(start, [start])
    assert cycles == []
