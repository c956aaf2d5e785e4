"""The archive's search, reindex and OCR commands, wired to the search and extraction modules."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from archive_helpers import make_png, write_pdf

from zi_docs import evidence
from zi_docs.workspace import Workspace


@pytest.fixture
def two_files(workspace: Workspace, tmp_path: Path) -> None:
    evidence.add_files(
        workspace,
        [write_pdf(tmp_path / "notulen.pdf", "Rapat pembangunan zona integritas DPMPTSP")],
        indicators=["P.MP.i.a"],
        item="notulen",
    )
    evidence.add_files(
        workspace,
        [write_pdf(tmp_path / "rekap.pdf", "Rekap pengaduan masyarakat semester I")],
        indicators=["R.PW.ii.a"],
    )


def test_search_stems_indonesian_and_filters(run_cli, two_files: None) -> None:  # type: ignore[no-untyped-def]
    found = run_cli("archive", "search", "membangun")
    assert found.exit_code == 0 and "notulen.pdf" in found.output and "1 hasil." in found.output
    assert "rekap.pdf" in run_cli("archive", "search", "aduan").output
    listed = run_cli("archive", "search", "P.MP.i.a")  # an indicator id alone lists evidence
    assert "notulen.pdf" in listed.output and "rekap.pdf" not in listed.output
    data = json.loads(run_cli("archive", "search", "pengaduan", "--area", "PW", "--json").output)
    assert [h["indikator"] for h in data] == [["A.II.5.ii.a"]]
    assert (
        json.loads(run_cli("archive", "search", "pengaduan", "--area", "MP", "--json").output) == []
    )


def test_reindex_rebuilds_a_lost_index(run_cli, workspace: Workspace, two_files: None) -> None:  # type: ignore[no-untyped-def]
    shutil.rmtree(workspace.archive_dir / "index")
    rebuilt = run_cli("archive", "reindex")
    assert rebuilt.exit_code == 0
    assert "dibangun ulang (indeks belum ada): 2 berkas" in rebuilt.output
    again = run_cli("archive", "reindex")
    assert "0 baru, 0 diperbarui, 0 dihapus, 2 tetap" in again.output
    assert run_cli("archive", "verify").exit_code == 0


def test_trashed_files_leave_search(run_cli, workspace: Workspace, two_files: None) -> None:  # type: ignore[no-untyped-def]
    assert run_cli("archive", "remove", "rekap.pdf").exit_code == 0
    assert "0 hasil." in run_cli("archive", "search", "pengaduan").output
    assert run_cli("archive", "verify").exit_code == 0


def test_search_and_list_take_the_same_filters(  # type: ignore[no-untyped-def]
    run_cli, workspace: Workspace, two_files: None, tmp_path: Path
) -> None:
    loose = write_pdf(tmp_path / "lepas.pdf", "Catatan pengaduan yang belum dipilah")
    evidence.add_files(workspace, [loose], doc_date=dt.date(2024, 5, 2))
    by_sha = {f.sha256: f.name for f in evidence.list_files(workspace).files}

    def names(*args: str) -> set[str]:
        result = run_cli("archive", *args, "--json")
        assert result.exit_code == 0, result.output
        return {by_sha[h["sha256"]] for h in json.loads(result.output)}

    assert names("search", "pengaduan") == {"lepas.pdf", "rekap.pdf"}
    assert names("search", "pengaduan", "--belum-ditandai") == {"lepas.pdf"}
    assert names("search", "pengaduan", "--tahun", "2024") == {"lepas.pdf"}
    assert names("list", "--tahun", "2024") == {"lepas.pdf"}
    assert names("list", "--jenis", "pdf", "--belum-ditandai") == {"lepas.pdf"}
    assert names("list", "--jenis", "docx") == set()
    assert run_cli("archive", "remove", "rekap.pdf").exit_code == 0
    assert names("search", "pengaduan", "--sampah") == {"rekap.pdf"}
    assert names("list", "--sampah") == {"rekap.pdf"}
    wrong = run_cli("archive", "list", "--area", "XX")
    assert wrong.exit_code == 2 and "--area" in wrong.output


def test_adding_the_workspace_skips_its_own_archive(workspace: Workspace, two_files: None) -> None:
    report = evidence.add_files(workspace, [workspace.archive_dir])
    assert [r.code for r in report.rejected] == ["arsip-sendiri"]
    assert report.outcomes == ()


@pytest.mark.tesseract
def test_ocr_command_reads_pending_images(
    run_cli,
    workspace: Workspace,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from zi_docs.evidence import adding

    original = adding.ingest

    def without_ocr(*args, **kwargs):  # type: ignore[no-untyped-def]
        return original(*args, **{**kwargs, "ocr": False})

    monkeypatch.setattr("zi_docs.evidence.filing.ingest", without_ocr)
    evidence.add_files(workspace, [make_png(tmp_path / "foto.png")])
    assert evidence.list_files(workspace).files[0].text_status == "teks belum diekstrak"
    result = run_cli("archive", "ocr")
    assert result.exit_code == 0 and "1 berkas dibaca, 0 masih tertunda." in result.output
    assert evidence.list_files(workspace).files[0].text_status == "ok"
    assert evidence.verify_archive(workspace).ok
