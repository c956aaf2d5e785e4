"""YAML in, with line numbers kept, so every problem can name its file and line.

PyYAML's safe loader is used for scalars; mappings and sequences are built here so that
each value's line is recorded under its path, and duplicate keys (which PyYAML silently
overwrites) are reported instead of losing data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zi_docs.errors import InvalidInputError
from zi_docs.findings import Finding

if TYPE_CHECKING:
    import yaml

PathKey = tuple[str | int, ...]


def _loader(text: str) -> Any:
    """libyaml's parser when PyYAML was built with it (about 10x faster on the catalogue); the
    mapping and sequence building below is ours either way, so behaviour is the same. PyYAML
    loads on the first parse, not when zi-docs starts."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)


def format_path(path: PathKey) -> str:
    """``("anggota", 2, "nip")`` -> ``anggota[3].nip`` (list positions shown from 1)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True)
class YamlDoc:
    """A parsed YAML file: its data and the line of every value in it."""

    data: Any
    file: str
    """The file name as it should appear in messages."""
    lines: Mapping[PathKey, int] = field(default_factory=dict)

    def line_of(self, path: PathKey) -> int | None:
        """The line of ``path``, or of its nearest parent that has one."""
        probe = tuple(path)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.lines.get((), None)

    def finding(self, path: PathKey, message: str, *, code: str = "") -> Finding:
        """An error finding placed at ``path`` of this file."""
        return Finding(
            message=message,
            file=self.file,
            line=self.line_of(path),
            field=format_path(path) or None,
            code=code,
        )


MAX_ALIAS_NODES = 10_000
"""Values a document may repeat through aliases (``*nama``) in all: a few hundred bytes of
nested aliases ("billion laughs") would otherwise expand to gigabytes."""


class _Stop(Exception):
    """The document cannot be built further; the finding says why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


class _Builder:
    def __init__(self, loader: Any, file: str) -> None:
        self.loader = loader
        self.file = file
        self.lines: dict[PathKey, int] = {}
        self.problems: list[Finding] = []
        self._built: set[int] = set()
        self._open: set[int] = set()
        self._alias_depth = 0
        self._alias_nodes = 0

    def _stop(self, node: yaml.Node, message: str, code: str) -> _Stop:
        return _Stop(
            Finding(message=message, file=self.file, line=node.start_mark.line + 1, code=code)
        )

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        key = id(node)
        if key in self._open:
            raise self._stop(
                node,
                "jangkar (&nama) dipakai di dalam dirinya sendiri (*nama), sehingga isinya tidak "
                "pernah selesai; salin isinya atau hapus aliasnya",
                "yaml-alias-melingkar",
            )
        repeated = key in self._built
        self._built.add(key)
        self._open.add(key)
        self._alias_depth += repeated
        try:
            if self._alias_depth:
                self._alias_nodes += 1
                if self._alias_nodes > MAX_ALIAS_NODES:
                    raise self._stop(
                        node,
                        f"alias (*nama) mengulang isi lebih dari {MAX_ALIAS_NODES} nilai; "
                        "tulis isinya langsung, tanpa alias bersarang",
                        "yaml-alias-berlebih",
                    )
            return self._build(node, path)
        finally:
            self._open.discard(key)
            self._alias_depth -= repeated

    def _key(self, key_node: yaml.Node) -> Any:
        import yaml

        if not isinstance(key_node, yaml.ScalarNode):
            raise self._stop(
                key_node,
                "nama isian harus teks biasa, bukan daftar atau kelompok; beri tanda kutip",
                "yaml-nama-isian",
            )
        try:
            return self.loader.construct_object(key_node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError):
            raise self._stop(
                key_node,
                f"nama isian '{key_node.value}' memakai tanda "
                f"'{key_node.tag.replace('tag:yaml.org,2002:', '!!')}' yang tidak dikenal; hapus "
                "tanda '!...' di depannya",
                "yaml-nama-isian",
            ) from None

    def _build(self, node: yaml.Node, path: PathKey) -> Any:
        import yaml

        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            try:
                self.loader.flatten_mapping(node)
            except yaml.constructor.ConstructorError:
                raise self._stop(
                    node,
                    "kunci gabungan '<<' harus berisi alias kelompok (*nama) atau daftar alias "
                    "kelompok; perbaiki atau hapus baris '<<'",
                    "yaml-gabungan",
                ) from None
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self._key(key_node)
                if not isinstance(key, (str, int, float, bool)) and key is not None:
                    key = str(key)
                key_path = (*path, str(key))
                if key in result:
                    self.problems.append(
                        Finding(
                            message=f"kunci '{key}' ditulis dua kali; hapus salah satunya",
                            file=self.file,
                            line=key_node.start_mark.line + 1,
                            field=format_path(key_path),
                            code="yaml-kunci-ganda",
                        )
                    )
                    continue
                self.lines[key_path] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, key_path)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError):
            # e.g. an impossible date such as 2026-02-30: keep the text, so the schema that
            # expects a date reports it with its line instead of a traceback here.
            return str(node.value)


