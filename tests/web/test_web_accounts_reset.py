"""Akun page: a new account starts as the least role, and the admin (only the admin) sets
another account's password, asked twice and checked by Django's rules, in Indonesian."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.urls import reverse

from .conftest import KEY, PASSWORD

NEW = "Sandi-Baru-Yang-Panjang-77"


def _url() -> str:
    return reverse("zi_web:akun", kwargs={"ws": KEY})


def _reset(client: Any, name: str, first: str, second: str) -> Any:
    return client.post(
        _url(), {"aksi": "sandi", "nama": name, "sandi1": first, "sandi2": second}, follow=True
    )


@pytest.mark.django_db
def test_a_new_account_defaults_to_pengamat(login: Any) -> None:
    page = login("admin").get(_url()).content.decode()
    role_select = page.split('name="role"')[1].split("</select>")[0]
    selected = re.findall(r'<option value="([^"]+)"[^>]*selected', role_select)
    assert selected == ["pengamat"]


@pytest.mark.django_db
def test_the_admin_resets_a_password_asked_twice_and_validated(login: Any) -> None:
    client = login("admin")
    page = client.get(_url()).content.decode()
    assert "ganti sandi" in page and 'name="sandi2"' in page
    differ = _reset(client, "ketua", NEW, NEW + "x").content.decode()
    assert "Kedua sandi tidak sama" in differ
    weak = _reset(client, "ketua", "12345678", "12345678").content.decode()
    assert "Sandi belum diganti" in weak
    assert "terlalu umum" in weak or "seluruhnya angka" in weak  # Django's rules, Indonesian
    assert authenticate(username="ketua", password=PASSWORD) is not None
    done = _reset(client, "ketua", NEW, NEW).content.decode()
    assert "Sandi akun ketua diganti" in done
    assert authenticate(username="ketua", password=NEW) is not None
    assert authenticate(username="ketua", password=PASSWORD) is None
    own = _reset(client, "admin", NEW, NEW).content.decode()
    assert "Ganti sandi Anda sendiri" in own
    assert authenticate(username="admin", password=PASSWORD) is not None


@pytest.mark.django_db
def test_only_the_admin_resets_passwords(login: Any) -> None:
    for role in ("ketua", "koor_mp", "anggota_pw", "penilai", "pengamat"):
        response = login(role).post(
            _url(), {"aksi": "sandi", "nama": "admin", "sandi1": NEW, "sandi2": NEW}
        )
        assert response.status_code == 403, role
    assert authenticate(username="admin", password=PASSWORD) is not None


@pytest.mark.django_db
def test_an_account_outside_the_workspace_is_not_reset(login: Any) -> None:
    page = _reset(login("admin"), "tamu", NEW, NEW).content.decode()  # no role here
    assert "tidak mempunyai peran" in page
    assert authenticate(username="tamu", password=PASSWORD) is not None
