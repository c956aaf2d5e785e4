"""Closing the loop: generated documents into the archive, matched again by their number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from zi_docs.documents.generate import generate
from zi_docs.errors import NotFoundError
from zi_docs.evidence.api import add_files
from zi_docs.submission import adapters
from zi_docs.submission.check import run_check
from zi_docs.submission.evidence_view import EvidenceTag
from zi_docs.submission.loop import archive_generated, auto_tags, numbers_in, tags_for_number
from zi_docs.workspace import Workspace

NUMBER = "800.1.2.2/015/DPMPTSP/2026"


def test_numbers_in_text() -> None:
    text = f"KEPUTUSAN KEPALA DINAS\nNOMOR: {NUMBER}\nTENTANG ... Nomor 12 ... nomor : 45/ab/2026"
    assert numbers_in(text) == (NUMBER, "45/ab/2026")
    assert numbers_in("tanpa nomor apa pun") == ()


def test_generated_document_is_archived_tagged_and_matched_by_number(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(adapters, "quick_verify", lambda _ws: ())
    made = generate(workspace, "sk-tim", workspace.inputs_dir / "sk-tim.yaml", tmp_path / "out")
    archived = archive_generated(workspace, made.documents[0])
    assert archived.added
    assert EvidenceTag("A.I.1.i.a", "sk-tim") in archived.tags
    stored = adapters.read_archive(workspace).files
    assert len(stored) == 1 and EvidenceTag("A.I.1.i.a", "sk-tim") in stored[0].tags
    result = run_check(workspace, dt.date(2026, 11, 1))
    assert result.completeness.indicator("A.I.1.i.a").items[0].covered
    assert EvidenceTag("A.I.1.i.a", "sk-tim") in tags_for_number(workspace, NUMBER)
    scan = f"Salinan sesuai aslinya. Keputusan Nomor: {NUMBER} telah ditandatangani."
    assert EvidenceTag("A.I.1.i.a", "sk-tim") in auto_tags(workspace, scan)
    with pytest.raises(NotFoundError):
        tags_for_number(workspace, "999/999/XX/2020")


def test_non_generated_file_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    other = tmp_path / "lain.docx"
    import docx

    docx.Document().save(str(other))
    with pytest.raises(NotFoundError):
        archive_generated(workspace, other)
    add_files(workspace, [other], indicators=["A.I.1.i.a"])
    assert adapters.tags_of_texts_containing(workspace, NUMBER) == []
