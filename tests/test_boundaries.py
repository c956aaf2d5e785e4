"""The library's boundaries, read from the source (AST): clients and packages meet at front
doors only, each third-party engine has one home, the library never prints or knows click,
no two modules import each other, and library messages name only real commands and options.

Every rule is one test; a failure lists ``path:line: what`` for each place that breaks it.
"""

from __future__ import annotations

import ast
import importlib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import click
import pytest

import zi_docs

PACKAGE = Path(zi_docs.__file__).parent
ROOT = PACKAGE.parent
CLIENTS = ("zi_docs.cli", "zi_docs.web", "zi_docs.__main__")
# What a client may import besides the front doors (``zi_docs.<package>``, the other clients'
# too: ``python -m zi_docs`` runs ``zi_docs.cli``) and itself: the root (``__version__``), the
# error family, the workspace, the value modules clients print, the demo, bundled files and
# YAML with line numbers (the web's role file), and the input schema kinds (the web builds a
# document's form from its kind's schema), and the lazy front door machinery (the web's own door
# loads its modules on first use, as the library's doors do).
CLIENT_MODULES = frozenset(
    {
        "zi_docs",
        "zi_docs.errors",
        "zi_docs.workspace",
        "zi_docs.findings",
        "zi_docs.angka",
        "zi_docs.refs",
        "zi_docs.demo",
        "zi_docs.resources",
        "zi_docs.yamlio",
        "zi_docs.schema",
        "zi_docs._lazy",
    }
)
DOCUMENTS = "zi_docs.documents"
EXTRACTION = ("zi_docs.evidence.extract",)  # pypdf (structure, metadata) and pypdfium2 (text)
# engine: (top-level import names, home modules or packages)
ENGINE_HOMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sqlite3": (("sqlite3",), ("zi_docs.evidence.db.engine",)),
    "docxtpl": (("docxtpl",), (f"{DOCUMENTS}.render",)),
    "python-docx": (
        ("docx",),
        (f"{DOCUMENTS}.render", f"{DOCUMENTS}.docprops", "zi_docs.evidence.textfiles"),
    ),
    "openpyxl": (
        ("openpyxl",),
        (
            "zi_docs.spreadsheet",
            f"{DOCUMENTS}.staff_list",
            "zi_docs.evidence.textfiles",
            "zi_docs.evaluation.sheet_read",
            "zi_docs.surveys.reader",  # reading survey exports (read-only, streamed)
        ),
    ),
    "Jinja2": (
        ("jinja2",),
        (f"{DOCUMENTS}.render", f"{DOCUMENTS}.environment", f"{DOCUMENTS}.template_check"),
    ),
    # drawing (charts, flowchart tiles, a logo), reading a photo's EXIF date
    "Pillow": (
        ("PIL",),
        (
            f"{DOCUMENTS}.charts",
            f"{DOCUMENTS}.flowchart_draw",
            f"{DOCUMENTS}.logo",
            "zi_docs.evidence.photo",
        ),
    ),
    "resvg-py": (("resvg_py",), (f"{DOCUMENTS}.logo",)),
    # the archive's writer lock; the edit lock of hand-edited YAML files (answers, inputs)
    "filelock": (("filelock",), ("zi_docs.evidence.lock", "zi_docs.yamledit")),
    "tantivy": (("tantivy",), ("zi_docs.evidence.search",)),
    "pypdf": (("pypdf",), EXTRACTION),
    # PDF text (extract) and page images for the browser (preview)
    "pypdfium2": (("pypdfium2",), (*EXTRACTION, "zi_docs.evidence.preview")),
    "bagit": (("bagit",), ("zi_docs.submission.bagcheck",)),
    "PyYAML": (("yaml",), ("zi_docs.yamlio",)),
    "ruamel.yaml": (("ruamel",), ("zi_docs.yamledit",)),
    "Django/waitress/whitenoise": (("django", "waitress", "whitenoise"), ("zi_docs.web",)),
    "click": (("click",), ("zi_docs.cli",)),
    "subprocess": (
        ("subprocess",),
        (f"{DOCUMENTS}.pdf", "zi_docs.evidence.ocr", "zi_docs.evidence.store_listing"),
    ),
}
# External programs, named as string literals only in the module that runs them.
PROGRAM_HOMES = {
    "soffice": f"{DOCUMENTS}.pdf",
    "libreoffice": f"{DOCUMENTS}.pdf",
    "tesseract": "zi_docs.evidence.ocr",
    "pdftoppm": "zi_docs.evidence.ocr",
}
SPREADSHEET_WRITER = ("zi_docs.spreadsheet",)
OPENPYXL_WRITING_MODULES = ("styles", "worksheet", "chart", "drawing", "writer", "cell", "workbook")
DOCX_BUILDERS = (f"{DOCUMENTS}.render", f"{DOCUMENTS}.docprops")
DOCX_BUILDING_MODULES = ("shared", "enum", "oxml", "table", "text")
_SQL = re.compile(
    r"^\s*(SELECT\b.*\bFROM\b|INSERT (OR \w+ )?INTO\b|UPDATE \w+ SET\b|DELETE FROM\b|"
    r"CREATE (UNIQUE )?(TABLE|INDEX)\b|PRAGMA \w+|BEGIN IMMEDIATE|VACUUM\b)",
    re.S,
)


