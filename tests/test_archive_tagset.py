"""``files.tagset``: each file's tags in one column, kept by triggers, read by ``check``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from archive_helpers import add_tagged
from hypothesis import given, settings
from hypothesis import strategies as st

from zi_docs import evidence
from zi_docs.evidence.db import schema
from zi_docs.evidence.db.readonly import TAGS_KEY, decode_tagsets, read_rows
from zi_docs.refs import IndicatorRef
from zi_docs.workspace import Workspace

_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)


def _db(workspace: Workspace) -> Path:
    return workspace.archive_dir / "catalog.sqlite"


def _tags_table(db: Path) -> dict[str, tuple[IndicatorRef, ...]]:
    """sha256 -> its tags as the tags table holds them (every file, untagged too)."""
    with sqlite3.connect(db) as conn:
        found: dict[str, list[IndicatorRef]] = {
            s: [] for (s,) in conn.execute("SELECT sha256 FROM files")
        }
        for sha, indicator, item in conn.execute("SELECT sha256, indicator, item FROM tags"):
            found[sha].append(IndicatorRef(indicator, item))
    return {sha: tuple(sorted(tags)) for sha, tags in found.items()}


def _tagset_column(db: Path) -> dict[str, tuple[IndicatorRef, ...]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT sha256, tagset FROM files").fetchall()
    decoded = decode_tagsets({key for _sha, key in rows})
    return {sha: decoded.get(key, ()) for sha, key in rows}


def test_the_column_follows_every_change_of_tags(workspace: Workspace, tmp_path: Path) -> None:
    refs = add_tagged(workspace, tmp_path, 4)
    db = _db(workspace)
    assert _tagset_column(db) == _tags_table(db)
    evidence.tag(workspace, refs[0], ["P.MP.i.b", "P.TTL.i.a"])
    evidence.tag(workspace, refs[1], ["P.MP.i.a"])  # with and without item on one indicator
    evidence.untag(workspace, refs[2], ["P.MP.i.a"])  # no tags left
    evidence.remove(workspace, [refs[3]])
    table = _tags_table(db)
    assert _tagset_column(db) == table
    assert len(table[next(s for s in table if s.startswith(refs[0]))]) == 3
    assert table[next(s for s in table if s.startswith(refs[2]))] == ()
    with sqlite3.connect(db) as conn:  # any statement, not only zi-docs' own
        changed = conn.execute("UPDATE tags SET item = 'lain' WHERE item = 'sk-tim'").rowcount
        changed += conn.execute("DELETE FROM tags WHERE indicator = 'A.I.1.i.b'").rowcount
        changed += conn.execute(  # a tag moved from one file to another
            "UPDATE tags SET sha256 = (SELECT sha256 FROM files WHERE sha256 LIKE ?) "
            "WHERE sha256 LIKE ? AND item = 'lain'",
            (refs[2] + "%", refs[0] + "%"),
        ).rowcount
    assert changed >= 4
    assert _tags_table(db) != table
    assert _tagset_column(db) == _tags_table(db)


def test_a_version_3_catalogue_is_upgraded_and_keeps_its_tags(
    workspace: Workspace, tmp_path: Path
) -> None:
    refs = add_tagged(workspace, tmp_path, 3)
    evidence.tag(workspace, refs[0], ["P.MP.i.b"])
    db = _db(workspace)
    before = _tags_table(db)
    with sqlite3.connect(db) as conn:  # as an archive written before schema 4 looks
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='trigger'"
        ).fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("ALTER TABLE files DROP COLUMN tagset")
        conn.execute("UPDATE meta SET value='3' WHERE key='schema'")
        conn.execute("INSERT INTO tags VALUES ((SELECT sha256 FROM files LIMIT 1), 'X.1', NULL)")
    expected = _tags_table(db)
    assert expected != before
    # read without upgrading (``rekap`` over another unit's workspace): the tags table
    with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as conn:
        rows = read_rows(conn)
    assert {f[0]: rows.tagsets.get(f[TAGS_KEY], ()) for f in rows.files} == expected
    view = evidence.read_view(workspace)  # opened for writing: upgraded
    assert {f.sha256: f.tags for f in view.files} == expected
    assert _tagset_column(db) == expected
    with sqlite3.connect(db) as conn:
        assert schema.version(conn) == schema.SCHEMA_VERSION


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_TEXT, st.one_of(st.none(), st.just(""), _TEXT)), min_size=1, max_size=5))
def test_any_tag_text_comes_back_as_it_was_stored(tags: list[tuple[str, str | None]]) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA foreign_keys=ON")
    schema.upgrade(conn, None)
    conn.execute(
        "INSERT INTO files (sha256, size, kind, mime, name, title, added_at, added_by, "
        "text_status) VALUES ('a' , 1, 'pdf', 'application/pdf', 'n', 't', 'x', 'y', 'ok')"
    )
    conn.executemany("INSERT OR IGNORE INTO tags VALUES ('a', ?, ?)", tags)
    stored = sorted(IndicatorRef(i, t) for i, t in conn.execute("SELECT indicator, item FROM tags"))
    rows = read_rows(conn)
    assert rows.tagsets[rows.files[0][TAGS_KEY]] == tuple(stored)
