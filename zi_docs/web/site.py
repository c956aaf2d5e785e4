"""The web site's configuration: which workspaces it serves and where its own state lives.

No framework here: this module is read by the CLI and by :mod:`zi_docs.web.setup`.
The workspace files stay the source of truth; the site's state folder (``.zi-web/`` in the
first workspace) holds only the web app's own data: accounts, roles, sessions, the web
activity log, the secret key and uploads in progress.
"""

from __future__ import annotations

import os
import re
import secrets
import threading
import time
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlparse

from zi_docs.errors import WorkspaceError, ZiError
from zi_docs.workspace import UnitProfile, Workspace, find_workspace

STATE_DIR = ".zi-web"
SECRET_FILE = "kunci-rahasia"
DB_FILE = "web.sqlite3"
DB_ENV = "ZI_DOCS_WEB_DB"
"""Environment variable naming a PostgreSQL database (``postgresql://user:pass@host/db``)."""
DB_SETTING_FILE = "basis-data.txt"
"""A file in the state folder whose first line names the PostgreSQL database instead."""
CONN_MAX_AGE_S = 300
"""How long a server thread keeps its database connection open between requests."""
PUBLIC_ENV = "ZI_DOCS_WEB_ALAMAT"
"""Environment variable naming the address users open when a TLS proxy is in front
(``https://zi.dinas.go.id``)."""
PUBLIC_SETTING_FILE = "alamat-publik.txt"
"""A file in the state folder whose first line names that address instead."""
RACY_NS = 2_000_000_000
"""A ``unit.yaml`` written in the last two seconds may be written again within the same
clock tick without its stamp changing: its profile is then read afresh, not kept."""

_FileStamp = tuple[int, int, int]
_profiles: dict[Path, tuple[_FileStamp, UnitProfile]] = {}
_profiles_guard = threading.Lock()


@dataclass(frozen=True)
class Site:
    """What one server serves."""

    state: Path
    """The web app's own folder (``<first workspace>/.zi-web``)."""
    workspaces: Mapping[str, Path]
    """URL key -> workspace folder, in the order given."""
    database_url: str | None = None
    """PostgreSQL URL, or ``None`` for SQLite in :attr:`state`."""
    public_url: str | None = None
    """``scheme://host[:port]`` users open through a proxy, or ``None`` (served directly)."""

    @property
    def default_key(self) -> str:
        return next(iter(self.workspaces))

    def workspace(self, key: str) -> Workspace:
        """The workspace served under ``key``: a new one on each call, whose files are read
        fresh, except its validated ``unit.yaml``, reused while that file is unchanged (see
        :func:`opened`)."""
        try:
            root = self.workspaces[key]
        except KeyError:
            raise WorkspaceError(f"ruang kerja '{key}' tidak dilayani server ini") from None
        return opened(root)

    @property
    def sqlite_path(self) -> Path:
        return self.state / DB_FILE

    @property
    def upload_dir(self) -> Path:
        return self.state / "unggah"


def opened(root: Path) -> Workspace:
    """``Workspace(root)`` with the profile read when ``unit.yaml`` last changed: the parsed
    and validated profile is kept per workspace with the file's modification time, size and
    inode, so an edit by the CLI, an editor or another server is read on the next call. A
    profile that does not validate is never kept (the page reports it each time)."""
    workspace = Workspace(root)
    try:
        info = os.stat(workspace.unit_file)
    except OSError:
        return workspace  # reading the profile reports the missing file
    stamp = (info.st_mtime_ns, info.st_size, info.st_ino)
    with _profiles_guard:
        known = _profiles.get(root)
    if known is not None and known[0] == stamp:
        workspace.__dict__["profile"] = known[1]  # what the cached property would hold
        return workspace
    if time.time_ns() - info.st_mtime_ns > RACY_NS:
        try:
            profile = workspace.profile
        except ZiError:
            return workspace
        with _profiles_guard:
            _profiles[root] = (stamp, profile)
    return workspace


def workspace_key(root: Path) -> str:
    """A URL-safe key for a workspace folder (``Dinas PMPTSP 2026`` -> ``dinas-pmptsp-2026``)."""
    text = unicodedata.normalize("NFKD", root.name).encode("ascii", "ignore").decode()
    key = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return key or "unit"


