"""Build archive catalogues directly (fast) for the submission tests and benchmarks."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from zi_docs.evidence.db import ArchiveDb
from zi_docs.evidence.store import ObjectStore
from zi_docs.workspace import Workspace


@dataclass
class Fake:
    """One file to put in the archive."""

    name: str
    data: bytes
    tags: Sequence[tuple[str, str | None]] = ()
    doc_date: dt.date | None = None
    title: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def make_archive(workspace: Workspace, files: Sequence[Fake]) -> list[str]:
    """Write ``files`` into the workspace's archive (objects + catalogue); returns digests."""
    root = workspace.archive_dir
    objects = root / "objects"
    ArchiveDb(root / "catalog.sqlite", ObjectStore(objects)).close()
    conn = sqlite3.connect(root / "catalog.sqlite")
    digests = []
    with conn:
        for number, fake in enumerate(files):
            sha = hashlib.sha256(fake.data).hexdigest()
            digests.append(sha)
            target = objects / sha[:2] / sha
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.write_bytes(fake.data)
                target.chmod(0o444)
            conn.execute(
                "INSERT OR IGNORE INTO files (sha256, size, kind, mime, name, title, doc_date, "
                "added_at, added_by, text_status) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    sha,
                    len(fake.data),
                    Path(fake.name).suffix.lstrip(".") or "bin",
                    "application/octet-stream",
                    fake.name,
                    fake.title,
                    fake.doc_date.isoformat() if fake.doc_date else None,
                    f"2026-01-01T00:00:{number % 60:02d}+00:00",
                    "uji",
                    "ok",
                ),
            )
            for indicator, item in fake.tags:
                conn.execute("INSERT OR IGNORE INTO tags VALUES (?,?,?)", (sha, indicator, item))
    conn.close()
    return digests


def write_answers(workspace: Workspace, jawaban: dict[str, object]) -> None:
    """Replace lke.yaml's answers (hasil kept from the example)."""
    import yaml

    data = yaml.safe_load(workspace.answers_file.read_text(encoding="utf-8"))
    data["jawaban"] = jawaban
    workspace.answers_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
