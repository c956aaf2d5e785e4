"""The shipped .docx templates are exactly what the one builder makes from ``templates/``."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path
from types import ModuleType

from zi_docs.resources import TEMPLATES, resource

ROOT = Path(__file__).resolve().parent.parent


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_templates", ROOT / "tools" / "build_templates.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_shipped_templates_equal_the_builder_output(tmp_path: Path) -> None:
    built = {p.name: p for p in _builder().build(tmp_path)}
    shipped = {p.name: p for p in resource(TEMPLATES).glob("*.docx")}
    assert sorted(built) == sorted(shipped), "every shipped template has a source, and back"
    for name, path in shipped.items():
        expected, made = _members(path), _members(built[name])
        assert sorted(expected) == sorted(made), name
        changed = [member for member in expected if expected[member] != made[member]]
        assert not changed, f"{name}: {changed} differ; run tools/build_templates.py"
