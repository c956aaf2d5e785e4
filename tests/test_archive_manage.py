"""Re-tagging, listing, trash, import from an LKE-style tree."""

from __future__ import annotations

from pathlib import Path, PurePath

import pytest
from archive_helpers import write_pdf

from zi_docs import evidence
from zi_docs.catalogue import load_catalogue
from zi_docs.errors import NotFoundError
from zi_docs.evidence.drive_folders import place
from zi_docs.refs import IndicatorRef
from zi_docs.workspace import Workspace


def _add(workspace: Workspace, path: Path, *indicators: str, item: str | None = None) -> str:
    return (
        evidence.add_files(workspace, [path], indicators=indicators, item=item).outcomes[0].sha256
    )


def test_retagging_never_moves_bytes(workspace: Workspace, tmp_path: Path) -> None:
    sha = _add(workspace, write_pdf(tmp_path / "sk.pdf", "SK"), "P.MP.i.a", item="sk-tim")
    stored = evidence.show(workspace, sha).file
    before = (stored.path.stat().st_ino, stored.path.stat().st_mtime_ns)
    change = evidence.tag(workspace, sha[:6], ["R.MP.i.a", "P.MP.i.b"])
    assert set(change.changed) == {IndicatorRef("A.II.1.i.a"), IndicatorRef("A.I.1.i.b")}
    again = evidence.tag(workspace, sha[:6], ["P.MP.i.b"])
    assert again.changed == () and again.unchanged == (IndicatorRef("A.I.1.i.b"),)
    removed = evidence.untag(workspace, "sk.pdf", ["P.MP.i.a"])
    assert removed.changed == (IndicatorRef("A.I.1.i.a", "sk-tim"),)
    assert removed.file.tags == (IndicatorRef("A.I.1.i.b"), IndicatorRef("A.II.1.i.a"))
    after = evidence.show(workspace, sha).file
    assert (after.path.stat().st_ino, after.path.stat().st_mtime_ns) == before
    assert after.revision > stored.revision
    assert not after.path.stat().st_mode & 0o222  # stored read-only


def test_list_filters(workspace: Workspace, tmp_path: Path) -> None:
    _add(workspace, write_pdf(tmp_path / "a.pdf", "a"), "P.MP.i.a")
    _add(workspace, write_pdf(tmp_path / "b.pdf", "b"), "R.PP.i.a")
    _add(workspace, write_pdf(tmp_path / "c.pdf", "c"))

    def names(**filters: object) -> list[str]:
        listing = evidence.list_files(workspace, evidence.SearchFilters(**filters))  # type: ignore[arg-type]
        return [f.name for f in listing.files]

    assert names(indicator="1.i.a") == ["a.pdf"]
    assert names(indicator="P.MP") == ["a.pdf"]  # an area: below it
    assert names(area="pp") == ["b.pdf"]
    assert names(area="Manajemen Perubahan") == ["a.pdf"]  # as search
    assert names(untagged=True) == ["c.pdf"]
    assert names() == ["a.pdf", "b.pdf", "c.pdf"]
    with pytest.raises(NotFoundError):
        names(area="XX")


def test_trash_then_restore_then_empty(workspace: Workspace, tmp_path: Path) -> None:
    sha = _add(workspace, write_pdf(tmp_path / "a.pdf", "a"), "P.MP.i.a")
    keep = _add(workspace, write_pdf(tmp_path / "b.pdf", "b"), "P.MP.i.a")
    stored = evidence.show(workspace, sha).file
    evidence.remove(workspace, [sha])
    assert [f.name for f in evidence.list_files(workspace).files] == ["b.pdf"]
    assert [
        f.name for f in evidence.list_files(workspace, evidence.SearchFilters(trashed=True)).files
    ] == ["a.pdf"]
    assert stored.path.is_file()  # nothing deleted by a single command
    evidence.restore(workspace, ["a.pdf"])
    assert len(evidence.list_files(workspace).files) == 2
    evidence.remove(workspace, [sha])
    emptied = evidence.empty_trash(workspace)
    assert [f.sha256 for f in emptied.files] == [sha] and emptied.freed_bytes == stored.size
    assert not stored.path.exists()
    with pytest.raises(NotFoundError):
        evidence.show(workspace, sha)
    assert evidence.show(workspace, keep).file.path.is_file()
    assert evidence.verify_archive(workspace).ok


