"""IKM (PermenPANRB 14/2017): hand-worked data sets, both weights, answered-only NRR, the
interval edges, labels, and every kind of bad data with its row and column."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from survey_helpers import CHECK_SUMS, check_figure_rows, unsur_header, write_csv

from zi_docs.errors import InvalidInputError
from zi_docs.surveys.exact import half_up
from zi_docs.surveys.ikm import compute_ikm
from zi_docs.surveys.scales import skm_scale


def test_check_figure_by_hand(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "skm.csv", unsur_header(), check_figure_rows())
    regulasi = compute_ikm(path)
    eksak = compute_ikm(path, weight="eksak")
    # by hand: NRR_i = sum_i / 29; sum of NRR = 955/29
    assert [u.nrr for u in regulasi.overall.unsur] == [Fraction(s, 29) for s in CHECK_SUMS]
    assert [str(half_up(u.nrr, 4)) for u in regulasi.overall.unsur if u.nrr] == [
        "3.6207",
        "3.4828",
        "3.4483",
        "4.0000",
        "3.5172",
        "3.6207",
        "3.6552",
        "3.6207",
        "3.9655",
    ]
    # 0,11: 955/29 x 0.11 x 25 = 2626.25/29 = 90.5603...
    assert regulasi.overall.ikm == Fraction(955, 29) * Fraction(11, 100) * 25
    assert regulasi.overall.rounded == Decimal("90.56")
    # 1/9: 955/29 / 9 x 25 = 23875/261 = 91.4751...
    assert eksak.overall.ikm == Fraction(23875, 261)
    assert eksak.overall.rounded == Decimal("91.48")
    assert regulasi.weight.name == "regulasi" and regulasi.weight.shown == "0,11"
    assert eksak.weight.name == "eksak" and eksak.weight.shown == "1/9"
    assert regulasi.overall.band is not None and regulasi.overall.band.mutu == "A"
    assert regulasi.overall.band.kinerja == "Sangat baik"
    assert regulasi.overall.respondents == 29 and not regulasi.problems
    ranks = {u.code: u.rank for u in regulasi.overall.unsur}
    assert ranks["U4"] == 1 and ranks["U9"] == 2 and ranks["U3"] == 7  # U1, U6, U8 tie at 4


def test_weight_maximum_is_99_with_011_and_100_exact(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "max.csv", unsur_header(), [[4] * 9, [4] * 9])
    assert compute_ikm(path).overall.rounded == Decimal("99.00")
    assert compute_ikm(path, weight="eksak").overall.ikm == 100


def test_nrr_divides_by_those_who_answered(tmp_path: Path) -> None:
    rows = [
        [4, 4, 4, 4, 4, 4, 4, 4, 4],
        [2, 4, 4, 4, 4, 4, 4, 4, 4],
        [None, 4, 4, 4, 4, 4, 4, 4, 4],
    ]
    result = compute_ikm(write_csv(tmp_path / "a.csv", unsur_header(), rows), weight="eksak")
    u1 = result.overall.unsur[0]
    # (4 + 2) / 2 answered = 3, not 6 / 3 respondents = 2
    assert (u1.answered, u1.total, u1.nrr) == (2, 6, Fraction(3))
    assert result.overall.respondents == 3
    assert result.overall.ikm == (Fraction(3) + 8 * 4) / 9 * 25
    assert [(p.kind, p.row, p.column, p.item) for p in result.problems] == [
        ("kosong", 4, "A", "U1")
    ]


@pytest.mark.parametrize(
    ("converted", "mutu"),
    [
        ("25.00", "D"),
        ("64.99", "D"),
        ("65.00", "C"),
        ("76.60", "C"),
        ("76.61", "B"),
        ("88.30", "B"),
        ("88.31", "A"),
        ("100.00", "A"),
    ],
)
def test_interval_edges_as_printed(converted: str, mutu: str) -> None:
    assert skm_scale().band(Decimal(converted)).mutu == mutu


def test_mutu_uses_the_value_rounded_to_two_decimals() -> None:
    # 64.995 rounds half up to 65.00 (C); 64.9949... to 64.99 (D); 88.305 -> 88.31 (A)
    scale = skm_scale()
    assert scale.band(half_up(Fraction(64995, 1000), 2)).mutu == "C"
    assert scale.band(half_up(Fraction(649949, 10000), 2)).mutu == "D"
    assert scale.band(half_up(Fraction(88305, 1000), 2)).mutu == "A"
    assert half_up(Fraction(-5, 2), 0) == Decimal(-3)


def test_obsolete_2004_intervals_are_not_used() -> None:
    bands = skm_scale().bands
    assert [(str(b.nik[0]), str(b.nik[1])) for b in bands] == [
        ("25.00", "64.99"),
        ("65.00", "76.60"),
        ("76.61", "88.30"),
        ("88.31", "100.00"),
    ]
    assert [(str(b.ni[0]), str(b.ni[1])) for b in bands] == [
        ("1.00", "2.5996"),
        ("2.60", "3.064"),
        ("3.0644", "3.532"),
        ("3.5324", "4.00"),
    ]
    # 2004: 62,51-81,25 was B; under 14/2017 an IKM of 80,00 is B and 70,00 is C
    assert skm_scale().band(Decimal("70.00")).mutu == "C"


def test_labels_per_unsur_letters_and_numbers(tmp_path: Path) -> None:
    rows = [
        [
            "Sangat sesuai",
            "sangat  MUDAH",
            "Cepat",
            "Gratis",
            "d. Sangat sesuai",
            "Kompeten",
            "Sopan dan ramah",
            "Dikelola dengan baik",
            "Sangat Baik",
        ],
        [
            "Tidak sesuai",
            "Kurang mudah",
            "Tidak cepat",
            "Sangat mahal",
            "b",
            "3,0",
            "4.0",
            "Ada tetapi tidak berfungsi",
            "Buruk",
        ],
    ]
    result = compute_ikm(write_csv(tmp_path / "l.csv", unsur_header(), rows))
    assert not result.problems
    assert [u.distribution for u in result.overall.unsur] == [
        (1, 0, 0, 1),
        (0, 1, 0, 1),
        (1, 0, 1, 0),
        (1, 0, 0, 1),
        (0, 1, 0, 1),
        (0, 0, 2, 0),
        (0, 0, 1, 1),
        (0, 1, 0, 1),
        (1, 0, 0, 1),
    ]


def test_a_label_of_another_unsur_is_unknown(tmp_path: Path) -> None:
    rows = [["Gratis", 4, 4, 4, 4, 4, 4, 4, 4]]  # U4's label written under U1
    result = compute_ikm(write_csv(tmp_path / "x.csv", unsur_header(), rows))
    assert [(p.kind, p.column, p.value) for p in result.problems] == [
        ("label-tidak-dikenal", "A", "Gratis")
    ]
    assert not result.usable  # U1 has no answer left, so no IKM
    assert result.overall.missing == ("U1",)


def test_every_bad_data_kind_listed_with_row_and_column(tmp_path: Path) -> None:
    header = ["Timestamp", "Email", *unsur_header()]
    good = [4, 3, 3, 4, 3, 3, 4, 3, 4]
    rows = [
        ["2026/01/05 09:00:00", "a@x.id", *good],  # row 2
        ["2026/01/05 09:10:00", "b@x.id", 5, *good[1:]],  # row 3: 5 outside 1-4
        ["2026/01/05 09:20:00", "c@x.id", *good[:2], "lumayan", *good[3:]],  # row 4: unknown
        ["2026/01/05 09:30:00", "d@x.id", *good[:8], None],  # row 5: empty U9
        ["2026/01/05 09:00:00", "a@x.id", *good],  # row 6: duplicate of row 2
        [None] * 11,  # row 7: all blank
        ["kemarin", "e@x.id", *good],  # row 8: unreadable timestamp
        ["2026/01/06 08:00:00", "f@x.id", 3.5, *good[1:]],  # row 9: not a whole score
    ]
    result = compute_ikm(write_csv(tmp_path / "bad.csv", header, rows))
    found = [(p.kind, p.row, p.column, p.item) for p in result.problems]
    assert found == [
        ("di-luar-skala", 3, "C", "U1"),
        ("label-tidak-dikenal", 4, "E", "U3"),
        ("kosong", 5, "K", "U9"),
        ("duplikat", 6, None, ""),
        ("baris-kosong", 7, None, ""),
        ("waktu-tidak-terbaca", 8, "A", ""),
        ("di-luar-skala", 9, "C", "U1"),
    ]
    assert result.counts == {
        "di-luar-skala": 2,
        "label-tidak-dikenal": 1,
        "kosong": 1,
        "duplikat": 1,
        "baris-kosong": 1,
        "waktu-tidak-terbaca": 1,
    }
    assert result.problems[3].first_row == 2
    assert "baris 3, kolom C (U1)" in result.problems[0].message()
    # rows 2,3,4,5,8,9 count; each bad cell leaves out its unsur only
    assert result.overall.respondents == 6
    u1, u3, u9 = (result.overall.unsur[i] for i in (0, 2, 8))
    assert (u1.answered, u3.answered, u9.answered) == (4, 5, 5)
    assert [g.respondents for g in result.periods] == [5]  # row 8 has no period


def test_missing_columns_are_all_named(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m.csv", ["U1", "U2", "u3", "U5"], [[4, 4, 4, 4]])
    with pytest.raises(InvalidInputError) as caught:
        compute_ikm(path)
    messages = [f.message for f in caught.value.findings]
    assert len(messages) == 5 and all("tidak ada di baris judul" in m for m in messages)
    assert any(m.startswith("kolom U4 (Biaya/Tarif)") for m in messages)
