"""Random bytes and random YAML fed to every input surface: the answer is a clear error (a
``ZiError``) or a result, never "Galat internal" (any other exception)."""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zi_docs.assessment.answers import parse_answers
from zi_docs.catalogue import load_catalogue
from zi_docs.cli import cli
from zi_docs.documents.logo import usable_image
from zi_docs.documents.render import PreparedTemplate
from zi_docs.documents.template_check import check_template
from zi_docs.errors import ZiError
from zi_docs.evidence.db import ArchiveDb
from zi_docs.evidence.incoming import Candidate, Rejection, prepare
from zi_docs.evidence.sniff import UnknownType, detect
from zi_docs.evidence.store import ObjectStore
from zi_docs.schema import validate
from zi_docs.submission.bagcheck import verify_bag
from zi_docs.workspace import UNIT_SCHEMA, Workspace
from zi_docs.yamlio import parse_yaml

FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
FEW = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.dates(),
)
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(st.text(min_size=1, max_size=12), inner, max_size=6)
    ),
    max_leaves=30,
)
yaml_text = documents.map(lambda d: yaml.safe_dump(d, allow_unicode=True))
mangled_yaml = st.tuples(yaml_text, st.binary(max_size=20), st.integers(0, 200)).map(
    lambda t: t[0][: t[2]] + t[1].decode("latin-1") + t[0][t[2] :]
)


def clear_or_result(action: Callable[[], Any]) -> None:
    try:
        action()
    except ZiError as err:
        assert str(err), "a clear error has a message"


@contextmanager
def scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="zi-fuzz-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@FUZZ
@given(st.one_of(st.text(max_size=300), mangled_yaml))
def test_any_text_parses_or_is_a_clear_yaml_error(text: str) -> None:
    clear_or_result(lambda: parse_yaml(text, "acak.yaml"))


@FUZZ
@given(yaml_text)
def test_any_unit_profile_validates_or_is_a_clear_error(text: str) -> None:
    clear_or_result(lambda: validate(parse_yaml(text, "unit.yaml"), UNIT_SCHEMA))


_CATALOGUE = load_catalogue("permenpanrb-90-2021")


@FUZZ
@given(st.one_of(yaml_text, mangled_yaml))
def test_any_answers_file_scores_or_is_a_clear_error(text: str) -> None:
    clear_or_result(lambda: parse_answers(parse_yaml(text, "lke.yaml"), _CATALOGUE))


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from([".pdf", ".docx", ".xlsx", ".png", ".txt", ""]))
def test_any_file_added_is_prepared_or_rejected(data: bytes, suffix: str) -> None:
    with scratch() as folder:
        path = folder / f"acak{suffix}"
        path.write_bytes(data)
        try:
            detect(path)
        except UnknownType as exc:
            assert exc.reason
        result = prepare(Candidate(path), 10_000_000, frozenset())
        assert isinstance(result, Rejection) or result.sha256


