"""Which column of an export holds what: built-in column names, or the unit's definition file.

Without a definition the items are the columns named by their code (``U1`` ... ``U9``, any
case) and the optional columns are found by the names in the scale data (``Timestamp``,
``Jenis Kelamin`` ...). A definition (YAML) names the columns itself — long Google Forms
question texts may be given in full or by their beginning — and may add labels::

    kolom:
      waktu: Timestamp
      responden: Alamat email
      layanan: Jenis layanan yang diterima
      urutan_tanggal: hari-bulan        # 15/03/2026 (bawaan) atau bulan-hari: 03/15/2026
    profil:
      jenis_kelamin: Jenis Kelamin
      pendidikan: Pendidikan terakhir
    unsur:                              # SPAK/SPKP: aspek
      U1: Bagaimana pendapat Saudara tentang kesesuaian persyaratan
      U2:
        kolom: Bagaimana pemahaman Saudara tentang kemudahan prosedur
        kepentingan: Seberapa penting kemudahan prosedur
        label: {Sangat sulit: 1, Sulit: 2, Mudah: 3, Sangat mudah: 4}
    label:                              # tambahan untuk semua unsur
      Sangat puas: 4
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zi_docs.errors import InvalidInputError
from zi_docs.findings import Finding
from zi_docs.schema import Choice, Context, Custom, Field, Integer, Record, Text, validate
from zi_docs.surveys.labels import label_map, normalise
from zi_docs.surveys.reader import column_letter
from zi_docs.surveys.scales import Item
from zi_docs.yamlio import PathKey, load_yaml

DAY_ORDERS = ("hari-bulan", "bulan-hari")


@dataclass(frozen=True)
class ItemSpec:
    """What a definition says about one item."""

    column: str | None = None
    importance: str | None = None
    labels: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Definition:
    """A validated definition file (or the empty one: everything by built-in names)."""

    file: str | None = None
    items: Mapping[str, ItemSpec] = field(default_factory=dict)
    """Item code -> spec; empty means every item of the instrument, by its code."""
    timestamp: str | None = None
    respondent: str | None = None
    service: str | None = None
    profile: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[str, int] = field(default_factory=dict)
    day_first: bool = True
    scale: tuple[int, int] | None = None
    method: str | None = None


@dataclass(frozen=True)
class Column:
    index: int
    header: str

    @property
    def letter(self) -> str:
        return column_letter(self.index)

    @property
    def shown(self) -> str:
        text = self.header if len(self.header) <= 40 else self.header[:39].rstrip() + "…"
        return f"{self.letter} ({text})" if text else self.letter


@dataclass(frozen=True)
class ItemColumn:
    item: Item
    column: Column
    labels: Mapping[str, int]
    importance: Column | None = None


@dataclass(frozen=True)
class ColumnMap:
    """Where each item and optional column is in the export's header."""

    items: tuple[ItemColumn, ...]
    timestamp: Column | None
    respondent: Column | None
    service: Column | None
    profile: tuple[tuple[str, Column], ...]
    day_first: bool


def _labels(value: Any, path: PathKey, ctx: Context) -> dict[str, int]:
    if not isinstance(value, dict):
        ctx.fail(path, "label harus ditulis 'Teks jawaban: skor', mis. {Sangat puas: 4}", "label")
        return {}
    result = {}
    for key, score in value.items():
        if isinstance(score, bool) or not isinstance(score, int):
            ctx.fail((*path, str(key)), f"skor label '{key}' harus bilangan bulat", "label")
            continue
        result[normalise(str(key))] = score
    return result


_ITEM = Record(
    Field("kolom", Text(), help="judul kolom di berkas hasil survei (boleh awalnya saja)"),
    Field("kepentingan", Text(), required=False, help="judul kolom jawaban kepentingan"),
    Field("label", Custom("label", _labels), required=False, default={}),
)


def _items(value: Any, path: PathKey, ctx: Context) -> dict[str, ItemSpec]:
    if not isinstance(value, dict):
        ctx.fail(path, "tulis satu baris per unsur: 'U1: judul kolom'", "unsur")
        return {}
    result = {}
    for key, raw in value.items():
        code = str(key).strip().upper()
        if isinstance(raw, str):
            result[code] = ItemSpec(column=raw)
            continue
        spec = _ITEM.check(raw, (*path, str(key)), ctx)
        result[code] = ItemSpec(spec.get("kolom"), spec.get("kepentingan"), spec.get("label") or {})
    return result


def _texts(value: Any, path: PathKey, ctx: Context) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        ctx.fail(path, "tulis satu baris per karakteristik: 'pendidikan: judul kolom'", "profil")
        return {}
    return {str(k): str(v) for k, v in value.items()}


_SCHEMA = Record(
    Field("survei", Choice(["ikm", "skm", "spak", "spkp"]), required=False),
    Field(
        "kolom",
        Record(
            Field("waktu", Text(), required=False),
            Field("responden", Text(), required=False),
            Field("layanan", Text(), required=False),
            Field("urutan_tanggal", Choice(list(DAY_ORDERS)), required=False),
        ),
        required=False,
        default={},
    ),
    Field("profil", Custom("profil", _texts), required=False, default={}),
    Field("unsur", Custom("unsur", _items), required=False, default={}),
    Field("aspek", Custom("aspek", _items), required=False, default={}),
    Field("label", Custom("label", _labels), required=False, default={}),
    Field(
        "skala",
        Record(Field("min", Integer(minimum=0)), Field("maks", Integer(minimum=1))),
        required=False,
    ),
    Field("metode", Text(), required=False),
)


