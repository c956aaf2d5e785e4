"""Indonesian formatting for templates: dates, terbilang, rupiah, numbers, roman numerals, NIP,
diktum ordinals and names with academic titles.

Every public function here is also a Jinja filter (see :data:`FILTERS`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from zi_docs.angka import angka, as_decimal, persen, ribuan
from zi_docs.dates_in_text import MONTHS
from zi_docs.nip import format_nip
from zi_docs.schema import as_date

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

_UNITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))
TERBILANG_LIMIT = 10**15
"""``terbilang`` names numbers below one kuadriliun (up to 999 triliun ...)."""


# ---- dates ------------------------------------------------------------------------------------
def _as_date(value: Any) -> dt.date:
    day = as_date(value)
    if day is None:
        raise ValueError(f"'{value}' bukan tanggal (TTTT-BB-HH)")
    return day


def tanggal(value: Any, hari: bool = False) -> str:
    """``2023-10-04`` -> ``4 Oktober 2023`` (``Rabu, 4 Oktober 2023`` with ``hari=True``)."""
    day = _as_date(value)
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{DAYS[day.weekday()]}, {text}" if hari else text


def hari(value: Any) -> str:
    """The day name: ``Rabu``."""
    return DAYS[_as_date(value).weekday()]


def bulan(value: Any) -> str:
    """The month name of a date, or of a month number 1-12."""
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1 <= value <= 12:
            raise ValueError(f"bulan {value} di luar 1-12")
        return MONTHS[value - 1]
    return MONTHS[_as_date(value).month - 1]


def tanggal_terbilang(value: Any) -> str:
    """``2026-01-20`` -> ``dua puluh bulan Januari tahun dua ribu dua puluh enam``."""
    day = _as_date(value)
    return f"{terbilang(day.day)} bulan {MONTHS[day.month - 1]} tahun {terbilang(day.year)}"


# ---- terbilang --------------------------------------------------------------------------------
def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds > 1:
        words += [_UNITS[hundreds], "ratus"]
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif 12 <= rest <= 19:
        words += [_UNITS[rest - 10], "belas"]
    elif rest >= 20:
        tens, unit = divmod(rest, 10)
        words += [_UNITS[tens], "puluh"]
        if unit:
            words.append(_UNITS[unit])
    elif rest > 0:
        words.append(_UNITS[rest])
    return words


def _integer_words(n: int) -> list[str]:
    if n == 0:
        return ["nol"]
    words: list[str] = []
    for scale, name in _SCALES:
        count, n = divmod(n, scale)
        if not count:
            continue
        if count == 1 and scale == 1000:
            words.append("seribu")
        else:
            words += [*_below_thousand(count), name]
    words += _below_thousand(n)
    return words


def terbilang(value: Any) -> str:
    """A number in Indonesian words: 1000 -> ``seribu``, 1001000 -> ``satu juta seribu``.

    Negative numbers start with ``minus``; decimals are read digit by digit after ``koma``.
    """
    if isinstance(value, bool):
        raise ValueError("nilai ya/tidak bukan bilangan")
    number = as_decimal(value)
    if abs(number) >= TERBILANG_LIMIT:
        raise ValueError(f"{value} terlalu besar untuk ditulis dengan huruf (batas: triliun)")
    sign = ["minus"] if number < 0 else []
    number = abs(number)
    whole = int(number)
    words = sign + _integer_words(whole)
    fraction = format(number - whole, "f")
    if "." in fraction and fraction.split(".")[1].strip("0"):
        digits = fraction.split(".")[1].rstrip("0")
        words.append("koma")
        words += ["nol" if d == "0" else _UNITS[int(d)] for d in digits]
    return " ".join(words)


# ---- numbers and money (number formatting itself lives in zi_docs/angka.py) -----------------
def rupiah(value: Any, gaya: str = "baku") -> str:
    """Money: ``Rp1.250.000,00`` (``gaya="baku"``) or the house style ``Rp 1.250.000,-``
    (``gaya="kantor"``, whole rupiah)."""
    number = as_decimal(value)
    sign = "-" if number < 0 else ""
    if gaya == "kantor":
        return f"{sign}Rp {ribuan(abs(number))},-"
    if gaya != "baku":
        raise ValueError(f"gaya rupiah '{gaya}' tidak dikenal; pakai 'baku' atau 'kantor'")
    return f"{sign}Rp{angka(abs(number), 2)}"


_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def romawi(value: Any) -> str:
    """Roman numeral of 1-3999 (also of a date's month): ``10`` -> ``X``."""
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.month
    number = int(value)
    if not 1 <= number <= 3999:
        raise ValueError(f"{number} tidak dapat ditulis dengan angka Romawi (1-3999)")
    out = []
    for amount, symbol in _ROMAN:
        count, number = divmod(number, amount)
        out.append(symbol * count)
    return "".join(out)


def nip(value: Any) -> str:
    """``198001012005011001`` -> ``19800101 200501 1 001``; '-' and other text unchanged."""
    return format_nip(str(value))


def diktum(value: Any) -> str:
    """Diktum ordinal word: 1 -> ``KESATU``, 11 -> ``KESEBELAS``, 21 -> ``KEDUA PULUH SATU``."""
    number = int(value)
    if number < 1:
        raise ValueError(f"nomor diktum harus mulai dari 1 (tertulis {number})")
    words = terbilang(number)
    return ("ke" + words).upper()


def huruf(value: Any) -> str:
    """List letter: 1 -> ``a``, 26 -> ``z``, 27 -> ``aa``."""
    number = int(value)
    if number < 1:
        raise ValueError("nomor butir harus mulai dari 1")
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


# ---- names with titles ------------------------------------------------------------------------
_TITLE_WORDS = frozenset(
    {
        "h",
        "hj",
        "dr",
        "drs",
        "dra",
        "drg",
        "ir",
        "prof",
        "kh",
        "r",
        "rr",
        "raden",
        "st",
        "hc",
    }
)
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]{1,4}\.)+$")


