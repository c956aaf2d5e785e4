"""Search: Indonesian stemming, phrases, filters, indicator listing, the index as derived data."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from zi_docs.catalogue import Catalogue, load_catalogue
from zi_docs.errors import BusyError, NotFoundError
from zi_docs.evidence import SearchFilters
from zi_docs.evidence.search import (
    MARK_END,
    MARK_START,
    IndexDoc,
    IndexUnusableError,
    SearchIndex,
    _index,
)


def doc(
    n: int,
    title: str,
    text: str,
    indicator: str,
    area: str,
    year: int,
    kind: str,
    date: dt.date | None = None,
    stamp: str = "1",
) -> IndexDoc:
    return IndexDoc(
        sha256=f"{n:064x}",
        title=title,
        text=text,
        indicators=(indicator,),
        areas=(area,),
        parts=("pemenuhan",),
        year=year,
        type=kind,
        date=date or dt.date(year, 1, 1),
        stamp=stamp,
    )


DOCS = [
    doc(
        1,
        "SK Tim Kerja",
        "Keputusan tentang tim kerja pembangunan zona integritas pada dinas.",
        "A.I.1.i.a",
        "MP",
        2024,
        "pdf",
        dt.date(2024, 1, 8),
    ),
    doc(
        2,
        "Rekap layanan",
        "Rekapitulasi aduan masyarakat yang masuk melalui kanal daring.",
        "A.I.6.ii.a",
        "PP",
        2023,
        "xlsx",
    ),
    doc(
        3,
        "Notulen rapat",
        "Rapat membahas zona kerja baru; integritas pegawai dijaga.",
        "A.I.1.i.b",
        "MP",
        2024,
        "docx",
        dt.date(2024, 3, 2),
    ),
    doc(
        4,
        "Undangan sosialisasi",
        "Undangan sosialisasi rencana kerja tim kerja.",
        "A.I.1.i.a",
        "MP",
        2023,
        "pdf",
        dt.date(2023, 11, 20),
    ),
]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def ix(tmp_path: Path) -> Iterator[SearchIndex]:
    with SearchIndex(tmp_path / "archive" / "index", source=lambda: DOCS) as built:
        built.ensure()
        yield built


def shas(hits: list) -> list[int]:  # type: ignore[type-arg]
    return [int(h.sha256, 16) for h in hits]


def test_membangun_finds_pembangunan(ix: SearchIndex) -> None:
    hits = ix.search("membangun")
    assert shas(hits) == [1]
    assert f"{MARK_START}pembangunan{MARK_END}" in hits[0].snippet
    assert (hits[0].title, hits[0].indicators, hits[0].date) == (
        "SK Tim Kerja",
        ("A.I.1.i.a",),
        dt.date(2024, 1, 8),
    )
    assert hits[0].score > 0


def test_pengaduan_finds_aduan(ix: SearchIndex) -> None:
    hits = ix.search("pengaduan")
    assert shas(hits) == [2]
    assert f"{MARK_START}aduan{MARK_END}" in hits[0].snippet


def test_all_words_must_match_and_stop_words_alone_find_nothing(ix: SearchIndex) -> None:
    assert shas(ix.search("tim kerja undangan")) == [4]
    assert ix.search("yang dan di") == []


def test_phrase_query_needs_the_words_together(ix: SearchIndex) -> None:
    assert sorted(shas(ix.search("zona integritas"))) == [1, 3]
    assert shas(ix.search('"zona integritas"')) == [1]


def test_filters(ix: SearchIndex, catalogue: Catalogue) -> None:
    assert sorted(shas(ix.search("kerja", SearchFilters(area="mp"), catalogue=catalogue))) == [
        1,
        3,
        4,
    ]
    assert sorted(
        shas(ix.search("kerja", SearchFilters(area="Manajemen Perubahan"), catalogue=catalogue))
    ) == [
        1,
        3,
        4,
    ]
    assert sorted(shas(ix.search("kerja", SearchFilters(year=2024)))) == [1, 3]
    assert shas(ix.search("kerja", SearchFilters(kind="DOCX"))) == [3]
    assert shas(
        ix.search("kerja", SearchFilters(indicator="P.MP.i.a", year=2023), catalogue=catalogue)
    ) == [4]
    assert shas(ix.search("", SearchFilters(area="PP"), catalogue=catalogue)) == [2]


def test_indicator_alone_lists_its_evidence_newest_first(
    ix: SearchIndex, catalogue: Catalogue
) -> None:
    for alias in ("P.MP.i.a", "1.i.a", "A.I.1.i.a", "ppa1a"):
        hits = ix.search(alias, catalogue=catalogue)
        assert shas(hits) == [1, 4], alias
    assert shas(ix.search("", SearchFilters(indicator="A.I.1"), catalogue=catalogue)) == [3, 1, 4]


def test_unknown_indicator_or_area_suggests(ix: SearchIndex, catalogue: Catalogue) -> None:
    with pytest.raises(NotFoundError) as err:
        ix.search("", SearchFilters(indicator="P.MP.i.z"), catalogue=catalogue)
    assert err.value.suggestions
    with pytest.raises(NotFoundError, match="area 'XX'"):
        ix.search("kerja", SearchFilters(area="XX"), catalogue=catalogue)


def test_deleted_index_is_rebuilt(ix: SearchIndex) -> None:
    ix.close()
    shutil.rmtree(ix.path)
    assert ix.state() == "missing"
    assert shas(ix.search("aduan")) == [2]
    assert ix.state() == "ok"


def test_corrupt_index_is_rebuilt(ix: SearchIndex) -> None:
    ix.close()
    for part in ix.path.iterdir():
        if part.name != "ZI_SCHEMA":
            part.write_bytes(b"\0rusak" * 10)
    assert ix.state() == "corrupt"
    assert ix.reindex(DOCS).reason == "corrupt"
    assert shas(ix.search("membangun")) == [1]


def test_schema_version_bump_rebuilds(ix: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_index, "index_stamp", lambda: "zi-docs-search 999")
    assert ix.state() == "stale"
    report = ix.reindex(DOCS)
    assert (report.rebuilt, report.reason, report.added) == (True, "stale", 4)
    assert (ix.path / "ZI_SCHEMA").read_text() == "zi-docs-search 999"


def test_unusable_index_without_source_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(IndexUnusableError, match="belum ada") as err:
        SearchIndex(tmp_path / "index").search("aduan")
    assert err.value.hint and "zi-docs archive reindex" in err.value.hint


def failing(docs: list[IndexDoc]) -> Iterator[IndexDoc]:
    yield from docs
    raise OSError("disk penuh")


def test_failed_batch_commits_nothing(ix: SearchIndex) -> None:
    before = ix.doc_stamps()
    new = doc(9, "Baru", "pengumuman pelayanan", "A.I.6.ii.a", "PP", 2024, "pdf")
    changed = doc(2, "Rekap layanan", "isi baru", "A.I.6.ii.a", "PP", 2023, "xlsx", stamp="2")
    with pytest.raises(OSError, match="disk penuh"):
        ix.update(failing([new, changed]))
    with pytest.raises(OSError, match="disk penuh"):
        ix.reindex(failing([new, changed]))
    with pytest.raises(OSError, match="disk penuh"):
        ix.rebuild(failing([new]))
    assert ix.doc_stamps() == before
    assert shas(ix.search("aduan")) == [2]
    assert ix.search("pengumuman") == []
    assert [p.name for p in ix.path.parent.iterdir() if p.name.startswith(".")] == []


def test_incremental_reindex_writes_only_what_changed(ix: SearchIndex) -> None:
    changed = doc(
        2, "Rekap layanan", "rekap pengaduan baru", "A.I.6.ii.a", "PP", 2023, "xlsx", stamp="2"
    )
    new = doc(5, "Foto kegiatan", "kegiatan pelayanan", "A.I.6.ii.b", "PP", 2024, "jpg")
    report = ix.reindex([DOCS[0], changed, DOCS[2], new])
    assert (report.rebuilt, report.added, report.updated, report.removed, report.unchanged) == (
        False,
        1,
        1,
        1,
        2,
    )
    assert ix.doc_stamps() == {
        f"{1:064x}": "1",
        f"{2:064x}": "2",
        f"{3:064x}": "1",
        f"{5:064x}": "1",
    }
    assert shas(ix.search("giat")) == [5]
    assert ix.search("sosialisasi") == []


def test_update_and_delete(ix: SearchIndex) -> None:
    assert (
        ix.update([doc(6, "Piagam", "pencanangan pembangunan", "A.I.1.i.a", "MP", 2024, "pdf")])
        == 1
    )
    assert sorted(shas(ix.search("bangun"))) == [1, 6]
    assert ix.delete([f"{6:064x}", f"{1:064x}"]) == 2
    assert ix.search("bangun") == []


def test_second_writer_waits_then_reports_busy(ix: SearchIndex) -> None:
    other = SearchIndex(ix.path, wait=0.2)
    with ix.lock, pytest.raises(BusyError, match="sedang dipakai"):
        other.update([DOCS[0]])
    assert other.update([DOCS[0]]) == 1


def test_snippet_shows_the_matches_in_context() -> None:
    from zi_docs.evidence.search._snippet import SNIPPET_CHARS, snippet
    from zi_docs.evidence.stemmer import stem

    text = "Pembukaan. " + "kalimat pengantar " * 40 + "Layanan pengaduan dibuka setiap hari kerja."
    result = snippet(text, {stem("aduan"), stem("layanan")})
    assert result.startswith("…")
    assert f"{MARK_START}Layanan{MARK_END} {MARK_START}pengaduan{MARK_END} dibuka" in result
    assert len(result) <= SNIPPET_CHARS + 10
    assert snippet(text, {"tidakada"}).startswith("Pembukaan. kalimat")


def test_analyzer_drops_stop_words_and_keeps_phrase_positions(ix: SearchIndex) -> None:
    from zi_docs.evidence.search import analyze

    assert analyze("Rapat yang membahas A.I.1.i.a di Dinas") == [
        "rapat",
        "bahas",
        "a.i.1.i.a",
        "dinas",
    ]
    assert shas(ix.search('"tim kerja pembangunan"')) == [1]


def test_stamps_are_read_from_the_entries_when_the_stamp_file_is_behind(
    ix: SearchIndex,
) -> None:
    from zi_docs.evidence.search import _stamps

    ix.update([doc(2, "Rekap layanan", "isi baru", "A.I.6.ii.a", "PP", 2023, "xlsx", stamp="5")])
    expected = {f"{n:064x}": "1" for n in (1, 3, 4)} | {f"{2:064x}": "5"}
    assert _stamps.read(ix.path) == expected
    # a crash between the index commit and the stamp file: the file names an older commit
    stale = (ix.path / _stamps.STAMPS_FILE).read_text(encoding="utf-8").split("\n", 1)[1]
    (ix.path / _stamps.STAMPS_FILE).write_text("opstamp 0\n" + stale, encoding="utf-8")
    assert _stamps.read(ix.path) is None
    assert ix.doc_stamps() == expected


def test_snippet_marks_words_whose_first_letter_the_prefix_changed() -> None:
    from zi_docs.evidence.search._snippet import snippet
    from zi_docs.evidence.stemmer import stem

    result = snippet("Petugas menyapu halaman lalu memukul kentongan.", {stem("sapu"), "pukul"})
    assert f"{MARK_START}menyapu{MARK_END}" in result
    assert f"{MARK_START}memukul{MARK_END}" in result
