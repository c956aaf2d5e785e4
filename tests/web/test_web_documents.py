"""Documents from forms: the form comes from the kind's schema, messages stand beside their
fields, saving writes the input YAML the CLI reads, generating makes the .docx."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from zi_docs.documents import check_input_data, save_input
from zi_docs.workspace import Workspace
from zi_docs.yamlio import load_yaml

from .conftest import KEY


def _url(kind: str, name: str) -> str:
    return reverse("zi_web:isian", kwargs={"ws": KEY, "jenis": kind, "nama": name})


PIAGAM_FIELDS = None


@pytest.mark.django_db
def test_the_form_is_made_from_the_schema_and_filled_from_the_input(
    login: Any, workspace: Workspace
) -> None:
    page = login("pengamat").get(_url("sk-tim", "sk-tim")).content.decode()
    example = load_yaml(workspace.inputs_dir / "sk-tim.yaml").data
    assert 'name="nomor"' in page and f'value="{example["nomor"]}"' in page
    assert 'type="date"' in page and 'name="tanggal"' in page
    assert 'name="tim.ketua.nip"' in page
    assert 'name="tim.pokja.0.anggota.0.nama"' in page
    assert "__1__" in page  # the template row of a nested list
    assert "Simpan isian" not in page  # a pengamat reads only


@pytest.mark.django_db
def test_an_error_is_shown_beside_its_field_and_nothing_is_written(
    login: Any, workspace: Workspace
) -> None:
    client = login("ketua")
    before = (workspace.inputs_dir / "sk-tim.yaml").read_bytes()
    page = client.get(_url("sk-tim", "sk-tim")).content.decode()
    assert page
    post = _form_values(workspace, "sk-tim")
    post["tim.ketua.nip"] = "1980"
    response = client.post(_url("sk-tim", "sk-tim"), {**post, "aksi": "simpan"})
    text = response.content.decode()
    assert response.status_code == 422
    field_block = text.split('name="tim.ketua.nip"')[1].split("</div>")[0]
    assert "NIP" in field_block or "digit" in field_block or "angka" in field_block
    assert (workspace.inputs_dir / "sk-tim.yaml").read_bytes() == before


@pytest.mark.django_db
def test_saving_writes_the_yaml_the_cli_reads_and_keeps_comments(
    login: Any, workspace: Workspace
) -> None:
    path = workspace.inputs_dir / "sk-tim.yaml"
    comments = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")
    ]
    post = _form_values(workspace, "sk-tim")
    post["tentang"] = "Tim Kerja Pembangunan Zona Integritas Tahun 2027"
    response = login("ketua").post(_url("sk-tim", "sk-tim"), {**post, "aksi": "simpan"})
    assert response.status_code == 302
    text = path.read_text(encoding="utf-8")
    assert all(line in text for line in comments)
    data = load_yaml(path).data
    assert data["tentang"] == "Tim Kerja Pembangunan Zona Integritas Tahun 2027"
    check_input_data(workspace, "sk-tim", {k: v for k, v in data.items() if k != "jenis"}, "sk-tim")


@pytest.mark.django_db
def test_generate_and_download(login: Any, workspace: Workspace) -> None:
    client = login("ketua")
    post = _form_values(workspace, "piagam")
    response = client.post(_url("piagam", "piagam-baru"), {**post, "aksi": "buat"})
    text = response.content.decode()
    assert response.status_code == 200 and "piagam-baru.docx" in text
    download = client.get(
        reverse("zi_web:unduh_dokumen", kwargs={"ws": KEY, "berkas": "piagam-baru.docx"})
    )
    assert b"".join(download.streaming_content)[:2] == b"PK"
    for bad in ("..%2Funit.yaml", "unit.yaml", "tidak-ada.docx"):
        assert client.get(f"/u/{KEY}/dokumen/unduh/{bad}").status_code == 404


@pytest.mark.django_db
def test_bad_names_and_roles(login: Any, workspace: Workspace) -> None:
    assert login("ketua").get(_url("sk-tim", "Bad Name")).status_code == 422
    assert login("ketua").get(_url("bukan-jenis", "x")).status_code == 404
    post = _form_values(workspace, "piagam")
    refused = login("koor_mp").post(_url("piagam", "piagam"), {**post, "aksi": "simpan"})
    assert refused.status_code == 403


def test_save_input_refuses_invalid_data(workspace: Workspace) -> None:
    from zi_docs.errors import InvalidInputError

    with pytest.raises(InvalidInputError):
        save_input(workspace, "piagam", {"tanggal": "kemarin"}, "piagam-salah")
    assert not (workspace.inputs_dir / "piagam-salah.yaml").exists()


def _form_values(workspace: Workspace, kind: str) -> dict[str, str]:
    """The example input flattened into form field names (what the browser would post)."""
    import datetime as dt

    name = {"sk-tim": "sk-tim", "piagam": "piagam"}.get(kind, kind)
    data = load_yaml(workspace.inputs_dir / f"{name}.yaml").data
    flat: dict[str, str] = {}

    def walk(value: Any, prefix: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{prefix}.{key}" if prefix else str(key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, f"{prefix}.{index}")
        elif value is not None:
            flat[prefix] = value.isoformat() if isinstance(value, dt.date) else str(value)

    walk({k: v for k, v in data.items() if k != "jenis"}, "")
    return flat


@pytest.mark.libreoffice
@pytest.mark.django_db
def test_generate_with_pdf(login: Any, workspace: Workspace) -> None:
    post = _form_values(workspace, "piagam")
    response = login("ketua").post(_url("piagam", "piagam"), {**post, "aksi": "buat", "pdf": "1"})
    assert "piagam.pdf" in response.content.decode()
