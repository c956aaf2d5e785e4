"""The security list of the web app, each a test."""

from __future__ import annotations

import os
import stat
import sys
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from zi_docs.assessment import read_answer
from zi_docs.web.app.views_auth import MAX_FAILURES
from zi_docs.web.site import Site, secret_key
from zi_docs.workspace import Workspace

from .conftest import KEY, PASSWORD


@pytest.mark.django_db
def test_state_changing_requests_need_csrf(login: Any, workspace: Workspace) -> None:
    client = login("ketua", csrf=True)
    version = read_answer(workspace, "A.I.1.i.b").version
    url = reverse("zi_web:jawab", kwargs={"ws": KEY, "indikator": "A.I.1.i.b"})
    response = client.post(url, {"versi": version, "jawaban": "A"})
    assert response.status_code == 403
    assert "kedaluwarsa" in response.content.decode()
    assert read_answer(workspace, "A.I.1.i.b").version == version


@pytest.mark.django_db
def test_security_headers_on_every_page(login: Any) -> None:
    response = login("pengamat").get(reverse("zi_web:beranda", kwargs={"ws": KEY}))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "<script>" not in response.content.decode().replace('<script src="/statis/', "")


@pytest.mark.django_db
def test_no_debug_pages(login: Any) -> None:
    assert settings.DEBUG is False
    response = login("pengamat").get("/tidak-ada/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Halaman tidak ada" in text and "Traceback" not in text and "URLconf" not in text


@pytest.mark.django_db
def test_login_is_throttled_with_an_indonesian_message(accounts: Any) -> None:
    client = Client()
    for _ in range(MAX_FAILURES):
        bad = client.post(reverse("zi_web:masuk"), {"username": "ketua", "password": "salah"})
        assert "Nama pengguna atau sandi salah" in bad.content.decode()
    blocked = client.post(reverse("zi_web:masuk"), {"username": "ketua", "password": PASSWORD})
    assert "Terlalu banyak percobaan" in blocked.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_works_and_sessions_expire(accounts: Any) -> None:
    client = Client()
    response = client.post(reverse("zi_web:masuk"), {"username": "ketua", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.get_expire_at_browser_close()
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert settings.SESSION_COOKIE_HTTPONLY


@pytest.mark.django_db
def test_password_change_validates_in_indonesian(login: Any) -> None:
    response = login("ketua").post(
        reverse("zi_web:ganti_sandi"),
        {"old_password": PASSWORD, "new_password1": "12345", "new_password2": "12345"},
    )
    assert "terlalu pendek" in response.content.decode()


@pytest.mark.django_db
def test_hostile_file_names_are_escaped(login: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login("ketua")
    url = reverse("zi_web:unggah", kwargs={"ws": KEY, "indikator": "A.I.1.i.b"})
    client.post(url, {"berkas": [SimpleUploadedFile("<b onmouseover=x>.txt", b"isi berkas")]})
    body = client.get(reverse("zi_web:arsip", kwargs={"ws": KEY})).content.decode()
    assert "&lt;b onmouseover=x&gt;.txt" in body
    assert "<b onmouseover" not in body


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_secret_key_is_made_once_and_readable_by_its_owner_only(tmp_path: Any) -> None:
    site = Site(state=tmp_path, workspaces={})
    first = secret_key(site)
    assert secret_key(site) == first and len(first) >= 50
    mode = stat.S_IMODE(os.stat(tmp_path / "kunci-rahasia").st_mode)
    assert mode == 0o600


@pytest.mark.django_db
def test_setup_link_works_once(db: Any, site: Site) -> None:
    from zi_docs.web.accounts import has_accounts, setup_token

    token = setup_token(KEY)
    client = Client()
    url = reverse("zi_web:siapkan", kwargs={"token": token})
    weak = client.post(url, {"username": "ani", "password1": "123", "password2": "123"})
    assert "terlalu pendek" in weak.content.decode()
    made = client.post(url, {"username": "ani", "password1": PASSWORD, "password2": PASSWORD})
    assert made.status_code == 302 and has_accounts(KEY)
    again = Client().get(url)
    assert again.status_code == 404 and "tidak berlaku lagi" in again.content.decode()
