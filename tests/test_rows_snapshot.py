"""The rows ``check`` keeps between runs (:mod:`zi_docs.evidence.db.rows_snapshot`): loaded
only at the catalogue's stamp, read again after any change of them, never trusted damaged."""

from __future__ import annotations

import datetime as dt
import marshal
import shutil
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

import pytest
from archive_helpers import add_tagged, write_pdf
from hypothesis import given, settings
from hypothesis import strategies as st

from zi_docs import evidence
from zi_docs.evidence.archive import Archive
from zi_docs.evidence.db import readonly, schema
from zi_docs.evidence.db.rows_snapshot import RowsSnapshot
from zi_docs.submission import run_check
from zi_docs.workspace import Workspace

TODAY = dt.date(2026, 11, 1)


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ZI_DOCS_CACHE", str(folder))
    return folder


def _db(workspace: Workspace) -> Path:
    return workspace.archive_dir / "catalog.sqlite"


def _stamp(db: Path) -> str | None:
    with closing(sqlite3.connect(db)) as conn:
        return schema.stamp(conn)


def _view(workspace: Workspace) -> readonly.Rows:
    """The rows as ``check`` reads them: through the open archive, with the snapshot."""
    with Archive.open(workspace) as archive:
        return archive.db.view_rows()


def _plain(db: Path) -> tuple[list[readonly.FileRow], frozenset[str]]:
    """The same rows read straight from the catalogue, no snapshot."""
    with closing(sqlite3.connect(db)) as conn:
        rows = readonly.read_rows(conn, details=lambda _shas: {})
    return rows.files, rows.drafts


def _same(workspace: Workspace) -> None:
    rows = _view(workspace)
    assert (rows.files, rows.drafts) == _plain(_db(workspace))


def test_every_change_check_reads_draws_a_new_stamp(workspace: Workspace, tmp_path: Path) -> None:
    refs = add_tagged(workspace, tmp_path, 3)
    db = _db(workspace)
    seen = {_stamp(db)}
    assert None not in seen

    def drawn() -> bool:
        stamp = _stamp(db)
        new = stamp not in seen
        seen.add(stamp)
        return new

    evidence.tag(workspace, refs[0], ["P.MP.i.b"])
    assert drawn()
    evidence.untag(workspace, refs[0], ["P.MP.i.b"])
    assert drawn()
    evidence.edit(workspace, refs[1], doc_date=dt.date(2026, 3, 4))
    assert drawn()
    evidence.remove(workspace, [refs[2]])
    assert drawn()
    evidence.restore(workspace, [refs[2]])
    assert drawn()
    evidence.add_files(workspace, [write_pdf(tmp_path / "baru.pdf", "Bukti baru")])
    assert drawn()
    with sqlite3.connect(db) as conn:  # any statement, not only zi-docs' own
        sha = conn.execute("SELECT sha256 FROM files LIMIT 1").fetchone()[0]
        conn.execute("UPDATE files SET name = 'lain.pdf' WHERE sha256 = ?", (sha,))
    assert drawn()
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO drafts VALUES (?, 'sk-tim', NULL)", (sha,))
    assert drawn()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE drafts SET superseded_by = 'x' WHERE sha256 = ?", (sha,))
    assert drawn()
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM drafts")
    assert drawn()
    # what check does not keep (title, notes: read when a finding names the file) draws none
    evidence.edit(workspace, refs[1], title="Judul lain", notes="catatan")
    assert not drawn()


