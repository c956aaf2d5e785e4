"""The hostile-input corpus (issue 14): every bad input gets a clear Indonesian answer, nothing
outside the workspace is read, and nothing that should stay is changed.

Each case asserts the exit code, the message (file, line or field named), the absence of
"Galat internal" and tracebacks, and compares a hash of the workspace before and after.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ helpers

from zi_docs.cli import cli
from zi_docs.workspace import Workspace, init_workspace

# Files a reading command may touch without changing anything a user gave.
_VOLATILE = (".lock", ".lock.pemilik", "index.lock", "index.lock.pemilik")
_ENGLISH = (
    "Traceback",
    "Galat internal",
    "Error:",
    "Exception",
    "No such file",
    "Permission denied",
    "is not a",
    "Invalid value",
    "unsafe",
    "There is no item",
    "codec can't",
    "does not exist",
)


def snapshot(root: Path) -> dict[str, str]:
    """SHA-256 of every file under ``root`` (links not followed), volatile lock files aside."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if path.name in _VOLATILE or path.name.endswith(("-wal", "-shm")):
            continue
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[rel] = "link:" + str(path.readlink())
        elif path.is_file():
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir():
            found[rel + "/"] = "dir"
    return found


def clear(result: Result, code: int, *needles: str) -> str:
    """Assert a clear answer: exit ``code``, every needle in the output, no crash, no English."""
    output = result.output
    assert result.exit_code == code, output
    for word in _ENGLISH:
        assert word not in output, (word, output)
    for needle in needles:
        assert needle in output, (needle, output)
    _tally(result.exit_code)
    return output


def _tally(code: int) -> None:
    """With ``ZI_HOSTILE_TALLY=FILE``, one line per answer checked (for the issue's counts)."""
    import os

    target = os.environ.get("ZI_HOSTILE_TALLY")
    if target:
        with open(target, "a", encoding="utf-8") as stream:
            stream.write(f"{os.environ.get('PYTEST_CURRENT_TEST', '?').split(' ')[0]}\t{code}\n")


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One workspace made by ``init``; each test gets a copy (faster than init each time)."""
    return init_workspace(tmp_path_factory.mktemp("pristine") / "ws").workspace.root


@pytest.fixture
def ws(pristine: Path, tmp_path: Path) -> Workspace:
    root = tmp_path / "ws"
    shutil.copytree(pristine, root, symlinks=True)
    return Workspace(root)


@pytest.fixture
def zi(ws: Workspace) -> Iterator[Callable[..., Result]]:
    """Run ``zi-docs`` in-process on the test's workspace."""
    runner = CliRunner()

    def run(*args: str, workspace: Path | None = None) -> Result:
        root = workspace or ws.root
        return runner.invoke(
            cli, list(args), env={"ZI_DOCS_WORKSPACE": str(root)}, catch_exceptions=False
        )

    yield run
