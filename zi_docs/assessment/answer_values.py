"""One answer's value: an option, typed counts, a typed percentage or a survey index.

``parse_value`` checks a raw YAML value against its question and reports each problem
through a callback (so the caller can place it at file and line) instead of stopping.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from zi_docs.catalogue import Catalogue, Node
from zi_docs.schema import did_you_mean

Report = Callable[..., None]
"""``report(message, code, *sub_path)``."""

ANSWER_KEYS = ("jawaban", "catatan", "input", "persen", "indeks", "sumber", "bukti")


@dataclass(frozen=True)
class AnswerValue:
    """The validated content of one answer (all ``None``: unanswered)."""

    option: str | None = None
    counts: Mapping[str, float] | None = None
    percent: float | None = None
    index: float | None = None
    note: str | None = None
    source: str | None = None
    """Where the value comes from (``sumber``), e.g. the survey an index was computed from."""
    evidence: tuple[str, ...] = ()
    """Evidence names or links given with the answer (``bukti``), as written."""


def allowed_values(node: Node, catalogue: Catalogue) -> str:
    """The allowed answers of a question, as a user reads them."""
    options = catalogue.options(node.answer_type or "")
    if options:
        return ", ".join(options)
    if node.answer_type == "PERSEN":
        keys = ", ".join(f"{i.key}: N" for i in node.inputs)
        return f"{{input: {{{keys}}}}} atau {{persen: 0-100}}"
    low, high = index_range(node, catalogue)
    return f"angka {low:g} sampai {high:g}"


def index_range(node: Node, catalogue: Catalogue) -> tuple[float, float]:
    spec = catalogue.special_types.get(node.answer_type or "", {})
    low, high = spec.get("min", 0), spec.get("max", 4)
    return float(low), float(high)  # type: ignore[arg-type]


def parse_value(raw: Any, node: Node, catalogue: Catalogue, report: Report) -> AnswerValue | None:
    """The answer's value, or ``None`` after reporting why it is not valid."""
    if raw is None:
        return AnswerValue()
    if isinstance(raw, list):
        report(
            f"jawaban {node.id} tidak boleh berupa daftar; tulis salah satu dari: "
            f"{allowed_values(node, catalogue)}",
            "jawaban-bentuk",
        )
        return None
    if not isinstance(raw, dict):
        return _scalar(raw, node, catalogue, report, ())
    ok = True
    for key in raw:
        if str(key) not in ANSWER_KEYS:
            report(
                f"isian '{key}' tidak dikenal pada jawaban {node.id}"
                f"{did_you_mean(str(key), ANSWER_KEYS)} "
                f"(yang dikenal: {', '.join(ANSWER_KEYS)})",
                "jawaban-isian-tak-dikenal",
                str(key),
            )
            ok = False
    note = raw.get("catatan")
    if note is not None and (isinstance(note, (dict, list)) or not str(note).strip()):
        report("catatan harus berupa teks", "jawaban-catatan", "catatan")
        ok = False
    source = raw.get("sumber")
    if source is not None and (isinstance(source, (dict, list)) or not str(source).strip()):
        report(
            "sumber harus berupa teks, mis. berkas survei dan metodenya", "jawaban-sumber", "sumber"
        )
        ok = False
    evidence = raw.get("bukti")
    if evidence is not None and not _texts(evidence):
        report("bukti harus berupa daftar nama berkas atau tautan (teks)", "jawaban-bukti", "bukti")
        ok = False
    given = [k for k in ("jawaban", "input", "persen", "indeks") if raw.get(k) is not None]
    if len(given) > 1:
        report(
            f"jawaban {node.id} memuat {' dan '.join(given)} sekaligus; tulis salah satu saja",
            "jawaban-bentuk",
        )
        return None
    value: AnswerValue | None = AnswerValue()
    if given:
        value = _content(given[0], raw[given[0]], node, catalogue, report)
    if value is None or not ok:
        return None
    return replace(
        value,
        note=None if note is None else " ".join(str(note).split()),
        source=None if source is None else " ".join(str(source).split()),
        evidence=tuple(str(e).strip() for e in (evidence or ())),
    )


def _texts(value: Any) -> bool:
    """A non-empty list of non-empty scalars."""
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, (str, int, float)) and str(v).strip() for v in value)
    )


def _content(
    key: str, raw: Any, node: Node, catalogue: Catalogue, report: Report
) -> AnswerValue | None:
    kind = node.answer_type
    if key == "jawaban":
        return _scalar(raw, node, catalogue, report, (key,))
    if key == "input":
        if kind != "PERSEN":
            report(
                f"{node.id} (jenis {kind}) tidak memakai isian jumlah; pilihan: "
                f"{allowed_values(node, catalogue)}",
                "jawaban-salah-bentuk",
                key,
            )
            return None
        return _counts(raw, node, report)
    if key == "persen":
        if kind != "PERSEN":
            report(
                f"{node.id} (jenis {kind}) bukan butir persentase; pilihan: "
                f"{allowed_values(node, catalogue)}",
                "jawaban-salah-bentuk",
                key,
            )
            return None
        return _percent(raw, node, report)
    if catalogue.options(kind or "") or kind == "PERSEN":
        report(
            f"{node.id} (jenis {kind}) bukan indeks survei; pilihan: "
            f"{allowed_values(node, catalogue)}",
            "jawaban-salah-bentuk",
            key,
        )
        return None
    return _index(raw, node, catalogue, report, (key,))


