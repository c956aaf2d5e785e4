"""``zi-docs demo``: the whole main job on the bundled example, touching only its output folder."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from click.testing import CliRunner

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


def test_demo_runs_the_main_job_and_touches_only_its_output(tmp_path: Path) -> None:
    bundled = {d: _digest_tree(d) for d in (EXAMPLE_DIR, resource(EXAMPLE_ARCHIVE))}
    output = tmp_path / "hasil-demo"
    result = CliRunner().invoke(cli, ["demo", "-o", str(output)])
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


def test_demo_replaces_its_own_output_but_refuses_other_folders(tmp_path: Path) -> None:
    runner = CliRunner()
    output = tmp_path / "demo"
    assert runner.invoke(cli, ["demo", "-o", str(output)]).exit_code == 0
    stray = output / "out" / "sisa.txt"
    stray.write_text("dari demo sebelumnya", encoding="utf-8")
    assert runner.invoke(cli, ["demo", "-o", str(output)]).exit_code == 0
    assert not stray.exists()

    precious = tmp_path / "dokumen-saya"
    precious.mkdir()
    (precious / "penting.docx").write_bytes(b"milik pengguna")
    refused = runner.invoke(cli, ["demo", "-o", str(precious)])
    assert refused.exit_code == 1
    assert "demo tidak menimpanya" in refused.output
    assert (precious / "penting.docx").read_bytes() == b"milik pengguna"
