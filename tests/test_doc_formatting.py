"""Indonesian formatting: terbilang, dates, money, roman numerals, diktum words, names."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zi_docs.documents import formatting as f

_UNITS = {
    w: i
    for i, w in enumerate(
        ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
    )
}
_SCALES = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}


def parse_terbilang(text: str) -> int:
    """Independent reader of Indonesian number words (the inverse of terbilang)."""
    words = text.split()
    sign = -1 if words and words[0] == "minus" else 1
    words = words[1:] if sign < 0 else words
    total, group, current = 0, 0, 0
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word == "sepuluh":
            current += 10
        elif word == "sebelas":
            current += 11
        elif word == "belas":
            current += 10
        elif word == "puluh":
            current *= 10
        elif word == "seratus":
            group += 100
        elif word == "ratus":
            group += current * 100
            current = 0
        elif word == "seribu":
            total += 1000
        elif word in _SCALES:
            total += (group + current) * _SCALES[word]
            group = current = 0
        else:
            raise ValueError(word)
        if word == "puluh" or word == "belas":
            group, current = group + current, 0
    return sign * (total + group + current)


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (100, "seratus"),
        (101, "seratus satu"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (2000, "dua ribu"),
        (11000, "sebelas ribu"),
        (21000, "dua puluh satu ribu"),
        (100000, "seratus ribu"),
        (101000, "seratus satu ribu"),
        (1000000, "satu juta"),
        (1001000, "satu juta seribu"),
        (1000000000, "satu miliar"),
        (10**12, "satu triliun"),
        (2026, "dua ribu dua puluh enam"),
        (-15, "minus lima belas"),
    ],
)
def test_terbilang_known_values(number: int, words: str) -> None:
    assert f.terbilang(number) == words


def test_terbilang_decimals_strings_and_limits() -> None:
    assert f.terbilang(1.5) == "satu koma lima"
    assert f.terbilang("12.05") == "dua belas koma nol lima"
    assert f.terbilang(f.TERBILANG_LIMIT - 1).startswith(
        "sembilan ratus sembilan puluh sembilan triliun"
    )
    with pytest.raises(ValueError):
        f.terbilang(f.TERBILANG_LIMIT)
    with pytest.raises(ValueError):
        f.terbilang(True)


@given(st.integers(min_value=-(f.TERBILANG_LIMIT - 1), max_value=f.TERBILANG_LIMIT - 1))
def test_terbilang_round_trips(number: int) -> None:
    words = f.terbilang(number)
    assert parse_terbilang(words) == number
    assert "satu ratus" not in words and "satu puluh" not in words and "satu belas" not in words
    assert not words.replace("minus ", "").startswith("satu ribu")
    assert "  " not in words and words == words.strip()


@given(st.integers(min_value=0, max_value=10**9))
def test_terbilang_is_injective_on_neighbours(number: int) -> None:
    assert f.terbilang(number) != f.terbilang(number + 1)


def test_dates() -> None:
    day = dt.date(2023, 10, 4)
    assert f.tanggal(day) == "4 Oktober 2023"
    assert f.tanggal(day, hari=True) == "Rabu, 4 Oktober 2023"
    assert f.tanggal("2026-01-20") == "20 Januari 2026"
    assert f.hari(dt.datetime(2026, 1, 20, 9, 0)) == "Selasa"
    assert f.bulan(12) == "Desember"
    assert f.tanggal_terbilang(dt.date(2026, 1, 20)) == (
        "dua puluh bulan Januari tahun dua ribu dua puluh enam"
    )
    with pytest.raises(ValueError):
        f.tanggal("20/01/2026")


def test_money_and_numbers() -> None:
    assert f.rupiah(1250000) == "Rp1.250.000,00"
    assert f.rupiah(1250000, "kantor") == "Rp 1.250.000,-"
    assert f.rupiah(-1234.567) == "-Rp1.234,57"
    assert f.rupiah("0.005") == "Rp0,01"
    assert f.ribuan(1234567) == "1.234.567"
    assert f.ribuan(999) == "999"
    assert f.angka(1234567.891) == "1.234.567,89"
    assert f.angka(0.5, 0) == "1"
    assert f.persen(87.5) == "87,50%"
    with pytest.raises(ValueError):
        f.rupiah(1, "asing")


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


@given(st.integers(min_value=1, max_value=3999))
def test_roman_round_trip(number: int) -> None:
    text = f.romawi(number)
    values = [_ROMAN_VALUES[c] for c in text]
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    assert total == number


def test_roman_edges() -> None:
    assert [f.romawi(n) for n in (1, 4, 9, 10, 12, 40, 1994)] == [
        "I",
        "IV",
        "IX",
        "X",
        "XII",
        "XL",
        "MCMXCIV",
    ]
    assert f.romawi(dt.date(2026, 11, 1)) == "XI"
    with pytest.raises(ValueError):
        f.romawi(0)


def test_diktum_words() -> None:
    expected = [
        "KESATU",
        "KEDUA",
        "KETIGA",
        "KEEMPAT",
        "KELIMA",
        "KEENAM",
        "KETUJUH",
        "KEDELAPAN",
        "KESEMBILAN",
        "KESEPULUH",
        "KESEBELAS",
        "KEDUA BELAS",
    ]
    assert [f.diktum(n) for n in range(1, 13)] == expected
    assert f.diktum(20) == "KEDUA PULUH"
    assert f.diktum(21) == "KEDUA PULUH SATU"
    assert f.diktum(100) == "KESERATUS"
    with pytest.raises(ValueError):
        f.diktum(0)


def test_letters_and_nip() -> None:
    assert [f.huruf(n) for n in (1, 2, 26, 27)] == ["a", "b", "z", "aa"]
    assert f.nip("198001012005011001") == "19800101 200501 1 001"
    assert f.nip("-") == "-"


@pytest.mark.parametrize(
    ("raw", "nice", "caps"),
    [
        (
            "dr. H. AHMAD FAUZI, S.T., M.Si.",
            "dr. H. Ahmad Fauzi, S.T., M.Si.",
            "dr. H. AHMAD FAUZI, S.T., M.Si.",
        ),
        (
            "Dr. Hj. Ratna Kusumawardani, S.E., M.Si.",
            "Dr. Hj. Ratna Kusumawardani, S.E., M.Si.",
            "Dr. Hj. RATNA KUSUMAWARDANI, S.E., M.Si.",
        ),
        ("SITI NUR-HALIZA", "Siti Nur-Haliza", "SITI NUR-HALIZA"),
        (
            "ir.  bambang   supriyadi, m.m.",
            "ir. Bambang Supriyadi, m.m.",
            "ir. BAMBANG SUPRIYADI, m.m.",
        ),
        ("YUSUF", "Yusuf", "YUSUF"),
    ],
)
def test_names_keep_titles(raw: str, nice: str, caps: str) -> None:
    assert f.nama(raw).replace("\u00a0", " ") == nice
    assert f.nama_kapital(raw).replace("\u00a0", " ") == caps


def test_names_wrap_only_inside_the_name_or_before_the_degrees() -> None:
    name = f.nama_kapital("Dr. Hj. Ratna Kusumawardani, S.E., M.Si.")
    assert name.split(" ") == ["Dr.\u00a0Hj.\u00a0RATNA", "KUSUMAWARDANI,", "S.E.,\u00a0M.Si."]
    assert f.nama("Yusuf Hidayat") == "Yusuf Hidayat"


def test_every_filter_is_registered() -> None:
    assert set(f.FILTERS) >= {
        "tanggal",
        "terbilang",
        "rupiah",
        "romawi",
        "nip",
        "diktum",
        "nama",
        "nama_kapital",
        "ribuan",
    }
