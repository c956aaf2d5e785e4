"""Load a catalogue YAML file into :class:`Catalogue`, reporting every problem at once."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from zi_docs.catalogue.aliases import build_aliases
from zi_docs.catalogue.cache import cached_parse
from zi_docs.catalogue.formula import FormulaSyntaxError, parse_formula
from zi_docs.catalogue.model import (
    LEVELS,
    Catalogue,
    ChecklistItem,
    CountInput,
    Node,
    Predicate,
    ThresholdRule,
)
from zi_docs.errors import InvalidInputError, NotFoundError
from zi_docs.findings import Finding
from zi_docs.resources import CATALOGUES, resource
from zi_docs.yamlio import PathKey, YamlDoc, load_yaml

SCHEMA = "zi-docs-lke/1"
BUNDLED_DIR = resource(CATALOGUES)
MEASURES = ("total", "node", "indeks", "area_persen")
_KEY = re.compile(r"[a-z0-9][a-z0-9-]*")
_TOLERANCE = 1e-6


def bundled_catalogues() -> dict[str, Path]:
    """Catalogue id -> file, for the catalogues shipped with zi-docs."""
    return {p.stem: p for p in sorted(BUNDLED_DIR.glob("*.yaml"))}


def find_catalogue(name: str, base: Path | None = None) -> Path:
    """A bundled catalogue id, or a path (relative to ``base``) to a catalogue file."""
    bundled = bundled_catalogues()
    if name in bundled:
        return bundled[name]
    candidate = Path(name)
    if base is not None and not candidate.is_absolute():
        candidate = base / candidate
    if candidate.suffix in (".yaml", ".yml") and candidate.is_file():
        return candidate
    raise NotFoundError(
        f"katalog LKE '{name}' tidak ditemukan",
        suggestions=list(bundled),
        hint="isi 'lke' di unit.yaml dengan id katalog bawaan atau jalur ke berkas YAML katalog",
    )


_CACHE: dict[tuple[Path, float], Catalogue] = {}


def load_catalogue(
    name_or_path: str | Path = "permenpanrb-90-2021", base: Path | None = None
) -> Catalogue:
    """Load and validate a catalogue (cached per file and modification time)."""
    path = find_catalogue(str(name_or_path), base)
    key = (path.resolve(), path.stat().st_mtime)
    if key not in _CACHE:
        _CACHE[key] = cached_parse(path, lambda: _Loader(load_yaml(path)).build(path), Catalogue)
    return _CACHE[key]


class _Loader:
    def __init__(self, doc: YamlDoc) -> None:
        self.doc = doc
        self.problems: list[Finding] = []
        self.by_id: dict[str, Node] = {}
        self.parent_of: dict[str, str] = {}
        self.option_values: dict[str, dict[str, float]] = {}
        self.special: dict[str, dict[str, object]] = {}
        self.areas: dict[str, str] = {}

    def fail(self, path: PathKey, message: str, code: str = "katalog") -> None:
        self.problems.append(self.doc.finding(path, message, code=code))

    # ---- top level --------------------------------------------------------------------
    def build(self, path: Path) -> Catalogue:
        data = self.doc.data
        if not isinstance(data, dict):
            raise InvalidInputError(
                f"{self.doc.file} bukan katalog LKE",
                [self.doc.finding((), "isi berkas harus berupa pemetaan")],
            )
        if data.get("skema") != SCHEMA:
            self.fail(("skema",), f"skema harus '{SCHEMA}' (tertulis {data.get('skema')!r})")
        for key in ("id", "versi", "judul", "nilai_opsi", "area", "ambang_batas", "pohon"):
            if key not in data:
                self.fail((key,), f"bagian '{key}' wajib ada dalam katalog")
        self._option_values(data.get("nilai_opsi"))
        self.special = {str(k): dict(v or {}) for k, v in (data.get("jenis_khusus") or {}).items()}
        self.areas = {str(k): str(v) for k, v in (data.get("area") or {}).items()}
        roots = tuple(
            n
            for i, raw in enumerate(data.get("pohon") or [])
            if (n := self._node(raw, ("pohon", i), None, {})) is not None
        )
        predicates = self._predicates(data.get("ambang_batas"))
        if self.problems:
            raise InvalidInputError(
                f"katalog {self.doc.file} memuat {len(self.problems)} kesalahan", self.problems
            )
        aliases, short_aliases = build_aliases(roots)
        return Catalogue(
            id=str(data["id"]),
            version=str(data["versi"]),
            title=str(data["judul"]),
            legal_basis=str(data.get("dasar_hukum", "")),
            source=str(data.get("sumber", "")),
            path=path,
            option_values=self.option_values,
            special_types=self.special,
            areas=self.areas,
            predicates=predicates,
            roots=roots,
            by_id=self.by_id,
            parent_of=self.parent_of,
            aliases=aliases,
            short_aliases=short_aliases,
        )

    def _option_values(self, raw: Any) -> None:
        if not isinstance(raw, dict):
            return
        for type_name, options in raw.items():
            if not isinstance(options, dict) or not options:
                self.fail(("nilai_opsi", str(type_name)), "harus berisi pilihan: nilai")
                continue
            values: dict[str, float] = {}
            for label, value in options.items():
                if (
                    isinstance(value, bool)
                    or not isinstance(value, (int, float))
                    or not 0 <= value <= 1
                ):
                    self.fail(
                        ("nilai_opsi", str(type_name), str(label)),
                        "nilai opsi harus angka 0 sampai 1",
                    )
                    continue
                values[str(label)] = float(value)
            self.option_values[str(type_name)] = values

    # ---- the tree ---------------------------------------------------------------------
    def _node(
        self, raw: Any, path: PathKey, parent: Node | None, inherited: Mapping[str, str | None]
    ) -> Node | None:
        if not isinstance(raw, dict):
            self.fail(path, "setiap simpul pohon harus berupa pemetaan")
            return None
        node_id = str(raw.get("id", "")).strip()
        level = raw.get("tingkat")
        if not node_id:
            self.fail(path, "simpul tanpa 'id'")
            return None
        if node_id in self.by_id:
            self.fail((*path, "id"), f"id '{node_id}' dipakai lebih dari sekali")
        if level not in LEVELS:
            self.fail(
                (*path, "tingkat"),
                f"tingkat '{level}' tidak dikenal; pilih dari {', '.join(LEVELS)}",
            )
            level = "sub"
        weight = self._weight(raw, path, required=level != "pertanyaan")
        context = dict(inherited)
        if level == "komponen" or level == "bagian":
            context["part"] = raw.get("kode")
        elif level == "area":
            area = raw.get("area")
            if area not in self.areas:
                self.fail((*path, "area"), f"kode area '{area}' tidak ada di bagian 'area' katalog")
            context["area"] = str(area)
        name = raw.get("teks") if level == "pertanyaan" else raw.get("nama")
        if not name:
            self.fail(
                path, f"simpul {node_id} tidak punya {'teks' if level == 'pertanyaan' else 'nama'}"
            )
        fields: dict[str, Any] = {}
        if level == "pertanyaan":
            fields = self._question_fields(raw, path, node_id)
        elif not raw.get("anak"):
            self.fail(path, f"simpul {node_id} ({level}) tidak punya anak")
        node_stub = Node(id=node_id, level=str(level), name=str(name or ""), weight=weight)
        children = tuple(
            c
            for i, child in enumerate(raw.get("anak") or [])
            if (c := self._node(child, (*path, "anak", i), node_stub, context)) is not None
        )
        node = Node(
            id=node_id,
            level=str(level),
            name=" ".join(str(name or "").split()),
            weight=weight,
            number=str(raw.get("nomor", node_id.rsplit(".", 1)[-1])),
            code=str(raw["kode"]) if raw.get("kode") else None,
            area=context.get("area"),
            part=context.get("part"),
            children=children,
            **fields,
        )
        self.by_id[node_id] = node
        for child in children:
            self.parent_of[child.id] = node_id
        self._check_weights(node, path)
        return node

    def _weight(self, raw: dict[str, Any], path: PathKey, *, required: bool) -> float | None:
        if required and raw.get("bobot") is None:
            self.fail(path, f"simpul {raw.get('id')} tidak punya 'bobot'")
        return self._number(raw, "bobot", path)

    def _check_weights(self, node: Node, path: PathKey) -> None:
        if not node.children or node.weight is None:
            return
        weights = [c.weight for c in node.children]
        if node.children[0].is_question and all(w is None for w in weights):
            return
        if any(w is None for w in weights):
            self.fail(
                (*path, "anak"),
                f"anak {node.id}: bila satu pertanyaan berbobot, semua pertanyaan harus berbobot",
            )
            return
        total = math.fsum(w for w in weights if w is not None)
        if abs(total - node.weight) > _TOLERANCE:
            parts = " + ".join(f"{w:g}" for w in weights if w is not None)
            self.fail(
                (*path, "bobot"),
                f"bobot {node.id} = {node.weight:g}, tetapi jumlah bobot anaknya "
                f"{parts} = {total:g}",
                code="katalog-bobot",
            )

    def _question_fields(self, raw: dict[str, Any], path: PathKey, node_id: str) -> dict[str, Any]:
        answer_type = str(raw.get("jenis", ""))
        known = set(self.option_values) | set(self.special)
        if answer_type not in known:
            self.fail(
                (*path, "jenis"),
                f"jenis jawaban '{answer_type}' tidak dikenal; "
                f"yang dikenal: {', '.join(sorted(known))}",
            )
        criteria = {
            str(k): " ".join(str(v).split()) for k, v in (raw.get("kriteria") or {}).items()
        }
        options = self.option_values.get(answer_type)
        if options is not None:
            for label in criteria:
                if label not in options:
                    self.fail(
                        (*path, "kriteria", label),
                        f"kriteria '{label}' bukan pilihan jenis {answer_type}",
                    )
        inputs = tuple(
            CountInput(str(i.get("key")), str(i.get("label", i.get("key"))))
            for i in raw.get("isian") or []
            if isinstance(i, dict)
        )
        formula = None
        if answer_type == "PERSEN":
            formula = self._formula(raw, path, inputs)
        zero = raw.get("bila_penyebut_nol", "galat")
        zero_value = None if zero == "galat" else self._number(raw, "bila_penyebut_nol", path)
        checklist = self._checklist(raw.get("data_dukung") or [], (*path, "data_dukung"))
        return {
            "answer_type": answer_type,
            "criteria": criteria,
            "explanation": _text(raw.get("penjelasan")),
            "note": _text(raw.get("catatan")),
            "official_label": str(raw.get("label_resmi", raw.get("nomor", ""))),
            "kode_bps": raw.get("kode_bps"),
            "inputs": inputs,
            "formula": formula,
            "zero_denominator": zero_value,
            "checklist": checklist,
        }

    def _formula(self, raw: dict[str, Any], path: PathKey, inputs: tuple[CountInput, ...]) -> Any:
        if not inputs:
            self.fail((*path, "isian"), "pertanyaan PERSEN harus punya 'isian'")
        text = raw.get("rumus")
        if not text:
            self.fail(path, "pertanyaan PERSEN harus punya 'rumus'")
            return None
        try:
            formula = parse_formula(str(text))
        except FormulaSyntaxError as exc:
            self.fail((*path, "rumus"), str(exc))
            return None
        unknown = formula.names - {i.key for i in inputs}
        if unknown:
            self.fail(
                (*path, "rumus"),
                f"rumus memakai isian yang tidak ada: {', '.join(sorted(unknown))}",
            )
        return formula

    def _checklist(self, raw: list[Any], path: PathKey) -> tuple[ChecklistItem, ...]:
        items: list[ChecklistItem] = []
        seen: set[str] = set()
        for i, entry in enumerate(raw):
            key = str(entry.get("key", "")) if isinstance(entry, dict) else ""
            if not _KEY.fullmatch(key):
                self.fail((*path, i, "key"), "kunci data dukung harus huruf kecil, angka dan '-'")
                continue
            if key in seen:
                self.fail((*path, i, "key"), f"kunci data dukung '{key}' ganda")
            seen.add(key)
            items.append(
                ChecklistItem(
                    key=key,
                    description=" ".join(str(entry.get("uraian", "")).split()),
                    required=bool(entry.get("wajib", False)),
                    generator=entry.get("generator"),
                )
            )
        return tuple(items)

    # ---- thresholds -------------------------------------------------------------------
    def _predicates(self, raw: Any) -> tuple[Predicate, ...]:
        if raw is None:
            return ()  # reported as a missing part in build()
        predicates = []
        for code, spec in (raw if isinstance(raw, dict) else {}).items():
            path: PathKey = ("ambang_batas", str(code))
            if not isinstance(spec, dict):
                continue  # a note beside the predicates (catatan_area)
            if not isinstance(spec.get("aturan"), list):
                self.fail(path, f"predikat {code} harus punya 'aturan': daftar ambang batasnya")
                continue
            rules = (self._rule(r, (*path, "aturan", i)) for i, r in enumerate(spec["aturan"]))
            predicates.append(
                Predicate(
                    code=str(code),
                    name=str(spec.get("nama", code)),
                    rules=tuple(r for r in rules if r is not None),
                    prerequisite=spec.get("prasyarat"),
                )
            )
        if not predicates:
            self.fail(
                ("ambang_batas",), "ambang batas (Tabel 6) belum diisi: minimal satu predikat"
            )
        return tuple(predicates)

    def _rule(self, rule: Any, path: PathKey) -> ThresholdRule | None:
        if not isinstance(rule, dict):
            self.fail(path, "setiap aturan harus berisi kode, uraian, ukuran dan min")
            return None
        measure = rule.get("ukuran")
        if measure not in MEASURES:
            self.fail(
                (*path, "ukuran"),
                f"ukuran '{measure}' tidak dikenal; pilih dari {', '.join(MEASURES)}",
            )
        node = rule.get("node")
        if measure in ("node", "indeks") and node not in self.by_id:
            self.fail((*path, "node"), f"ambang batas merujuk simpul '{node}' yang tidak ada")
        key = "min_persen" if measure == "area_persen" else "min"
        if rule.get(key) is None:
            self.fail(path, f"aturan ukuran {measure} harus punya '{key}'")
        return ThresholdRule(
            code=str(rule.get("kode", measure)),
            description=str(rule.get("uraian", "")),
            measure=str(measure),
            node=node,
            minimum=self._number(rule, "min", path),
            min_percent=self._number(rule, "min_persen", path),
        )

    def _number(self, raw: Mapping[str, Any], key: str, path: PathKey) -> float | None:
        """``raw[key]`` as a non-negative number; ``None`` when absent or not one (reported)."""
        value = raw.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            self.fail((*path, key), f"'{key}' harus angka tidak negatif (tertulis {value!r})")
            return None
        return float(value)


def _text(value: Any) -> str | None:
    return " ".join(str(value).split()) if value else None
