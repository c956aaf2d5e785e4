"""The parsed catalogue kept between runs (:mod:`zi_docs.catalogue.cache`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zi_docs.catalogue import Catalogue, load_catalogue, loader
from zi_docs.catalogue.cache import cache_dir
from zi_docs.resources import CATALOGUES, resource
from zi_docs.yamlio import load_yaml


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ZI_DOCS_CACHE", str(folder))
    monkeypatch.setattr(loader, "_CACHE", {})  # as a new process starts
    return folder


def _copy(tmp_path: Path) -> Path:
    bundled = loader.find_catalogue("permenpanrb-90-2021")
    return Path(shutil.copy(bundled, tmp_path / "katalog.yaml"))


def _ids(catalogue: Catalogue) -> list[tuple[str, str]]:
    return [(n.id, n.name) for n in catalogue.walk()]


def _reference(path: Path) -> list[tuple[str, str]]:
    """The tree of a parse without any cache."""
    return _ids(loader._Loader(load_yaml(path)).build(path))


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Count the real parses from now on."""
    seen: list[Path] = []
    build = loader._Loader.build

    def counting(self: loader._Loader, path: Path) -> object:
        seen.append(path)
        return build(self, path)

    monkeypatch.setattr(loader._Loader, "build", counting)
    return seen


def test_a_second_run_reads_the_kept_catalogue(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy(tmp_path)
    parses = _parses(monkeypatch)
    first = load_catalogue(path)
    assert len(list(cache.glob("katalog-*.pickle"))) == 1
    monkeypatch.setattr(loader, "_CACHE", {})
    second = load_catalogue(path)
    assert parses == [path]
    assert second is not first
    assert [n.id for n in second.walk()] == [n.id for n in first.walk()]
    assert second.option_values == first.option_values
    assert second.path == first.path


def test_an_edited_catalogue_is_parsed_again(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy(tmp_path)
    before = load_catalogue(path)
    text = path.read_text(encoding="utf-8")
    question = before.questions()[0]
    path.write_text(text.replace(question.name, "Pertanyaan yang diubah", 1), encoding="utf-8")
    monkeypatch.setattr(loader, "_CACHE", {})
    after = load_catalogue(path)
    assert after.node(question.id).name == "Pertanyaan yang diubah"


def test_the_same_file_elsewhere_keeps_its_own_path(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = _copy(tmp_path)
    other = Path(shutil.copy(one, tmp_path / "lain.yaml"))
    load_catalogue(one)
    assert load_catalogue(other).path == other


def test_a_damaged_entry_is_parsed_again(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _copy(tmp_path)
    load_catalogue(path)
    (entry,) = cache.glob("katalog-*.pickle")
    entry.write_bytes(entry.read_bytes()[:100])  # cut short, as by a full disk
    monkeypatch.setattr(loader, "_CACHE", {})
    expected = _reference(path)
    parses = _parses(monkeypatch)
    assert _ids(load_catalogue(path)) == expected
    assert parses == [path]
    monkeypatch.setattr(loader, "_CACHE", {})
    load_catalogue(path)
    assert parses == [path]  # written whole again


def test_the_cache_can_be_off_or_unwritable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "_CACHE", {})
    monkeypatch.setenv("ZI_DOCS_CACHE", "0")
    assert cache_dir() is None
    path = _copy(tmp_path)
    assert _ids(load_catalogue(path)) == _reference(path)
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", encoding="utf-8")
    monkeypatch.setenv("ZI_DOCS_CACHE", str(blocker / "cache"))
    monkeypatch.setattr(loader, "_CACHE", {})
    assert _ids(load_catalogue(path)) == _reference(path)
    assert not list((blocker.parent).glob("**/katalog-*.pickle"))


def test_the_default_folder_is_the_users_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ZI_DOCS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", "/tmp/tempat-cache")
    monkeypatch.setattr("sys.platform", "linux")
    assert cache_dir() == Path("/tmp/tempat-cache/zi-docs")
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", r"C:\Users\pokja\AppData\Local")
    assert cache_dir() == Path(r"C:\Users\pokja\AppData\Local") / "zi-docs" / "cache"
    assert resource(CATALOGUES)  # the bundled catalogues are where the loader looks
