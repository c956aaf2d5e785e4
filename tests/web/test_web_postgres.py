"""The web app's own data in PostgreSQL: the CLI's account commands, the served site, and the
whole web test suite run again with PostgreSQL as the database.

These need the server named by ``ZI_DOCS_UJI_PG`` (a role that may create databases; ``.ci/run``
starts one); without it they are skipped with the reason, in CI they fail.
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from postgres_helpers import DB_ENV, PG_ENV, postgres_server_url

from zi_docs.workspace import Workspace

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Sandi-Uji-Panjang-2026"
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _query(url: str, sql: str) -> list[tuple[object, ...]]:
    """The rows of one SELECT on the database ``url`` names."""
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute(sql.encode()).fetchall()


def _execute(url: str, sql: str) -> None:
    """One statement outside a transaction (CREATE/DROP DATABASE)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql.encode())


@pytest.fixture
def database() -> Iterator[str]:
    """A new, empty database on the tests' server; its URL (dropped afterwards)."""
    server = postgres_server_url()
    assert server is not None
    name = f"zidocs_uji_{secrets.token_hex(4)}"
    _execute(server, f"CREATE DATABASE {name}")
    yield urllib.parse.urlparse(server)._replace(path=f"/{name}").geturl()
    _execute(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _env(database: str) -> dict[str, str]:
    return {**os.environ, "ZI_DOCS_WEB_DB": database, "PYTHONPATH": str(ROOT)}


def _zi(ws: Workspace, database: str, *args: str, stdin: str = "") -> str:
    done = subprocess.run(
        [sys.executable, "-m", "zi_docs", "web", "-w", str(ws.root), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=_env(database),
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_account_commands_migrate_and_keep_accounts_in_postgresql(
    workspace: Workspace, database: str
) -> None:
    made = _zi(
        workspace, database, "pengguna", "tambah", "rina", "--peran", "koordinator",
        "--area", "MP", "--sandi-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert "Akun dibuat: rina" in made
    _zi(workspace, database, "pengguna", "ubah", "rina", "--peran", "ketua")
    _zi(workspace, database, "pengguna", "sandi", "rina", "--sandi-stdin", stdin=PASSWORD + "x\n")
    assert re.search(r"rina\s+ketua", _zi(workspace, database, "pengguna", "daftar"))
    assert _query(database, "SELECT username FROM auth_user") == [("rina",)]
    assert _query(database, "SELECT role FROM zi_web_grant") == [("ketua",)]
    applied = _query(database, "SELECT count(*) FROM django_migrations WHERE app = 'zi_web'")
    assert applied[0][0] >= 1
    assert not (workspace.root / ".zi-web" / "web.sqlite3").exists()
    _zi(workspace, database, "pengguna", "hapus", "rina")
    assert _query(database, "SELECT username FROM auth_user") == []


def test_an_unreachable_database_is_named_in_words(workspace: Workspace) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = subprocess.run(
        [sys.executable, "-m", "zi_docs", "web", "-w", str(workspace.root), "pengguna", "daftar"],
        capture_output=True,
        text=True,
        env=_env(f"postgresql://zi:rahasia@127.0.0.1:{port}/zidocs"),
        timeout=120,
    )
    assert done.returncode == 1
    assert f"basis data web postgresql://127.0.0.1:{port}/zidocs tidak dapat dipakai" in done.stderr
    assert "rahasia" not in done.stderr and "Galat internal" not in done.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_the_served_site_logs_in_with_sessions_in_postgresql(
    workspace: Workspace, database: str
) -> None:
    _zi(workspace, database, "pengguna", "tambah", "rina", "--peran", "ketua", "--sandi-stdin",
        stdin=PASSWORD + "\n")  # fmt: skip
    port = _free_port()
    command = [sys.executable, "-m", "zi_docs", "web", "-w", str(workspace.root)]
    command += ["--port", str(port), "--tanpa-peramban"]
    server = subprocess.Popen(
        command, env=_env(database), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        base = f"http://127.0.0.1:{port}"
        page = _wait_for(browser, f"{base}/masuk/")
        token = CSRF_FIELD.search(page)
        assert token is not None
        form = {"csrfmiddlewaretoken": token.group(1), "username": "rina", "password": PASSWORD}
        with browser.open(f"{base}/masuk/", urllib.parse.urlencode(form).encode()) as home:
            assert home.status == 200 and "Keluar" in home.read().decode()
        assert _query(database, "SELECT count(*) FROM django_session")[0][0] == 1
        logged = _query(database, "SELECT count(*) FROM auth_user WHERE last_login IS NOT NULL")
        assert logged[0][0] == 1
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(browser: urllib.request.OpenerDirector, url: str) -> str:
    deadline = time.monotonic() + 60
    while True:
        try:
            with browser.open(url, timeout=5) as page:
                text: str = page.read().decode()
                return text
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.slow
def test_the_web_tests_pass_with_postgresql_as_the_database() -> None:
    """Every other web test, this time with pytest-django's test database in PostgreSQL."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", str(ROOT / "tests" / "web"), "-q", "-x",
         "-m", "not postgres", "-p", "no:cacheprovider"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, DB_ENV: "postgres", PG_ENV: postgres_server_url() or ""},
        timeout=1800,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert re.search(r"\d+ passed", done.stdout)
