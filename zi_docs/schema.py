"""Declarative validation of YAML inputs: every problem is collected with file, line and field.

A schema is a :class:`Record` of :class:`Field` s. ``validate(doc, schema)`` returns the
cleaned data (plain dicts, lists, str, int, float, date) or raises
:class:`~zi_docs.errors.InvalidInputError` listing *all* problems at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from zi_docs.errors import InvalidInputError
from zi_docs.findings import Finding
from zi_docs.yamlio import PathKey, YamlDoc

_MISSING = object()


def did_you_mean(word: str, options: Sequence[str]) -> str:
    """``"; maksudnya 'catatan'?"`` for the option closest to a mistyped ``word``, else ``""``."""
    close = difflib.get_close_matches(word, options, n=1)
    return f"; maksudnya '{close[0]}'?" if close else ""


@dataclass
class Context:
    """What a check needs: the document (for lines) and the problems found so far."""

    doc: YamlDoc
    problems: list[Finding] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    """Things particular checks need, e.g. ``catalogue`` for LKE ids."""

    def fail(self, path: PathKey, message: str, code: str = "") -> None:
        self.problems.append(self.doc.finding(path, message, code=code))


class Kind:
    """A kind of value. ``describe`` is shown to users in ``templates show``."""

    describe = "nilai"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        raise NotImplementedError

    def example(self) -> Any:
        return None


class Text(Kind):
    def __init__(
        self, *, max_len: int | None = None, pattern: str | None = None, pattern_hint: str = ""
    ) -> None:
        self.max_len = max_len
        self.pattern = re.compile(pattern) if pattern else None
        self.pattern_hint = pattern_hint
        self.describe = "teks"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
            ctx.fail(path, "harus berupa teks", "jenis-teks")
            return None
        text = str(value).strip()
        if not text:
            ctx.fail(path, "tidak boleh kosong", "kosong")
            return None
        if self.max_len and len(text) > self.max_len:
            ctx.fail(
                path,
                f"terlalu panjang ({len(text)} karakter, paling banyak {self.max_len})",
                "terlalu-panjang",
            )
        if self.pattern and not self.pattern.fullmatch(text):
            ctx.fail(path, self.pattern_hint or "bentuknya tidak sesuai", "pola")
        return text

    def example(self) -> Any:
        return "..."


class Integer(Kind):
    def __init__(self, *, minimum: int | None = None, maximum: int | None = None) -> None:
        self.minimum, self.maximum = minimum, maximum
        self.describe = "bilangan bulat"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            ctx.fail(path, "harus bilangan bulat", "jenis-bilangan")
            return None
        try:
            number = int(str(value).replace(".", "").strip()) if isinstance(value, str) else value
        except ValueError:
            ctx.fail(path, f"'{value}' bukan bilangan bulat", "jenis-bilangan")
            return None
        return _check_range(number, self.minimum, self.maximum, path, ctx)

    def example(self) -> Any:
        return self.minimum or 1


class Number(Kind):
    def __init__(self, *, minimum: float | None = None, maximum: float | None = None) -> None:
        self.minimum, self.maximum = minimum, maximum
        self.describe = "angka"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, bool):
            ctx.fail(path, "harus angka", "jenis-angka")
            return None
        if isinstance(value, str):
            try:
                value = float(value.strip().replace(",", "."))
            except ValueError:
                ctx.fail(path, f"'{value}' bukan angka", "jenis-angka")
                return None
        if not isinstance(value, (int, float)):
            ctx.fail(path, "harus angka", "jenis-angka")
            return None
        return _check_range(value, self.minimum, self.maximum, path, ctx)

    def example(self) -> Any:
        return self.minimum or 0


_RUPIAH = re.compile(r"\d{1,3}(?:\.\d{3})+|\d+")


class Rupiah(Kind):
    """An amount in whole rupiah: ``4000000``, ``"4.000.000"``, ``"Rp 4.000.000,00"``,
    ``"Rp4.000.000,-"``. A bare ``4.000`` is a fraction to YAML (4,0): refused with a hint."""

    describe = 'rupiah, mis. 4000000 atau "4.000.000"'

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, bool) or value is None:
            ctx.fail(path, "harus jumlah rupiah, mis. 4000000", "jenis-rupiah")
            return None
        if isinstance(value, int):
            return _check_range(value, 0, None, path, ctx)
        if isinstance(value, float):
            ctx.fail(
                path,
                f"{value:g} terbaca sebagai pecahan, bukan ribuan rupiah; tulis tanpa titik "
                '(mis. 4000000) atau dalam tanda kutip ("4.000.000")',
                "rupiah-bertitik",
            )
            return None
        text = re.sub(r"^rp\.?\s*", "", str(value).strip(), flags=re.IGNORECASE)
        text = re.sub(r",(?:-|0{1,2})$", "", text.replace(" ", ""))
        if not _RUPIAH.fullmatch(text):
            ctx.fail(
                path,
                f"'{value}' bukan jumlah rupiah (contoh: 4000000 atau \"4.000.000\")",
                "jenis-rupiah",
            )
            return None
        return int(text.replace(".", ""))

    def example(self) -> Any:
        return 4000000


def _check_range(number: Any, lo: Any, hi: Any, path: PathKey, ctx: Context) -> Any:
    if lo is not None and number < lo:
        ctx.fail(path, f"tidak boleh kurang dari {lo} (tertulis {number})", "rentang")
    if hi is not None and number > hi:
        ctx.fail(path, f"tidak boleh lebih dari {hi} (tertulis {number})", "rentang")
    return number


class Boolean(Kind):
    describe = "ya/tidak (true/false)"
    _WORDS: ClassVar[dict[str, bool]] = {"ya": True, "true": True, "tidak": False, "false": False}

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in self._WORDS:
            return self._WORDS[value.strip().lower()]
        ctx.fail(path, "harus ya atau tidak (true/false)", "jenis-ya-tidak")
        return None

    def example(self) -> Any:
        return True


def as_date(value: Any) -> dt.date | None:
    """A date from YAML (a date, a datetime, or ``TTTT-BB-HH`` text); None if it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


