"""Bundled files are package data found one way, the same from a checkout and from a wheel."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from zi_docs import evidence
from zi_docs.resources import DATA_DIR, NAMES, resource
from zi_docs.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent

_LISTING = """
import json, sys, zi_docs
from zi_docs.resources import NAMES, resource
def files(path):
    if path.is_file():
        return [path.name]
    return sorted(
        p.relative_to(path).as_posix()
        for p in path.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )
print(json.dumps({"package": zi_docs.__file__, "names": {n: files(resource(n)) for n in NAMES}}))
"""


def _listing(env_path: str | None) -> dict[str, object]:
    env = {"PYTHONPATH": env_path} if env_path else {}
    done = subprocess.run(
        [sys.executable, "-c", _LISTING],
        capture_output=True,
        text=True,
        check=True,
        env={**env, "PATH": "/usr/bin:/bin"},
        cwd="/",
        timeout=120,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_every_resource_exists_under_the_package_data() -> None:
    for name in NAMES:
        assert resource(name).exists(), name
        assert resource(name).is_relative_to(DATA_DIR)
    with pytest.raises(ValueError, match="templates"):
        resource("_bundled")


def test_repository_top_level_templates_and_archive_are_sources() -> None:
    assert sorted(p.name for p in (ROOT / "templates").glob("*.py"))
    assert (ROOT / "archive" / "dokumen.yaml").is_file()
    assert not list((ROOT / "templates").glob("*.docx")), "built templates live in zi_docs/data"


def test_example_archive_holds_exactly_the_documents_of_its_source(workspace: Workspace) -> None:
    source = yaml.safe_load((ROOT / "archive" / "dokumen.yaml").read_text(encoding="utf-8"))
    evidence.install_example_archive(workspace)
    stored = {f.name for f in evidence.stored_files(workspace)}
    assert stored == {d["berkas"] for d in source["dokumen"]}


@pytest.mark.slow
def test_a_wheel_has_the_same_resources_as_the_checkout(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = tmp_path.glob("zi_docs-*.whl")
    installed = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(installed)
    from_wheel = _listing(str(installed))
    from_checkout = _listing(None)
    assert Path(str(from_wheel["package"])).is_relative_to(installed)
    assert Path(str(from_checkout["package"])).is_relative_to(ROOT)
    assert from_wheel["names"] == from_checkout["names"]
    assert all(from_checkout["names"].values())  # type: ignore[union-attr]
