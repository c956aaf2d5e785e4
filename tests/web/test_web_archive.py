"""Evidence through the web: upload, list, search, file page, download by id, tags, trash."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from zi_docs.evidence import SearchFilters, audit_log, list_files
from zi_docs.workspace import Workspace

from .conftest import KEY, drain

MP_QUESTION = "A.I.1.i.b"


def _upload(client: Any, *files: SimpleUploadedFile, item: str = "") -> Any:
    url = reverse("zi_web:unggah", kwargs={"ws": KEY, "indikator": MP_QUESTION})
    return client.post(url, {"berkas": list(files), "butir": item}, follow=True)


@pytest.mark.django_db
def test_two_uploads_are_archived_tagged_searchable_and_logged_with_the_account(
    login: Any, workspace: Workspace
) -> None:
    client = login("koor_mp")
    response = _upload(
        client,
        SimpleUploadedFile("Mekanisme seleksi tim.txt", b"Tata cara seleksi anggota tim kerja"),
        SimpleUploadedFile("Kertas kerja.csv", b"nama,unsur\nAni,Sekretariat\n"),
        item="mekanisme-pemilihan",
    )
    assert "2 berkas disimpan" in response.content.decode()
    names = {f.name for f in list_files(workspace, SearchFilters(indicator=MP_QUESTION)).files}
    assert {"Mekanisme seleksi tim.txt", "Kertas kerja.csv"} <= names
    found = client.get(reverse("zi_web:arsip", kwargs={"ws": KEY}), {"q": "seleksi"})
    assert "Mekanisme seleksi tim" in found.content.decode()
    assert "<mark>" in found.content.decode()
    assert any(e.who == "web:koor_mp" for e in audit_log(workspace))


@pytest.mark.django_db
def test_the_client_file_name_is_never_a_path(login: Any, workspace: Workspace) -> None:
    _upload(login("ketua"), SimpleUploadedFile("../../unit.yaml", b"bukan profil"))
    before = workspace.unit_file.read_text(encoding="utf-8")
    assert "bukan profil" not in before
    stored = [f for f in list_files(workspace).files if f.name == "unit.yaml"]
    assert stored and stored[0].path.parent.parent.name == "objects"


@pytest.mark.django_db
def test_a_rejected_upload_is_said_and_nothing_is_stored(login: Any, workspace: Workspace) -> None:
    before = len(list_files(workspace).files)
    response = _upload(login("ketua"), SimpleUploadedFile("kosong.pdf", b""))
    assert "kosong.pdf" in response.content.decode()
    assert len(list_files(workspace).files) == before


@pytest.mark.django_db
def test_an_upload_over_the_limit_is_refused_and_streams_nothing_in(
    login: Any, workspace: Workspace
) -> None:
    before = len(list_files(workspace).files)
    with override_settings(ZI_MAX_UPLOAD_BYTES=1000):
        response = _upload(login("ketua"), SimpleUploadedFile("besar.txt", b"x" * 5000))
    assert "melebihi batas" in response.content.decode()
    assert len(list_files(workspace).files) == before


@pytest.mark.django_db
def test_downloads_serve_stored_objects_by_id_only(login: Any, stored: dict[str, str]) -> None:
    client = login("pengamat")
    good = client.get(reverse("zi_web:unduh", kwargs={"ws": KEY, "sha": stored["mp"]}))
    body = b"".join(good.streaming_content)
    assert b"Undangan rapat" in body
    assert "attachment" in good["Content-Disposition"]
    for bad in ("0" * 64, "..%2F..%2Funit.yaml", stored["mp"][:12], "x" * 64):
        response = client.get(f"/u/{KEY}/arsip/{bad}/unduh/")
        assert response.status_code == 404, bad


@pytest.mark.django_db
def test_preview_is_only_for_pdf_and_images(login: Any, stored: dict[str, str]) -> None:
    client = login("pengamat")
    image = client.get(reverse("zi_web:pratinjau", kwargs={"ws": KEY, "sha": stored["pw"]}))
    drain(image)
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    text = client.get(reverse("zi_web:pratinjau", kwargs={"ws": KEY, "sha": stored["mp"]}))
    assert text.status_code == 404


@pytest.mark.django_db
def test_retag_trash_and_restore(login: Any, workspace: Workspace, stored: dict[str, str]) -> None:
    client = login("ketua")
    url = reverse("zi_web:ubah_tanda", kwargs={"ws": KEY, "sha": stored["pw"]})
    client.post(url, {"aksi": "tandai", "indikator": "P.MP.ii.c"})
    files = {f.sha256: f for f in list_files(workspace).files}
    assert "A.I.1.ii.c" in {t.indicator for t in files[stored["pw"]].tags}
    client.post(url, {"aksi": "lepas", "indikator": "A.I.1.ii.c"})
    files = {f.sha256: f for f in list_files(workspace).files}
    assert "A.I.1.ii.c" not in {t.indicator for t in files[stored["pw"]].tags}
    trash = reverse("zi_web:buang", kwargs={"ws": KEY, "sha": stored["mp"]})
    client.post(trash, {"aksi": "buang"})
    assert stored["mp"] in {
        f.sha256 for f in list_files(workspace, SearchFilters(trashed=True)).files
    }
    client.post(trash, {"aksi": "pulihkan"})
    assert stored["mp"] not in {
        f.sha256 for f in list_files(workspace, SearchFilters(trashed=True)).files
    }


@pytest.mark.django_db
def test_an_unknown_indicator_when_tagging_is_said(login: Any, stored: dict[str, str]) -> None:
    url = reverse("zi_web:ubah_tanda", kwargs={"ws": KEY, "sha": stored["pw"]})
    response = login("ketua").post(url, {"aksi": "tandai", "indikator": "Z.9"}, follow=True)
    assert "tidak ada dalam katalog" in response.content.decode()


@pytest.mark.django_db
def test_list_filters(login: Any, stored: dict[str, str]) -> None:
    client = login("pengamat")
    url = reverse("zi_web:arsip", kwargs={"ws": KEY})
    by_area = client.get(url, {"area": "PW"}).content.decode()
    assert "foto-sosialisasi" in by_area and "Undangan rapat" not in by_area
    by_kind = client.get(url, {"jenis": "txt"}).content.decode()
    assert "Undangan rapat" in by_kind and "foto-sosialisasi" not in by_kind
    bad_year = client.get(url, {"tahun": "dua ribu"}, follow=True).content.decode()
    assert "bukan angka" in bad_year


@pytest.mark.django_db
def test_upload_type_comes_from_the_content_not_the_name(login: Any, workspace: Workspace) -> None:
    response = _upload(login("ketua"), SimpleUploadedFile("laporan.pdf", b"sekadar teks biasa"))
    stored = [f for f in list_files(workspace).files if f.name == "laporan.pdf"]
    if stored:
        assert stored[0].kind != "pdf"
    else:
        assert "laporan.pdf" in response.content.decode()


def test_uploads_are_streamed_to_disk_never_held_in_memory() -> None:
    from django.conf import settings

    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE == 0
    assert settings.FILE_UPLOAD_HANDLERS == ["zi_docs.web.app.uploads.LimitedUploadHandler"]
