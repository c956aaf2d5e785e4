"""check's read of the catalogue leaves a file's title, notes and kind out of its rows and
reads them only for the files whose values are built, through a connection of their own
(in batches, or in one pass when most files are asked for)."""

from __future__ import annotations

import sqlite3

import pytest
from submission_helpers import Fake, make_archive

from zi_docs import evidence
from zi_docs.evidence.db import readonly
from zi_docs.evidence.records import ArchiveView
from zi_docs.evidence.store import ObjectStore
from zi_docs.workspace import Workspace


def _archive(workspace: Workspace) -> list[str]:
    fakes = [Fake(f"{n}.pdf", f"isi {n}".encode(), [("A.I.1.i.a", "sk-tim")]) for n in "abcd"]
    digests = make_archive(workspace, fakes)
    with sqlite3.connect(workspace.archive_dir / "catalog.sqlite") as conn:
        for n, sha in zip("abcd", digests, strict=True):
            conn.execute(
                "UPDATE files SET title = ?, notes = ?, kind = 'docx' WHERE sha256 = ?",
                (f"Judul {n}", f"catatan {n}", sha),
            )
    conn.close()
    return digests


@pytest.mark.parametrize(("per_query", "all_from"), [(2, 100), (500, 3)])
def test_details_come_for_the_files_built_in_batches_or_in_one_pass(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, per_query: int, all_from: int
) -> None:
    _archive(workspace)
    monkeypatch.setattr(readonly, "_PER_QUERY", per_query)
    monkeypatch.setattr(readonly, "_ALL_FROM", all_from)
    asked: list[int] = []
    reader = readonly.details_reader

    def counting(path: object) -> readonly.Details:
        read = reader(path)  # type: ignore[arg-type]

        def wrapped(shas: list[str]) -> object:
            asked.append(len(shas))
            return read(shas)

        return wrapped  # type: ignore[return-value]

    monkeypatch.setattr(readonly, "details_reader", counting)
    with evidence.open_view(workspace) as view:
        assert isinstance(view, ArchiveView)
        picked = view.files_at([2, 0])
        assert [(f.name, f.title, f.note, f.kind) for f in picked] == [
            ("c.pdf", "Judul c", "catatan c", "docx"),
            ("a.pdf", "Judul a", "catatan a", "docx"),
        ]
        assert asked == [2]  # only the two files named
    # after the archive closed, every value is still whole
    assert [(f.title, f.note) for f in view.files] == [
        (f"Judul {n}", f"catatan {n}") for n in "abcd"
    ]
    assert asked == [2, 4]


def test_the_eager_read_and_the_lazy_read_build_the_same_values(workspace: Workspace) -> None:
    _archive(workspace)
    path = workspace.archive_dir / "catalog.sqlite"
    store = ObjectStore(workspace.archive_dir / "objects")
    eager = readonly.live_files(path, store)
    with evidence.open_view(workspace) as view:
        lazy = view.files
    assert lazy == eager and [f.title for f in eager] == [f"Judul {n}" for n in "abcd"]


def test_a_file_gone_before_its_details_were_read_has_none(workspace: Workspace) -> None:
    digests = _archive(workspace)
    path = workspace.archive_dir / "catalog.sqlite"
    with sqlite3.connect(path) as conn:
        rows = readonly.read_rows(conn, details=readonly.details_reader(path))
        conn.execute("DELETE FROM tags WHERE sha256 = ?", (digests[0],))
        conn.execute("DELETE FROM files WHERE sha256 = ?", (digests[0],))
    conn.close()
    built = readonly.evidence_files(rows, ObjectStore(workspace.archive_dir / "objects"))
    assert [(f.name, f.title, f.kind) for f in built][:2] == [
        ("a.pdf", None, ""),
        ("b.pdf", "Judul b", "docx"),
    ]