@dataclass(frozen=True)
class Import:
    line: int
    module: str  # the most specific module imported (a submodule named in ``from x import y``)
    top_level: bool  # runs when the importing module is imported (not in a function body)


@dataclass(frozen=True)
class Module:
    name: str
    path: Path

    @property
    def where(self) -> str:
        return self.path.relative_to(ROOT).as_posix()

    @property
    def is_client(self) -> bool:
        return _inside(self.name, CLIENTS)

    @property
    def is_package(self) -> bool:
        return self.path.name == "__init__.py"


def _inside(name: str, homes: tuple[str, ...] | frozenset[str]) -> bool:
    return any(name == home or name.startswith(home + ".") for home in homes)


@cache
def _modules() -> tuple[Module, ...]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found.append(Module(".".join(parts[:-1] if parts[-1] == "__init__" else parts), path))
    return tuple(dict.fromkeys(found))  # one entry per line and module


@cache
def _module_names() -> frozenset[str]:
    return frozenset(m.name for m in _modules())


@cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _library() -> Iterator[Module]:
    return (m for m in _modules() if not m.is_client)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(
    node: ast.AST, top_level: bool = True
) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Every import under ``node``; ``top_level`` is false inside a function body or a
    ``TYPE_CHECKING`` block (neither runs when the module is imported)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child, top_level
        elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) or (
            isinstance(child, ast.If) and _is_type_checking(child)
        ):
            yield from _import_nodes(child, False)
        else:
            yield from _import_nodes(child, top_level)