def load_definition(path: Path, *, display: str | None = None) -> Definition:
    """Read and validate a definition file; every problem is reported at once."""
    doc = load_yaml(path, display=display)
    data = validate(doc, _SCHEMA)
    columns = data.get("kolom") or {}
    scale = data.get("skala")
    return Definition(
        file=doc.file,
        items={**data.get("unsur", {}), **data.get("aspek", {})},
        timestamp=columns.get("waktu"),
        respondent=columns.get("responden"),
        service=columns.get("layanan"),
        profile=data.get("profil") or {},
        labels=data.get("label") or {},
        day_first=columns.get("urutan_tanggal") != "bulan-hari",
        scale=(scale["min"], scale["maks"]) if scale else None,
        method=data.get("metode"),
    )


class _Finder:
    """Finds columns by name in a header: exact, else the only one starting with it, else the
    only one containing it."""

    def __init__(self, header: Sequence[str], file: str, where: str | None) -> None:
        self.header = list(header)
        self.keys = [normalise(h) for h in header]
        self.file = file
        self.where = where
        self.problems: list[Finding] = []

    def find(self, wanted: str) -> list[int]:
        key = normalise(wanted)
        if not key:
            return []
        for test in (
            lambda h: h == key,
            lambda h: h.startswith(key),
            lambda h: key in h,
        ):
            hits = [i for i, h in enumerate(self.keys) if test(h)]
            if hits:
                return hits
        return []

    def one(self, wanted: str, what: str) -> Column | None:
        hits = self.find(wanted)
        if len(hits) == 1:
            return Column(hits[0], self.header[hits[0]])
        if hits:
            names = ", ".join(Column(i, self.header[i]).shown for i in hits[:4])
            self.fail(
                f"kolom {what} '{wanted}' cocok dengan {len(hits)} kolom: {names}; "
                "tulis judulnya lebih lengkap di berkas definisi"
            )
        else:
            close = difflib.get_close_matches(wanted, self.header, n=1, cutoff=0.6)
            hint = f"; maksudnya '{close[0]}'?" if close else ""
            self.fail(f"kolom {what} '{wanted}' tidak ada di baris judul{hint}")
        return None

    def first_of(self, names: Sequence[str]) -> Column | None:
        """The first built-in name that matches exactly (no guessing for optional columns)."""
        for name in names:
            key = normalise(name)
            for i, h in enumerate(self.keys):
                if h == key:
                    return Column(i, self.header[i])
        return None

    def fail(self, message: str) -> None:
        self.problems.append(
            Finding(message=message, file=self.file, field=self.where, code="survei-kolom")
        )


def map_columns(
    header: Sequence[str],
    items: Sequence[Item],
    definition: Definition,
    *,
    file: str,
    low: int,
    letters: Mapping[str, int],
    defaults: Mapping[str, Any],
) -> tuple[ColumnMap, list[Item]]:
    """Locate every column; raise :class:`InvalidInputError` listing each one not found.

    Returns the map and the items the definition left out (they are not in this survey).
    """
    finder = _Finder(header, file, definition.file)
    chosen = [i for i in items if not definition.items or i.code in definition.items]
    unknown = [c for c in definition.items if c not in {i.code for i in items}]
    for code in unknown:
        finder.fail(
            f"unsur '{code}' tidak dikenal (yang dikenal: {', '.join(i.code for i in items)})"
        )
    prefix = str(defaults.get("kepentingan_awalan", ""))
    mapped = []
    for item in chosen:
        spec = definition.items.get(item.code, ItemSpec())
        if spec.column:
            column = finder.one(spec.column, item.code)
        else:
            column = finder.first_of([item.code, *item.columns])
            if column is None:
                finder.fail(f"kolom {item.code} ({item.name}) tidak ada di baris judul")
        importance = None
        if spec.importance:
            importance = finder.one(spec.importance, f"kepentingan {item.code}")
        elif prefix and not definition.items:
            importance = finder.first_of([prefix + item.code[1:]])
        labels = {**label_map(item.labels, low), **definition.labels, **spec.labels}
        if column is not None:
            mapped.append(ItemColumn(item, column, labels, importance))
    optional = {}
    for key, given in (
        ("waktu", definition.timestamp),
        ("responden", definition.respondent),
        ("layanan", definition.service),
    ):
        if given:
            optional[key] = finder.one(given, key)
        else:
            optional[key] = finder.first_of(defaults.get(key, ()))
    profile: list[tuple[str, Column]] = []
    wanted = definition.profile or {}
    if wanted:
        for name, text in wanted.items():
            found = finder.one(text, f"profil {name}")
            if found is not None:
                profile.append((name, found))
    else:
        for name, names in (defaults.get("profil") or {}).items():
            found = finder.first_of(names)
            if found is not None:
                profile.append((str(name), found))
    if finder.problems:
        raise InvalidInputError(
            f"kolom survei di {file} tidak lengkap",
            finder.problems,
            hint="tanpa berkas definisi, kolom harus bernama U1 ... U9; dengan berkas definisi "
            "(--definisi), tulis judul kolom persis seperti di baris pertama berkas",
        )
    left_out = [i for i in items if i not in chosen]
    return (
        ColumnMap(
            items=tuple(mapped),
            timestamp=optional["waktu"],
            respondent=optional["responden"],
            service=optional["layanan"],
            profile=tuple(profile),
            day_first=definition.day_first,
        ),
        left_out,
    )
