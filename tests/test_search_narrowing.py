"""Search narrowed to untagged files or to the trash (the Arsip page's two checkboxes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zi_docs.evidence import MARK_END, MARK_START, Hit, SearchFilters, add_files, remove, search
from zi_docs.evidence.narrowing import untagged_hits
from zi_docs.workspace import Workspace


def _file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _three(workspace: Workspace, tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "masuk"
    folder.mkdir()
    tagged = _file(folder, "tertanda.txt", "Laporan pengaduan masyarakat triwulan satu")
    loose = _file(folder, "lepas.txt", "Rekap pengaduan yang belum dipilah")
    gone = _file(folder, "buangan.txt", "Draf lama tanggapan pengaduan layanan")
    first = add_files(workspace, [tagged], indicators=["A.I.1.i.a"]).outcomes[0].sha256
    second = add_files(workspace, [loose]).outcomes[0].sha256
    third = add_files(workspace, [gone], indicators=["A.I.1.i.a"]).outcomes[0].sha256
    remove(workspace, [third])
    return {"tertanda": first, "lepas": second, "buangan": third}


def _found(workspace: Workspace, text: str, **narrowing: bool) -> set[str]:
    return {hit.sha256 for hit, _ in search(workspace, text, SearchFilters(**narrowing)).hits}


def test_untagged_and_trash_narrow_the_search(workspace: Workspace, tmp_path: Path) -> None:
    sha = _three(workspace, tmp_path)
    assert _found(workspace, "pengaduan") == {sha["tertanda"], sha["lepas"]}
    assert _found(workspace, "pengaduan", untagged=True) == {sha["lepas"]}
    assert _found(workspace, "pengaduan", trashed=True) == {sha["buangan"]}
    assert _found(workspace, "pengaduan layanan", trashed=True) == {sha["buangan"]}
    assert _found(workspace, "pengaduan masyarakat", trashed=True) == set()
    assert _found(workspace, "pengaduan", trashed=True, untagged=True) == set()


def test_a_file_found_in_the_trash_comes_with_its_record_and_marked_words(
    workspace: Workspace, tmp_path: Path
) -> None:
    sha = _three(workspace, tmp_path)
    ((hit, stored),) = search(workspace, "Tanggapan", SearchFilters(trashed=True)).hits
    assert stored is not None and stored.sha256 == sha["buangan"] and stored.trashed_at
    assert f"{MARK_START}tanggapan{MARK_END}" in hit.snippet
    assert hit.indicators == ("A.I.1.i.a",)


def _hit(number: int, tagged: bool) -> Hit:
    return Hit(
        sha256=f"{number:064x}",
        title="",
        indicators=("A.I.1.i.a",) if tagged else (),
        areas=(),
        parts=(),
        year=None,
        type="txt",
        date=dt.date(2026, 1, 1),
        score=1.0,
        snippet="",
    )


def test_untagged_hits_ask_for_more_ranked_hits_until_enough_are_found() -> None:
    ranking = [_hit(n, tagged=n % 10 != 9) for n in range(100)]  # every tenth is untagged
    asked: list[int] = []

    def ranked(count: int) -> list[Hit]:
        asked.append(count)
        return ranking[:count]

    assert [h.sha256 for h in untagged_hits(ranked, 3)] == [f"{n:064x}" for n in (9, 19, 29)]
    assert asked == [3, 12, 48]
    asked.clear()
    assert len(untagged_hits(ranked, 20)) == 10  # the index has no more
    assert asked == [20, 80, 320]
