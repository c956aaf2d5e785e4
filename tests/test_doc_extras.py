"""``tambahan:`` fields for a unit's own template (Pergub/Perbup formats)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from test_doc_generate import text_lines

from zi_docs.documents.generation import generate
from zi_docs.documents.templates import check_templates
from zi_docs.errors import InvalidInputError
from zi_docs.workspace import Workspace


def _own_template(workspace: Workspace) -> Path:
    """A unit's own piagam template reading two fields the built-in schema lacks."""
    doc = Document()
    doc.add_paragraph("PIAGAM {{ unit.nama_kapital }}")
    doc.add_paragraph("Kode arsip: {{ tambahan.kode_arsip }}")
    doc.add_paragraph("Saksi utama: {{ tambahan.saksi_utama }}")
    path = workspace.templates_dir / "piagam.docx"
    path.parent.mkdir(exist_ok=True)
    doc.save(str(path))
    return path


def test_template_fields_come_from_tambahan(workspace: Workspace) -> None:
    _own_template(workspace)
    source = workspace.inputs_dir / "piagam.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text + "\ntambahan:\n  kode_arsip: 000.8.3\n  saksi_utama: Bupati Sukamaju\n",
        encoding="utf-8",
    )
    result = generate(workspace, "piagam", source)
    lines = text_lines(result.documents[0])
    assert "Kode arsip: 000.8.3" in lines
    assert "Saksi utama: Bupati Sukamaju" in lines


def test_missing_tambahan_field_is_reported_before_rendering(workspace: Workspace) -> None:
    _own_template(workspace)
    source = workspace.inputs_dir / "piagam.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text + "\ntambahan:\n  kode_arsip: 000.8.3\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as excinfo:
        generate(workspace, "piagam", source)
    (finding,) = excinfo.value.findings
    assert "tambahan.saksi_utama" in finding.message and "'tambahan:'" in finding.message


def test_templates_check_names_fields_the_input_does_not_give(workspace: Workspace) -> None:
    _own_template(workspace)
    source = workspace.inputs_dir / "piagam.yaml"
    (report,) = check_templates(workspace, "piagam")
    missing = sorted(f.message.split("'")[1] for f in report.findings)
    assert missing == ["tambahan.kode_arsip", "tambahan.saksi_utama"]
    text = source.read_text(encoding="utf-8")
    source.write_text(text + "\ntambahan:\n  kode_arsip: 1\n", encoding="utf-8")
    (report,) = check_templates(workspace, "piagam", input_path=source)
    assert [f.message.split("'")[1] for f in report.findings] == ["tambahan.saksi_utama"]


def test_tambahan_must_be_a_mapping_of_names(workspace: Workspace) -> None:
    source = workspace.inputs_dir / "piagam.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text + "\ntambahan:\n  kode arsip: 1\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as excinfo:
        generate(workspace, "piagam", source)
    assert excinfo.value.findings[0].code == "tambahan-nama"
    assert excinfo.value.findings[0].line is not None
