"""The Dokumen page finds an input's kind the way ``generate`` does: a YAML file in inputs/
that is no document input (a survey's column definitions) is never listed nor opened as a
form, so saving a form cannot overwrite it."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from zi_docs.workspace import Workspace

from .conftest import KEY


def _url(kind: str, name: str) -> str:
    return reverse("zi_web:isian", kwargs={"ws": KEY, "jenis": kind, "nama": name})


@pytest.mark.django_db
def test_a_survey_definition_is_not_listed_nor_opened_as_an_sk_form(
    login: Any, workspace: Workspace
) -> None:
    definition = workspace.inputs_dir / "skm-definisi.yaml"  # the example's own
    before = definition.read_bytes()
    client = login("ketua")
    listing = client.get(reverse("zi_web:dokumen", kwargs={"ws": KEY})).content.decode()
    items = listing.split('id="daftar-isian"')[1].split("</ul>")[0]
    assert "skm-definisi" not in items
    assert "SK Tim Kerja" in items and "(sk-tim)" in items  # kind title + input name
    for kind in ("sk", "sk-tim", "piagam"):
        page = client.get(_url(kind, "skm-definisi"))
        assert page.status_code == 422
        assert "tidak tertimpa" in page.content.decode()
        posted = client.post(_url(kind, "skm-definisi"), {"nomor": "1", "aksi": "simpan"})
        assert posted.status_code == 422
    assert definition.read_bytes() == before


@pytest.mark.django_db
def test_an_input_of_another_kind_is_not_opened_in_this_kinds_form(
    login: Any, workspace: Workspace
) -> None:
    before = (workspace.inputs_dir / "piagam.yaml").read_bytes()
    client = login("ketua")
    assert client.get(_url("sk-tim", "piagam")).status_code == 422
    assert client.post(_url("sk-tim", "piagam"), {"aksi": "simpan"}).status_code == 422
    assert (workspace.inputs_dir / "piagam.yaml").read_bytes() == before
    assert client.get(_url("piagam", "piagam")).status_code == 200
    assert client.get(_url("sk-tim", "sk-tim-baru")).status_code == 200  # a new input
