"""Tabel 6 thresholds: pass/fail at each boundary, for WBK and WBBM, under both area readings."""

from __future__ import annotations

from dataclasses import replace

import pytest

from zi_docs.assessment.scoring import AreaScore, PartScore
from zi_docs.assessment.verdict import Measures, RuleResult, Verdict, evaluate
from zi_docs.catalogue import Catalogue, ThresholdRule, load_catalogue

CATALOGUE = load_catalogue()
RULES = [(p.code, r) for p in CATALOGUE.predicates for r in p.rules if r.measure != "area_persen"]


def perfect(catalogue: Catalogue) -> Measures:
    """Every node at its full weight, every index 4, every area at 100%."""
    values = {n.id: n.weight or 0.0 for n in catalogue.walk() if n.weight is not None}
    areas = []
    for code, name in catalogue.areas.items():
        parts = tuple(
            PartScore(
                part=n.part or "",
                node_id=n.id,
                weight=n.weight or 0.0,
                value=n.weight or 0.0,
                share=1.0,
            )
            for n in catalogue.walk()
            if n.level == "area" and n.area == code
        )
        weight = sum(p.weight for p in parts)
        areas.append(
            AreaScore(code=code, name=name, parts=parts, weight=weight, value=weight, share=1.0)
        )
    return Measures(
        total=100.0, node_values=values, indices={"B.I.a": 4.0, "B.II.a": 4.0}, areas=tuple(areas)
    )


def with_value(measures: Measures, rule: ThresholdRule, value: float) -> Measures:
    if rule.measure == "total":
        return replace(measures, total=value)
    if rule.measure == "indeks":
        return replace(measures, indices={**measures.indices, rule.node or "": value})
    return replace(measures, node_values={**measures.node_values, rule.node or "": value})


def result(
    verdict: Verdict, code: str, reading: str | None = None, subject: str | None = None
) -> RuleResult:
    return next(
        r
        for r in verdict.rules
        if r.code == code and r.reading == reading and (subject is None or r.subject == subject)
    )


def test_every_predicate_has_the_tabel_6_rules() -> None:
    for predicate in CATALOGUE.predicates:
        codes = {r.code for r in predicate.rules}
        assert {
            "total",
            "pengungkit",
            "area",
            "bersih-akuntabel",
            "ipak",
            "ipak-indeks",
            "kinerja",
            "pelayanan-prima",
            "ipkp-indeks",
        } <= codes
    assert evaluate(CATALOGUE.predicate("WBK"), perfect(CATALOGUE)).passed
    assert evaluate(CATALOGUE.predicate("WBBM"), perfect(CATALOGUE)).passed


@pytest.mark.parametrize(("predicate", "rule"), RULES, ids=[f"{p}-{r.code}" for p, r in RULES])
def test_value_rule_boundary(predicate: str, rule: ThresholdRule) -> None:
    assert rule.minimum is not None
    at = evaluate(
        CATALOGUE.predicate(predicate), with_value(perfect(CATALOGUE), rule, rule.minimum)
    )
    assert result(at, rule.code).passed
    assert result(at, rule.code).value == rule.minimum
    assert at.passed
    below = evaluate(
        CATALOGUE.predicate(predicate), with_value(perfect(CATALOGUE), rule, rule.minimum - 1e-9)
    )
    assert not result(below, rule.code).passed
    assert dict(below.passed_by_reading) == {"gabungan": False, "terpisah": False}