def test_adding_trashed_bytes_again_restores_them(workspace: Workspace, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "a.pdf", "a")
    sha = _add(workspace, pdf, "P.MP.i.a")
    evidence.remove(workspace, [sha])
    report = evidence.add_files(workspace, [pdf])
    assert report.present[0].restored
    assert not evidence.show(workspace, sha).file.trashed


def test_ambiguous_reference_lists_candidates(workspace: Workspace, tmp_path: Path) -> None:
    _add(workspace, write_pdf(tmp_path / "satu" / "sk.pdf", "SK pertama"))
    _add(workspace, write_pdf(tmp_path / "dua" / "sk.pdf", "SK kedua"))
    with pytest.raises(NotFoundError) as err:
        evidence.show(workspace, "sk.pdf")
    assert "cocok dengan 2 berkas" in err.value.message
    assert len(err.value.suggestions) == 2
    with pytest.raises(NotFoundError, match="tidak ada di arsip"):
        evidence.show(workspace, "ffffffffff")


def test_reference_by_any_name_or_title_folded(workspace: Workspace, tmp_path: Path) -> None:
    first = write_pdf(tmp_path / "SK Tim.pdf", "SK")
    sha = _add(workspace, first)
    (tmp_path / "salinan.pdf").write_bytes(first.read_bytes())
    _add(workspace, tmp_path / "salinan.pdf")
    evidence.edit(workspace, sha[:8], title="Keputusan Tim Kerja")
    evidence.remove(workspace, [sha])
    for ref in ("sk tim.pdf", "SALINAN.PDF", "keputusan tim kerja"):
        assert evidence.show(workspace, ref).file.sha256 == sha, ref


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "AREA I/i. Penyusunan Tim Kerja/1.i.a SK TIM ZONA INTEGRITAS.pdf",
            ("A.I.1.i.a", "sk-tim"),
        ),
        (
            "II. REFORM/AREA I/i. Komitmen dalam perubahan/1.i.a Agen perubahan.pdf",
            ("A.II.1.i.a", None),
        ),
        ("REFORM/AREA VI/i. Inovasi/6.i.a inovasi.pdf", ("A.II.6.i.a", None)),
        ("P.MP.i.a/undangan.pdf", ("A.I.1.i.a", "undangan")),
        ("P.MP.i/b. notulen.pdf", ("A.I.1.i.b", "notulen")),
        ("A.II.1.i.b/foto.jpg", ("A.II.1.i.b", None)),
        (
            "Data Dukung/Manajemen Perubahan/Penyusunan Tim Kerja/a. daftar hadir.pdf",
            ("A.I.1.i.a", "daftar-hadir"),
        ),
        ("I. PEMENUHAN/AREA III/iii/a/sertifikat.pdf", ("A.I.3.iii.a", None)),
    ],
)
def test_import_places_lke_paths(path: str, expected: tuple[str, str | None]) -> None:
    tags, reason = place(PurePath(path), load_catalogue())
    assert reason is None
    assert tags == (IndicatorRef(*expected),)


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("lain-lain/foto.jpg", "area"),
        ("AREA I/i. Penyusunan Tim Kerja/SK.pdf", "nomor butir"),
        ("AREA I/SK.pdf", "sub-komponen"),
        ("AREA IX/i/a. sk.pdf", "tidak ada dalam katalog"),
    ],
)
def test_import_explains_what_it_cannot_place(path: str, words: str) -> None:
    tags, reason = place(PurePath(path), load_catalogue())
    assert tags == () and reason is not None and words in reason


def _lke_tree(root: Path) -> Path:
    write_pdf(root / "AREA I" / "i. Penyusunan Tim Kerja" / "1.i.a SK TIM.pdf", "SK Tim")
    write_pdf(root / "AREA I" / "i. Penyusunan Tim Kerja" / "1.i.a Undangan.pdf", "Undangan")
    write_pdf(root / "II. REFORM" / "AREA II" / "ii. SPBE" / "2.ii.a Laporan.pdf", "Laporan")
    write_pdf(root / "P.PW.iii.a" / "notulen.pdf", "Notulen pengaduan")
    write_pdf(root / "Lain-lain" / "foto kegiatan.pdf", "Foto")
    return root


