"""Every route has a permission rule, and the roles x routes x areas matrix holds."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from zi_docs.assessment import read_answer
from zi_docs.web.app.access import PUBLIC, Rule
from zi_docs.workspace import Workspace

from .conftest import KEY, drain

MP_QUESTION = "A.I.1.i.b"  # ABC, area MP
PW_QUESTION = "A.I.5.i.a"  # area PW
ROLES = ["admin", "ketua", "koor_mp", "anggota_pw", "penilai", "pengamat"]


def _patterns(resolver: Any = None) -> list[URLPattern]:
    found = []
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            found.extend(_patterns(entry))
        else:
            found.append(entry)
    return found


def test_every_route_declares_a_permission_rule() -> None:
    missing = [
        str(p.pattern)
        for p in _patterns()
        if not isinstance(getattr(p.callback, "zi_rule", None), Rule)
        and getattr(p.callback, "zi_rule", None) not in (PUBLIC, "akun-sendiri")
    ]
    assert missing == []


def test_write_routes_need_a_write_capability() -> None:
    writes = {"jawab", "unggah", "tandai", "ubah_tanda", "buang"}
    for pattern in _patterns():
        rule = getattr(pattern.callback, "zi_rule", None)
        if pattern.name in writes:
            assert isinstance(rule, Rule) and rule.capability != "baca", pattern.name


READ_ROUTES = ["beranda", "log", "lke", "arsip"]


def _reads(stored: dict[str, str]) -> list[str]:
    return [
        *(reverse(f"zi_web:{name}", kwargs={"ws": KEY}) for name in READ_ROUTES),
        reverse("zi_web:indikator", kwargs={"ws": KEY, "indikator": MP_QUESTION}),
        reverse("zi_web:berkas", kwargs={"ws": KEY, "sha": stored["mp"]}),
        reverse("zi_web:unduh", kwargs={"ws": KEY, "sha": stored["mp"]}),
        reverse("zi_web:pratinjau", kwargs={"ws": KEY, "sha": stored["pw"]}),
    ]


@pytest.mark.django_db
def test_every_role_reads_every_page(login: Any, stored: dict[str, str]) -> None:
    for role in ROLES:
        client = login(role)
        for url in _reads(stored):
            response = client.get(url)
            drain(response)  # downloads stream the stored file
            assert response.status_code == 200, (role, url)


@pytest.mark.django_db
def test_anonymous_is_sent_to_login_and_no_grant_is_refused(
    client: Any, login: Any, stored: dict[str, str]
) -> None:
    for url in _reads(stored):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/masuk/")
    stranger = login("tamu")
    for url in _reads(stored):
        response = stranger.get(url)
        assert response.status_code == 403
        assert "tidak mempunyai peran" in response.content.decode()


def _answer(client: Any, workspace: Workspace, question: str) -> int:
    option = next(iter(workspace.catalogue.resolve(question).criteria))
    version = read_answer(workspace, question).version
    url = reverse("zi_web:jawab", kwargs={"ws": KEY, "indikator": question})
    status: int = client.post(url, {"versi": version, "jawaban": option}).status_code
    return status


def _upload(client: Any, question: str) -> int:
    url = reverse("zi_web:unggah", kwargs={"ws": KEY, "indikator": question})
    upload = SimpleUploadedFile(f"bukti {question}.txt", f"bukti untuk {question}".encode())
    status: int = client.post(url, {"berkas": [upload]}).status_code
    return status


# role -> (answer MP, answer PW, upload MP, upload PW, retag to MP, trash the MP file)
MATRIX = {
    "admin": (True, True, True, True, True, True),
    "ketua": (True, True, True, True, True, True),
    "koor_mp": (True, False, True, False, True, True),
    "anggota_pw": (False, False, False, True, False, False),
    "penilai": (False, False, False, False, False, False),
    "pengamat": (False, False, False, False, False, False),
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_roles_by_routes_by_areas(
    role: str, login: Any, workspace: Workspace, stored: dict[str, str]
) -> None:
    client = login(role)
    expected = MATRIX[role]
    got = (
        _answer(client, workspace, MP_QUESTION),
        _answer(client, workspace, PW_QUESTION),
        _upload(client, MP_QUESTION),
        _upload(client, PW_QUESTION),
        client.post(
            reverse("zi_web:ubah_tanda", kwargs={"ws": KEY, "sha": stored["pw"]}),
            {"aksi": "tandai", "indikator": MP_QUESTION},
        ).status_code,
        client.post(
            reverse("zi_web:buang", kwargs={"ws": KEY, "sha": stored["mp"]}), {"aksi": "buang"}
        ).status_code,
    )
    for allowed, status in zip(expected, got, strict=True):
        if allowed:
            assert status == 302, (role, got)
        else:
            assert status == 403, (role, got)


@pytest.mark.django_db
def test_refusal_names_the_accounts_areas(login: Any, workspace: Workspace) -> None:
    client = login("koor_mp")
    version = read_answer(workspace, PW_QUESTION).version
    response = client.post(
        reverse("zi_web:jawab", kwargs={"ws": KEY, "indikator": PW_QUESTION}),
        {"versi": version, "jawaban": "A"},
    )
    text = response.content.decode()
    assert response.status_code == 403
    assert "hanya boleh mengubah indikator area Anda (MP)" in text
    assert "area PW" in text
    assert read_answer(workspace, PW_QUESTION).version == version
