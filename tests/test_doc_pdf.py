"""PDF through LibreOffice: every kind converts; without LibreOffice the .docx is still written."""

from __future__ import annotations

import pytest

from zi_docs.documents import pdf
from zi_docs.documents.generation import generate
from zi_docs.errors import ToolMissingError
from zi_docs.workspace import Workspace


@pytest.mark.libreoffice
def test_every_kind_converts_to_pdf_in_one_batch(workspace: Workspace) -> None:
    documents = [
        *generate(workspace, "sk-tim", workspace.inputs_dir / "sk-tim.yaml").documents,
        *generate(workspace, "piagam", workspace.inputs_dir / "piagam.yaml").documents,
        *generate(
            workspace,
            "pakta-integritas",
            workspace.inputs_dir / "pakta-integritas.yaml",
            separate=True,
        ).documents,
    ]
    pdfs = pdf.convert_to_pdf(documents)
    assert [p.stem for p in pdfs] == [d.stem for d in documents]
    for path in pdfs:
        assert path.read_bytes()[:5] == b"%PDF-"


@pytest.mark.libreoffice
def test_generate_with_pdf(workspace: Workspace) -> None:
    result = generate(workspace, "sk-tim", workspace.inputs_dir / "sk-tim.yaml", pdf=True)
    assert result.pdfs[0].read_bytes()[:5] == b"%PDF-"
    assert result.pdfs[0].parent == result.documents[0].parent


def test_missing_libreoffice_keeps_the_docx(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    with pytest.raises(ToolMissingError) as caught:
        generate(workspace, "piagam", workspace.inputs_dir / "piagam.yaml", pdf=True)
    assert "out/dokumen/piagam.docx" in caught.value.message
    assert "sudo apt-get install libreoffice-writer" in (caught.value.hint or "")
    assert (workspace.out_dir / "dokumen" / "piagam.docx").is_file()
    assert pdf.convert_to_pdf([]) == []


@pytest.mark.libreoffice
def test_demo_step_generates_everything(workspace: Workspace) -> None:
    from zi_docs.demo import documents_step as demo_documents

    messages: list[str] = []
    outputs = demo_documents(workspace, messages.append)
    folder = outputs[0][1]
    names = {p.name for p in folder.iterdir()}
    assert {"sk-tim.docx", "sk-tim.pdf", "piagam.pdf", "pakta-integritas.pdf"} <= names
    assert any("sk-tim" in m for m in messages)
