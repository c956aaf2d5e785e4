"""Generated documents: dated by their own tanggal, serving only what they are, and hand edits
never lost (refused, or backed up with --timpa)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from zi_docs.cli import cli
from zi_docs.documents import generate
from zi_docs.documents.docprops import read_info
from zi_docs.documents.handedits import HandEditedError
from zi_docs.workspace import Workspace


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_generated_document_is_dated_by_its_own_tanggal(workspace: Workspace) -> None:
    result = generate(workspace, None, workspace.inputs_dir / "sk-tim.yaml")
    props = Document(str(result.documents[0])).core_properties
    assert props.created.date() == props.modified.date() == dt.date(2026, 1, 12)
    info = read_info(result.documents[0])
    assert info is not None and info.date is None  # read back from the kind and keywords only


def test_an_sop_is_dated_by_its_revision_when_it_revises_one(workspace: Workspace) -> None:
    sop = workspace.inputs_dir / "sop-pelayanan-perizinan.yaml"
    _edit(sop, "# tanggal_revisi: 2026-07-01", "tanggal_revisi: 2026-07-01")
    result = generate(workspace, None, sop)
    created = Document(str(result.documents[0])).core_properties.created
    assert created.date() == dt.date(2026, 7, 1)


def test_a_new_sop_is_not_an_sop_hasil_perbaikan(workspace: Workspace) -> None:
    sop = workspace.inputs_dir / "sop-pelayanan-perizinan.yaml"
    new = generate(workspace, None, sop)
    items = {s.item for s in new.served}
    assert "sop" in items and "sop-perbaikan" not in items and "sop-inovasi" not in items
    _edit(sop, "# tanggal_revisi: 2026-07-01", "merevisi: SOP-03/2025 Pelayanan Reklame")
    revised = generate(workspace, None, sop, overwrite=True)
    assert "sop-perbaikan" in {s.item for s in revised.served}
    info = read_info(revised.documents[0])
    assert info is not None and "sop-perbaikan" in {s.item for s in info.served}


def test_generating_again_replaces_an_untouched_document(workspace: Workspace) -> None:
    piagam = workspace.inputs_dir / "piagam.yaml"
    first = generate(workspace, None, piagam)
    again = generate(workspace, None, piagam)
    assert again.documents == first.documents and again.backups == ()


def test_a_hand_edited_document_is_never_overwritten(
    workspace: Workspace, runner: CliRunner
) -> None:
    piagam = workspace.inputs_dir / "piagam.yaml"
    [target] = generate(workspace, None, piagam).documents
    edited = Document(str(target))
    edited.add_paragraph("Catatan yang diketik langsung di Word.")
    edited.save(str(target))
    by_hand = target.read_bytes()

    with pytest.raises(HandEditedError) as caught:
        generate(workspace, None, piagam)
    assert caught.value.paths == (target,)
    assert target.read_bytes() == by_hand
    result = runner.invoke(cli, ["-w", str(workspace.root), "generate", str(piagam)])
    assert result.exit_code == 1
    assert "out/dokumen/piagam.docx" in result.output and "--timpa" in result.output
    assert target.read_bytes() == by_hand

    forced = runner.invoke(cli, ["-w", str(workspace.root), "generate", str(piagam), "--timpa"])
    assert forced.exit_code == 0, forced.output
    [backup] = target.parent.glob("piagam.cadangan-*.docx")
    assert backup.read_bytes() == by_hand
    assert "cadangan berkas yang ditimpa" in forced.output
    assert target.read_bytes() != by_hand
    assert runner.invoke(cli, ["-w", str(workspace.root), "generate", str(piagam)]).exit_code == 0


def test_a_document_zi_docs_did_not_write_is_not_overwritten(workspace: Workspace) -> None:
    target = workspace.out_dir / "dokumen" / "piagam.docx"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"dokumen lain dengan nama yang sama")
    with pytest.raises(HandEditedError, match="bukan buatan zi-docs"):
        generate(workspace, None, workspace.inputs_dir / "piagam.yaml")
    assert target.read_bytes() == b"dokumen lain dengan nama yang sama"


def test_generate_all_reports_each_refusal_and_makes_the_rest(
    workspace: Workspace, runner: CliRunner
) -> None:
    first = runner.invoke(cli, ["-w", str(workspace.root), "generate", "--semua"])
    assert first.exit_code == 0, first.output
    sk = workspace.out_dir / "dokumen" / "sk-tim.docx"
    sk.write_bytes(sk.read_bytes() + b"\0")
    again = runner.invoke(cli, ["-w", str(workspace.root), "generate", "--semua"])
    assert again.exit_code == 1
    assert "out/dokumen/sk-tim.docx" in again.output and "tidak ditimpa" in again.output
    assert "1 gagal" in again.output
