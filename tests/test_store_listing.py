"""The one pass over ``objects/``: sizes, entries in the wrong place, temporary files, read
the same by the POSIX reader (``stat`` relative to the open folder) and the directory-entry
reader (Windows), and the same by the child Python that lists a large folder for ``check``."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest

from zi_docs.evidence import objects_pass, store_listing
from zi_docs.evidence.db import engine, recorded_sizes
from zi_docs.evidence.store import TMP_PREFIX
from zi_docs.evidence.store_listing import ObjectListing, list_objects, start_listing

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
        monkeypatch.setattr(objects_pass, "_list_folder_at", objects_pass._list_folder)
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
    assert list_objects(tmp_path / "objects") == ObjectListing({}, [], [])


def _no_listing_here(_root: str, *, sizes: bool = True) -> objects_pass.Found:
    raise AssertionError("listed in this process, not in the child")


@pytest.mark.skipif(os.name != "posix", reason="the child lists where a size costs a stat")
def test_a_child_python_lists_the_folder_as_this_process_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    objects = _objects(tmp_path)
    expected = list_objects(objects)
    monkeypatch.setattr(store_listing, "CHILD_FROM", 0)
    monkeypatch.setattr(objects_pass, "walk", _no_listing_here)
    assert start_listing(objects).result() == expected


@pytest.mark.skipif(os.name != "posix", reason="the child lists where a size costs a stat")
def test_a_small_folder_or_a_failed_child_is_listed_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    objects = _objects(tmp_path)
    expected = list_objects(objects)
    assert store_listing._about(objects) < store_listing.CHILD_FROM
    assert start_listing(objects)._child is None
    monkeypatch.setattr(store_listing, "CHILD_FROM", 0)
    monkeypatch.setattr(sys, "executable", "/bin/false")  # starts, says nothing, exits 1
    pending = start_listing(objects)
    assert pending._child is not None
    assert pending.result() == expected


@pytest.mark.skipif(os.name != "posix", reason="the child lists where a size costs a stat")
def test_a_listing_never_asked_for_stops_its_child(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_listing, "CHILD_FROM", 0)
    pending = start_listing(_objects(tmp_path))
    child = pending._child
    assert child is not None
    pending.close()
    assert child.returncode is not None


def _catalogue(root: Path, rows: list[tuple[str, int]]) -> str:
    path = root / "catalog.sqlite"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE files (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL)")
        conn.executemany("INSERT INTO files VALUES (?, ?)", rows)
    conn.close()
    return path.resolve().as_uri()


def test_the_catalogue_agrees_only_when_every_object_has_its_size_and_no_other(
    tmp_path: Path,
) -> None:
    uri = _catalogue(tmp_path, [(GOOD, 3), ("cd" * 32, 5)])
    assert recorded_sizes.matched({GOOD: 3, "cd" * 32: 5}, uri, engine) == (2, 8)
    assert recorded_sizes.matched({GOOD: 3, "cd" * 32: 6}, uri, engine) is None  # a size changed
    assert recorded_sizes.matched({GOOD: 3}, uri, engine) is None  # one missing
    assert recorded_sizes.matched({GOOD: 3, "cd" * 32: 5, "ef" * 32: 1}, uri, engine) is None
    gone = (tmp_path / "tidak-ada.sqlite").resolve().as_uri()
    # unreadable: the caller compares
    assert recorded_sizes.matched({GOOD: 3}, gone, engine) is None


@pytest.mark.skipif(os.name != "posix", reason="the child lists where a size costs a stat")
def test_a_child_given_the_catalogue_sends_no_sizes_when_they_agree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    objects = tmp_path / "objects"
    (objects / "ab").mkdir(parents=True)
    (objects / "ab" / GOOD).write_bytes(b"isi")
    catalogue = tmp_path / "catalog.sqlite"
    _catalogue(tmp_path, [(GOOD, 3)])
    monkeypatch.setattr(store_listing, "CHILD_FROM", 0)
    assert start_listing(objects, catalogue).result() == ObjectListing({}, [], [], (1, 3))
    (objects / "ab" / GOOD).write_bytes(b"isi lain")  # now the catalogue disagrees
    assert start_listing(objects, catalogue).result() == ObjectListing({GOOD: 8}, [], [])
