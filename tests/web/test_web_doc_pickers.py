"""Document forms pick LKE ids from the catalogue and people from the unit's staff list
(server-rendered ``<datalist>``; the page works without its script)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from zi_docs.documents import read_staff_rows
from zi_docs.workspace import Workspace

from .conftest import KEY


def _page(login: Any, kind: str) -> str:
    url = reverse("zi_web:isian", kwargs={"ws": KEY, "jenis": kind, "nama": kind})
    response = login("ketua").get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_rencana_kerja_form_picks_indicators_from_the_catalogue(
    login: Any, workspace: Workspace
) -> None:
    page = _page(login, "rencana-kerja")
    datalist = page.split('<datalist id="pilihan-indikator">')[1].split("</datalist>")[0]
    node = workspace.catalogue.node(workspace.catalogue.resolve("P.MP.i.a").id)
    assert '<option value="P.MP.i.a"' in datalist
    assert node.name[:30] in datalist  # the indicator's name is the option's label
    field = re.search(
        r'<label for="f-kegiatan\.0\.indikator\.0">([^<]*)</label>\s*<input[^>]*>', page
    )
    assert field is not None
    assert field.group(1) == "Indikator LKE"
    assert 'list="pilihan-indikator"' in field.group(0)
    assert 'value="P.MP.i.a"' in field.group(0)


@pytest.mark.django_db
def test_the_sk_tim_form_picks_people_from_the_staff_list(login: Any, workspace: Workspace) -> None:
    page = _page(login, "sk-tim")
    rows = read_staff_rows(workspace.inputs_dir / "daftar-pegawai.csv")
    first = rows[0][1]
    datalist = page.split('<datalist id="pilihan-pegawai">')[1].split("</datalist>")[0]
    option = re.search(r'<option value="Agus Salim, S.H., M.H."[^>]*>', datalist)
    assert str(first["nama"]) == "Agus Salim, S.H., M.H."
    assert option is not None
    assert f'data-nip="{first["nip"]}"' in option.group(0)
    assert f'data-jabatan="{first["jabatan"]}"' in option.group(0)
    ketua = re.search(r'<input[^>]*name="tim\.ketua\.nama"[^>]*>', page)
    assert ketua is not None and 'list="pilihan-pegawai"' in ketua.group(0)
    ketua_group = page.split('name="tim.ketua.nama"')[0].rsplit("<fieldset", 1)[1]
    assert "data-orang" in ketua_group  # the script fills this group's NIP and jabatan
    nip = re.search(r'<input[^>]*name="tim\.ketua\.nip"[^>]*>', page)
    assert nip is not None and "list=" not in nip.group(0)  # only the name picks


@pytest.mark.django_db
def test_a_workspace_without_a_staff_list_still_has_a_working_form(
    login: Any, workspace: Workspace
) -> None:
    (workspace.inputs_dir / "daftar-pegawai.csv").unlink()
    page = _page(login, "sk-tim")
    datalist = page.split('<datalist id="pilihan-pegawai">')[1].split("</datalist>")[0]
    assert "<option" not in datalist
    assert 'name="tim.ketua.nama"' in page