def _is_title(token: str) -> bool:
    bare = token.rstrip(".,").lower()
    return token.endswith(".") and (bare in _TITLE_WORDS or bool(_ABBREVIATION.match(token)))


def _cap_word(word: str) -> str:
    def cap(part: str) -> str:
        return part[:1].upper() + part[1:].lower()

    pieces = re.split(r"([-'’])", word)
    return "".join(p if p in "-'’" else cap(p) for p in pieces)


def _split_name(value: str) -> tuple[list[str], list[str], str]:
    """(leading titles, name words, trailing degrees ``, S.T., M.Si.``)."""
    text = " ".join(str(value).split())
    main, comma, degrees = text.partition(",")
    tokens = main.split(" ") if main else []
    titles: list[str] = []
    while tokens and _is_title(tokens[0]) and len(tokens) > 1:
        titles.append(tokens.pop(0))
    return titles, tokens, (comma + degrees) if comma else ""


def nama(value: Any) -> str:
    """Title-case the name, keep academic titles and degrees as written.

    ``dr. H. AHMAD FAUZI, S.T., M.Si.`` -> ``dr. H. Ahmad Fauzi, S.T., M.Si.``. Leading words
    ending in a dot (``Dr.``, ``Hj.``, ``Ir.``) and everything after the first comma are degrees
    and kept; single initials such as ``M.`` inside the name are kept too.
    """
    titles, words, degrees = _split_name(str(value))
    shown = [w if _ABBREVIATION.match(w) else _cap_word(w) for w in words]
    return " ".join([*titles, *shown]) + degrees


def nama_kapital(value: Any) -> str:
    """The name in capitals, titles and degrees kept: ``Dr. Hj. RATNA DEWI, S.E., M.Si.``."""
    titles, words, degrees = _split_name(str(value))
    return " ".join([*titles, *(w.upper() for w in words)]) + degrees


FILTERS: dict[str, Callable[..., str]] = {
    "tanggal": tanggal,
    "hari": hari,
    "bulan": bulan,
    "tanggal_terbilang": tanggal_terbilang,
    "terbilang": terbilang,
    "ribuan": ribuan,
    "angka": angka,
    "persen": persen,
    "rupiah": rupiah,
    "romawi": romawi,
    "nip": nip,
    "diktum": diktum,
    "huruf": huruf,
    "nama": nama,
    "nama_kapital": nama_kapital,
}
"""Every formatting function, by its Jinja filter name."""


def name_core(value: Any) -> str:
    """The name without titles and degrees, for comparing people across documents:
    ``Dr. Hj. Ratna Kusumawardani, S.E., M.Si.`` -> ``ratna kusumawardani``."""
    _titles, words, _degrees = _split_name(str(value))
    return " ".join(w.strip(".") for w in words).casefold()
