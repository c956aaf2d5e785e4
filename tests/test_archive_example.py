"""The example evidence archive shipped at the top level and the demo's archive step."""

from __future__ import annotations

from pathlib import Path

from zi_docs.evidence import api
from zi_docs.evidence.example import demo_step, install_example_archive
from zi_docs.resources import example_archive_dir
from zi_docs.workspace import Workspace


def test_example_archive_is_small_and_is_not_inside_the_example_workspace() -> None:
    root = example_archive_dir()
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    assert size < 1_500_000
    assert not (root / "index").exists()
    assert not (Path(__file__).resolve().parent.parent / "zi_docs" / "example" / "archive").exists()


def test_example_archive_verifies_and_covers_every_area(workspace: Workspace) -> None:
    assert install_example_archive(workspace) >= 15
    report = api.verify_archive(workspace)
    # The index is not shipped: verify says so, a search (or reindex) rebuilds it.
    assert [p.kind for p in report.problems] == ["index-unusable"]
    files = api.stored_files(workspace)
    catalogue = workspace.catalogue
    nodes = [catalogue.by_id[t.indicator] for f in files for t in f.tags]
    assert {n.area for n in nodes} == set(catalogue.areas)
    assert {n.part for n in nodes} == {"pemenuhan", "reform"}
    kinds = {f.kind for f in files}
    assert {"pdf", "docx", "xlsx", "png", "csv"} <= kinds
    year = workspace.profile.year
    assert [f.name for f in files if f.doc_date and f.doc_date.year == year - 1] != []
    assert len([f for f in files if not f.tags]) == 1
    assert all(f.path.is_file() and not f.path.stat().st_mode & 0o222 for f in files)
    scanned = next(f for f in files if "pindaian" in f.name)
    assert "benturan kepentingan" in api.show(workspace, scanned.sha256).text_excerpt.lower()


def test_demo_step_ingests_searches_and_verifies(workspace: Workspace) -> None:
    lines: list[str] = []
    outputs = demo_step(workspace, lines.append)
    text = outputs[-1][1].read_text(encoding="utf-8")
    assert "Verifikasi arsip" in text and "utuh." in text
    assert "«pembangunan» «zona» «integritas»" in text.lower()
    assert any(line == "Berkas baru ditambahkan ke arsip: 2" for line in lines)
    assert api.verify_archive(workspace).ok
