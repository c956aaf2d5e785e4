"""The Akun page: only the admin manages accounts, with the CLI's rules and messages."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.urls import reverse

from zi_docs.web.app.models import Grant

from .conftest import KEY, PASSWORD


def _url() -> str:
    return reverse("zi_web:akun", kwargs={"ws": KEY})


@pytest.mark.django_db
def test_only_the_admin_opens_the_accounts_page(login: Any) -> None:
    assert login("admin").get(_url()).status_code == 200
    for role in ("ketua", "koor_mp", "anggota_pw", "penilai", "pengamat"):
        assert login(role).get(_url()).status_code == 403, role


@pytest.mark.django_db
def test_admin_adds_changes_and_removes_an_account(login: Any) -> None:
    client = login("admin")
    added = client.post(
        _url(),
        {
            "aksi": "tambah",
            "username": "sari",
            "role": "anggota",
            "areas": "TTL",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        follow=True,
    )
    assert "Akun sari dibuat" in added.content.decode()
    assert authenticate(username="sari", password=PASSWORD) is not None
    assert Grant.objects.get(user__username="sari").areas == "TTL"
    client.post(
        _url(), {"aksi": "ubah", "nama": "sari", "peran": "ketua", "area": "", "aktif": "1"}
    )
    assert Grant.objects.get(user__username="sari").role == "ketua"
    client.post(_url(), {"aksi": "hapus", "nama": "sari"})
    assert not Grant.objects.filter(user__username="sari").exists()


@pytest.mark.django_db
def test_weak_password_and_self_demotion_are_refused(login: Any) -> None:
    client = login("admin")
    weak = client.post(
        _url(),
        {
            "aksi": "tambah",
            "username": "x",
            "role": "pengamat",
            "areas": "",
            "password1": "123",
            "password2": "123",
        },
        follow=True,
    )
    assert "terlalu pendek" in weak.content.decode()
    demote = client.post(
        _url(), {"aksi": "ubah", "nama": "admin", "peran": "pengamat", "aktif": "1"}, follow=True
    )
    assert "tidak dapat mencabut peran admin" in demote.content.decode()
    assert Grant.objects.get(user__username="admin").role == "admin"
