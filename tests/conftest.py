"""Shared fixtures: a throwaway workspace, the CLI runner, and markers for external tools."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, settings
from postgres_helpers import DB_ENV, PG_ENV, postgres_server_url, postgres_unreachable

from zi_docs.cli import cli
from zi_docs.programs import find_program
from zi_docs.workspace import Workspace, init_workspace

# On a loaded CI machine a slow example is not a failure: no per-example deadline there.
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
    settings.load_profile("ci")

TMPFS = Path("/dev/shm")
TMPFS_FREE_BYTES = 4 << 30
"""Room the tests' folders need there, in the file system and in free memory (a fast run
writes about 300 MB, kept to the end of the run)."""


def _memory_temp_root() -> Path | None:
    """``/dev/shm`` when it is a writable in-memory file system with room to spare, unless the
    developer chose a folder (``PYTEST_DEBUG_TEMPROOT``) or said no (``ZI_DOCS_UJI_TMPFS=0``).

    Every save of zi-docs is synced to disk (fsync), thousands of times a run; on a virtual
    disk that is a third of the fast suite's time, and what the tests check (the bytes, the
    atomic replace, the refusals) is the same in memory. Elsewhere (Windows, macOS) nothing
    changes."""
    if os.environ.get("PYTEST_DEBUG_TEMPROOT") or os.environ.get("ZI_DOCS_UJI_TMPFS") == "0":
        return None
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            in_memory = any(
                fields[1] == str(TMPFS) and fields[2] == "tmpfs"
                for fields in (line.split() for line in mounts)
                if len(fields) > 2
            )
        free = os.statvfs(TMPFS)
        with open("/proc/meminfo", encoding="utf-8") as info:  # a tmpfs's size is a limit only
            available = next(
                int(line.split()[1]) << 10 for line in info if line.startswith("MemAvailable:")
            )
    except (OSError, StopIteration, ValueError):
        return None
    room = min(free.f_bavail * free.f_frsize, available)
    if not in_memory or room < TMPFS_FREE_BYTES:
        return None
    return TMPFS if os.access(TMPFS, os.W_OK | os.X_OK) else None


_memory = _memory_temp_root()
if _memory is not None:
    # read by pytest's tmp_path factory, and by tempfile here, in the workers of -n and in
    # the programs the tests start
    os.environ["PYTEST_DEBUG_TEMPROOT"] = os.environ["TMPDIR"] = str(_memory)
    tempfile.tempdir = str(_memory)

# parsed catalogues are kept in a folder of this run, not in the user's cache
if "ZI_DOCS_CACHE" not in os.environ:
    os.environ["ZI_DOCS_CACHE"] = tempfile.mkdtemp(prefix="zi-docs-cache-")
    atexit.register(shutil.rmtree, os.environ["ZI_DOCS_CACHE"], ignore_errors=True)

TOOLS = {
    "libreoffice": "soffice",
    "tesseract": "tesseract",
    "browser": "chromium",
}


def _configure_django() -> None:
    """Django settings for the web tests (pytest-django makes the test database from them).

    Done when this file is imported, before any test module's conftest imports the web app.
    The site serves no workspace here; each web test points ``ZI_SITE`` at its own."""
    import tempfile

    from zi_docs.web.setup import configure
    from zi_docs.web.site import Site

    state = Path(tempfile.mkdtemp(prefix="zi-web-uji-"))
    atexit.register(shutil.rmtree, state, ignore_errors=True)
    database = postgres_server_url() if os.environ.get(DB_ENV, "") == "postgres" else None
    if os.environ.get(DB_ENV, "") == "postgres" and database is None:
        raise pytest.UsageError(f"{DB_ENV}=postgres memerlukan alamat server di {PG_ENV}")
    configure(Site(state=state, workspaces={}, database_url=database), migrate=False)


_configure_django()


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _missing_tool(item: pytest.Item) -> str | None:
    """The first external program ``item`` is marked as needing that is not installed."""
    for marker, program in TOOLS.items():
        found = find_program(program) if program in ("soffice", "tesseract") else None
        if marker in item.keywords and (found or shutil.which(program)) is None:
            return program
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip tests whose tool is missing locally (in CI they run and fail, see below)."""
    if _in_ci():
        return
    marked = [item for item in items if "postgres" in item.keywords]
    no_server = postgres_unreachable() if marked else None
    for item in marked:
        if no_server is not None:
            item.add_marker(pytest.mark.skip(reason=no_server))
    for item in items:
        program = _missing_tool(item)
        if program is not None:
            item.add_marker(pytest.mark.skip(reason=f"{program} tidak terpasang"))


def pytest_runtest_setup(item: pytest.Item) -> None:
    """In CI (CI=true) a missing tool is a failure, never a silent skip or xfail."""
    program = _missing_tool(item) if _in_ci() else None
    if program is not None:
        pytest.fail(f"{program} wajib ada di CI", pytrace=False)
    if _in_ci() and "postgres" in item.keywords:
        no_server = postgres_unreachable()
        if no_server is not None:
            pytest.fail(f"PostgreSQL wajib ada di CI: {no_server}", pytrace=False)


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    """A fresh workspace made by ``init`` from the bundled example."""
    return init_workspace(tmp_path / "ws").workspace


@pytest.fixture
def runner() -> Iterator[CliRunner]:
    yield CliRunner()


@pytest.fixture
def run_cli(runner: CliRunner, workspace: Workspace):  # type: ignore[no-untyped-def]
    """Run ``zi-docs`` in-process against the fixture workspace; returns the click Result."""

    def run(*args: str, input: str | None = None, ws: Workspace | None = None) -> Result:
        target = ws or workspace
        return runner.invoke(
            cli,
            list(args),
            input=input,
            env={"ZI_DOCS_WORKSPACE": str(target.root)},
            catch_exceptions=False,
        )

    return run
