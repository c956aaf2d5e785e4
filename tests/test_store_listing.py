"""The one pass over ``objects/``: sizes, entries in the wrong place, temporary files, read
the same by the POSIX reader (``stat`` relative to the open folder) and the directory-entry
reader (Windows)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from zi_docs.evidence import store_listing
from zi_docs.evidence.store import TMP_PREFIX
from zi_docs.evidence.store_listing import list_objects

GOOD = "ab" + "1" * 62


def _objects(root: Path) -> Path:
    objects = root / "objects"
    (objects / "ab").mkdir(parents=True)
    (objects / "ab" / GOOD).write_bytes(b"isi")
    (objects / "ab" / ("ab" + "2" * 62)).symlink_to(root / "tidak-ada")  # dangling link
    (objects / "ab" / ("ab" + "3" * 62)).mkdir()  # a folder where an object belongs
    (objects / "ab" / ("cd" + "4" * 62)).write_bytes(b"salah tempat")
    (objects / "ab" / f"{TMP_PREFIX}ab12-99").write_bytes(b"setengah")
    (objects / "lepas.bin").write_bytes(b"di luar folder")
    linked = root / "asli"
    linked.write_bytes(b"lewat tautan")
    (objects / "ab" / ("ab" + "5" * 62)).symlink_to(linked)  # a link to a file counts
    return objects


@pytest.fixture(params=["posix", "direntry"])
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "direntry":
        monkeypatch.setattr(store_listing, "_list_folder_at", store_listing._list_folder)
    return str(request.param)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need privileges on Windows")
def test_every_kind_of_entry_is_sorted_out_alike(tmp_path: Path, reader: str) -> None:
    objects = _objects(tmp_path)
    listing = list_objects(objects)
    assert listing.sizes == {GOOD: 3, "ab" + "5" * 62: 12}
    assert sorted(p.relative_to(objects).as_posix() for p in listing.odd) == [
        "ab/ab" + "2" * 62,
        "ab/ab" + "3" * 62,
        "ab/cd" + "4" * 62,
        "lepas.bin",
    ]
    assert listing.temporary == [str(objects / "ab" / f"{TMP_PREFIX}ab12-99")]


def test_no_objects_folder_is_an_empty_listing(tmp_path: Path) -> None:
    assert list_objects(tmp_path / "objects") == ({}, [], [])
