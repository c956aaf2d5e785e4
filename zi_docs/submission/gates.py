"""Submission gates (prasyarat pengajuan): the unit profile's ``pengajuan`` against the data
file ``zi_docs/data/prasyarat-pengajuan.yaml``, plus the days left until the deadline."""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from zi_docs.resources import GATES, resource
from zi_docs.schema import Choice, Custom, Field, Integer, ListOf, Record, Text, validate
from zi_docs.workspace import UnitProfile
from zi_docs.yamlio import load_yaml

GATES_FILE = resource(GATES)
KINDS = ("sama-dengan", "peringkat", "angka-minimum", "lama-minimum", "benar")

_ANY = Custom("nilai", lambda value, _path, _ctx: value)
_SCHEMA = Record(
    Field("skema", Choice(["zi-docs-prasyarat/1"])),
    Field("versi", Text()),
    Field("dasar_hukum", Text()),
    Field(
        "batas_pengajuan_bawaan",
        Record(
            Field("tahun_setelah_penilaian", Integer(minimum=0, maximum=5)),
            Field("bulan", Integer(minimum=1, maximum=12)),
            Field("tanggal", Integer(minimum=1, maximum=31)),
        ),
    ),
    Field("skala", Custom("skala", lambda value, _path, _ctx: dict(value or {}))),
    Field(
        "prasyarat",
        ListOf(
            Record(
                Field("kode", Text()),
                Field("uraian", Text()),
                Field("isian", Text()),
                Field("jenis", Choice(list(KINDS))),
                Field("diterima", ListOf(Text()), required=False),
                Field("skala", Text(), required=False),
                Field("minimum", _ANY, required=False),
                Field("minimum_bulan", Integer(minimum=1), required=False),
                Field("satuan", Text(), required=False),
            ),
            min_items=1,
        ),
    ),
)


class GateState(enum.Enum):
    """Outcome of one gate."""

    MET = "terpenuhi"
    UNMET = "tidak terpenuhi"
    UNKNOWN = "belum diisi"


SYMBOL = {GateState.MET: "✔", GateState.UNMET: "✘", GateState.UNKNOWN: "?"}
"""How a gate's state is marked in the terminal, the Word report and the evaluator index."""


@dataclass(frozen=True)
class GateResult:
    """One submission gate for this unit."""

    code: str
    description: str
    field: str
    """Key under ``pengajuan`` in unit.yaml."""
    required: str
    """The minimum as a person reads it (``≥ B``, ``= WTP``, ``≥ 12 bulan``)."""
    actual: str
    """The unit's value as written, or ``""`` when missing."""
    state: GateState


@dataclass(frozen=True)
class Gates:
    """Every gate, the deadline and the days left."""

    results: tuple[GateResult, ...]
    deadline: dt.date
    days_left: int
    """Negative when the deadline has passed."""
    version: str

    @property
    def all_met(self) -> bool:
        return all(r.state is GateState.MET for r in self.results)


def load_rules(path: Path = GATES_FILE) -> dict[str, Any]:
    """The validated gates file; every problem reported at once."""
    data: dict[str, Any] = validate(load_yaml(path), _SCHEMA)
    return data


def evaluate_gates(
    profile: UnitProfile, today: dt.date, rules: Mapping[str, Any] | None = None
) -> Gates:
    """Check the unit's ``pengajuan`` values against the gates of its target predicate."""
    rules = rules if rules is not None else load_rules()
    values: Mapping[str, Any] = profile.data.get("pengajuan") or {}
    target = profile.target
    jenis = str(profile.data.get("jenis_instansi") or "pemda")
    default = rules["batas_pengajuan_bawaan"]
    deadline = values.get("batas_pengajuan") or dt.date(
        profile.year + default["tahun_setelah_penilaian"], default["bulan"], default["tanggal"]
    )
    reference = values.get("batas_pengajuan") or today
    results = tuple(
        _gate(rule, values.get(rule["isian"]), target, jenis, rules["skala"], reference)
        for rule in rules["prasyarat"]
    )
    return Gates(
        results=results,
        deadline=deadline,
        days_left=(deadline - today).days,
        version=str(rules["versi"]),
    )


def _minimum(rule: Mapping[str, Any], target: str, jenis: str) -> Any:
    minimum = rule.get("minimum")
    if isinstance(minimum, dict):
        minimum = minimum.get(target, minimum.get(target.upper()))
    if isinstance(minimum, dict):
        minimum = minimum.get(jenis)
    return minimum


def _gate(
    rule: Mapping[str, Any],
    value: Any,
    target: str,
    jenis: str,
    scales: Mapping[str, list[str]],
    reference: dt.date,
) -> GateResult:
    kind = rule["jenis"]
    minimum = _minimum(rule, target, jenis)
    unit = rule.get("satuan") or ""
    met: bool | None = None
    if kind == "sama-dengan":
        accepted = [str(a).upper() for a in rule.get("diterima") or []]
        required = "= " + " / ".join(accepted)
        if value not in (None, ""):
            met = str(value).strip().upper() in accepted
    elif kind == "peringkat":
        scale = [s.upper() for s in scales.get(rule.get("skala") or "", [])]
        required = f"≥ {minimum}"
        if value not in (None, ""):
            text = str(value).strip().upper()
            met = text in scale and scale.index(text) <= scale.index(str(minimum).upper())
    elif kind == "angka-minimum":
        required = f"≥ {_number(minimum)}%" if unit == "%" else f"≥ {unit} {_number(minimum)}"
        required = required.replace("  ", " ")
        if value is not None:
            met = float(value) >= float(minimum)
    elif kind == "lama-minimum":
        months = int(rule.get("minimum_bulan") or 12)
        required = f"≥ {months} bulan sebelum {reference:%d-%m-%Y}"
        if isinstance(value, dt.date):
            met = _add_months(value, months) <= reference
    else:  # benar
        required = "ada"
        if value is not None:
            met = bool(value)
    return GateResult(
        code=rule["kode"],
        description=rule["uraian"],
        field=rule["isian"],
        required=required,
        actual=_shown(value, unit),
        state=GateState.UNKNOWN if met is None else (GateState.MET if met else GateState.UNMET),
    )


def _number(value: Any) -> str:
    number = float(value)
    return f"{number:g}".replace(".", ",")


def _shown(value: Any, unit: str) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "ada" if value else "belum ada"
    if isinstance(value, dt.date):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, (int, float)):
        return _number(value) + ("%" if unit == "%" else "")
    return str(value)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