def test_the_kept_rows_are_read_only_at_their_stamp(
    workspace: Workspace, tmp_path: Path, kept: Path
) -> None:
    refs = add_tagged(workspace, tmp_path, 3)
    db = _db(workspace)
    first = _view(workspace)
    (entry,) = kept.glob("arsip-*.rows")
    stamp = _stamp(db)
    assert stamp is not None
    assert RowsSnapshot(entry).load(stamp) == (first.files, first.drafts)
    # an entry of this stamp is believed: a planted one proves the rows come from it
    planted = [(*first.files[0][:2], "ditanam.pdf", *first.files[0][3:])]
    RowsSnapshot(entry).save(stamp, planted, frozenset())
    assert [f[2] for f in _view(workspace).files] == ["ditanam.pdf"]
    # a change draws a new stamp: the catalogue is read again, and kept again
    evidence.tag(workspace, refs[1], ["P.MP.i.b"])
    again = _view(workspace)
    assert (again.files, again.drafts) == _plain(db)
    assert len(again.files) == 3
    assert RowsSnapshot(entry).load(str(_stamp(db))) == (again.files, again.drafts)
    assert RowsSnapshot(entry).load(stamp) is None


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"bukan salinan",
        None,  # the right first line, the rest cut short (a power cut: written without fsync)
        "garbage",  # the right first line and length, then no marshal data
        "zeros",  # the right first line and length, then zeros where the data was
        "other",  # the right first line and length, then a value of another shape
    ],
)
def test_a_damaged_entry_is_read_again(
    workspace: Workspace, tmp_path: Path, kept: Path, damage: bytes | str | None
) -> None:
    add_tagged(workspace, tmp_path, 2)
    _view(workspace)
    (entry,) = kept.glob("arsip-*.rows")
    whole = entry.read_bytes()
    head = whole[: whole.index(b"\n") + 1]
    payload = whole[whole.index(b"\n", len(head)) + 1 :]

    def entry_of(data: bytes) -> bytes:
        return head + b"%d\n" % len(data) + data

    if damage is None:
        entry.write_bytes(whole[: len(whole) - len(payload) // 2])
    elif damage == "garbage":
        entry.write_bytes(entry_of(b"\xff\x00garbage"))
    elif damage == "zeros":
        entry.write_bytes(entry_of(bytes(len(payload))))
    elif damage == "other":
        entry.write_bytes(entry_of(marshal.dumps({"files": 1})))
    else:
        assert isinstance(damage, bytes)
        entry.write_bytes(damage)
    _same(workspace)
    assert entry.read_bytes() == whole  # written again, whole


def test_a_catalogue_restored_from_a_backup_is_read_as_it_is(
    workspace: Workspace, tmp_path: Path, kept: Path
) -> None:
    refs = add_tagged(workspace, tmp_path, 3)
    db = _db(workspace)
    _same(workspace)
    backup = tmp_path / "cadangan.sqlite"
    with closing(sqlite3.connect(db)) as source, closing(sqlite3.connect(backup)) as copy:
        source.backup(copy)
    evidence.remove(workspace, [refs[0]])
    evidence.tag(workspace, refs[1], ["P.MP.i.b"])
    _same(workspace)
    for side in ("-wal", "-shm"):  # the older state, whole: its own stamp, not the entry's
        db.with_name(db.name + side).unlink(missing_ok=True)
    shutil.copy2(backup, db)
    _same(workspace)
    assert [bool(f[3]) for f in _view(workspace).files] == [True, True, True]


def test_check_is_the_same_with_and_without_kept_rows(
    workspace: Workspace, tmp_path: Path, kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refs = add_tagged(workspace, tmp_path, 4)

    def both() -> object:
        with_kept = run_check(workspace, TODAY)
        monkeypatch.setenv("ZI_DOCS_CACHE", "0")
        try:
            without = run_check(workspace, TODAY)
        finally:
            monkeypatch.setenv("ZI_DOCS_CACHE", str(kept))
        seen = [
            (i.id, i.files, [item.files for item in i.items])
            for i in with_kept.completeness.indicators
        ]
        assert seen == [
            (i.id, i.files, [item.files for item in i.items])
            for i in without.completeness.indicators
        ]
        assert with_kept.findings == without.findings
        return seen, [f.code for f in with_kept.findings]

    states = [both()]
    evidence.tag(workspace, refs[0], ["P.MP.i.b"], item=None)
    states.append(both())
    evidence.remove(workspace, [refs[1]])
    states.append(both())
    evidence.edit(workspace, refs[2], doc_date=dt.date(2019, 1, 2))  # outside the window
    states.append(both())
    assert len({repr(s) for s in states}) == len(states)  # each change was seen
    assert any(kept.glob("arsip-*.rows"))


def test_no_entry_when_the_cache_is_off_or_cannot_be_written(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_tagged(workspace, tmp_path, 2)
    monkeypatch.setenv("ZI_DOCS_CACHE", "0")
    assert RowsSnapshot.of(_db(workspace)) is None
    _same(workspace)
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    monkeypatch.setenv("ZI_DOCS_CACHE", str(blocker / "cache"))
    _same(workspace)
    _same(workspace)


_SHAS = st.sampled_from(["a1", "b2", "c3", "d4"])
_STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), _SHAS, st.sampled_from(["x.pdf", "y.pdf"])),
        st.tuples(st.just("drop"), _SHAS, st.none()),
        st.tuples(st.just("tag"), _SHAS, st.sampled_from(["A.1", "A.2", "B.1"])),
        st.tuples(st.just("untag"), _SHAS, st.none()),
        st.tuples(st.just("trash"), _SHAS, st.sampled_from(["2026-01-01", None])),
        st.tuples(st.just("date"), _SHAS, st.sampled_from(["2026-02-03", "2019-01-01", None])),
        st.tuples(st.just("draft"), _SHAS, st.sampled_from(["sk", None])),
        st.tuples(st.just("sign"), _SHAS, st.none()),
    ),
    min_size=1,
    max_size=12,
)

_STATEMENTS = {
    "add": "INSERT OR IGNORE INTO files (sha256, size, kind, mime, name, title, added_at, "
    "added_by, text_status) VALUES (:sha, length(:arg), 'pdf', 'application/pdf', :arg, '', "
    "'2026-01-01', 'uji', 'ok')",
    "drop": "DELETE FROM files WHERE sha256 = :sha",
    "tag": "INSERT OR IGNORE INTO tags SELECT sha256, :arg, NULL FROM files WHERE sha256 = :sha",
    "untag": "DELETE FROM tags WHERE sha256 = :sha",
    "trash": "UPDATE files SET trashed_at = :arg WHERE sha256 = :sha",
    "date": "UPDATE files SET doc_date = :arg WHERE sha256 = :sha",
    "draft": "INSERT OR REPLACE INTO drafts SELECT sha256, 'k', :arg FROM files "
    "WHERE sha256 = :sha",
    "sign": "DELETE FROM drafts WHERE sha256 = :sha",
}


@settings(max_examples=40, deadline=None)
@given(_STEPS)
def test_any_sequence_of_changes_reads_what_the_catalogue_holds(
    steps: list[tuple[str, str, str | None]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        snapshot = RowsSnapshot(Path(folder) / "arsip.rows")
        conn = sqlite3.connect(Path(folder) / "catalog.sqlite", isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys=ON")
            schema.upgrade(conn, None)
            for action, sha, arg in steps:
                conn.execute(_STATEMENTS[action], {"sha": sha, "arg": arg})
                for _twice in range(2):  # read again, then from what was kept
                    through = readonly.read_rows(conn, details=lambda _s: {}, kept=snapshot)
                    plain = readonly.read_rows(conn, details=lambda _s: {})
                    assert through.files == plain.files
                    assert through.drafts == plain.drafts
                    assert through.tagsets == plain.tagsets
        finally:
            conn.close()