class Date(Kind):
    describe = "tanggal (TTTT-BB-HH, misalnya 2026-01-15)"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        day = as_date(value)
        if day is not None:
            return day
        ctx.fail(
            path,
            f"'{value}' bukan tanggal; tulis sebagai TTTT-BB-HH, misalnya 2026-01-15",
            "jenis-tanggal",
        )
        return None

    def example(self) -> Any:
        return dt.date(2026, 1, 15)


class Choice(Kind):
    def __init__(self, options: Sequence[str], *, case_insensitive: bool = True) -> None:
        self.options = tuple(options)
        self.case_insensitive = case_insensitive
        self.describe = "salah satu dari: " + ", ".join(self.options)

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        text = str(value).strip() if value is not None else ""
        for option in self.options:
            if text == option or (self.case_insensitive and text.lower() == option.lower()):
                return option
        ctx.fail(
            path, f"'{text}' tidak dikenal; pilih salah satu: {', '.join(self.options)}", "pilihan"
        )
        return None

    def example(self) -> Any:
        return self.options[0]


class Custom(Kind):
    """A kind defined by a function ``(value, path, ctx) -> cleaned``."""

    def __init__(
        self, describe: str, func: Callable[[Any, PathKey, Context], Any], example: Any = None
    ) -> None:
        self.describe = describe
        self.func = func
        self._example = example

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        return self.func(value, path, ctx)

    def example(self) -> Any:
        return self._example


class ListOf(Kind):
    def __init__(self, item: Kind, *, min_items: int = 0, max_items: int | None = None) -> None:
        self.item, self.min_items, self.max_items = item, min_items, max_items
        self.describe = f"daftar {item.describe}"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if value is None:
            value = []
        if not isinstance(value, list):
            ctx.fail(path, "harus berupa daftar (tiap butir diawali tanda '- ')", "jenis-daftar")
            return []
        if len(value) < self.min_items:
            ctx.fail(
                path, f"harus berisi paling sedikit {self.min_items} butir", "butir-terlalu-sedikit"
            )
        if self.max_items is not None and len(value) > self.max_items:
            ctx.fail(path, f"paling banyak {self.max_items} butir", "butir-terlalu-banyak")
        return [self.item.check(v, (*path, i), ctx) for i, v in enumerate(value)]

    def example(self) -> Any:
        return [self.item.example()]


@dataclass(frozen=True)
class Field:
    """One field of a record."""

    name: str
    kind: Kind
    required: bool = True
    default: Any = None
    help: str = ""
    """What the field is for, in Indonesian (shown by ``templates show``)."""
    example: Any = _MISSING


class Record(Kind):
    def __init__(self, *fields: Field, allow_extra: bool = False) -> None:
        self.fields = fields
        self.allow_extra = allow_extra
        self.describe = "kelompok isian"

    def check(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if value is None:
            value = {}
        if not isinstance(value, dict):
            ctx.fail(path, "harus berupa kelompok isian 'nama: nilai'", "jenis-kelompok")
            return {}
        names = [f.name for f in self.fields]
        result: dict[str, Any] = {}
        for spec in self.fields:
            if spec.name not in value or value[spec.name] is None:
                if spec.required:
                    ctx.fail(
                        (*path, spec.name),
                        f"isian '{spec.name}' wajib diisi"
                        + (f" ({spec.help})" if spec.help else ""),
                        "wajib",
                    )
                result[spec.name] = spec.default
                continue
            result[spec.name] = spec.kind.check(value[spec.name], (*path, spec.name), ctx)
        if not self.allow_extra:
            for key in value:
                if key not in names:
                    hint = did_you_mean(str(key), names)
                    ctx.fail(
                        (*path, str(key)), f"isian '{key}' tidak dikenal{hint}", "isian-tak-dikenal"
                    )
        return result

    def example(self) -> Any:
        return {
            f.name: (f.example if f.example is not _MISSING else f.kind.example())
            for f in self.fields
        }


def validate(doc: YamlDoc, schema: Kind, **extra: Any) -> Any:
    """Validate a parsed YAML document; raise with every problem, or return cleaned data."""
    ctx = Context(doc=doc, extra=dict(extra))
    cleaned = schema.check(doc.data, (), ctx)
    if ctx.problems:
        count = len(ctx.problems)
        raise InvalidInputError(f"{doc.file} memuat {count} kesalahan isian", ctx.problems)
    return cleaned
