"""``templates check``: every problem of a template at once, each with its place.

Tags are checked one by one with Jinja's own parser and compiler (syntax, unknown filters),
block tags are paired across the document (for/if/with ... end), and, when a context is given,
every variable a tag reads — nested ones too (``sk.nomor``, ``p.nama`` inside a loop over
``pegawai``) — is looked up in it.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, nodes

from zi_docs.documents.environment import DOCXTPL_TAGS, make_environment
from zi_docs.documents.template_scan import Tag, scan_docx
from zi_docs.findings import Finding, Severity

_BLOCKS = {"for", "if", "with", "macro", "call", "filter", "block", "autoescape"}
_SIMPLE = {"set", "do"}
_OTHER_FILES = {"include", "import", "from", "extends"}
_MAX_RANGE = 100_000
_JINJA_GLOBALS = {
    "range",
    "dict",
    "lipsum",
    "cycler",
    "joiner",
    "namespace",
    "true",
    "false",
    "none",
    "True",
    "False",
    "None",
}
_DICT_METHODS = {"items", "keys", "values", "get"}
PARSES_KEPT = 4096
"""Tag sources whose parse is kept (the built-in templates have a few hundred tags in all)."""
KEPT_SOURCE_CHARS = 2000
"""A longer tag is parsed every time (the kept parses stay small)."""
ANY: Any = object()
"""Shape of a value whose structure is unknown: anything may be read from it."""
_MISSING: Any = object()


@dataclass(frozen=True)
class TemplateReport:
    """The outcome of checking one template."""

    template: str
    findings: tuple[Finding, ...]
    variables: tuple[str, ...] = ()
    """Every variable path the template reads (``sk.nomor``), sorted."""

    @property
    def ok(self) -> bool:
        return not any(f.severity is Severity.ERROR for f in self.findings)


@dataclass
class _Open:
    keyword: str
    tag: Tag
    scope: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class _Refused:
    """Why a tag's source does not compile, as the check reports it."""

    code: str
    message: str


_ENV = make_environment()
"""Parses and compiles the tags only (it renders nothing, so it is never given a deadline)."""


_TOO_DEEP = "angka atau ungkapan dalam tag terlalu panjang atau bersarang terlalu dalam; perkecil"


def _parse(source: str) -> nodes.Template | _Refused:
    """The tree of one tag's source, or why it does not compile (a ``RecursionError``
    propagates)."""
    try:
        tree = _ENV.parse(source)
        _ENV.compile(tree)  # unknown filters and tests are found by the compiler
    except TemplateSyntaxError as exc:
        return _Refused("templat-sintaks", _explain(exc.message or str(exc)))
    except (ValueError, ArithmeticError):
        return _Refused("templat-melampaui-batas", _TOO_DEEP)
    return tree


@functools.lru_cache(maxsize=PARSES_KEPT)
def _kept_parse(source: str) -> nodes.Template | _Refused:
    """:func:`_parse`, kept by the source text: the outcome depends on that text alone (every
    check compiles in the same environment), and the checker only reads the tree. The
    templates are checked before every render, each time with the same few hundred tags."""
    return _parse(source)


def _explain(message: str) -> str:
    if message.startswith("No filter named"):
        name = message.split("'")[1]
        close = difflib.get_close_matches(name, list(_ENV.filters), n=1)
        hint = f"; maksudnya '{close[0]}'?" if close else ""
        return f"filter '{name}' tidak dikenal{hint}"
    if message.startswith("No test named"):
        return f"uji '{message.split(chr(39))[1]}' tidak dikenal"
    return f"penulisan tag salah ({message})"


