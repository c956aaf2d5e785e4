"""A damaged, foreign, newer, empty or read-only catalogue database: a clear message, never a
silent replacement, read-only commands on a read-only workspace, and ``verify --perbaiki``."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from archive_helpers import write_pdf
from click.testing import Result
from conftest import clear, snapshot

from zi_docs import evidence as api
from zi_docs.evidence.filing import open_archive
from zi_docs.workspace import Workspace


@pytest.fixture(scope="session")
def filled_pristine(pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with three archived files, built once; each test gets a copy."""
    root = tmp_path_factory.mktemp("filled") / "ws"
    shutil.copytree(pristine, root, symlinks=True)
    files = [
        write_pdf(root.parent / "in" / f"bukti-{i}.pdf", f"Bukti nomor {i} zona integritas")
        for i in range(3)
    ]
    ws = Workspace(root)
    assert len(api.add_files(ws, files, indicators=["P.MP.i.a"]).added) == 3
    with contextlib.closing(sqlite3.connect(root / "archive" / "catalog.sqlite")) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return root


@pytest.fixture
def filled(filled_pristine: Path, tmp_path: Path) -> Workspace:
    root = tmp_path / "ws"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(filled_pristine, root, symlinks=True)
    return Workspace(root)


def _db(ws: Workspace) -> Path:
    return ws.archive_dir / "catalog.sqlite"


def _sql(ws: Workspace, statement: str) -> None:
    with contextlib.closing(sqlite3.connect(_db(ws))) as conn:
        conn.execute(statement)
        conn.commit()


DAMAGES: list[tuple[str, Callable[[Workspace], None], str]] = [
    ("random-bytes", lambda w: _db(w).write_bytes(os.urandom(8192)), "rusak atau bukan katalog"),
    ("text", lambda w: _db(w).write_text("bukan basis data\n" * 50), "rusak atau bukan katalog"),
    ("truncated", lambda w: _db(w).write_bytes(_db(w).read_bytes()[:1500]), "katalog arsip"),
    ("zero-bytes", lambda w: _db(w).write_bytes(b""), "kosong (0 bita)"),
    ("missing", lambda w: _db(w).unlink(), "tidak ada"),
    ("a-folder", lambda w: (_db(w).unlink(), _db(w).mkdir()), "adalah folder"),
    (
        "foreign",
        lambda w: (_db(w).unlink(), _sql(w, "CREATE TABLE pelanggan (nama)")),
        "basis data lain",
    ),
    (
        "newer-schema",
        lambda w: _sql(w, "UPDATE meta SET value='99' WHERE key='schema'"),
        "lebih baru",
    ),
    (
        "bad-marker",
        lambda w: _sql(w, "UPDATE meta SET value='dua' WHERE key='schema'"),
        "lebih baru",
    ),
    ("missing-table", lambda w: _sql(w, "DROP TABLE tags"), "tabel tags hilang"),
]
COMMANDS = [("archive", "list"), ("archive", "add", "{new}", "-i", "P.MP.i.a"), ("check",)]


@pytest.mark.parametrize("command", COMMANDS, ids=["list", "add", "check"])
@pytest.mark.parametrize(("case", "damage", "phrase"), DAMAGES, ids=[d[0] for d in DAMAGES])
def test_a_damaged_catalogue_is_named_and_never_replaced(
    zi: Callable[..., Result],
    filled: Workspace,
    tmp_path: Path,
    command: tuple[str, ...],
    case: str,
    damage: Callable[[Workspace], None],
    phrase: str,
) -> None:
    damage(filled)
    new = write_pdf(tmp_path / "baru.pdf", "Dokumen baru")
    before = snapshot(filled.root)
    args = [a.format(new=new) for a in command]
    clear(zi(*args), 1, "catalog.sqlite", phrase)
    assert snapshot(filled.root) == before  # no marker rewritten, nothing created


REPAIRABLE = [d for d in DAMAGES if d[0] not in ("foreign", "newer-schema", "bad-marker")]