def _scalar(
    raw: Any, node: Node, catalogue: Catalogue, report: Report, sub: tuple[str, ...]
) -> AnswerValue | None:
    kind = node.answer_type or ""
    options = catalogue.options(kind)
    if options:
        return _option(raw, node, options, report, sub)
    if kind == "PERSEN":
        report(
            f"{node.id} adalah butir persentase: tulis isian jumlahnya "
            f"{allowed_values(node, catalogue)} (tertulis {raw!r})",
            "jawaban-salah-bentuk",
            *sub,
        )
        return None
    return _index(raw, node, catalogue, report, sub)


def _option(
    raw: Any, node: Node, options: list[str], report: Report, sub: tuple[str, ...]
) -> AnswerValue | None:
    if isinstance(raw, bool) and "Ya" in options and "Tidak" in options:
        return AnswerValue(option="Ya" if raw else "Tidak")
    text = str(raw).strip() if isinstance(raw, (str, int, float)) else ""
    for option in options:
        if text.casefold() == option.casefold():
            return AnswerValue(option=option)
    shown = text if text else repr(raw)
    report(
        f"jawaban '{shown}' tidak dikenal untuk {node.id} (jenis {node.answer_type}); "
        f"pilihan: {', '.join(options)}",
        "jawaban-pilihan-tak-dikenal",
        *sub,
    )
    return None


def _number(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str):
        try:
            raw = float(raw.strip().replace(",", "."))
        except ValueError:
            return None
    if isinstance(raw, (int, float)) and math.isfinite(raw):
        return float(raw)
    return None


def _index(
    raw: Any, node: Node, catalogue: Catalogue, report: Report, sub: tuple[str, ...]
) -> AnswerValue | None:
    low, high = index_range(node, catalogue)
    number = _number(raw)
    if number is None:
        report(
            f"indeks {node.id} harus angka {low:g} sampai {high:g} (tertulis {raw!r})",
            "jawaban-indeks",
            *sub,
        )
        return None
    if not low <= number <= high:
        report(
            f"indeks {node.id} harus {low:g} sampai {high:g} (tertulis {number:g})",
            "jawaban-indeks-rentang",
            *sub,
        )
        return None
    return AnswerValue(index=number)


def _percent(raw: Any, node: Node, report: Report) -> AnswerValue | None:
    number = _number(raw)
    if number is None:
        report(
            f"persen {node.id} harus angka 0 sampai 100 (tertulis {raw!r})",
            "jawaban-persen",
            "persen",
        )
        return None
    if not 0 <= number <= 100:
        report(
            f"persen {node.id} harus 0 sampai 100 (tertulis {number:g}); bila rasio "
            "sebenarnya melebihi 100%, tulis isian jumlahnya dengan 'input'",
            "jawaban-persen-rentang",
            "persen",
        )
        return None
    return AnswerValue(percent=number)


def _counts(raw: Any, node: Node, report: Report) -> AnswerValue | None:
    keys = [i.key for i in node.inputs]
    if not isinstance(raw, dict):
        report(
            f"'input' {node.id} harus berisi baris 'nama: jumlah'; isian: {', '.join(keys)}",
            "jawaban-jumlah",
            "input",
        )
        return None
    counts: dict[str, float] = {}
    ok = True
    for key, value in raw.items():
        name = str(key)
        if name not in keys:
            report(
                f"isian '{name}' tidak dikenal untuk {node.id}{did_you_mean(name, keys)}; "
                f"isian: {', '.join(keys)}",
                "jawaban-jumlah-tak-dikenal",
                "input",
                name,
            )
            ok = False
            continue
        number = _number(value) if not isinstance(value, str) else None
        if number is None:
            report(
                f"isian {name} pada {node.id} harus angka (tertulis {value!r})",
                "jawaban-jenis-jumlah",
                "input",
                name,
            )
            ok = False
        elif number < 0:
            report(
                f"isian {name} pada {node.id} tidak boleh negatif (tertulis {number:g})",
                "jawaban-jumlah-negatif",
                "input",
                name,
            )
            ok = False
        else:
            counts[name] = number
    needed = sorted(node.formula.names) if node.formula else []
    missing = [k for k in needed if k not in raw]
    if missing:
        report(
            f"isian {', '.join(missing)} pada {node.id} belum diisi; rumus "
            f"{node.formula.text if node.formula else ''} memerlukannya",
            "jawaban-jumlah-kurang",
            "input",
        )
        ok = False
    if not ok or node.formula is None:
        return None
    try:
        node.formula.evaluate(counts)
    except ZeroDivisionError:
        if node.zero_denominator is None:
            report(
                f"persentase {node.id} tidak dapat dihitung: penyebut rumus "
                f"{node.formula.text} bernilai nol; periksa isian jumlahnya",
                "jawaban-penyebut-nol",
                "input",
            )
            return None
    return AnswerValue(counts=counts)