class _Checker:
    def __init__(self, display: str, context: Mapping[str, Any] | None) -> None:
        self.display = display
        self.context = context
        self.findings: list[Finding] = []
        self.variables: set[str] = set()
        self.stack: list[_Open] = []

    def fail(self, tag: Tag, message: str, code: str) -> None:
        self.findings.append(
            Finding(message=message, file=self.display, field=tag.place, code=code)
        )

    # ---- syntax -----------------------------------------------------------------------------
    def parse(self, tag: Tag, source: str) -> nodes.Template | None:
        try:
            outcome = _parse(source) if len(source) > KEPT_SOURCE_CHARS else _kept_parse(source)
        except RecursionError:  # depends on the stack at the call too: never kept
            outcome = _Refused("templat-melampaui-batas", _TOO_DEEP)
        if isinstance(outcome, _Refused):
            self.fail(tag, outcome.message, outcome.code)
            return None
        tree = outcome
        for call in tree.find_all(nodes.Call):
            name = call.node.name if isinstance(call.node, nodes.Name) else None
            sizes = [a.value for a in call.args if isinstance(a, nodes.Const)]
            if name == "range" and any(isinstance(v, int) and abs(v) > _MAX_RANGE for v in sizes):
                self.fail(
                    tag,
                    f"range() lebih dari {_MAX_RANGE:,} butir tidak diizinkan; perkecil "
                    "perulangannya".replace(",", "."),
                    "templat-melampaui-batas",
                )
        return tree

    # ---- pairing ----------------------------------------------------------------------------
    def statement(self, tag: Tag) -> None:
        words = tag.body.split(None, 1)
        keyword = words[0] if words else ""
        if keyword in DOCXTPL_TAGS:
            return
        if keyword.startswith("end"):
            self.close(tag, keyword[3:])
        elif keyword in ("elif", "else"):
            opener = self.stack[-1] if self.stack and self.stack[-1].tag.part == tag.part else None
            allowed = ("if", "for") if keyword == "else" else ("if",)
            if opener is None or opener.keyword not in allowed:
                self.fail(
                    tag, f"'{{% {keyword} %}}' tanpa '{{% if %}}' pembuka", "templat-tak-seimbang"
                )
            elif keyword == "elif":
                tree = self.parse(tag, "{% if true %}{% " + tag.body + " %}{% endif %}")
                if tree is not None:
                    self.read(tree.body[0].elif_[0].test, tag)  # type: ignore[attr-defined]
        elif keyword in _BLOCKS or (keyword == "set" and "=" not in tag.body):
            tree = self.parse(tag, "{% " + tag.body + " %}{% end" + keyword + " %}")
            scope = self.bind(tree.body[0], tag) if tree is not None else {}
            self.stack.append(_Open(keyword, tag, scope))
        elif keyword in _OTHER_FILES:
            self.fail(
                tag,
                f"'{{% {keyword} %}}' tidak didukung: templat .docx harus berdiri sendiri, tanpa "
                "berkas templat lain; salin isinya ke templat ini",
                "templat-berkas-lain",
            )
        elif keyword in _SIMPLE:
            tree = self.parse(tag, "{% " + tag.body + " %}")
            if tree is not None and self.stack and tree.body:
                self.stack[-1].scope.update(self.bind(tree.body[0], tag))
            elif tree is not None and tree.body:
                self.bind(tree.body[0], tag)
        else:
            self.fail(
                tag,
                f"perintah '{keyword}' tidak dikenal dalam tag '{{% {tag.body} %}}'",
                "templat-sintaks",
            )

    def close(self, tag: Tag, keyword: str) -> None:
        names = [o.keyword for o in self.stack if o.tag.part == tag.part]
        if keyword not in names:
            self.fail(
                tag,
                f"penutup '{{% end{keyword} %}}' tanpa pembuka '{{% {keyword} %}}'",
                "templat-tak-seimbang",
            )
            return
        while self.stack:
            opened = self.stack.pop()
            if opened.keyword == keyword:
                return
            self.unclosed(opened, f" sebelum '{{% end{keyword} %}}' di {tag.place}")

    def unclosed(self, opened: _Open, where: str = "") -> None:
        self.fail(
            opened.tag,
            f"'{{% {opened.tag.body} %}}' tidak ditutup dengan "
            f"'{{% end{opened.keyword} %}}'{where}",
            "templat-tak-seimbang",
        )

    def finish_part(self) -> None:
        while self.stack:
            self.unclosed(self.stack.pop())

    # ---- variables --------------------------------------------------------------------------
    def bind(self, node: nodes.Node, tag: Tag) -> dict[str, Any]:
        """Check what a block tag reads; return the names it binds."""
        if isinstance(node, nodes.For):
            self.read(node.iter, tag)
            element = self.shape(node.iter)
            element = element[0] if isinstance(element, (list, tuple)) and element else ANY
            names = _names(node.target)
            scope = {name: element if len(names) == 1 else ANY for name in names}
            scope["loop"] = ANY
            if node.test is not None:
                self.read(node.test, tag, scope)
            return scope
        if isinstance(node, (nodes.Assign, nodes.AssignBlock)):
            if isinstance(node, nodes.Assign):
                self.read(node.node, tag)
            return {name: ANY for name in _names(node.target)}
        if isinstance(node, nodes.With):
            for value in node.values:
                self.read(value, tag)
            return {name: ANY for t in node.targets for name in _names(t)}
        if isinstance(node, nodes.If):
            self.read(node.test, tag)
        elif isinstance(node, nodes.Macro):
            return {a.name: ANY for a in node.args}
        return {}

    def lookup(self, name: str, scope: Mapping[str, Any] | None = None) -> Any:
        for frame in [scope or {}, *(o.scope for o in reversed(self.stack))]:
            if name in frame:
                return frame[name]
        if self.context is not None and name in self.context:
            return self.context[name]
        return ANY if name in _JINJA_GLOBALS or self.context is None else _MISSING

    def shape(self, node: nodes.Node, scope: Mapping[str, Any] | None = None) -> Any:
        chain = _chain(node)
        if chain is None:
            return ANY
        value = self.lookup(str(chain[0]), scope)
        if value is _MISSING:
            return ANY
        for key in chain[1:]:
            if isinstance(value, Mapping) and key in value:
                value = value[key]
                continue
            if isinstance(value, (list, tuple)) and isinstance(key, int) and key < len(value):
                value = value[key]
                continue
            return ANY
        return value

    def read(self, expr: nodes.Node, tag: Tag, scope: Mapping[str, Any] | None = None) -> None:
        """Check every variable path ``expr`` reads against the context."""
        for node in _outermost_chains(expr):
            chain = _chain(node)
            if chain is None:
                continue
            path = ".".join(str(k) for k in chain)
            self.variables.add(path)
            if self.context is None:
                continue
            self._resolve(chain, path, tag, scope)

    def _resolve(
        self, chain: list[str | int], path: str, tag: Tag, scope: Mapping[str, Any] | None
    ) -> None:
        root = str(chain[0])
        value = self.lookup(root, scope)
        if value is _MISSING:
            self._unknown(tag, path, root, list(self.context or {}))
            return
        walked = root
        for key in chain[1:]:
            if value is ANY or not isinstance(value, Mapping):
                return
            if key not in value:
                if key in _DICT_METHODS:
                    return
                self._unknown(tag, path, f"{walked}.{key}", [f"{walked}.{k}" for k in value])
                return
            value, walked = value[key], f"{walked}.{key}"

    def _unknown(self, tag: Tag, path: str, missing: str, options: list[str]) -> None:
        close = difflib.get_close_matches(missing, options, n=1)
        hint = f"; maksudnya '{close[0]}'?" if close else ""
        if missing.startswith("tambahan."):
            name = missing.split(".")[1]
            hint = (
                f"; isian ini tidak ada di skema bawaan: tuliskan di berkas masukan di bawah "
                f"'tambahan:', misalnya 'tambahan:' lalu '  {name}: ...'"
            )
        self.fail(
            tag,
            f"variabel '{missing}' (dalam '{path}') tidak disediakan oleh isian{hint}",
            "templat-variabel-tak-dikenal",
        )