def test_import_dry_run_changes_nothing_then_import(
    run_cli,
    workspace: Workspace,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    tree = _lke_tree(tmp_path / "drive")
    dry = run_cli("archive", "import", str(tree), "--coba")
    assert dry.exit_code == 0, dry.output
    assert "AREA I/i. Penyusunan Tim Kerja/1.i.a SK TIM.pdf -> A.I.1.i.a#sk-tim" in dry.output
    assert "II. REFORM/AREA II/ii. SPBE/2.ii.a Laporan.pdf -> A.II.2.ii.a" in dry.output
    assert "? tidak ditempatkan  Lain-lain/foto kegiatan.pdf" in dry.output
    assert "4 berkas akan ditambahkan, 1 tidak bisa ditempatkan" in dry.output
    assert evidence.list_files(workspace).files == ()
    done = run_cli("archive", "import", str(tree))
    assert done.exit_code == 0, done.output
    assert "Ringkasan: 4 ditambahkan, 0 sudah ada, 0 ditolak." in done.output
    tagged = {f.name: f.tags for f in evidence.list_files(workspace).files}
    assert [t.indicator for t in tagged["notulen.pdf"]] == ["A.I.5.iii.a"]
    assert "foto kegiatan.pdf" not in tagged


def test_import_json_reports_what_was_added(
    run_cli,
    workspace: Workspace,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    import json

    tree = _lke_tree(tmp_path / "drive")
    dry = json.loads(run_cli("archive", "import", str(tree), "--coba", "--json").stdout)
    assert len(dry["rencana"]) == 4 and dry["hasil"] is None
    done = run_cli("archive", "import", str(tree), "--json")
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert [t["berkas"] for t in data["tidak_ditempatkan"]] == ["Lain-lain/foto kegiatan.pdf"]
    added = {o["nama"]: o["tag_baru"] for o in data["hasil"]["ditambahkan"]}
    assert added["notulen.pdf"] == ["A.I.5.iii.a"] and len(added) == 4
    assert data["hasil"]["ditolak"] == [] and data["ditolak"] == []


def test_cli_manage_commands(run_cli, workspace: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sha = _add(workspace, write_pdf(tmp_path / "sk.pdf", "SK"), "P.MP.i.a")
    shown = run_cli("archive", "show", sha[:8])
    assert shown.exit_code == 0 and "P.MP.i.a (A.I.1.i.a)" in shown.output
    assert "Riwayat:" in shown.output and "tambah" in shown.output
    tagged = run_cli("archive", "tag", sha[:8], "-i", "P.MP.i.b", "--butir", "sk-tim")
    assert "tag ditambahkan: A.I.1.i.b#sk-tim" in tagged.output
    bad = run_cli("archive", "tag", sha[:8], "-i", "P.MP.i.b", "--butir", "tidak-ada")
    assert bad.exit_code == 1 and "tidak punya butir data dukung 'tidak-ada'" in bad.output
    listed = run_cli("archive", "list", "--indikator", "P.MP.i.b")
    assert "sk.pdf" in listed.output and "1 berkas ditampilkan" in listed.output
    assert run_cli("archive", "remove", sha[:8]).exit_code == 0
    assert "1 berkas ditampilkan" in run_cli("archive", "list", "--sampah").output
    emptied = run_cli("archive", "empty-trash", "--ya")
    assert "1 berkas dihapus permanen" in emptied.output
    log = run_cli("archive", "log")
    assert "hapus-permanen" in log.output


def test_tags_with_and_without_item_on_one_indicator_sort(
    workspace: Workspace, tmp_path: Path
) -> None:
    # Regression: ArchiveDb.files() sorted IndicatorRef tuples and compared None with str.
    sha = _add(workspace, write_pdf(tmp_path / "sk.pdf", "SK"), "P.MP.i.a", item="sk-tim")
    evidence.tag(workspace, sha[:8], ["P.MP.i.a"])
    stored = evidence.show(workspace, sha).file
    assert stored.tags == (IndicatorRef("A.I.1.i.a"), IndicatorRef("A.I.1.i.a", "sk-tim"))
    assert [f.sha256 for f in evidence.list_files(workspace).files] == [sha]
    assert sorted(
        [IndicatorRef("b", "x"), IndicatorRef("a", "z"), IndicatorRef("a"), IndicatorRef("a", "y")]
    ) == [
        IndicatorRef("a"),
        IndicatorRef("a", "y"),
        IndicatorRef("a", "z"),
        IndicatorRef("b", "x"),
    ]
