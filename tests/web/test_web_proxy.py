"""Behind a TLS proxy (Caddy, nginx) the site is told its public address, and logging in
through the proxy works; without it the proxy's Host and the browser's Origin are refused."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, override_settings

from zi_docs.errors import WorkspaceError
from zi_docs.web.setup import behind_proxy, build_settings
from zi_docs.web.site import PUBLIC_ENV, PUBLIC_SETTING_FILE, Site, open_site
from zi_docs.workspace import Workspace

from .conftest import PASSWORD

PUBLIC = "https://zi.dinas.example"
PROXIED = {  # what the proxy adds to the browser's request
    "HTTP_HOST": "zi.dinas.example",
    "HTTP_X_FORWARDED_PROTO": "https",
}


def test_the_public_address_comes_from_the_state_folder_or_the_environment(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PUBLIC_ENV, raising=False)
    assert open_site([workspace.root]).public_url is None
    (workspace.root / ".zi-web" / PUBLIC_SETTING_FILE).write_text(PUBLIC + "/\n", "utf-8")
    assert open_site([workspace.root]).public_url == PUBLIC
    monkeypatch.setenv(PUBLIC_ENV, "http://192.168.1.20:8000")
    assert open_site([workspace.root]).public_url == "http://192.168.1.20:8000"


@pytest.mark.parametrize("wrong", ["zi.dinas.example", "ftp://zi.example", f"{PUBLIC}/zi/"])
def test_a_wrong_public_address_is_named_with_what_to_write(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, wrong: str
) -> None:
    monkeypatch.setenv(PUBLIC_ENV, wrong)
    with pytest.raises(WorkspaceError) as caught:
        open_site([workspace.root])
    assert wrong in str(caught.value) and "https://" in str(caught.value.hint)


def test_settings_for_a_proxied_site(tmp_path: Path) -> None:
    site = Site(state=tmp_path, workspaces={"unit": tmp_path}, public_url=PUBLIC)
    settings = build_settings(site)
    assert "zi.dinas.example" in settings["ALLOWED_HOSTS"]
    assert settings["CSRF_TRUSTED_ORIGINS"] == [PUBLIC]
    assert settings["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert settings["SESSION_COOKIE_SECURE"] and settings["CSRF_COOKIE_SECURE"]
    plain = build_settings(Site(state=tmp_path, workspaces={"unit": tmp_path}))
    assert "CSRF_TRUSTED_ORIGINS" not in plain and not plain.get("SESSION_COOKIE_SECURE")


def _log_in_through_proxy(client: Client) -> int:
    page = client.get("/masuk/", **PROXIED)  # type: ignore[arg-type]
    assert page.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())
    assert token is not None
    response = client.post(
        "/masuk/",
        {"csrfmiddlewaretoken": token.group(1), "username": "ketua", "password": PASSWORD},
        HTTP_ORIGIN=PUBLIC,
        **PROXIED,  # type: ignore[arg-type]
    )
    return response.status_code


def test_logging_in_through_the_proxy(accounts: dict[str, Any], site: Site) -> None:
    proxied = Site(state=site.state, workspaces=site.workspaces, public_url=PUBLIC)
    hosts = [*build_settings(site)["ALLOWED_HOSTS"], "zi.dinas.example"]
    with override_settings(ALLOWED_HOSTS=hosts):
        assert _log_in_through_proxy(Client(enforce_csrf_checks=True)) == 403
        with override_settings(**behind_proxy(proxied)):
            assert _log_in_through_proxy(Client(enforce_csrf_checks=True)) == 302