# PyYAML's problem texts (prefixes) in words a clerk can act on
_SYNTAX_PROBLEMS = (
    (
        "found character",
        "ada karakter yang tidak boleh di sini (tab, atau '@' '`' '%' di awal nilai); pakai spasi "
        "untuk indentasi dan beri tanda kutip pada nilai itu",
    ),
    ("found a tab character", "ada karakter tab; pakai spasi untuk indentasi"),
    (
        "mapping values are not allowed",
        "tanda titik dua di tempat yang tidak diharapkan; beri tanda kutip pada nilai yang "
        "memuat ':'",
    ),
    ("did not find expected ',' or ']'", "kurung siku '[' belum ditutup dengan ']'"),
    ("did not find expected ',' or '}'", "kurung kurawal '{' belum ditutup dengan '}'"),
    ("found unexpected end of stream", "tanda kutip belum ditutup"),
    ("could not find expected ':'", "tanda titik dua ':' setelah nama isian tidak ada"),
    ("did not find expected key", "indentasi tidak sejajar dengan baris di atasnya"),
    ("expected <block end>", "indentasi tidak sejajar dengan baris di atasnya"),
    (
        "did not find expected alphabetic or numeric character",
        "nilai diawali '*' atau '&'; beri tanda kutip pada nilai itu",
    ),
    (
        "did not find expected '-' indicator",
        "daftar tidak rapi: setiap butir diawali '- ' dengan indentasi yang sama",
    ),
    (
        "expected alphabetic or numeric character",
        "nilai diawali '*' atau '&'; beri tanda kutip pada nilai itu",
    ),
    ("found undefined alias", "nilai diawali '*'; beri tanda kutip pada nilai itu"),
    (
        "but found another document",
        "berkas memuat lebih dari satu dokumen (baris '---' atau '...'); hapus pemisah itu",
    ),
    ("exceeded maximum nesting depth", "daftar atau kelompok bersarang terlalu dalam"),
    (
        "found invalid Unicode character escape",
        "kode karakter '\\u...' di dalam tanda kutip tidak sah; tulis hurufnya langsung",
    ),
    (
        "found unknown escape character",
        "garis miring terbalik '\\' di dalam tanda kutip ganda; pakai tanda kutip tunggal",
    ),
)


def _syntax_message(problem: str) -> str:
    for prefix, explanation in _SYNTAX_PROBLEMS:
        if problem.startswith(prefix):
            return f"penulisan YAML salah: {explanation} (periksa baris ini dan di atasnya)"
    detail = f" ({problem})" if problem else ""
    return (
        f"penulisan YAML salah{detail}; periksa indentasi, tanda titik dua, dan tanda kutip di "
        "sekitar baris ini"
    )


def _invalid(file: str, message: str, line: int | None, code: str) -> InvalidInputError:
    return InvalidInputError(
        f"{file} bukan YAML yang sah",
        [Finding(message=message, file=file, line=line, code=code)],
    )