def _names(target: nodes.Node) -> list[str]:
    """Names bound by an assignment target (``x`` or ``k, v``)."""
    if isinstance(target, nodes.Name):
        return [target.name]
    return [n.name for n in target.find_all(nodes.Name)]


def _chain(node: nodes.Node) -> list[str | int] | None:
    keys: list[str | int] = []
    while True:
        if isinstance(node, nodes.Getattr):
            keys.append(node.attr)
            node = node.node
        elif (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, (str, int))
        ):
            keys.append(node.arg.value)
            node = node.node
        elif isinstance(node, nodes.Name):
            return [node.name, *reversed(keys)]
        else:
            return None


def _outermost_chains(expr: nodes.Node) -> list[nodes.Node]:
    """Name/Getattr/Getitem chains in ``expr``, each reported once at its longest."""
    found: list[nodes.Node] = []

    def visit(node: nodes.Node) -> None:
        if _chain(node) is not None:
            found.append(node)
            return
        for child in node.iter_child_nodes():
            visit(child)

    visit(expr)
    return found


def check_template(
    path: Path, *, context: Mapping[str, Any] | None = None, display: str | None = None
) -> TemplateReport:
    """Lint the template at ``path``; with ``context`` also check every variable it reads."""
    shown = display or str(path)
    scan = scan_docx(path, shown)
    checker = _Checker(shown, context)
    part = None
    for tag in scan.tags:
        if tag.part != part:
            checker.finish_part()
            part = tag.part
        if tag.kind == "{{":
            tree = checker.parse(tag, "{{ " + tag.body + " }}")
            if tree is not None and tree.body:
                output = tree.body[0]
                for expr in getattr(output, "nodes", []):
                    checker.read(expr, tag)
        elif tag.kind == "{%":
            checker.statement(tag)
    checker.finish_part()
    if context is None and scan.tags:
        checker.findings.append(
            Finding(
                message="variabel tidak diperiksa karena jenis dokumennya tidak diketahui; "
                "sebutkan dengan --jenis",
                severity=Severity.INFO,
                file=shown,
                code="templat-tanpa-jenis",
            )
        )
    return TemplateReport(
        template=shown,
        findings=(*scan.problems, *checker.findings),
        variables=tuple(sorted(checker.variables)),
    )
