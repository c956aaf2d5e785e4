"""The served workspace's validated ``unit.yaml`` is kept while the file is unchanged, and read
again on the next request after any edit (an editor, the CLI, another server)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from tests.web.conftest import KEY, drain
from zi_docs.web.site import Site
from zi_docs.workspace import Workspace

OLD_NAME = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"


def _age(path: Path, seconds: float = 3600) -> None:
    """Make the file look written ``seconds`` ago (past the racy-write window)."""
    past = time.time() - seconds
    os.utime(path, (past, past))


def _rename(workspace: Workspace, new: str) -> None:
    text = workspace.unit_file.read_text(encoding="utf-8")
    workspace.unit_file.write_text(text.replace(OLD_NAME, new), encoding="utf-8")


def test_an_unchanged_profile_is_read_once(workspace: Workspace, site: Site) -> None:
    _age(workspace.unit_file)
    first = site.workspace(KEY)
    assert first.profile.unit_name == OLD_NAME
    second = site.workspace(KEY)
    assert second is not first  # a new workspace per request, only the profile is kept
    assert second.profile is first.profile


def test_an_edited_profile_is_read_on_the_next_call(workspace: Workspace, site: Site) -> None:
    _age(workspace.unit_file)
    kept = site.workspace(KEY).profile
    _rename(workspace, "Dinas Perizinan Kabupaten Sukamaju")
    _age(workspace.unit_file, 1800)  # even with an older modification time than "now"
    fresh = site.workspace(KEY).profile
    assert fresh is not kept
    assert fresh.unit_name == "Dinas Perizinan Kabupaten Sukamaju"


def test_a_profile_written_just_now_is_not_kept(workspace: Workspace, site: Site) -> None:
    text = workspace.unit_file.read_text(encoding="utf-8")
    workspace.unit_file.write_text(text, encoding="utf-8")  # written now
    first = site.workspace(KEY).profile
    tick = os.stat(workspace.unit_file)
    _rename(workspace, OLD_NAME.replace("Modal", "MODAL"))  # same size and inode ...
    os.utime(workspace.unit_file, ns=(tick.st_atime_ns, tick.st_mtime_ns))  # ... same tick
    second = site.workspace(KEY).profile
    assert second is not first
    assert "MODAL" in second.unit_name


def test_a_page_shows_the_unit_name_written_by_another_program(
    workspace: Workspace, login: Any
) -> None:
    _age(workspace.unit_file)
    client = login("pengamat")
    assert OLD_NAME in drain(client.get(f"/u/{KEY}/arsip/")).decode()
    _rename(workspace, "Dinas Perizinan Kabupaten Sukamaju")
    page = drain(client.get(f"/u/{KEY}/arsip/")).decode()
    assert "Dinas Perizinan Kabupaten Sukamaju" in page and OLD_NAME not in page


def test_a_broken_profile_is_reported_until_it_is_fixed(workspace: Workspace, login: Any) -> None:
    _age(workspace.unit_file)
    client = login("pengamat")
    good = workspace.unit_file.read_text(encoding="utf-8")
    assert client.get(f"/u/{KEY}/").status_code == 200
    workspace.unit_file.write_text(good.replace("tahun:", "tahun_salah:"), encoding="utf-8")
    _age(workspace.unit_file)
    assert client.get(f"/u/{KEY}/").status_code != 200
    workspace.unit_file.write_text(good, encoding="utf-8")
    _age(workspace.unit_file, 60)
    assert client.get(f"/u/{KEY}/").status_code == 200
