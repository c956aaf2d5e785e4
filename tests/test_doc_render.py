"""The render engine: escaping, hostile text through every field, sandbox, strictness."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from hostile_text import DOCUMENT_TEXTS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zi_docs.documents.environment import clean_text, make_environment
from zi_docs.documents.generation import _load
from zi_docs.documents.registry import get_kind, template_path
from zi_docs.documents.render import PreparedTemplate
from zi_docs.errors import InvalidInputError
from zi_docs.workspace import Workspace, init_workspace


def _all_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _simple_template(tmp_path: Path, *lines: str) -> Path:
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    path = tmp_path / "t.docx"
    doc.save(str(path))
    return path


def test_values_are_escaped_and_never_executed(tmp_path: Path) -> None:
    template = PreparedTemplate(_simple_template(tmp_path, "{{ a }}", "{{ b }}", "{{ c }}"))
    data = template.render(
        {
            "a": "Dinas Koperasi & UKM <Kota> \"A\" 'B'",
            "b": "{{ 7*7 }} {% for x in y %}{_{ z }_}",
            "c": "baris satu\nbaris dua\tkolom\x00\x07\x0c",
        }
    )
    texts = [p.text for p in Document(io.BytesIO(data)).paragraphs]
    assert texts == [
        "Dinas Koperasi & UKM <Kota> \"A\" 'B'",
        "{{ 7*7 }} {% for x in y %}{_{ z }_}",
        "baris satu\nbaris dua\tkolom",
    ]


def test_missing_variable_is_an_error(tmp_path: Path) -> None:
    template = PreparedTemplate(_simple_template(tmp_path, "{{ sk.nomor }}"))
    with pytest.raises(InvalidInputError) as caught:
        template.render({"sk": {}})
    assert "nomor" in caught.value.findings[0].message


def test_sandbox_blocks_internals(tmp_path: Path) -> None:
    template = PreparedTemplate(_simple_template(tmp_path, "{{ x.__class__.__mro__ }}"))
    with pytest.raises(InvalidInputError):
        template.render({"x": "a"})
    assert make_environment().is_safe_attribute("a", "__class__", "") is False


def test_prepared_template_renders_many(tmp_path: Path) -> None:
    template = PreparedTemplate(_simple_template(tmp_path, "Nama: {{ n|nama }}"))
    outputs = [template.render({"n": name}) for name in ("ANI", "BUDI", "CICI")]
    assert [_all_text(o) for o in outputs] == ["Nama: Ani", "Nama: Budi", "Nama: Cici"]


def test_a_template_rewritten_in_place_renders_its_new_text(tmp_path: Path) -> None:
    """Compiled parts are kept by their text: the same path with another text is compiled
    anew, and the first text is still served to a template that holds it."""
    path = _simple_template(tmp_path, "Lama: {{ n }}")
    assert _all_text(PreparedTemplate(path).render({"n": "a"})) == "Lama: a"
    _simple_template(tmp_path, "Baru: {{ n }} {{ m }}")
    rewritten = PreparedTemplate(path)
    assert _all_text(rewritten.render({"n": "b", "m": "c"})) == "Baru: b c"
    with pytest.raises(InvalidInputError):
        rewritten.render({"n": "b"})  # the new text's variable, strict as ever
    _simple_template(tmp_path, "Lama: {{ n }}")
    assert _all_text(PreparedTemplate(path).render({"n": "d"})) == "Lama: d"


def test_media_places_an_image(workspace: Workspace, tmp_path: Path) -> None:
    template = PreparedTemplate(_simple_template(tmp_path, "Logo: {{ logo }}", "{{ logo }}"))
    logo = workspace.logo_path()
    assert logo is not None
    first = template.render({"logo": template.media.image(logo, height_mm=20)})
    second = template.render({"logo": template.media.image(logo.read_bytes(), width_mm=10)})
    for data in (first, second):
        doc = Document(io.BytesIO(data))
        assert len(doc.inline_shapes) == 2
        ids = [
            el.get("id")
            for el in doc.element.body.iter(
                "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
            )
        ]
        assert len(set(ids)) == 2


# ---- hostile text through every field ---------------------------------------------------------
HOSTILE = st.one_of(
    st.sampled_from(DOCUMENT_TEXTS),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=80),
)


def _visible(text: str) -> str:
    """What must appear literally: the cleaned value (kinds may change its final ';' or '.')."""
    return clean_text(text).strip().rstrip(" ;.,")


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of every free-text leaf (dates and NIPs excluded)."""
    found: list[tuple[Any, ...]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found.extend(_paths(value, (*prefix, i)))
    elif isinstance(data, str) and prefix[-1] not in ("nip",) and data != "-":
        found.append(prefix)
    return found


def _set(data: Any, path: tuple[Any, ...], value: str) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    workspace = init_workspace(tmp_path_factory.mktemp("hostile") / "ws").workspace
    result = {}
    for name, source in (
        ("sk-tim", "sk-tim.yaml"),
        ("pakta-integritas", "pakta-integritas.yaml"),
        ("piagam", "piagam.yaml"),
    ):
        kind = get_kind(name)
        data = _load(workspace, kind, workspace.inputs_dir / source)
        template = PreparedTemplate(template_path(kind, workspace), page=workspace.profile.page)
        result[name] = (kind, data, template, workspace)
    return result


@pytest.mark.parametrize("name", ["sk-tim", "pakta-integritas", "piagam"])
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_hostile_text_in_every_field(prepared: dict[str, Any], name: str, data: Any) -> None:
    kind, clean, template, workspace = prepared[name]
    values = copy.deepcopy(clean)
    paths = _paths(values)
    assert paths
    chosen = data.draw(st.lists(st.sampled_from(paths), min_size=1, max_size=4, unique=True))
    written = []
    for path in chosen:
        value = data.draw(HOSTILE).strip() or "x"
        if not _visible(value):
            value = "x"
        _set(values, path, value)
        written.append(value)
    context = kind.build_context(values, workspace, template.media)
    output = template.render(context)
    text = _all_text(output)
    for value in written:
        assert _visible(value) in text