EXPECTED_MINIMA = {
    # (predicate, rule code): minimum, from Tabel 6
    ("WBK", "total"): 75.0,
    ("WBBM", "total"): 85.0,
    ("WBK", "pengungkit"): 40.0,
    ("WBBM", "pengungkit"): 48.0,
    ("WBK", "bersih-akuntabel"): 18.25,
    ("WBBM", "bersih-akuntabel"): 19.5,
    ("WBK", "ipak"): 15.75,
    ("WBBM", "ipak"): 15.75,
    ("WBK", "ipak-indeks"): 3.6,
    ("WBBM", "ipak-indeks"): 3.6,
    ("WBK", "kinerja"): 2.5,
    ("WBBM", "kinerja"): 3.75,
    ("WBK", "pelayanan-prima"): 14.0,
    ("WBBM", "pelayanan-prima"): 15.75,
    ("WBK", "ipkp-indeks"): 3.2,
    ("WBBM", "ipkp-indeks"): 3.6,
}


def test_minima_match_tabel_6() -> None:
    assert {(p, r.code): r.minimum for p, r in RULES} == EXPECTED_MINIMA


def set_area(measures: Measures, code: str, part: str | None, value: float) -> Measures:
    """Set one part (or, with part None, the combined value only) of one area."""
    areas = []
    for area in measures.areas:
        if area.code == code:
            if part is None:
                area = replace(area, value=value)
            else:
                parts = tuple(replace(p, value=value) if p.part == part else p for p in area.parts)
                area = replace(area, parts=parts, value=sum(p.value for p in parts))
        areas.append(area)
    return replace(measures, areas=tuple(areas))


@pytest.mark.parametrize(("predicate", "percent"), [("WBK", 60.0), ("WBBM", 75.0)])
@pytest.mark.parametrize("area", ["MP", "TTL", "PW"])
def test_area_rule_combined_reading_boundary(predicate: str, percent: float, area: str) -> None:
    weight = next(a.weight for a in perfect(CATALOGUE).areas if a.code == area)
    minimum = percent * weight / 100  # MP 8 -> 4.80 (WBK) / 6.00 (WBBM)
    at = evaluate(CATALOGUE.predicate(predicate), set_area(perfect(CATALOGUE), area, None, minimum))
    assert result(at, "area", "gabungan", area).passed
    assert result(at, "area", "gabungan", area).minimum == minimum
    below = evaluate(
        CATALOGUE.predicate(predicate), set_area(perfect(CATALOGUE), area, None, minimum - 1e-9)
    )
    assert not result(below, "area", "gabungan", area).passed
    assert dict(below.passed_by_reading) == {"gabungan": False, "terpisah": True}


@pytest.mark.parametrize(("predicate", "percent"), [("WBK", 60.0), ("WBBM", 75.0)])
@pytest.mark.parametrize("part", ["pemenuhan", "reform"])
def test_area_rule_separate_reading_boundary(predicate: str, percent: float, part: str) -> None:
    # Penataan Tatalaksana: 3.50 per part -> 2.10 (WBK) / 2.625 (WBBM)
    minimum = percent * 3.5 / 100
    at = evaluate(
        CATALOGUE.predicate(predicate), set_area(perfect(CATALOGUE), "TTL", part, minimum)
    )
    assert result(at, "area", "terpisah", f"TTL {part}").passed
    assert at.passed
    below = evaluate(
        CATALOGUE.predicate(predicate), set_area(perfect(CATALOGUE), "TTL", part, minimum - 1e-9)
    )
    assert not result(below, "area", "terpisah", f"TTL {part}").passed
    # the other part is at 3.50, so the combined area (>= 5.60 of 7) still passes
    assert dict(below.passed_by_reading) == {"gabungan": True, "terpisah": False}
    assert not below.passed


def test_both_readings_fail_when_the_whole_area_is_low() -> None:
    low = set_area(set_area(perfect(CATALOGUE), "MP", "pemenuhan", 1.0), "MP", "reform", 1.0)
    verdict = evaluate(CATALOGUE.predicate("WBK"), low)
    assert dict(verdict.passed_by_reading) == {"gabungan": False, "terpisah": False}
    assert {(r.reading, r.subject) for r in verdict.failed} == {
        ("gabungan", "MP"),
        ("terpisah", "MP pemenuhan"),
        ("terpisah", "MP reform"),
    }
