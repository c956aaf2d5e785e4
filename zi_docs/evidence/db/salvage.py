"""What can still be read from a damaged ``catalog.sqlite``: the audit log and the names of
its files, each only as far as SQLite can read it (read-only; nothing is changed)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from zi_docs.evidence.db import engine

AuditRow = tuple[str, str, str, str | None, str]


def salvage(path: Path | None) -> tuple[list[AuditRow], dict[str, str]]:
    """(audit rows in order, original name by SHA-256) readable from the database at ``path``."""
    audit: list[AuditRow] = []
    names: dict[str, str] = {}
    if path is None or not path.is_file():
        return audit, names
    try:
        conn = engine.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except engine.Error:
        return audit, names
    with contextlib.closing(conn):
        with contextlib.suppress(engine.Error):
            audit = [
                (str(r[0]), str(r[1]), str(r[2]), r[3], str(r[4]))
                for r in conn.execute(
                    "SELECT at, who, action, sha256, detail FROM audit ORDER BY id"
                )
            ]
        with contextlib.suppress(engine.Error):
            names = {
                str(sha): str(name) for sha, name in conn.execute("SELECT sha256, name FROM files")
            }
    return audit, names
