"""NIP (Nomor Induk Pegawai): 18 digits = birth date, appointment month, sex, serial."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from zi_docs.schema import Context, Custom
from zi_docs.yamlio import PathKey

_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?[eE]\+?\d+")


def nip_problems(raw: str) -> list[str]:
    """Why ``raw`` is not a valid NIP (empty list when it is)."""
    digits = normalise_nip(raw)
    if _SCIENTIFIC.fullmatch(raw.strip()):
        return [
            f"NIP tertulis '{raw.strip()}': Excel mengubahnya menjadi angka ilmiah dan digit "
            "terakhirnya hilang; format kolom NIP sebagai Teks lalu ketik ulang NIP lengkap"
        ]
    if not digits.isdigit():
        return ["NIP hanya boleh berisi angka (spasi diperbolehkan)"]
    if len(digits) != 18:
        return [f"NIP harus 18 digit (tertulis {len(digits)} digit)"]
    problems = []
    try:
        dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        problems.append(f"8 digit pertama NIP ({digits[0:8]}) bukan tanggal lahir yang sah")
    if not 1 <= int(digits[12:14]) <= 12:
        problems.append(f"digit 13-14 NIP ({digits[12:14]}) harus bulan pengangkatan 01-12")
    if digits[14] not in "12":
        problems.append(f"digit ke-15 NIP ({digits[14]}) harus 1 (pria) atau 2 (wanita)")
    return problems


def normalise_nip(raw: str) -> str:
    """The 18 digits of a NIP, without spaces."""
    return raw.replace(" ", "").replace(".", "")


def format_nip(raw: str) -> str:
    """``198001012005011001`` -> ``19800101 200501 1 001``; other text is returned as is."""
    digits = normalise_nip(str(raw))
    if len(digits) != 18 or not digits.isdigit():
        return str(raw)
    return f"{digits[0:8]} {digits[8:14]} {digits[14]} {digits[15:18]}"


def _check_nip(value: Any, path: PathKey, ctx: Context) -> Any:
    if value is None or isinstance(value, (bool, float, list, dict)):
        ctx.fail(path, "NIP harus 18 digit angka; tulis di antara tanda kutip", "nip-format")
        return None
    text = str(value).strip()
    if text == "-":
        return "-"
    for problem in nip_problems(text):
        ctx.fail(path, problem, "nip-format")
    return normalise_nip(text)


NIP = Custom(
    "NIP 18 digit (misalnya \"19800101 200501 1 001\"), atau '-' bila bukan ASN",
    _check_nip,
    example="198001012005011001",
)
