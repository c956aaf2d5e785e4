"""``zi-docs demo``: the whole main job on the bundled example, touching only its output folder."""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from zi_docs import demo
from zi_docs.cli import cli
from zi_docs.resources import EXAMPLE_ARCHIVE, resource
from zi_docs.workspace import EXAMPLE_DIR

FINDING_KINDS = (
    "belum-dijawab",
    "belum-ditandai",
    "butir-kurang",
    "butir-tak-dikenal",
    "di-luar-periode",
    "indikator-tak-dikenal",
    "integritas-",
    "prasyarat-",
    "tanpa-bukti",
    "wajib-kurang",
)


def _digest_tree(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@dataclass(frozen=True)
class DemoRun:
    output: Path
    result: Result
    bundled_before: dict[Path, dict[str, str]]


def _without_libreoffice(patch: pytest.MonkeyPatch) -> None:
    """The demo here makes no PDFs even where LibreOffice is installed: its PDF step is
    tested under the ``libreoffice`` mark (test_doc_pdf.py), outside the fast suite."""
    patch.setattr(demo, "find_soffice", lambda: None)


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    """One ``zi-docs demo`` into a fresh folder, shared by this module's tests: the whole main
    job takes seconds, and the tests only read its output (or copy it first)."""
    bundled = {d: _digest_tree(d) for d in (EXAMPLE_DIR, resource(EXAMPLE_ARCHIVE))}
    output = tmp_path_factory.mktemp("demo") / "hasil-demo"
    with pytest.MonkeyPatch.context() as patch:
        _without_libreoffice(patch)
        result = CliRunner().invoke(cli, ["demo", "-o", str(output)])
    return DemoRun(output, result, bundled)


def test_demo_runs_the_main_job_and_touches_only_its_output(demo_run: DemoRun) -> None:
    output, result, bundled = demo_run.output, demo_run.result, demo_run.bundled_before
    assert result.exit_code == 0, result.output
    assert "Demo selesai." in result.output
    assert str(output / "out" / "bundel" / "index.html") in result.output

    score = json.loads((output / "out" / "skor.json").read_text(encoding="utf-8"))
    assert round(score["total"], 2) == 79.56
    documents = {p.stem for p in (output / "out" / "dokumen").glob("*.docx")}
    assert {"sk-tim", "rencana-kerja", "piagam", "pakta-integritas"} <= documents
    assert any(name.startswith("sop-") for name in documents)
    assert any(name.startswith("laporan-monev") for name in documents)
    assert (output / "out" / "bundel" / "bagit.txt").is_file()
    assert (output / "out" / "bundel.zip").is_file()
    report = (output / "out" / "kelengkapan.md").read_text(encoding="utf-8")
    for kind in FINDING_KINDS:
        assert kind in report or kind in result.output, kind

    # Nothing bundled with zi-docs was changed by the run.
    for folder, digests in bundled.items():
        assert _digest_tree(folder) == digests, folder


def test_demo_replaces_its_own_output_but_refuses_other_folders(
    demo_run: DemoRun, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # what is tested here is the output folder, made before the main job's steps: those are
    # left out (the whole job is the test above), so the copy of the example is all there is
    monkeypatch.setattr(demo, "STEPS", ())
    runner = CliRunner()
    assert demo_run.result.exit_code == 0, demo_run.result.output
    output = tmp_path / "demo"
    shutil.copytree(demo_run.output, output, symlinks=True)  # a previous demo's output
    stray = output / "out" / "sisa.txt"
    stray.write_text("dari demo sebelumnya", encoding="utf-8")
    assert runner.invoke(cli, ["demo", "-o", str(output)]).exit_code == 0
    assert not stray.exists() and not (output / "out").exists()  # the old output went
    copied = _digest_tree(output)
    assert all(copied.get(name) == sha for name, sha in _digest_tree(EXAMPLE_DIR).items())
    assert (output / demo.MARKER).is_file()

    precious = tmp_path / "dokumen-saya"
    precious.mkdir()
    (precious / "penting.docx").write_bytes(b"milik pengguna")
    refused = runner.invoke(cli, ["demo", "-o", str(precious)])
    assert refused.exit_code == 1
    assert "demo tidak menimpanya" in refused.output
    assert (precious / "penting.docx").read_bytes() == b"milik pengguna"