@pytest.mark.parametrize(("case", "damage", "phrase"), REPAIRABLE, ids=[d[0] for d in REPAIRABLE])
def test_verify_perbaiki_rebuilds_and_says_what_it_restored(
    zi: Callable[..., Result],
    filled: Workspace,
    case: str,
    damage: Callable[[Workspace], None],
    phrase: str,
) -> None:
    damage(filled)
    output = clear(zi("archive", "verify", "--perbaiki"), 0, "Katalog dibangun ulang: 3 dari 3")
    assert "Tidak dapat dipulihkan" in output
    if case == "missing-table":
        assert "nama asli kembali untuk 3" in output  # from the old files table and audit log
    listed = clear(zi("archive", "list"), 0)
    assert "3 berkas" in listed
    clear(zi("archive", "verify"), 0, "Arsip utuh")
    kept = list(filled.archive_dir.glob("catalog.rusak-*.sqlite"))
    assert len(kept) == (0 if case == "missing" else 1)  # the damaged file is kept aside


def test_verify_perbaiki_adds_objects_a_readable_catalogue_lacks(
    zi: Callable[..., Result], filled: Workspace
) -> None:
    with open_archive(filled) as archive:
        sha = archive.db.all_shas()[0]
    _sql(filled, f"DELETE FROM files WHERE sha256='{sha}'")
    clear(zi("archive", "verify"), 3, "tidak tercatat di katalog")
    clear(zi("archive", "verify", "--perbaiki"), 0, "1 dari 3")
    output = clear(zi("archive", "list"), 0, "3 berkas")
    assert "bukti-" in output
    clear(zi("archive", "verify"), 0, "Arsip utuh")


# ---- read-only workspace --------------------------------------------------------------------
@contextlib.contextmanager
def _read_only(root: Path) -> Iterator[Path]:
    """``root`` seen read-only: a read-only bind mount (root in CI) or permission bits."""
    view = root.with_name(root.name + "-ro")
    view.mkdir()
    mounted = os.geteuid() == 0 and (
        subprocess.run(
            ["mount", "--bind", "-o", "ro", str(root), str(view)], check=False
        ).returncode
        == 0
    )
    if not mounted:
        view.rmdir()
        if os.geteuid() == 0:
            pytest.skip("cannot make a read-only view of the workspace here")
        shutil.copytree(root, view)
        for path in [view, *view.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)
    try:
        yield view
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(view)], check=True)
            view.rmdir()
        else:
            for path in [view, *view.rglob("*")]:
                path.chmod(path.stat().st_mode | 0o200)


READ_ONLY = [
    (("archive", "list"), 0, "3 berkas"),
    (("archive", "search", "zona"), 0, "hasil"),
    (("archive", "show", "bukti-1.pdf"), 0, "bukti-1.pdf"),
    (("archive", "verify"), 0, "Arsip utuh"),
    (("archive", "verify", "--cepat"), 0, "Arsip utuh"),
    (("check",), 3, "Kelengkapan"),
    (("score",), 0, "Nilai"),
    (("archive", "log"), 0, "tambah"),
]


@pytest.mark.parametrize(
    ("command", "code", "phrase"), READ_ONLY, ids=[c[0][-1] for c in READ_ONLY]
)
def test_read_only_commands_work_on_a_read_only_workspace(
    zi: Callable[..., Result], filled: Workspace, command: tuple[str, ...], code: int, phrase: str
) -> None:
    clear(zi("archive", "search", "zona"), 0)  # index built while writable
    with _read_only(filled.root) as view:
        result = zi(*command, workspace=view)
        assert result.exit_code in (code, 0, 3), result.output
        clear(result, result.exit_code)
        assert phrase.lower() in result.output.lower(), result.output


def test_a_writer_on_a_read_only_workspace_is_told_why(
    zi: Callable[..., Result], filled: Workspace, tmp_path: Path
) -> None:
    new = write_pdf(tmp_path / "baru.pdf", "Dokumen baru")
    with _read_only(filled.root) as view:
        clear(zi("archive", "add", str(new), "-i", "P.MP.i.a", workspace=view), 1, "dibaca")
