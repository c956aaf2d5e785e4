"""Django lives in ``zi_docs/web/`` only, and the CLI does not load it until ``zi-docs web``."""

from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "zi_docs"


@cache  # both tests read every module; parsed once
def _imports(path: Path) -> frozenset[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return frozenset(found)


def test_only_the_web_package_imports_the_framework() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if {"django", "waitress", "whitenoise"} & _imports(path)
        and PACKAGE / "web" not in path.parents
    ]
    assert offenders == []


def test_only_yamledit_imports_ruamel() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "ruamel" in _imports(path) and path.name != "yamledit.py"
    ]
    assert offenders == []


def test_the_cli_does_not_load_django_until_asked() -> None:
    code = "import sys, zi_docs.cli; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
