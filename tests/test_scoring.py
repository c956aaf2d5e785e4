"""Scoring: worked examples by hand, extremes, monotonicity, the example's golden numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zi_docs.assessment import Answer, AnswerSet, Score, load_answers, score_answers
from zi_docs.assessment.gaps import analyse
from zi_docs.assessment.scoring import aggregate, area_nodes, area_scores, reaggregate
from zi_docs.assessment.verdict import evaluate_all, measures_of
from zi_docs.catalogue import Catalogue, Node, load_catalogue
from zi_docs.workspace import EXAMPLE_DIR

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def answer(question_id: str, **fields: Any) -> Answer:
    return Answer(question_id=question_id, written_id=question_id, **fields)


def score_of(catalogue: Catalogue, *answers: Answer) -> Score:
    answer_set = AnswerSet(
        file="lke.yaml", catalogue_id=catalogue.id, answers={a.question_id: a for a in answers}
    )
    return score_answers(catalogue, answer_set)


def extreme(catalogue: Catalogue, node: Node, best: bool) -> Answer:
    options = catalogue.options(node.answer_type or "")
    if options:
        return answer(node.id, option=options[0] if best else options[-1])
    if node.answer_type == "PERSEN":
        return answer(node.id, percent=100.0 if best else 0.0)
    return answer(node.id, index=4.0 if best else 0.0)


# ---- worked examples (computed by hand in the comments) -------------------------------------
def test_sub_is_weight_times_mean_of_question_values(catalogue: Catalogue) -> None:
    # P.MP.i (bobot 0.50): a = Ya (1), b = B (0.5) -> 0.50 x (1 + 0.5) / 2 = 0.375
    score = score_of(catalogue, answer("A.I.1.i.a", option="Ya"), answer("A.I.1.i.b", option="B"))
    assert score.node_values["A.I.1.i"] == pytest.approx(0.375, abs=1e-12)
    assert score.question("A.I.1.i.b").points == pytest.approx(0.125, abs=1e-12)
    # the area, bagian and komponen are sums: nothing else is answered
    assert score.node("A.I.1").value == pytest.approx(0.375, abs=1e-12)
    assert score.pengungkit == pytest.approx(0.375, abs=1e-12)
    assert score.total == pytest.approx(0.375, abs=1e-12)


def test_abcd_uses_067_and_033_literally(catalogue: Catalogue) -> None:
    # P.MP.iii (bobot 1.00): B, C, D -> 1.00 x (0.67 + 0.33 + 0) / 3 = 0.3333...
    score = score_of(
        catalogue,
        answer("A.I.1.iii.a", option="B"),
        answer("A.I.1.iii.b", option="C"),
        answer("A.I.1.iii.c", option="D"),
    )
    assert score.node_values["A.I.1.iii"] == pytest.approx(1.0 / 3, abs=1e-12)
    # P.TTL.i (bobot 1.00): ABCD A=1, ABCDE B=0.75, ABCDE D=0.25 -> 2.0 / 3
    score = score_of(
        catalogue,
        answer("A.I.2.i.a", option="A"),
        answer("A.I.2.i.b", option="B"),
        answer("A.I.2.i.c", option="D"),
    )
    assert score.node_values["A.I.2.i"] == pytest.approx(2.0 / 3, abs=1e-12)


def test_percentage_items_from_typed_counts(catalogue: Catalogue) -> None:
    # R.MP.i (bobot 2.00): a = 8 changes / 10 agents = 80%; b = 4 integrated / 8 changes = 50%
    # -> 2.00 x (0.80 + 0.50) / 2 = 1.30
    counts_a = {"jumlah_agen_perubahan": 10, "jumlah_perubahan_dibuat": 8}
    counts_b = {"jumlah_perubahan_dibuat": 8, "jumlah_perubahan_terintegrasi": 4}
    score = score_of(
        catalogue, answer("A.II.1.i.a", counts=counts_a), answer("A.II.1.i.b", counts=counts_b)
    )
    assert score.question("A.II.1.i.a").percent == pytest.approx(80.0)
    assert score.question("A.II.1.i.a").counts == counts_a
    assert score.node_values["A.II.1.i"] == pytest.approx(1.30, abs=1e-12)


def test_percentage_capped_and_zero_denominator_rule(catalogue: Catalogue) -> None:
    # 15 changes by 10 agents = 150% -> value capped at 1 -> 2.00 x (1 + 0) / 2 = 1.00
    over = answer("A.II.1.i.a", counts={"jumlah_agen_perubahan": 10, "jumlah_perubahan_dibuat": 15})
    score = score_of(catalogue, over)
    assert score.question("A.II.1.i.a").percent == pytest.approx(150.0)
    assert score.question("A.II.1.i.a").value == 1.0
    assert score.node_values["A.II.1.i"] == pytest.approx(1.0, abs=1e-12)
    # R.SDM.iii (bobot 2.00): no violations in either year -> bila_penyebut_nol 100% -> 2.00
    none = {"pelanggaran_tahun_sebelumnya": 0, "pelanggaran_tahun_ini": 0}
    score = score_of(catalogue, answer("A.II.3.iii.a", counts=none))
    assert score.node_values["A.II.3.iii"] == pytest.approx(2.0, abs=1e-12)
    # violations rose from 4 to 6: (4 - 6) / 4 = -50% -> value 0
    rose = {"pelanggaran_tahun_sebelumnya": 4, "pelanggaran_tahun_ini": 6}
    score = score_of(catalogue, answer("A.II.3.iii.a", counts=rose))
    assert score.question("A.II.3.iii.a").percent == pytest.approx(-50.0)
    assert score.node_values["A.II.3.iii"] == 0.0


def test_weighted_questions_and_typed_percent(catalogue: Catalogue) -> None:
    # R.PW.iii (bobot 2.00 = LHKPN 1.00 + LHKASN 1.00): 7 / (1 + 4 + 2) = 100%;
    # 56 / (6 + 14 + 38) = 96.5517...% -> 1.00 x 1 + 1.00 x 56/58 = 1.965517...
    lhkpn = {
        "lhkpn_wajib_kepala_satker": 1,
        "lhkpn_wajib_pejabat": 4,
        "lhkpn_wajib_lainnya": 2,
        "lhkpn_sudah_lapor": 7,
    }
    lhkasn = {
        "lhkasn_wajib_administrator": 6,
        "lhkasn_wajib_pengawas": 14,
        "lhkasn_wajib_fungsional_pelaksana": 38,
        "lhkasn_sudah_lapor": 56,
    }
    # R.AK.i (bobot 2.00) typed {persen: 75} -> 1.50
    score = score_of(
        catalogue,
        answer("A.II.5.iii.a", counts=lhkpn),
        answer("A.II.5.iii.b", counts=lhkasn),
        answer("A.II.4.i.a", percent=75.0),
    )
    assert score.node_values["A.II.5.iii"] == pytest.approx(1 + 56 / 58, abs=1e-12)
    assert score.node_values["A.II.4.i"] == pytest.approx(1.50, abs=1e-12)


def test_hasil_worked_example(catalogue: Catalogue) -> None:
    # IPAK 3.65 -> 3.65 / 4 x 17.5 = 15.96875; capaian kinerja B -> 0.75 x 5 = 3.75;
    # IPKP 3.41 -> 3.41 / 4 x 17.5 = 14.91875; hasil = 34.6375
    score = score_of(
        catalogue,
        answer("B.I.a", index=3.65),
        answer("B.I.b", option="B"),
        answer("B.II.a", index=3.41),
    )
    assert score.node_values["B.I.a"] == pytest.approx(15.96875, abs=1e-12)
    assert score.node_values["B.I.b"] == pytest.approx(3.75, abs=1e-12)
    assert score.node_values["B.I"] == pytest.approx(19.71875, abs=1e-12)
    assert score.node_values["B.II"] == pytest.approx(14.91875, abs=1e-12)
    assert score.hasil == pytest.approx(34.6375, abs=1e-12)
    assert score.pengungkit == 0.0
    assert len(score.unanswered) == 110


# ---- extremes --------------------------------------------------------------------------------
def test_all_best_gives_60_pengungkit_and_100_total(catalogue: Catalogue) -> None:
    score = score_of(catalogue, *(extreme(catalogue, q, True) for q in catalogue.questions()))
    assert f"{score.pengungkit:.2f}" == "60.00"
    assert score.pengungkit == pytest.approx(60.0, abs=1e-9)
    assert score.hasil == pytest.approx(40.0, abs=1e-9)
    assert score.total == pytest.approx(100.0, abs=1e-9)
    assert all(a.share == pytest.approx(1.0) for a in score.areas)
    assert [a.weight for a in score.areas] == [8, 7, 10, 10, 15, 10]
    assert score.unanswered == ()


def test_all_worst_and_nothing_answered_give_zero(catalogue: Catalogue) -> None:
    worst = score_of(catalogue, *(extreme(catalogue, q, False) for q in catalogue.questions()))
    assert (worst.pengungkit, worst.hasil, worst.total) == (0.0, 0.0, 0.0)
    assert worst.unanswered == ()
    empty = score_of(catalogue)
    assert empty.total == 0.0
    assert len(empty.unanswered) == 113


# ---- monotonicity ------------------------------------------------------------------------------
def _levels(catalogue: Catalogue, node: Node) -> list[Answer | None]:
    """Every answer level of a question, worst (unanswered) to best."""
    options = catalogue.options(node.answer_type or "")
    if options:
        return [None, *(answer(node.id, option=o) for o in reversed(options))]
    if node.answer_type == "PERSEN":
        return [None, *(answer(node.id, percent=p) for p in (0.0, 33.3, 50.0, 80.0, 100.0))]
    return [None, *(answer(node.id, index=i) for i in (0.0, 1.5, 3.2, 3.6, 4.0))]


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_raising_one_answer_never_lowers_the_total(data: st.DataObject) -> None:
    catalogue = load_catalogue()
    questions = catalogue.questions()
    chosen = {q.id: data.draw(st.integers(0, len(_levels(catalogue, q)) - 1)) for q in questions}
    target = data.draw(st.sampled_from(questions))
    levels = _levels(catalogue, target)
    higher = data.draw(st.integers(chosen[target.id], len(levels) - 1))

    def total(choice: dict[str, int]) -> Score:
        picked = [_levels(catalogue, q)[choice[q.id]] for q in questions]
        return score_of(catalogue, *(a for a in picked if a is not None))

    before, after = total(chosen), total({**chosen, target.id: higher})
    assert after.total >= before.total - 1e-12
    for old, new in zip(before.areas, after.areas, strict=True):
        assert new.value >= old.value - 1e-12


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_recomputing_one_questions_path_equals_the_whole_aggregate(data: st.DataObject) -> None:
    """What the gap analysis does for each trial: only the changed question and its ancestors
    are summed again, to the very same floats as summing the whole tree."""
    catalogue = load_catalogue()
    questions = [q.id for q in catalogue.questions()]
    value = st.floats(0.0, 1.0, allow_nan=False)
    values = {q: data.draw(value) for q in questions if data.draw(st.booleans())}
    changed = data.draw(st.sampled_from(questions))
    trial = {**values, changed: data.draw(value)}
    whole = aggregate(catalogue, trial)
    assert reaggregate(catalogue, aggregate(catalogue, values), trial, changed) == whole
    assert area_scores(catalogue, whole, area_nodes(catalogue)) == area_scores(catalogue, whole)


# ---- the example workspace ---------------------------------------------------------------------
def test_example_answers_golden_numbers(catalogue: Catalogue) -> None:
    answers = load_answers(EXAMPLE_DIR / "lke.yaml", catalogue)
    score = score_answers(catalogue, answers)
    assert score.pengungkit == pytest.approx(44.920308908045975, rel=1e-12)
    assert score.hasil == pytest.approx(34.6375, rel=1e-12)
    assert score.total == pytest.approx(79.55780890804598, rel=1e-12)
    assert score.unanswered == ("A.I.5.iv.c", "A.I.6.ii.d")
    assert sum(q.note is not None for q in score.questions) >= 3
    assert score.question("A.II.6.i.b").typed_percent == 80.0
    verdicts = {v.code: v for v in evaluate_all(catalogue, measures_of(score))}
    assert dict(verdicts["WBK"].passed_by_reading) == {"gabungan": True, "terpisah": False}
    assert [(r.subject, r.reading) for r in verdicts["WBK"].failed] == [("SDM reform", "terpisah")]
    assert not any(verdicts["WBBM"].passed_by_reading.values())
    gaps = analyse(catalogue, score, (verdicts["WBK"],))
    assert gaps[0].question_id == "A.II.3.iii.a"
    assert gaps[0].points == pytest.approx(1.5, abs=1e-12)  # 2.00 x (1 - 0.25)
    assert gaps[0].helps[0].fixed
    assert [g.points for g in gaps] == sorted((g.points for g in gaps), reverse=True)


def test_gap_steps(catalogue: Catalogue) -> None:
    score = score_of(
        catalogue,
        answer("A.I.1.i.b", option="C"),
        answer("B.I.a", index=3.55),
        answer("A.II.4.i.a", percent=40.0),
    )
    gaps = {g.question_id: g for g in analyse(catalogue, score, ())}
    assert (gaps["A.I.1.i.b"].current, gaps["A.I.1.i.b"].target) == ("C", "B")
    assert gaps["A.I.1.i.b"].points == pytest.approx(0.25 * 0.5, abs=1e-12)
    assert gaps["B.I.a"].target == "3.65"
    assert gaps["B.I.a"].points == pytest.approx(0.1 / 4 * 17.5, abs=1e-9)
    assert gaps["A.II.4.i.a"].target == "100%"
    assert gaps["A.II.4.i.a"].points == pytest.approx(2.0 * 0.6, abs=1e-12)
    # unanswered: to the best answer
    assert (gaps["A.I.1.i.a"].current, gaps["A.I.1.i.a"].target) == ("-", "Ya")


def test_legacy_catalogue_without_pemenuhan_reform(catalogue: Catalogue) -> None:
    legacy = load_catalogue(FIXTURES / "catalogues" / "permenpanrb-52-2014-mini.yaml")
    score = score_of(legacy, *(extreme(legacy, q, True) for q in legacy.questions()))
    assert score.total == pytest.approx(100.0, abs=1e-9)
    assert [(a.code, a.weight, [p.part for p in a.parts]) for a in score.areas][:2] == [
        ("MP", 5.0, ["pengungkit"]),
        ("TTL", 5.0, ["pengungkit"]),
    ]
