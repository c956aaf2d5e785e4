"""Opening ``catalog.sqlite`` safely: refuse what is not ours, never replace it silently.

A folder, a missing or empty file while objects are stored, a foreign database, one from a
newer zi-docs, one with tables missing, random bytes: each is a :class:`CatalogError` with
what to do. Checks run on a read-only connection first, so a refused file is left
byte-identical (not even its journal mode changes). A workspace that cannot be written (a CD,
a read-only share) is opened read-only.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from zi_docs.errors import ZiError
from zi_docs.evidence.db import engine, schema
from zi_docs.evidence.store import ObjectStore

TABLES = frozenset(
    {"meta", "files", "tags", "names", "texts", "audit", "numbers", "pending_objects"}
    | {"pending_index"}
)
REPAIR_HINT = (
    "pulihkan folder archive/ dari cadangan, atau bangun ulang katalog dari berkas tersimpan "
    "dengan: zi-docs archive verify --perbaiki"
)


class CatalogError(ZiError):
    """The catalogue database cannot be used as it is (damaged, foreign, newer, missing)."""


def reason(exc: engine.Error) -> str:
    """Why SQLite could not read a catalogue, in Indonesian."""
    text = str(exc).lower()
    if "no such table" in text:
        return f"tabel {text.rsplit(':', 1)[-1].strip()} hilang"
    if "not a database" in text:
        return "isinya bukan basis data SQLite"
    if "malformed" in text or "corrupt" in text:
        return "isinya rusak atau terpotong"
    if "unable to open" in text:
        return "tidak dapat dibuka"
    if "locked" in text or "busy" in text:
        return "sedang dikunci proses lain terlalu lama"
    return "tidak terbaca"


def connect(
    path: Path, store: ObjectStore, *, rebuilding: bool = False
) -> tuple[engine.Connection, bool]:
    """An open connection and whether it is read-only. ``rebuilding``: a new database beside
    stored objects is wanted (``archive verify --perbaiki``)."""
    shown = f"{path.parent.name}/{path.name}"
    if path.is_dir():
        raise CatalogError(
            f"{shown} adalah folder, padahal seharusnya berkas katalog arsip", hint=REPAIR_HINT
        )
    exists = path.is_file()
    empty = not exists or path.stat().st_size == 0
    if empty and not rebuilding and store.any_object():
        state = "kosong (0 bita)" if exists else "tidak ada"
        raise CatalogError(
            f"katalog arsip {shown} {state}, padahal folder objects/ berisi berkas tersimpan; "
            "katalog tidak dibuat ulang diam-diam",
            hint=REPAIR_HINT,
        )
    if exists and not empty:
        probe = _read_only(path, shown)
        try:
            check(probe, shown)
        finally:
            probe.close()
    try:
        if exists and not os.access(path.parent, os.W_OK):
            raise engine.OperationalError("readonly")
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = engine.connect(path, timeout=30.0, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
    except (engine.OperationalError, OSError) as exc:
        if not exists or not _read_only_problem(exc):
            if isinstance(exc, engine.DatabaseError):
                raise damaged(shown, exc) from None
            raise
        return _read_only(path, shown), True
    except engine.DatabaseError as exc:
        raise damaged(shown, exc) from None
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn, False


def damaged(shown: str, exc: engine.Error) -> CatalogError:
    return CatalogError(
        f"katalog arsip {shown} rusak atau bukan katalog zi-docs ({reason(exc)})",
        hint=REPAIR_HINT,
    )


def check(conn: engine.Connection, shown: str) -> None:
    """Refuse a foreign, damaged or newer database (read-only queries only)."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        marker = (
            conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if "meta" in tables
            else None
        )
    except engine.DatabaseError as exc:
        raise damaged(shown, exc) from None
    version: int | None = None
    if marker is not None:
        try:
            version = int(marker[0])
        except (TypeError, ValueError):
            version = schema.SCHEMA_VERSION + 1  # a marker we cannot read: not ours to change
    if version is None and tables - {"meta"}:
        raise CatalogError(
            f"{shown} adalah basis data lain, bukan katalog arsip zi-docs (berisi tabel "
            f"{', '.join(sorted(tables)[:5])})",
            hint="pindahkan berkas itu keluar dari folder archive/, lalu jalankan lagi",
        )
    if version is not None and version > schema.SCHEMA_VERSION:
        raise CatalogError(
            f"katalog arsip {shown} dibuat oleh zi-docs yang lebih baru (skema {version}, versi "
            f"ini mengenal sampai {schema.SCHEMA_VERSION}); katalog tidak diubah",
            hint="perbarui zi-docs ke versi terbaru lalu jalankan lagi",
        )
    missing = sorted(TABLES - tables)
    if version == schema.SCHEMA_VERSION and missing:
        raise CatalogError(
            f"katalog arsip {shown} rusak: tabel {', '.join(missing)} hilang", hint=REPAIR_HINT
        )


def _read_only(path: Path, shown: str) -> engine.Connection:
    uri = path.resolve().as_uri()
    try:
        # wait as a writer waits: another process may be creating or changing the catalogue
        conn = engine.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=30.0)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except engine.DatabaseError as exc:
        text = str(exc).lower()
        if "not a database" in text or "malformed" in text or "locked" in text:
            raise damaged(shown, exc) from None
        # a WAL database on read-only media without its -shm file: read it as it is
        conn = engine.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
    return conn


def _read_only_problem(exc: BaseException) -> bool:
    text = str(exc).lower()
    return (
        "readonly" in text
        or "read-only" in text
        or isinstance(exc, PermissionError)
        or (isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM))
    )