def _zip_of(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in members:
            package.writestr(name or "x", data)
    return buffer.getvalue()


office_like = st.lists(
    st.tuples(
        st.sampled_from(
            ["word/document.xml", "xl/workbook.xml", "[Content_Types].xml", "mimetype", "a/b.txt"]
        ),
        st.binary(max_size=200),
    ),
    max_size=4,
    unique_by=lambda member: member[0],
).map(_zip_of)


@FUZZ
@given(office_like, st.sampled_from([".docx", ".xlsx", ".pdf"]))
def test_any_office_lookalike_is_prepared_or_rejected(data: bytes, suffix: str) -> None:
    with scratch() as folder:
        path = folder / f"kantor{suffix}"
        path.write_bytes(data)
        result = prepare(Candidate(path), 10_000_000, frozenset())
        assert isinstance(result, Rejection) or result.sha256


@FUZZ
@given(st.binary(max_size=4000))
def test_any_logo_is_used_or_refused(data: bytes) -> None:
    with scratch() as folder:
        path = folder / "logo.png"
        path.write_bytes(data)
        clear_or_result(lambda: usable_image(path, "logo.png"))


@FUZZ
@given(st.binary(max_size=4096))
def test_any_catalogue_file_opens_or_is_refused(data: bytes) -> None:
    with scratch() as folder:
        (folder / "objects" / "ab").mkdir(parents=True)
        (folder / "objects" / "ab" / ("ab" + "0" * 62)).write_bytes(b"x")
        (folder / "catalog.sqlite").write_bytes(data)
        store = ObjectStore(folder / "objects")
        clear_or_result(lambda: ArchiveDb(folder / "catalog.sqlite", store).close())


bag_files = st.fixed_dictionaries(
    {
        "bagit.txt": st.one_of(
            st.just(b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"),
            st.binary(max_size=80),
        ),
        "manifest-sha256.txt": st.binary(max_size=200),
        "bag-info.txt": st.binary(max_size=100),
        "data/a.txt": st.binary(max_size=50),
    }
)


@FUZZ
@given(bag_files, st.booleans())
def test_any_received_bag_is_checked_or_refused(files: dict[str, bytes], zipped: bool) -> None:
    with scratch() as folder:
        bag = folder / "terima"
        for name, data in files.items():
            (bag / name).parent.mkdir(parents=True, exist_ok=True)
            (bag / name).write_bytes(data)
        target = bag
        if zipped:
            target = folder / "terima.zip"
            target.write_bytes(_zip_of([(f"terima/{n}", d) for n, d in files.items()]))
        clear_or_result(lambda: verify_bag(target))


@FUZZ
@given(st.binary(max_size=2000))
def test_any_received_zip_bytes_are_refused_clearly(data: bytes) -> None:
    with scratch() as folder:
        target = folder / "terima.zip"
        target.write_bytes(data)
        clear_or_result(lambda: verify_bag(target))


_XML_TEXT = st.characters(blacklist_categories=("Cc", "Cs"))
tag_text = st.one_of(
    st.text(alphabet="{}%#()[]|.'\"=+-*/ abcxyz0123456789_", max_size=40),
    st.builds(lambda t: "{{ " + t + " }}", st.text(_XML_TEXT, max_size=20)),
    st.builds(lambda t: "{% " + t + " %}", st.text(_XML_TEXT, max_size=20)),
)


@FEW
@given(tag_text)
def test_any_template_text_is_checked_and_rendered_or_refused(text: str) -> None:
    with scratch() as folder:
        document = docx.Document()
        document.add_paragraph(text)
        path = folder / "acak.docx"
        document.save(str(path))
        report = check_template(path, context={"nama": "x"}, display="acak.docx")
        assert report.template == "acak.docx"
        clear_or_result(lambda: PreparedTemplate(path).render({"nama": "x"}))


@pytest.fixture(scope="module")
def fuzz_workspace(tmp_path_factory: pytest.TempPathFactory, pristine: Path) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "ws"
    shutil.copytree(pristine, root, symlinks=True)
    return root


SURFACES = ["unit.yaml", "lke.yaml", "inputs/sk-tim.yaml", "inputs/daftar-pegawai.csv"]


@FEW
@given(st.sampled_from(SURFACES), st.one_of(st.binary(max_size=400), mangled_yaml.map(str.encode)))
def test_the_cli_never_answers_galat_internal(
    fuzz_workspace: Path, surface: str, data: bytes
) -> None:
    path = fuzz_workspace / surface
    original = path.read_bytes()
    path.write_bytes(data)
    try:
        command = (
            ["score"]
            if surface in ("unit.yaml", "lke.yaml")
            else [
                "generate",
                str(fuzz_workspace / "inputs" / "pakta-integritas-daftar.yaml")
                if surface.endswith(".csv")
                else str(path),
                "-o",
                str(fuzz_workspace / "out" / "fuzz.docx"),
                "--timpa",
            ]
        )
        result = CliRunner().invoke(cli, ["-w", str(fuzz_workspace), *command])
        assert "Galat internal" not in result.output, result.output
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 1, 3), result.output
    finally:
        path.write_bytes(original)


def test_workspace_loads_the_fuzz_fixture(fuzz_workspace: Path) -> None:
    assert Workspace(fuzz_workspace).profile.year >= 2015