def open_site(roots: Sequence[Path]) -> Site:
    """The site serving ``roots`` (each a workspace folder, checked to be one)."""
    if not roots:
        raise WorkspaceError("tidak ada ruang kerja yang dilayani")
    keyed: dict[str, Path] = {}
    for root in roots:
        workspace = find_workspace(root)
        key = workspace_key(workspace.root)
        while key in keyed:
            key += "-2"
        keyed[key] = workspace.root
    state = next(iter(keyed.values())) / STATE_DIR
    state.mkdir(mode=0o700, exist_ok=True)
    site = Site(
        state=state,
        workspaces=keyed,
        database_url=_setting(state, DB_ENV, DB_SETTING_FILE),
        public_url=_public_url(state),
    )
    keep_private(site)
    return site


def keep_private(site: Site) -> None:
    """The state folder readable by its owner only (0700), and the SQLite database (password
    hashes, sessions) too (0600): made empty with that mode before Django first opens it, an
    older one tightened. POSIX only; on Windows the folder's ACL applies."""
    if os.name == "nt":
        return
    site.state.chmod(0o700)
    if site.database_url is not None:
        return
    os.close(os.open(site.sqlite_path, os.O_CREAT | os.O_WRONLY, 0o600))
    site.sqlite_path.chmod(0o600)


def _setting(state: Path, env: str, file_name: str) -> str | None:
    """The environment variable ``env``, else the first line of ``state/file_name``."""
    named = os.environ.get(env, "").strip()
    if not named:
        setting = state / file_name
        if setting.is_file():
            lines = setting.read_text(encoding="utf-8").strip().splitlines()
            named = lines[0].strip() if lines else ""
    return named or None


def _public_url(state: Path) -> str | None:
    named = _setting(state, PUBLIC_ENV, PUBLIC_SETTING_FILE)
    if named is None:
        return None
    url = urlparse(named)
    if url.scheme not in ("http", "https") or not url.hostname or url.path not in ("", "/"):
        raise WorkspaceError(
            f"alamat publik '{named}' (dari {PUBLIC_ENV} atau {STATE_DIR}/{PUBLIC_SETTING_FILE}) "
            "bukan alamat situs",
            hint="tulis alamat yang dibuka pengguna tanpa jalur, mis. https://zi.dinas.go.id",
        )
    return f"{url.scheme}://{url.netloc}"


def database_settings(site: Site) -> dict[str, object]:
    """Django's ``DATABASES['default']`` for the site."""
    if site.database_url is None:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(site.sqlite_path),
            # each server thread keeps its connection instead of opening one per request
            "CONN_MAX_AGE": CONN_MAX_AGE_S,
        }
    url = urlparse(site.database_url)
    if url.scheme not in ("postgres", "postgresql"):
        raise WorkspaceError(
            f"alamat basis data '{url.scheme}://…' tidak didukung",
            hint="tulis alamat PostgreSQL seperti postgresql://pengguna:sandi@localhost/zidocs",
        )
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(url.path.lstrip("/")),
        "USER": unquote(url.username or ""),
        "PASSWORD": unquote(url.password or ""),
        "HOST": url.hostname or "",
        "PORT": str(url.port or ""),
        # libpq options in the query string, e.g. ?sslmode=require
        "OPTIONS": dict(parse_qsl(url.query)),
        # each server thread keeps its connection instead of opening one per request
        "CONN_MAX_AGE": CONN_MAX_AGE_S,
        "CONN_HEALTH_CHECKS": True,
    }


def database_origin(site: Site) -> str:
    """Where the site's database is, for messages (never the password)."""
    if site.database_url is None:
        return str(site.sqlite_path)
    url = urlparse(site.database_url)
    port = f":{url.port}" if url.port else ""
    return f"postgresql://{url.hostname or 'localhost'}{port}{url.path}"


def _private_temp(path: Path, text: str) -> Path:
    """``text`` in a new temporary file beside ``path``, readable by its owner only, synced."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    return tmp


def write_private(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` atomically; the file is readable by its owner only."""
    tmp = _private_temp(path, text)
    try:
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def secret_key(site: Site) -> str:
    """The site's secret key: made once, stored readable by its owner only."""
    path = site.state / SECRET_FILE
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    tmp = _private_temp(path, secrets.token_urlsafe(50))
    try:
        os.link(tmp, path)  # never replaces a key another process wrote first
    except FileExistsError:
        pass
    except OSError:
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path.read_text(encoding="ascii").strip()
