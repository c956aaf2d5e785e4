"""Konsep from the web: a generated document archived as konsep, its signed scan uploaded on
the konsep's page superseding it, and PDF pages shown as images (cached per version)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from zi_docs.evidence import list_files, preview, preview_cache, show
from zi_docs.workspace import Workspace

from .conftest import KEY, drain
from .test_web_documents import _form_values

PNG = b"\x89PNG\r\n\x1a\n"


SCANNED = time.struct_time((2026, 1, 20, 9, 30, 0, 1, 20, 0))


def scan_pdf(tmp_path: Path, name: str = "sk-tim-ttd.pdf", pages: int = 1) -> Path:
    """An image-only PDF, as a scanner makes it: grey lines of "text", a signature, a stamp."""
    from PIL import Image, ImageDraw

    target = tmp_path / name
    sheets = []
    for page in range(pages):
        sheet = Image.new("RGB", (620, 877), (250, 249, 245))
        pen = ImageDraw.Draw(sheet)
        pen.text((250, 60), f"PINDAIAN - HALAMAN {page + 1}", fill=(40, 40, 40))
        for row in range(14):
            pen.line((70, 120 + 40 * row, 550 - 37 * (row % 3), 120 + 40 * row), (90, 90, 90), 3)
        pen.ellipse((360, 690, 470, 800), outline=(40, 60, 170), width=4)  # the stamp
        pen.line((380, 760, 420, 720, 450, 770, 520, 730), (20, 30, 120), 3)  # the signature
        sheets.append(sheet)
    # dated, so one name always gives the same bytes (and its pages are read by OCR once: see
    # the conftest); Pillow would write the time of saving
    dated = {"creationDate": SCANNED, "modDate": SCANNED}
    sheets[0].save(target, "PDF", save_all=True, append_images=sheets[1:], **dated)
    return target


def _generate_konsep(client: Any, workspace: Workspace) -> tuple[str, str]:
    """Generate the SK Tim with 'arsipkan'; returns (result page, konsep id)."""
    url = reverse("zi_web:isian", kwargs={"ws": KEY, "jenis": "sk-tim", "nama": "sk-tim"})
    post = {**_form_values(workspace, "sk-tim"), "aksi": "buat", "arsipkan": "1"}
    page = client.post(url, post).content.decode()
    drafts = [f for f in list_files(workspace).files if f.draft]
    assert len(drafts) == 1, page
    return page, drafts[0].sha256


def _sign(client: Any, sha: str, upload: Path, name: str | None = None) -> Any:
    url = reverse("zi_web:tandatangan", kwargs={"ws": KEY, "sha": sha})
    file = SimpleUploadedFile(name or upload.name, upload.read_bytes())
    return client.post(url, {"berkas": file})


@pytest.mark.django_db
def test_generate_archives_a_konsep_that_is_not_evidence(login: Any, workspace: Workspace) -> None:
    client = login("ketua")
    page, sha = _generate_konsep(client, workspace)
    assert "diarsipkan sebagai konsep" in page
    assert reverse("zi_web:berkas", kwargs={"ws": KEY, "sha": sha}) in page
    konsep = show(workspace, sha).file
    assert konsep.draft and konsep.tags  # tagged with what the SK serves
    shown = client.get(reverse("zi_web:berkas", kwargs={"ws": KEY, "sha": sha})).content.decode()
    assert "Konsep, belum ditandatangani" in shown
    assert "belum dihitung sebagai data dukung" in shown
    assert "Unggah versi bertanda tangan" in shown
    listed = client.get(reverse("zi_web:arsip", kwargs={"ws": KEY})).content.decode()
    assert "konsep, belum ditandatangani" in listed
    # a pengamat reads the konsep page but gets no upload form
    assert (
        "Unggah versi bertanda tangan"
        not in login("pengamat")
        .get(reverse("zi_web:berkas", kwargs={"ws": KEY, "sha": sha}))
        .content.decode()
    )


@pytest.mark.django_db
def test_the_signed_scan_supersedes_the_konsep(
    login: Any, workspace: Workspace, tmp_path: Path
) -> None:
    client = login("ketua")
    _page, sha = _generate_konsep(client, workspace)
    konsep = show(workspace, sha).file
    response = _sign(client, sha, scan_pdf(tmp_path))
    assert response.status_code == 302
    signed = next(f for f in list_files(workspace).files if f.name == "sk-tim-ttd.pdf")
    assert response["Location"].endswith(f"/arsip/{signed.sha256}/")
    assert not signed.draft
    assert set(konsep.tags) <= set(signed.tags)
    assert show(workspace, sha).file.trashed  # superseded: out of the live archive
    landing = client.get(response["Location"]).content.decode()
    assert "menggantikan konsep" in landing
    # the konsep is no konsep any more: a second signed upload is refused in words
    again = _sign(client, sha, scan_pdf(tmp_path, "lagi.pdf"))
    assert again.status_code == 302
    assert "bukan konsep yang masih berlaku" in client.get(again["Location"]).content.decode()


@pytest.mark.django_db
def test_a_signed_version_must_be_a_pdf_or_a_photo(
    login: Any, workspace: Workspace, tmp_path: Path
) -> None:
    client = login("ketua")
    _page, sha = _generate_konsep(client, workspace)
    text = tmp_path / "ttd.txt"
    text.write_text("sudah ditandatangani", encoding="utf-8")
    response = _sign(client, sha, text)
    follow = client.get(response["Location"]).content.decode()
    assert "PDF (pindaian atau TTE) atau foto" in follow
    assert show(workspace, sha).file.draft and not show(workspace, sha).file.trashed


@pytest.mark.django_db
def test_pdf_pages_are_images_cached_per_version(
    login: Any, workspace: Workspace, tmp_path: Path
) -> None:
    from zi_docs.evidence import add_files

    pdf = scan_pdf(tmp_path, "laporan.pdf", pages=2)
    sha = add_files(workspace, [pdf], indicators=["A.I.1.i.a"]).outcomes[0].sha256
    client = login("pengamat")
    page = client.get(reverse("zi_web:berkas", kwargs={"ws": KEY, "sha": sha})).content.decode()
    first = reverse("zi_web:halaman_arsip", kwargs={"ws": KEY, "sha": sha, "halaman": 1})
    assert first in page and "Halaman 2 dari 2" in page
    response = client.get(first)
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(PNG)
    cached = preview(pdf, preview_cache(workspace)).image(1)
    assert cached.is_file() and sha in str(cached)
    stamp = cached.stat().st_mtime_ns
    drain(client.get(first))
    assert cached.stat().st_mtime_ns == stamp  # drawn once per version
    bad = reverse("zi_web:halaman_arsip", kwargs={"ws": KEY, "sha": sha, "halaman": 3})
    assert client.get(bad).status_code == 404


@pytest.mark.django_db
def test_generated_pdf_pages_and_bad_names(
    login: Any, workspace: Workspace, tmp_path: Path
) -> None:
    folder = workspace.out_dir / "dokumen"
    folder.mkdir(parents=True, exist_ok=True)
    scan_pdf(folder, "piagam.pdf")
    client = login("pengamat")
    url = reverse(
        "zi_web:halaman_dokumen", kwargs={"ws": KEY, "berkas": "piagam.pdf", "halaman": 1}
    )
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(PNG)
    for bad in ("..%2Funit.yaml", "unit.yaml", "tidak-ada.pdf"):
        assert client.get(f"/u/{KEY}/dokumen/halaman/{bad}/1.png").status_code == 404
    (folder / "rusak.pdf").write_bytes(b"%PDF-1.4 bukan pdf")
    broken = client.get(f"/u/{KEY}/dokumen/halaman/rusak.pdf/1.png")
    assert broken.status_code == 422
    assert "rusak atau berkata sandi" in broken.content.decode()