def _absolute(module: Module, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.name.split(".")
    base = base if module.is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


@cache
def _imports(module: Module) -> tuple[Import, ...]:
    found: list[Import] = []
    for node, top in _import_nodes(_tree(module.path)):
        if isinstance(node, ast.Import):
            found.extend(Import(node.lineno, alias.name, top) for alias in node.names)
            continue
        source = _absolute(module, node)
        for alias in node.names:
            full = f"{source}.{alias.name}"
            is_module = full in _module_names() and alias.name not in _door_names(source)
            found.append(Import(node.lineno, full if is_module else source, top))
    return tuple(dict.fromkeys(found))  # one entry per line and module


@cache
def _door_names(package: str) -> frozenset[str]:
    """The names in a package's ``__all__``: ``from zi_docs.evidence import search`` is the
    door's ``search`` function, not the ``evidence/search/`` package behind it."""
    init = ROOT.joinpath(*package.split(".")) / "__init__.py"
    if not init.is_file():
        return frozenset()
    for node in _tree(init).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return frozenset(ast.literal_eval(node.value))
    return frozenset()


def _strings(module: Module) -> Iterator[tuple[int, str]]:
    for node in ast.walk(_tree(module.path)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def _door(name: str) -> str | None:
    """The front door ``name`` lies behind: ``zi_docs.<package>`` for a module inside a
    top-level package, None for a top-level module."""
    parts = name.split(".")
    if len(parts) < 2 or parts[0] != "zi_docs":
        return None
    door = ".".join(parts[:2])
    return door if (ROOT / "zi_docs" / parts[1] / "__init__.py").is_file() else None


# --- front doors -------------------------------------------------------------------------


def test_clients_import_the_library_through_front_doors_only() -> None:
    past = []
    for module in _modules():
        if not module.is_client:
            continue
        own = _door(module.name)
        for imp in _imports(module):
            target = imp.module
            if not target.startswith("zi_docs") or target in CLIENT_MODULES:
                continue
            door = _door(target)
            if door is not None and door in (own, target):
                continue
            past.append(f"{module.where}:{imp.line}: imports {target} (past its front door)")
    assert not past, "A client imports past a front door:\n" + "\n".join(past)


def test_packages_import_each_other_through_front_doors_only() -> None:
    past = []
    for module in _library():
        own = _door(module.name)
        for imp in _imports(module):
            door = _door(imp.module)
            if door is not None and door != own and imp.module != door:
                past.append(f"{module.where}:{imp.line}: imports {imp.module} (use {door})")
    assert not past, "A library module imports past another package's door:\n" + "\n".join(past)


def test_the_library_never_imports_a_client() -> None:
    found = [
        f"{module.where}:{imp.line}: imports {imp.module}"
        for module in _library()
        for imp in _imports(module)
        if _inside(imp.module, CLIENTS)
    ]
    assert not found, "The library imports a client:\n" + "\n".join(found)


@pytest.mark.parametrize("door", ["evidence", "submission", "documents", "assessment", "catalogue"])
def test_front_doors_name_only_what_they_hold(door: str) -> None:
    module = importlib.import_module(f"zi_docs.{door}")
    names = getattr(module, "__all__", None)
    assert names, f"zi_docs/{door}/__init__.py has no __all__"
    assert len(names) == len(set(names)), f"zi_docs/{door}/__init__.py: __all__ repeats a name"
    missing = [n for n in names if not hasattr(module, n)]
    assert not missing, f"zi_docs/{door}/__init__.py: __all__ names what it lacks: {missing}"


# --- one home per engine -----------------------------------------------------------------


@pytest.mark.parametrize("engine", sorted(ENGINE_HOMES))
def test_each_engine_is_imported_only_in_its_home(engine: str) -> None:
    names, homes = ENGINE_HOMES[engine]
    strays = [
        f"{module.where}:{imp.line}: imports {imp.module}"
        for module in _modules()
        if not _inside(module.name, homes)
        for imp in _imports(module)
        if imp.module.split(".")[0] in names
    ]
    assert not strays, f"{engine} outside {', '.join(homes)}:\n" + "\n".join(strays)


SQL_HOME = ("zi_docs.evidence.db",)
"""The archive database package: the only place SQL text is written (its engine module,
``engine``, the only one that imports sqlite3)."""


def test_sql_text_lives_only_in_the_archive_database() -> None:
    homes = SQL_HOME
    strays = [
        f"{module.where}:{line}: SQL text {text.strip()[:40]!r}"
        for module in _modules()
        if not _inside(module.name, homes)
        for line, text in _strings(module)
        if _SQL.match(text)
    ]
    assert not strays, "SQL text outside zi_docs/evidence/db/:\n" + "\n".join(strays)


def _engine_names(module: Module, engine: str) -> dict[str, str]:
    """Local name -> dotted engine name for what ``module`` imports from ``engine``."""
    bound: dict[str, str] = {}
    for node, _top in _import_nodes(_tree(module.path)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == engine:
                    bound[(alias.asname or alias.name).split(".")[0]] = alias.name.split(".")[0]
        elif node.level == 0 and (node.module or "").split(".")[0] == engine:
            for alias in node.names:
                bound[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return bound


def _dotted(node: ast.expr, bound: dict[str, str]) -> str | None:
    if isinstance(node, ast.Name):
        return bound.get(node.id)
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value, bound)
        return f"{base}.{node.attr}" if base else None
    return None


def _writing_uses(module: Module, engine: str, builders: tuple[str, ...]) -> Iterator[str]:
    """Places where ``module`` writes with ``engine``: writing sub-modules imported, a new
    document made (``Workbook()``, ``Document()`` without a file), or ``.save(`` called."""
    bound = _engine_names(module, engine)
    if not bound:
        return
    for imp in _imports(module):
        parts = imp.module.split(".")
        if parts[0] == engine and len(parts) > 1 and parts[1] in builders:
            yield f"{module.where}:{imp.line}: imports {imp.module}"
    for node in ast.walk(_tree(module.path)):
        if not isinstance(node, ast.Call):
            continue
        name = _dotted(node.func, bound)
        if name in (f"{engine}.Workbook", f"{engine}.workbook.Workbook"):
            yield f"{module.where}:{node.lineno}: creates a workbook ({name}())"
        elif name in (f"{engine}.Document", f"{engine}.api.Document") and not node.args:
            yield f"{module.where}:{node.lineno}: creates a document ({name}())"
        elif isinstance(node.func, ast.Attribute) and node.func.attr == "save":
            yield f"{module.where}:{node.lineno}: saves with {engine} (.save())"


def test_openpyxl_writes_only_in_the_spreadsheet_module() -> None:
    strays = [
        place
        for module in _modules()
        if not _inside(module.name, SPREADSHEET_WRITER)
        for place in _writing_uses(module, "openpyxl", OPENPYXL_WRITING_MODULES)
    ]
    assert not strays, "openpyxl writing outside zi_docs/spreadsheet.py:\n" + "\n".join(strays)


def test_python_docx_builds_only_in_the_document_builders() -> None:
    strays = [
        place
        for module in _modules()
        if not _inside(module.name, DOCX_BUILDERS)
        for place in _writing_uses(module, "docx", DOCX_BUILDING_MODULES)
    ]
    assert not strays, f"python-docx building outside {', '.join(DOCX_BUILDERS)}:\n" + "\n".join(
        strays
    )


def test_external_programs_are_named_only_where_they_run() -> None:
    strays = [
        f"{module.where}:{line}: names the program {text!r} (its home is {home})"
        for module in _modules()
        for line, text in _strings(module)
        for program, home in PROGRAM_HOMES.items()
        if text.lower().removesuffix(".exe") == program and module.name != home
    ]
    assert not strays, "An external program is run outside its home:\n" + "\n".join(strays)


# --- the library never prints ------------------------------------------------------------


CHILD_SCRIPTS = {"zi_docs/evidence/objects_pass.py"}
"""Scripts of a child Python the library starts: they answer their parent on stdout (no user
reads it)."""


def test_the_library_never_prints() -> None:
    found = []
    for module in _library():
        if module.where in CHILD_SCRIPTS:
            continue
        for node in ast.walk(_tree(module.path)):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "print"
            ):
                found.append(f"{module.where}:{node.lineno}: print(")
            elif (
                isinstance(node, ast.Attribute)
                and node.attr in ("stdout", "stderr")
                and isinstance(node.value, ast.Name)
                and node.value.id == "sys"
            ):
                found.append(f"{module.where}:{node.lineno}: sys.{node.attr}")
    assert not found, "The library prints (it should return values or log):\n" + "\n".join(found)


# --- no import cycles --------------------------------------------------------------------


def _graph() -> dict[str, dict[str, int]]:
    """module -> {imported module: line}, imports that run at import time only. Importing
    ``a.b.c`` from outside ``a.b`` also runs ``a.b``'s door, so that is an edge too."""
    names = _module_names()
    graph: dict[str, dict[str, int]] = {}
    for module in _modules():
        edges = graph.setdefault(module.name, {})
        for imp in _imports(module):
            if not imp.top_level or imp.module not in names:
                continue
            parts = imp.module.split(".")
            for cut in range(2, len(parts) + 1):
                target = ".".join(parts[:cut])
                own_parent = module.name.startswith(target + ".")  # already running
                if target in names and target != module.name and not own_parent:
                    edges.setdefault(target, imp.line)
    return graph


def _cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """One cycle per strongly connected component (Tarjan), as a closed path."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, {})):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    cycles = []
    for component in components:
        members, start = set(component), component[0]
        paths = {start: [start]}
        queue = [start]
        while queue:  # shortest way from start back to start inside the component
            node = queue.pop(0)
            for nxt in sorted(graph[node]):
                if nxt == start:
                    queue = []
                    cycles.append([*paths[node], start])
                    break
                if nxt in members and nxt not in paths:
                    paths[nxt] = [*paths[node], nxt]
                    queue.append(nxt)
    return cycles


def test_no_import_cycle_between_modules() -> None:
    graph = _graph()
    where = {m.name: m.where for m in _modules()}
    reports = []
    for cycle in _cycles(graph):
        steps = [f"{where[a]}:{graph[a][b]}: imports {b}" for a, b in itertools.pairwise(cycle)]
        reports.append(" -> ".join(cycle) + "\n  " + "\n  ".join(steps))
    assert not reports, "Import cycles (top-level imports):\n" + "\n".join(reports)


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1, "d": 1}, "d": {}}
    assert _cycles(graph) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b": 1}, "b": {}}) == []


# --- messages name real commands and options ---------------------------------------------


@dataclass(frozen=True)
class Cli:
    commands: dict[tuple[str, ...], frozenset[str]]  # command path -> options it accepts

    @property
    def all_options(self) -> frozenset[str]:
        return frozenset().union(*self.commands.values())


@cache
def _cli() -> Cli:
    from zi_docs.cli import cli

    commands: dict[tuple[str, ...], frozenset[str]] = {}

    def walk(command: click.Command, path: tuple[str, ...], inherited: frozenset[str]) -> None:
        options = inherited | {"--help"}
        for param in command.params:
            names = [*getattr(param, "opts", ()), *getattr(param, "secondary_opts", ())]
            options |= {n for n in names if n.startswith("--")}
        commands[path] = frozenset(options)
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():  # hidden commands and aliases too
                walk(sub, (*path, name), options)

    walk(cli, (), frozenset())
    return Cli(commands)


# 'zi-docs archive add', ``zi-docs check``, "jalankan: zi-docs init FOLDER"
_MENTION = re.compile(r"(?P<lead>['\"`]|: )?zi-docs(?P<words>(?: [a-z][a-z0-9-]*)*)")
_OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")
_SPAN_END = {"'": "'", '"': '"', "`": "`", ": ": "\n"}


def _problems_in(text: str, cli: Cli) -> Iterator[str]:
    if _OPTION.fullmatch(text.strip()):
        return  # an argument handed to another program (soffice --headless)
    spans = []  # (start, end, command path): options in a span belong to that command
    for match in _MENTION.finditer(text):
        words, lead = match["words"].split(), match["lead"]
        if not words or (lead is None and (words[0],) not in cli.commands):
            continue  # "zi-docs writes …" is prose about the program
        path: tuple[str, ...] = ()
        for word in words:
            if (*path, word) in cli.commands:
                path = (*path, word)
            elif not path:
                yield f"'zi-docs {word}': there is no command {word!r}"
                break
            elif any(len(p) > len(path) and p[: len(path)] == path for p in cli.commands):
                group = " ".join(path)
                yield f"'zi-docs {group} {word}': 'zi-docs {group}' has no command {word!r}"
                break
            else:
                break  # the rest are the command's arguments
        end = text.find(_SPAN_END.get(lead or "", "\n"), match.end())
        spans.append((match.start(), len(text) if end < 0 else end, path))
    for match in _OPTION.finditer(text):
        owner = [path for start, end, path in spans if start < match.start() < end]
        known = cli.commands[owner[-1]] if owner else cli.all_options
        if match.group() not in known and owner:
            yield f"{match.group()}: '{' '.join(('zi-docs', *owner[-1]))}' has no such option"
        elif match.group() not in known:
            yield f"{match.group()}: no zi-docs command has this option"


def test_library_messages_name_real_commands_and_options() -> None:
    cli = _cli()
    found = [
        f"{module.where}:{line}: {problem}"
        for module in _library()
        for line, text in _strings(module)
        for problem in _problems_in(text, cli)
    ]
    assert not found, "A library message names what the CLI does not have:\n" + "\n".join(found)


def test_the_message_check_sees_stale_commands_and_options() -> None:
    cli = _cli()
    assert list(_problems_in("jalankan 'zi-docs archive add BERKAS --indicator ID'", cli)) == []
    assert list(_problems_in("zi-docs writes every file atomically", cli)) == []
    assert list(_problems_in("'zi-docs archive frobnicate'", cli))
    assert list(_problems_in("jalankan 'zi-docs frobnicate'", cli))
    assert list(_problems_in("'zi-docs check --frobnicate'", cli))
    assert list(_problems_in("ulangi dengan --frobnicate", cli))
    assert (
        list(_problems_in("'zi-docs generate X --arsipkan', atau tag dengan --indicator", cli))
        == []
    )
