"""The bundle's fingerprint ties a returned workbook to the bundle it came from: ``export``
records it in ``bundel-terkirim.yaml``; ``lke impor`` names the bundle, says when the unit's
answers changed since, and says plainly when the workbook belongs to another bundle."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl

from zi_docs.evaluation import find_bundle, sent_bundles
from zi_docs.newunit import create_example
from zi_docs.workspace import Workspace

WORKBOOK = "data/Penilaian Mandiri LKE.xlsx"


def _sidik(path: Path) -> str:
    sheet = openpyxl.load_workbook(path)["LKE"]
    found = [str(c.value) for c in sheet[1] if c.value and "Sidik bundel" in str(c.value)]
    assert found, "the bundle's workbook carries its fingerprint in row 1"
    return found[0].split(": ", 1)[1]


def _import(run_cli: Any, path: Path, **kw: Any) -> dict[str, Any]:
    done = run_cli("lke", "impor", str(path), "--lapis", "tpi-unit", "--json", **kw)
    assert done.exit_code == 0, done.output
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def test_returned_bundle_workbook_is_recognised(
    run_cli: Any, workspace: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "kirim-tpi"
    assert run_cli("export", str(out)).exit_code == 0
    workbook = out / WORKBOOK
    sidik = _sidik(workbook)
    [sent] = sent_bundles(workspace)
    assert (sent.fingerprint, sent.name) == (sidik, "kirim-tpi")
    assert find_bundle(workspace, f"Sidik bundel: {sidik}") == sent

    data = _import(run_cli, workbook)
    assert data["bundel"]["nama"] == "kirim-tpi" and data["bundel_lain"] is False
    assert data["sidik_sama_dengan_lke_yaml"] is True
    shown = run_cli("lke", "impor", str(workbook), "--lapis", "tpi-unit")
    assert "Kertas kerja bundel 'kirim-tpi' yang diekspor" in shown.output
    assert "milik bundel lain" not in shown.output

    answers = workspace.answers_file
    answers.write_text(answers.read_text(encoding="utf-8") + "\n# diubah\n", encoding="utf-8")
    changed = run_cli("lke", "impor", str(workbook), "--lapis", "tpi-unit")
    assert "berbeda dengan lke.yaml" in changed.output


def test_workbook_of_another_bundle_is_reported(
    run_cli: Any, workspace: Workspace, tmp_path: Path
) -> None:
    other = create_example(tmp_path / "unit-lain").workspace
    out = tmp_path / "bundel-unit-lain"
    assert run_cli("export", str(out), ws=other).exit_code == 0
    returned = tmp_path / "kembali.xlsx"
    shutil.copy(out / WORKBOOK, returned)

    data = _import(run_cli, returned)
    assert data["bundel"] is None and data["bundel_lain"] is True
    shown = run_cli("lke", "impor", str(returned), "--lapis", "tpi-unit")
    assert shown.exit_code == 0
    assert "PERHATIAN: kertas kerja ini milik bundel lain" in shown.output
    assert "bundel-terkirim.yaml" in shown.output
    assert sent_bundles(workspace) == ()
