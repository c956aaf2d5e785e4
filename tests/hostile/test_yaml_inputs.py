"""Broken YAML in each file a user edits: unit.yaml, lke.yaml and a document input."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import Result
from conftest import clear, snapshot

from zi_docs.workspace import Workspace

LAUGHS = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)

# (case, text, line the message must name or None, a phrase of the message)
CASES = [
    ("nul", "a: b\x00c\n", 1, "karakter kendali"),
    ("bell", "a: 1\nb: x\x07y\n", 2, "karakter kendali"),
    ("escape-char", "a: 1\nb: \x1b[31m\n", 2, "karakter kendali"),
    ("tab-indent", "a:\n\tb: 1\n", 2, "tab"),
    ("unclosed-quote", 'a: "abc\nb: 1\n', None, "tanda kutip"),
    ("unclosed-bracket", "a: [1, 2\nb: 3\n", None, "'['"),
    ("unclosed-brace", "a: {x: 1\n", None, "'{'"),
    ("colon-in-value", "a: b: c\n", 1, "titik dua"),
    ("bad-indent", "a:\n  b: 1\n c: 2\n", 3, "indentasi"),
    ("star-value", "a: *\n", 1, "'*'"),
    ("undefined-alias", "a: *tidakada\n", 1, "'*'"),
    ("two-documents", "a: 1\n---\nb: 2\n", 2, "lebih dari satu dokumen"),
    ("duplicate-key", "a: 1\na: 2\n", 2, "dua kali"),
    ("tag-on-key", "!!binary abc: 1\n", 1, "tanda '!!binary'"),
    ("python-tag-on-key", "? !!python/object:os.system ls\n: 1\n", 1, "!!python/object"),
    ("mapping-as-key", "{a: 1}: 2\n", 1, "nama isian harus teks"),
    ("list-as-key", "[1, 2]: 3\n", 1, "nama isian harus teks"),
    ("merge-scalar", "a:\n  <<: 5\n", 2, "'<<'"),
    ("merge-list-of-scalars", "a:\n  <<: [1, 2]\n", 2, "'<<'"),
    ("recursive-anchor", "a: &x\n  b: *x\n", 1, "dirinya sendiri"),
    ("recursive-list", "a: &x [*x]\n", 1, "dirinya sendiri"),
    ("billion-laughs", LAUGHS, None, "alias"),
    ("deep-nesting", "a: " + "[" * 3000 + "]" * 3000 + "\n", 1, "bersarang"),
    ("bad-unicode-escape", 'a: "\\ud800"\n', 1, "kode karakter"),
    ("unknown-escape", 'a: "C:\\data"\n', 1, "garis miring"),
    ("percent-start", "%a: 1\n", 1, "penulisan YAML salah"),
    ("at-start", "a: @x\n", 1, "karakter"),
    ("backtick-start", "a: `x`\n", 1, "karakter"),
]


def _non_utf8(path_text: str) -> bytes:
    return path_text.encode("cp1252")


FILES = {
    "unit.yaml": ("score",),
    "lke.yaml": ("score",),
    "inputs/sk-tim.yaml": ("generate", "{input}"),
}


def _run(zi: Callable[..., Result], ws: Workspace, target: str) -> Result:
    command = [a.format(input=str(ws.root / target)) for a in FILES[target]]
    return zi(*command)


@pytest.mark.parametrize("target", list(FILES))
@pytest.mark.parametrize(("case", "text", "line", "phrase"), CASES, ids=[c[0] for c in CASES])
def test_broken_yaml_is_a_file_line_message(
    zi: Callable[..., Result],
    ws: Workspace,
    target: str,
    case: str,
    text: str,
    line: int | None,
    phrase: str,
) -> None:
    path = ws.root / target
    path.write_text(text, encoding="utf-8")
    before = snapshot(ws.root)
    output = clear(_run(zi, ws, target), 1, target, phrase)
    if line is not None:
        assert f"{target}:{line}" in output, output
    assert snapshot(ws.root) == before


ENCODINGS = [
    ("latin-1", "nama: Caf\u00e9\n".encode("latin-1"), "UTF-8"),
    ("utf-16", "nama: x\n".encode("utf-16"), "UTF-8"),
    ("binary", bytes(range(256)) * 4, "UTF-8"),
]


@pytest.mark.parametrize("target", list(FILES))
@pytest.mark.parametrize(("case", "raw", "phrase"), ENCODINGS, ids=[c[0] for c in ENCODINGS])
def test_a_file_that_is_not_utf8_text(
    zi: Callable[..., Result], ws: Workspace, target: str, case: str, raw: bytes, phrase: str
) -> None:
    (ws.root / target).write_bytes(raw)
    before = snapshot(ws.root)
    clear(_run(zi, ws, target), 1, target, phrase)
    assert snapshot(ws.root) == before


SHAPES = [
    ("empty", ""),
    ("only-comment", "# kosong\n"),
    ("a-list", "- a\n- b\n"),
    ("a-scalar", "halo\n"),
    ("null", "~\n"),
]


@pytest.mark.parametrize("target", ["unit.yaml", "inputs/sk-tim.yaml"])
@pytest.mark.parametrize(("case", "text"), SHAPES, ids=[c[0] for c in SHAPES])
def test_a_document_of_the_wrong_shape(
    zi: Callable[..., Result], ws: Workspace, target: str, case: str, text: str
) -> None:
    (ws.root / target).write_text(text, encoding="utf-8")
    before = snapshot(ws.root)
    clear(_run(zi, ws, target), 1, target)
    assert snapshot(ws.root) == before
