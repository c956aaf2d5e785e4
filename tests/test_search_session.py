"""A search session keeps the index open between searches and still sees every write."""

from __future__ import annotations

import shutil
from pathlib import Path

from zi_docs.evidence import SearchFilters, SearchSession, add_files, remove, tag
from zi_docs.workspace import Workspace


def _add(workspace: Workspace, folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return add_files(workspace, [path]).outcomes[0].sha256


def _shas(session: SearchSession, workspace: Workspace, text: str, **kw: str) -> set[str]:
    return {hit.sha256 for hit, _ in session.search(workspace, text, SearchFilters(**kw)).hits}  # type: ignore[arg-type]


def test_writes_between_searches_are_seen(workspace: Workspace, tmp_path: Path) -> None:
    first = _add(workspace, tmp_path, "a.txt", "Rencana anggaran kegiatan sosialisasi")
    with SearchSession() as session:
        assert _shas(session, workspace, "anggaran") == {first}
        second = _add(workspace, tmp_path, "b.txt", "Realisasi anggaran triwulan")
        assert _shas(session, workspace, "anggaran") == {first, second}
        tag(workspace, second, ["A.I.1.i.a"])
        assert _shas(session, workspace, "anggaran", indicator="A.I.1.i.a") == {second}
        remove(workspace, [first])
        assert _shas(session, workspace, "anggaran") == {second}


def test_a_deleted_index_is_rebuilt_under_an_open_session(
    workspace: Workspace, tmp_path: Path
) -> None:
    sha = _add(workspace, tmp_path, "a.txt", "Notulen rapat evaluasi")
    with SearchSession() as session:
        assert _shas(session, workspace, "notulen") == {sha}
        shutil.rmtree(workspace.archive_dir / "index")
        assert _shas(session, workspace, "notulen") == {sha}
