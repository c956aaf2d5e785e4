"""The shipped LKE catalogue: counts, weights, quirks, look-ups, and validation of bad files."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from zi_docs.catalogue import load_catalogue
from zi_docs.catalogue.model import Catalogue, Node
from zi_docs.errors import InvalidInputError, NotFoundError

FIXTURES = Path(__file__).parent / "fixtures" / "catalogues"


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return load_catalogue("permenpanrb-90-2021")


def test_counts_match_the_regulation(cat: Catalogue) -> None:
    by_part: dict[str | None, int] = {}
    for q in cat.questions():
        by_part[q.part] = by_part.get(q.part, 0) + 1
    assert by_part == {"pemenuhan": 87, "reform": 23, "hasil": 3}
    assert len(cat.questions()) == 113


def _check_sums(node: Node) -> None:
    weights = [c.weight for c in node.children]
    if node.children and not (node.children[0].is_question and all(w is None for w in weights)):
        assert math.isclose(sum(w or 0 for w in weights), node.weight or 0, abs_tol=1e-9), node.id
    for child in node.children:
        _check_sums(child)


def test_weights_sum_at_every_level(cat: Catalogue) -> None:
    assert [r.weight for r in cat.roots] == [60.0, 40.0]
    assert [c.weight for c in cat.node("A").children] == [30.0, 30.0]
    for root in cat.roots:
        _check_sums(root)
    combined = {}
    for area in (n for n in cat.walk() if n.level == "area"):
        combined[area.area] = combined.get(area.area, 0) + (area.weight or 0)
    assert combined == {"MP": 8, "TTL": 7, "SDM": 10, "AK": 10, "PW": 15, "PP": 10}


def test_thresholds_of_tabel_6(cat: Catalogue) -> None:
    wbk = {r.code: r for r in cat.predicate("wbk").rules}
    wbbm = {r.code: r for r in cat.predicate("WBBM").rules}
    assert wbk["total"].minimum == 75 and wbbm["total"].minimum == 85
    assert wbk["pengungkit"].minimum == 40 and wbbm["pengungkit"].minimum == 48
    assert wbk["area"].min_percent == 60 and wbbm["area"].min_percent == 75
    assert wbk["ipkp-indeks"].minimum == 3.2 and wbbm["ipkp-indeks"].minimum == 3.6
    assert wbbm["kinerja"].minimum == 3.75


def test_option_values_are_data(cat: Catalogue) -> None:
    assert cat.option_values["ABCD"] == {"A": 1.0, "B": 0.67, "C": 0.33, "D": 0.0}
    assert cat.options("ABCDE") == ["A", "B", "C", "D", "E"]


def test_official_quirks_are_kept(cat: Catalogue) -> None:
    v = cat.node("A.I.6.v")
    assert [(q.number, q.official_label) for q in v.children] == [
        ("a", "a"),
        ("b", "c"),
        ("c", "b"),
    ]
    hasil_b = cat.node("B.I.b")
    assert hasil_b.answer_type == "ABCDE" and "E" in hasil_b.criteria
    assert hasil_b.note and "a-d" in hasil_b.note.replace("–", "-")
    assert cat.node("A.II.1.ii.a").official_label == "-"


def test_percentage_items_have_inputs_and_formula(cat: Catalogue) -> None:
    persen = [q for q in cat.questions() if q.answer_type == "PERSEN"]
    assert len(persen) == 8
    for q in persen:
        assert q.inputs and q.formula is not None
        assert q.formula.names <= {i.key for i in q.inputs}
    disiplin = cat.node("A.II.3.iii.a")
    assert disiplin.zero_denominator == 100.0
    assert cat.node("A.II.1.i.a").zero_denominator is None


def test_every_question_has_a_checklist_with_a_required_item(cat: Catalogue) -> None:
    for q in cat.questions():
        assert q.checklist, q.id
        keys = [c.key for c in q.checklist]
        assert len(keys) == len(set(keys)), q.id
    sk = cat.node("A.I.1.i.a").checklist_item("sk-tim")
    assert sk is not None and sk.required and sk.generator == "sk-tim"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A.I.1.i.a", "A.I.1.i.a"),
        ("a.i.1.i.a", "A.I.1.i.a"),
        ("1.i.a", "A.I.1.i.a"),
        ("P.MP.i.a", "A.I.1.i.a"),
        ("p.mp.i.a", "A.I.1.i.a"),
        ("R.MP.i.a", "A.II.1.i.a"),
        ("PPA1A", "A.I.1.i.a"),
        ("P.PW.i", "A.I.5.i"),
        ("b.ii.a", "B.II.a"),
    ],
)
def test_resolve_ids_and_aliases(cat: Catalogue, text: str, expected: str) -> None:
    assert cat.resolve(text).id == expected


def test_unknown_id_gets_suggestions(cat: Catalogue) -> None:
    with pytest.raises(NotFoundError) as info:
        cat.resolve("1.i.x")
    assert "A.I.1.i.a" in info.value.suggestions or "A.I.1.i.b" in info.value.suggestions


def test_search_finds_gratifikasi(cat: Catalogue) -> None:
    ids = [n.id for n, _ in cat.search("gratifikasi")]
    assert "A.I.5.i.a" in ids and "A.I.5.i.b" in ids
    assert cat.search("kata-yang-tidak-ada-sama-sekali") == []


def test_legacy_52_2014_structure_loads() -> None:
    legacy = load_catalogue(FIXTURES / "permenpanrb-52-2014-mini.yaml")
    areas = [n for n in legacy.walk() if n.level == "area"]
    assert [a.weight for a in areas] == [5, 5, 15, 10, 15, 10]
    assert not [n for n in legacy.walk() if n.level == "bagian"]
    assert legacy.resolve("1.i.a").area == "MP"


def test_validation_reports_every_problem_at_once(tmp_path: Path) -> None:
    source = (FIXTURES / "permenpanrb-52-2014-mini.yaml").read_text(encoding="utf-8")
    broken = source.replace("jenis: ABC\n", "jenis: XYZ\n", 1)
    broken = broken.replace("bobot: 5.0\n", "bobot: 6.0\n", 1)
    first_q = broken.index("tingkat: pertanyaan")
    id_line_start = broken.rfind("- id: ", 0, first_q)
    first_id = broken[id_line_start : broken.index("\n", id_line_start)]
    second_q = broken.index("tingkat: pertanyaan", first_q + 10)
    second_start = broken.rfind("- id: ", 0, second_q)
    second_id = broken[second_start : broken.index("\n", second_start)]
    broken = broken.replace(second_id, first_id, 1)
    path = tmp_path / "broken.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(InvalidInputError) as info:
        load_catalogue(path)
    messages = "\n".join(str(f) for f in info.value.findings)
    assert "XYZ" in messages
    assert "jumlah bobot anaknya" in messages
    assert "dipakai lebih dari sekali" in messages
    assert all(f.line for f in info.value.findings)
    assert len(info.value.findings) >= 3


def test_missing_thresholds_is_reported(tmp_path: Path) -> None:
    source = (FIXTURES / "permenpanrb-52-2014-mini.yaml").read_text(encoding="utf-8")
    start = source.index("\nambang_batas:")
    end = source.index("\npohon:")
    path = tmp_path / "no-thresholds.yaml"
    path.write_text(source[:start] + source[end:], encoding="utf-8")
    with pytest.raises(InvalidInputError) as info:
        load_catalogue(path)
    assert any("ambang_batas" in str(f) for f in info.value.findings)


def test_short_alias_is_shown_as_users_write_it(cat: Catalogue) -> None:
    assert cat.short_alias(cat.node("A.I.1.i.a")) == "P.MP.i.a"
    assert cat.short_alias(cat.node("A.II.6.i")) == "R.PP.i"
    assert cat.short_alias(cat.node("B.I.a")) == "B.I.a"
    legacy = load_catalogue(FIXTURES / "permenpanrb-52-2014-mini.yaml")
    first = legacy.questions()[0]
    assert legacy.short_alias(first) == "MP.i.a"
    assert legacy.resolve(legacy.short_alias(first)) is first


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("min: 75.0", "min: tujuh puluh", "ambang_batas.WBK.aturan[1].min"),
        (
            "      - kode: total\n        uraian: Nilai total\n        ukuran: total\n"
            "        min: 75.0",
            "      - total",
            "ambang_batas.WBK.aturan[1]",
        ),
        ("Menuju WBK\n    aturan:", "Menuju WBK\n    atura:", "ambang_batas.WBK"),
        (
            "                jenis: ABC\n",
            "                jenis: ABC\n                bila_penyebut_nol: seratus\n",
            "bila_penyebut_nol",
        ),
    ],
)
def test_bad_threshold_or_number_is_a_finding_not_a_crash(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    source = (FIXTURES / "permenpanrb-52-2014-mini.yaml").read_text(encoding="utf-8")
    assert old in source
    path = tmp_path / "salah.yaml"
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InvalidInputError) as info:
        load_catalogue(path)
    (finding,) = info.value.findings
    assert finding.line is not None and (finding.field or "").endswith(field)


def test_resolve_area_by_code_or_name(cat: Catalogue) -> None:
    assert cat.resolve_area("pw") == "PW"
    assert cat.resolve_area("  Penguatan Pengawasan ") == "PW"
    with pytest.raises(NotFoundError) as info:
        cat.resolve_area("XX")
    assert "MP (Manajemen Perubahan)" in info.value.suggestions
