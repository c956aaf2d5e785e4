"""Templat page: templates and their checks; an uploaded unit template is checked first."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from zi_docs.resources import TEMPLATES, resource
from zi_docs.workspace import Workspace

from .conftest import KEY


def _upload(client: Any, data: bytes) -> Any:
    return client.post(
        reverse("zi_web:unggah_templat", kwargs={"ws": KEY}),
        {"jenis": "piagam", "templat": SimpleUploadedFile("Piagam Pergub.docx", data)},
        follow=True,
    )


def _broken_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("{% if unit.nama %}Piagam tanpa penutup")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_page_lists_every_kind_with_its_check(login: Any) -> None:
    page = login("pengamat").get(reverse("zi_web:templat", kwargs={"ws": KEY})).content.decode()
    assert "SK Tim Kerja" in page and "bawaan" in page and "baik" in page
    assert "Unggah templat" not in page


@pytest.mark.django_db
def test_a_clean_template_is_used_and_a_broken_one_refused(
    login: Any, workspace: Workspace
) -> None:
    client = login("ketua")
    target = workspace.templates_dir / "piagam.docx"
    broken = _upload(client, _broken_docx()).content.decode()
    assert "belum dipakai" in broken and not target.exists()
    good = (resource(TEMPLATES) / "piagam.docx").read_bytes()
    used = _upload(client, good).content.decode()
    assert "milik unit dipakai" in used and target.read_bytes() == good
    page = client.get(reverse("zi_web:templat", kwargs={"ws": KEY})).content.decode()
    assert "milik unit" in page
    assert (
        login("koor_mp").post(reverse("zi_web:unggah_templat", kwargs={"ws": KEY})).status_code
        == 403
    )
