"""``zi-docs web`` and ``zi-docs web pengguna ...`` in-process."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner
from django.contrib.auth import authenticate

from zi_docs.cli import cli
from zi_docs.web.app.models import Grant
from zi_docs.workspace import Workspace

from .conftest import PASSWORD


def _run(workspace: Workspace, *args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(
        cli, ["web", "-w", str(workspace.root), *args], input=input, catch_exceptions=False
    )


@pytest.mark.django_db
def test_add_asks_the_password_twice_and_never_takes_it_as_an_option(
    workspace: Workspace, site: Any
) -> None:
    result = _run(
        workspace,
        "pengguna",
        "tambah",
        "ani",
        "--peran",
        "koordinator",
        "--area",
        "MP,pw",
        input=f"{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output
    assert "Akun dibuat: ani" in result.output and "koordinator (MP, PW)" in result.output
    assert authenticate(username="ani", password=PASSWORD) is not None
    help_text = _run(workspace, "pengguna", "tambah", "--help").output
    assert "--sandi " not in help_text and "--sandi-stdin" in help_text


@pytest.mark.django_db
def test_mismatched_or_weak_passwords_are_refused(workspace: Workspace, site: Any) -> None:
    mismatch = _run(
        workspace,
        "pengguna",
        "tambah",
        "ani",
        "--peran",
        "admin",
        input=f"{PASSWORD}\nlain-lagi-sandinya\n{PASSWORD}\n{PASSWORD}\n",
    )
    assert mismatch.exit_code == 0
    weak = _run(
        workspace, "pengguna", "tambah", "budi", "--peran", "admin", "--sandi-stdin", input="123\n"
    )
    assert weak.exit_code == 1
    assert "terlalu pendek" in weak.output and "Galat internal" not in weak.output


@pytest.mark.django_db
def test_change_delete_password_and_list(workspace: Workspace, site: Any) -> None:
    def add(name: str, *extra: str) -> None:
        result = _run(
            workspace, "pengguna", "tambah", name, *extra, "--sandi-stdin", input=f"{PASSWORD}\n"
        )
        assert result.exit_code == 0, result.output

    add("ani", "--peran", "admin")
    add("budi", "--peran", "anggota", "--area", "SDM")
    changed = _run(workspace, "pengguna", "ubah", "budi", "--peran", "ketua")
    assert changed.exit_code == 0 and "ketua" in changed.output
    assert Grant.objects.get(user__username="budi").areas == ""
    new = "Sandi-Baru-Sekali-2026"
    assert (
        _run(workspace, "pengguna", "sandi", "budi", "--sandi-stdin", input=f"{new}\n").exit_code
        == 0
    )
    assert authenticate(username="budi", password=new) is not None
    listed = _run(workspace, "pengguna", "daftar", "--json")
    assert [a["nama"] for a in __import__("json").loads(listed.output)] == ["ani", "budi"]
    assert _run(workspace, "pengguna", "hapus", "budi").exit_code == 0
    gone = _run(workspace, "pengguna", "hapus", "budi")
    assert gone.exit_code == 1 and "tidak ada" in gone.output


@pytest.mark.django_db
def test_area_rules_are_explained(workspace: Workspace, site: Any) -> None:
    no_area = _run(
        workspace,
        "pengguna",
        "tambah",
        "c",
        "--peran",
        "anggota",
        "--sandi-stdin",
        input=f"{PASSWORD}\n",
    )
    assert no_area.exit_code == 1 and "terikat area" in no_area.output
    bad_area = _run(
        workspace,
        "pengguna",
        "tambah",
        "c",
        "--peran",
        "anggota",
        "--area",
        "XX",
        "--sandi-stdin",
        input=f"{PASSWORD}\n",
    )
    assert bad_area.exit_code == 1 and "area 'XX' tidak ada" in bad_area.output
    bad_role = _run(workspace, "pengguna", "tambah", "c", "--peran", "raja")
    assert bad_role.exit_code == 2


@pytest.mark.django_db
def test_serving_without_accounts_prints_a_one_time_link_and_warns_off_localhost(
    workspace: Workspace, site: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[tuple[str, int]] = []
    monkeypatch.setattr("zi_docs.web.serve", lambda host, port: served.append((host, port)))
    result = _run(workspace, "--tanpa-peramban", "--host", "0.0.0.0", "--port", "8765")
    assert result.exit_code == 0, result.output
    assert "/siapkan/" in result.output
    assert "TIDAK terenkripsi" in result.output
    assert served == [("0.0.0.0", 8765)]


@pytest.mark.django_db
def test_accounts_per_unit_when_serving_several(tmp_path: Any, site: Any) -> None:
    from zi_docs.workspace import init_workspace

    first = init_workspace(tmp_path / "Dinas A").workspace
    second = init_workspace(tmp_path / "Dinas B").workspace
    base = ["web", "-w", str(first.root), "-w", str(second.root), "pengguna"]
    runner = CliRunner()
    added = runner.invoke(
        cli,
        [*base, "tambah", "itda", "--peran", "penilai", "--unit", "dinas-b", "--sandi-stdin"],
        input=f"{PASSWORD}\n",
    )
    assert added.exit_code == 0, added.output
    assert Grant.objects.get(user__username="itda").workspace == "dinas-b"
    wrong = runner.invoke(cli, [*base, "daftar", "--unit", "dinas-c"])
    assert wrong.exit_code == 1 and "tidak dilayani" in wrong.output
