"""Hostile workspace templates: other files, runaway loops, huge numbers, sandbox escapes,
files that are not .docx. Each is a ``templates check`` finding and a clear ``generate`` error."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import Result
from conftest import clear, snapshot

from zi_docs.documents import environment
from zi_docs.documents.registry import builtin_template
from zi_docs.workspace import Workspace

BUILTIN = builtin_template("sk-tim.docx")


def _template_with(ws: Workspace, tag: str) -> Path:
    document = docx.Document(str(BUILTIN))
    document.paragraphs[0].insert_paragraph_before(tag)
    target = ws.templates_dir / "sk-tim.docx"
    document.save(str(target))
    return target


# (case, tag, finding of templates check or None when only generate can tell, generate message)
CASES = [
    ("include", "{% include 'lain.docx' %}", "tidak didukung", "tidak didukung"),
    ("import", "{% import 'makro' as m %}", "tidak didukung", "tidak didukung"),
    ("from-import", "{% from 'makro' import f %}", "tidak didukung", "tidak didukung"),
    ("extends", "{% extends 'induk.docx' %}", "tidak didukung", "tidak didukung"),
    ("huge-range", "{{ range(10**12)|list|length }}", None, "range() terlalu besar"),
    ("range-literal", "{% for i in range(5000000) %}{% endfor %}", "range()", "range()"),
    ("long-integer", "{{ " + "9" * 5000 + " }}", "terlalu panjang", "terlalu panjang"),
    ("power", "{{ 10 ** 100000 }}", None, "pangkat"),
    ("string-bomb", "{{ 'x' * 3000000000 }}", None, "terlalu panjang"),
    ("list-bomb", "{{ [1] * 3000000000 }}", None, "terlalu panjang"),
    ("class-escape", "{{ ''.__class__.__mro__ }}", None, "diblokir demi keamanan"),
    ("globals-escape", "{{ cycler.__init__.__globals__ }}", None, "diblokir demi keamanan"),
    ("self-escape", "{{ self._TemplateReference__context }}", "self", "self"),
    ("division-by-zero", "{{ 1 / 0 }}", None, "pembagian dengan nol"),
    ("unknown-filter", "{{ nomor|tidakada }}", "filter 'tidakada'", "filter 'tidakada'"),
    ("unknown-variable", "{{ tidak_ada }}", "tidak_ada", "tidak_ada"),
    ("unclosed-for", "{% for x in anggota %}", "tidak ditutup", "tidak ditutup"),
    ("stray-endif", "{% endif %}", "tanpa pembuka", "tanpa pembuka"),
    ("unknown-statement", "{% break %}", "tidak dikenal", "tidak dikenal"),
    ("syntax", "{{ a + }}", "penulisan tag salah", "penulisan tag salah"),
]


@pytest.mark.parametrize(("case", "tag", "finding", "message"), CASES, ids=[c[0] for c in CASES])
def test_templates_check_reports_it(
    zi: Callable[..., Result],
    ws: Workspace,
    case: str,
    tag: str,
    finding: str | None,
    message: str,
) -> None:
    _template_with(ws, tag)
    before = snapshot(ws.root)
    result = zi("templates", "check", "sk-tim")
    if finding is None:
        clear(result, 0, "templates/sk-tim.docx")  # fine to the eye; generate stops it
    else:
        clear(result, 3, "templates/sk-tim.docx (paragraf 1)", finding)
    assert snapshot(ws.root) == before


@pytest.mark.parametrize(("case", "tag", "finding", "message"), CASES, ids=[c[0] for c in CASES])
def test_generate_refuses_it_clearly(
    zi: Callable[..., Result],
    ws: Workspace,
    case: str,
    tag: str,
    finding: str | None,
    message: str,
) -> None:
    _template_with(ws, tag)
    before = snapshot(ws.root)
    out = ws.root / "hasil.docx"
    clear(zi("generate", str(ws.root / "inputs" / "sk-tim.yaml"), "-o", str(out)), 1, message)
    assert not out.exists()
    assert snapshot(ws.root) == before


def test_a_runaway_loop_is_stopped_by_the_time_limit(
    zi: Callable[..., Result], ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(environment, "MAX_RENDER_SECONDS", 0.2)
    _template_with(
        ws, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    out = ws.root / "hasil.docx"
    clear(zi("generate", str(ws.root / "inputs" / "sk-tim.yaml"), "-o", str(out)), 1, "detik")
    assert not out.exists()


def test_output_beyond_the_size_limit_is_stopped(
    zi: Callable[..., Result], ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(environment, "MAX_OUTPUT_CHARS", 200_000)
    _template_with(ws, "{% for i in range(100000) %}isi panjang {{ i }} {% endfor %}")
    out = ws.root / "hasil.docx"
    clear(
        zi("generate", str(ws.root / "inputs" / "sk-tim.yaml"), "-o", str(out)),
        1,
        "terlalu besar",
    )
    assert not out.exists()


def _zip_without_document(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("isi.txt", "bukan word")


NOT_DOCX = [
    ("text", lambda p: p.write_bytes(b"bukan docx")),
    ("empty", lambda p: p.write_bytes(b"")),
    ("zip-without-document", _zip_without_document),
    ("pdf", lambda p: p.write_bytes(b"%PDF-1.4\n%%EOF\n")),
    ("truncated", lambda p: p.write_bytes(BUILTIN.read_bytes()[:3000])),
    ("folder", lambda p: p.mkdir()),
]


@pytest.mark.parametrize(("case", "make"), NOT_DOCX, ids=[c[0] for c in NOT_DOCX])
def test_a_template_that_is_not_a_docx(
    zi: Callable[..., Result], ws: Workspace, case: str, make: Callable[[Path], None]
) -> None:
    make(ws.templates_dir / "sk-tim.docx")
    before = snapshot(ws.root)
    clear(zi("templates", "check", "sk-tim"), 1 if case == "folder" else 3, "sk-tim.docx")
    clear(
        zi("generate", str(ws.root / "inputs" / "sk-tim.yaml"), "-o", str(ws.root / "h.docx")),
        1,
        "sk-tim.docx",
    )
    assert snapshot(ws.root) == before