def parse_yaml(text: str, file: str) -> YamlDoc:
    """Parse YAML text; raise :class:`InvalidInputError` naming the line on any problem."""
    import yaml

    loader = _loader(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.reader.ReaderError as exc:
            line: int | None = text[: exc.position].count("\n") + 1
            raise _invalid(
                file,
                f"ada karakter kendali tak terlihat (kode U+{exc.character:04X}) di baris ini, "
                "biasanya tersalin dari PDF atau Word; hapus karakter itu lalu simpan lagi",
                line,
                "yaml-karakter-kendali",
            ) from None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise _invalid(
                file,
                _syntax_message(exc.problem or ""),
                mark.line + 1 if mark else None,
                "yaml-sintaks",
            ) from None
        except RecursionError:
            raise _invalid(
                file,
                "isinya bersarang terlalu dalam; sederhanakan susunan daftar dan kelompoknya",
                None,
                "yaml-terlalu-dalam",
            ) from None
        if node is None:
            return YamlDoc(data=None, file=file, lines={})
        builder = _Builder(loader, file)
        try:
            data = builder.build(node, ())
        except _Stop as stop:
            raise InvalidInputError(f"{file} bukan YAML yang sah", [stop.finding]) from None
        except RecursionError:
            raise _invalid(
                file,
                "isinya bersarang terlalu dalam (atau alias merujuk dirinya sendiri); "
                "sederhanakan susunannya",
                node.start_mark.line + 1,
                "yaml-terlalu-dalam",
            ) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise InvalidInputError(f"{file} memuat kunci ganda", builder.problems)
    return YamlDoc(data=data, file=file, lines=builder.lines)


def load_yaml(path: Path, *, display: str | None = None) -> YamlDoc:
    """Read and parse a YAML file (UTF-8, BOM tolerated)."""
    name = display or str(path)
    return _decode_and_parse(_read_bytes(path, name), name)


SHARED_KEPT = 64
"""Parsed files :func:`read_yaml_shared` keeps (a workspace has a score of input files)."""


def read_yaml_shared(path: Path, *, display: str | None = None) -> YamlDoc:
    """What :func:`load_yaml` gives, for reading only: the parse is shared by every read of
    the same bytes under the same name (a check reads every input file of the workspace, and
    each page runs the check). Keyed by the content itself, it is never stale; callers must
    not change the data it returns."""
    name = display or str(path)
    return _shared_parse(_read_bytes(path, name), name)


@lru_cache(maxsize=SHARED_KEPT)
def _shared_parse(raw: bytes, name: str) -> YamlDoc:
    return _decode_and_parse(raw, name)


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InvalidInputError(
            f"berkas {name} tidak ditemukan",
            [Finding(message="berkas tidak ada; periksa nama dan foldernya", file=name)],
        ) from None
    except IsADirectoryError:
        raise InvalidInputError(
            f"{name} adalah folder, bukan berkas YAML",
            [Finding(message="ini folder; yang diperlukan berkas .yaml", file=name)],
        ) from None
    except OSError as exc:
        reason = "tidak ada izin membaca" if isinstance(exc, PermissionError) else exc.strerror
        raise InvalidInputError(
            f"berkas {name} tidak dapat dibaca",
            [Finding(message=f"tidak dapat dibaca ({reason})", file=name)],
        ) from None


def _decode_and_parse(raw: bytes, name: str) -> YamlDoc:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InvalidInputError(
            f"{name} bukan teks UTF-8",
            [
                Finding(
                    message="berkas bukan UTF-8; simpan ulang sebagai UTF-8 dari editor teks",
                    file=name,
                    line=line,
                    code="yaml-pengodean",
                )
            ],
        ) from None
    return parse_yaml(text, name)


def dump_yaml(data: Any) -> str:
    """YAML text for data the tool writes (block style, Unicode kept, key order kept)."""
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
