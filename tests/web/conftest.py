"""Fixtures of the web tests: a workspace served by the site, and one account per role."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from zi_docs.web.app.models import Grant
from zi_docs.web.site import Site
from zi_docs.workspace import Workspace

KEY = "unit"
PASSWORD = "Sandi-Uji-Panjang-2026"
ACCOUNTS = {
    "admin": ("admin", ""),
    "ketua": ("ketua", ""),
    "koor_mp": ("koordinator", "MP"),
    "anggota_pw": ("anggota", "PW"),
    "penilai": ("penilai", ""),
    "pengamat": ("pengamat", ""),
}


def drain(response: Any) -> bytes:
    """The body of a test-client response, read to its end: a streamed download closes its
    file then. (Calling ``response.close()`` instead would also close the database
    connection inside the test's transaction, which PostgreSQL does not survive.)"""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    body: bytes = response.content
    return body


@pytest.fixture
def site(workspace: Workspace, tmp_path: Path) -> Iterator[Site]:
    state = tmp_path / "state"
    (state / "unggah").mkdir(parents=True)
    served = Site(state=state, workspaces={KEY: workspace.root})
    with override_settings(ZI_SITE=served, FILE_UPLOAD_TEMP_DIR=str(state / "unggah")):
        yield served


@pytest.fixture
def accounts(db: Any, site: Site) -> dict[str, Any]:
    users = {}
    for name, (role, areas) in ACCOUNTS.items():
        user = get_user_model().objects.create_user(name, password=PASSWORD)
        Grant.objects.create(user=user, workspace=KEY, role=role, areas=areas)
        users[name] = user
    users["tamu"] = get_user_model().objects.create_user("tamu", password=PASSWORD)
    return users


@pytest.fixture
def login(accounts: dict[str, Any]) -> Any:
    """``login(name)`` -> a test client logged in as that account."""

    def make(name: str, *, csrf: bool = False) -> Client:
        client = Client(enforce_csrf_checks=csrf)
        client.force_login(accounts[name])
        return client

    return make


@pytest.fixture
def stored(workspace: Workspace, tmp_path: Path) -> dict[str, str]:
    """Two archived files: a letter tagged to an MP question, a PNG tagged to a PW question."""
    from PIL import Image

    from zi_docs.evidence import add_files

    letter = tmp_path / "masuk" / "Undangan rapat pembentukan tim.txt"
    letter.parent.mkdir()
    letter.write_text(
        "Undangan rapat pembentukan Tim Kerja Pembangunan Zona Integritas", encoding="utf-8"
    )
    photo = tmp_path / "masuk" / "foto-sosialisasi.png"
    Image.new("RGB", (40, 30), (200, 30, 30)).save(photo)
    first = add_files(workspace, [letter], indicators=["A.I.1.i.a"], item="undangan")
    second = add_files(workspace, [photo], indicators=["A.I.5.i.a"])
    return {"mp": first.outcomes[0].sha256, "pw": second.outcomes[0].sha256}


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Login throttling counts live in the cache; no test inherits another's failures."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing() -> Iterator[None]:
    """Production hashing costs most of a second per account; the tests check roles, forms and
    rules, not the hasher, so they hash with a fast one."""
    fast_first = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",  # to check what real runs stored
    ]
    with override_settings(PASSWORD_HASHERS=fast_first):
        yield


_OCR_READ: dict[tuple[str, int, str], str] = {}
"""(file digest, page, language) -> the text Tesseract read, over this whole test run."""


@pytest.fixture(autouse=True)
def _ocr_reads_each_scan_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The web tests upload the same few scans and photos again and again, and Tesseract reads
    the same file to the same text: each (file, page, language) is read by the real programs
    once per test run, and later uploads get that text. Everything else of OCR runs as usual
    (the workspace's OCR cache is written, a missing program is reported); the OCR tests
    themselves, in tests/test_ocr.py, call the programs every time."""
    from zi_docs.evidence import ocr

    real = ocr._cached

    def cached(cache_dir: Path, sha256: str, page: int, read: Any) -> Any:
        def once(language: str) -> str:
            key = (sha256, page, language)
            if key not in _OCR_READ:
                _OCR_READ[key] = read(language)
            return _OCR_READ[key]

        return real(cache_dir, sha256, page, once)

    monkeypatch.setattr(ocr, "_cached", cached)
