"""The survey scales shipped as data under ``zi_docs/data/survei/``: the SKM of PermenPANRB
14/2017 (unsur, answer labels, weights, interval table), the sample-size table, and the internal
SPAK/SPKP instruments with their named index methods."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

from zi_docs.errors import InvalidInputError
from zi_docs.findings import Finding
from zi_docs.resources import SURVEYS, resource
from zi_docs.surveys.exact import half_up, printed
from zi_docs.yamlio import load_yaml

DATA_DIR = resource(SURVEYS)
SKM_FILE = DATA_DIR / "skm-permenpanrb-14-2017.yaml"
SAMPLE_FILE = DATA_DIR / "sampel-krejcie-morgan.yaml"
INTERNAL_FILE = DATA_DIR / "survei-internal.yaml"
WEIGHTS = ("regulasi", "eksak")


@dataclass(frozen=True)
class Item:
    """One question of an instrument: an SKM unsur or an SPAK/SPKP aspect."""

    code: str
    """``U1`` ... ``U9``, ``A1`` ... ``A5``, ``P1`` ... ``P8``."""
    name: str
    labels: tuple[str, ...] = ()
    """Answer labels from the lowest score up (``labels[0]`` scores the scale minimum)."""
    columns: tuple[str, ...] = ()
    """Other column names recognised without a definition (besides the code)."""
    advice: str = ""
    """A default follow-up action when this unsur scores low (SKM only)."""


@dataclass(frozen=True)
class MutuBand:
    """One row of the 14/2017 interval table."""

    perception: int
    ni: tuple[Decimal, Decimal]
    """Interval of the unconverted index (1-4), as printed."""
    nik: tuple[Decimal, Decimal]
    """Interval of the converted index (25-100), as printed."""
    mutu: str
    kinerja: str
    printed: tuple[str, str] = ("", "")
    """Both intervals exactly as the regulation prints them (``1,00 - 2,5996``)."""


@dataclass(frozen=True)
class Weight:
    """The weight of one unsur: as the regulation prints it, or exact."""

    name: str
    """``regulasi`` or ``eksak``."""
    value: Fraction
    description: str

    @property
    def shown(self) -> str:
        if self.name == "eksak":
            return f"1/{self.value.denominator}" if self.value.numerator == 1 else str(self.value)
        return str(half_up(self.value, 2)).replace(".", ",")


@dataclass(frozen=True)
class SkmScale:
    """The SKM as 14/2017 defines it."""

    version: str
    legal_basis: str
    low: int
    high: int
    base: int
    """Nilai dasar: the converted index is the index times this (25)."""
    weight_places: int
    weight_texts: dict[str, str]
    letters: dict[str, int]
    unsur: tuple[Item, ...]
    importance_labels: tuple[str, ...]
    bands: tuple[MutuBand, ...]
    default_columns: dict[str, Any]
    age_groups: tuple[tuple[str, int], ...]
    quadrants: dict[str, tuple[str, str]]
    """Quadrant number (I-IV) -> (name, explanation)."""
    lke_hints: dict[str, Any]
    report_texts: dict[str, Any]
    """Default texts of the Laporan SKM (``laporan_bawaan``), with ``{unit}``-style fields."""
    """How surveys suggest LKE answers (``lke_saran``: indicators, checklist items, counts)."""

    def weight(self, name: str, count: int) -> Weight:
        """The weight of each of ``count`` unsur: 1/count, or that rounded as printed."""
        exact = Fraction(1, count)
        if name == "eksak":
            return Weight(name, exact, self.weight_texts[name])
        value = Fraction(half_up(exact, self.weight_places))
        return Weight(name, value, self.weight_texts[name])

    def band(self, converted: Decimal) -> MutuBand:
        """The band of a converted value already rounded to two decimals."""
        for band in self.bands:
            if band.nik[0] <= converted <= band.nik[1]:
                return band
        # below 25 or above 100 cannot come from a 1-4 scale; the nearest band is honest
        return self.bands[0] if converted < self.bands[0].nik[0] else self.bands[-1]


@dataclass(frozen=True)
class Method:
    """A named mapping from an instrument's scale to the 0-4 index."""

    name: str
    description: str
    zero_at_minimum: bool
    """True: the scale minimum maps to 0; False: 0 maps to 0 (proportional)."""

    def index(self, mean: Fraction, low: int, high: int) -> Fraction:
        origin = low if self.zero_at_minimum else 0
        return (mean - origin) / (high - origin) * 4


@dataclass(frozen=True)
class Instrument:
    """An internal survey (SPAK or SPKP)."""

    key: str
    name: str
    index_name: str
    """``IPAK`` or ``IPKP``."""
    indicator: str
    """The LKE hasil question the index answers (``B.I.a``)."""
    low: int
    high: int
    aspects: tuple[Item, ...]


@dataclass(frozen=True)
class InternalSurveys:
    version: str
    minimum_respondents: int
    default_method: str
    methods: dict[str, Method]
    instruments: dict[str, Instrument]


def _load(path: Path) -> dict[str, Any]:
    doc = load_yaml(path, display=f"zi_docs/data/survei/{path.name}")
    if not isinstance(doc.data, dict):
        raise InvalidInputError(
            f"berkas data {doc.file} rusak",
            [Finding(message="isi harus berupa pemetaan", file=doc.file)],
            hint="pasang ulang zi-docs",
        )
    return doc.data


@cache
def skm_scale() -> SkmScale:
    """The bundled SKM scale (read once)."""
    data = _load(SKM_FILE)
    scale = data["skala"]
    bands = tuple(
        MutuBand(
            perception=int(row["nilai_persepsi"]),
            ni=(printed(row["ni"][0]), printed(row["ni"][1])),
            nik=(printed(row["nik"][0]), printed(row["nik"][1])),
            mutu=str(row["mutu"]),
            kinerja=str(row["kinerja"]),
            printed=(" - ".join(row["ni"]), " - ".join(row["nik"])),
        )
        for row in data["interval"]
    )
    return SkmScale(
        version=str(data["versi"]),
        legal_basis=str(data["dasar_hukum"]),
        low=int(scale["min"]),
        high=int(scale["maks"]),
        base=int(data["nilai_dasar"]),
        weight_places=int(data["bobot"]["regulasi"]["desimal"]),
        weight_texts={k: str(v["uraian"]) for k, v in data["bobot"].items()},
        letters={str(k).casefold(): int(v) for k, v in data["huruf"].items()},
        unsur=tuple(
            Item(
                code=str(u["kode"]),
                name=str(u["nama"]),
                labels=tuple(str(x) for x in u["label"]),
                advice=str(u.get("saran_perbaikan", "")),
            )
            for u in data["unsur"]
        ),
        importance_labels=tuple(str(x) for x in data["kepentingan_label"]),
        bands=tuple(sorted(bands, key=lambda b: b.nik[0])),
        default_columns=dict(data["kolom_bawaan"]),
        age_groups=tuple((str(g["label"]), int(g["sampai"])) for g in data["kelompok_usia"]),
        quadrants={str(k): (str(v["nama"]), str(v["uraian"])) for k, v in data["kuadran"].items()},
        lke_hints=dict(data["lke_saran"]),
        report_texts=dict(data["laporan_bawaan"]),
    )


@cache
def sample_table() -> tuple[str, tuple[tuple[int, int], ...]]:
    """(source, ((population, sample), ...)) ascending by population."""
    data = _load(SAMPLE_FILE)
    rows = tuple(sorted((int(p), int(s)) for p, s in data["tabel"]))
    return str(data["sumber"]), rows


@cache
def internal_surveys() -> InternalSurveys:
    data = _load(INTERNAL_FILE)
    methods = {
        str(name): Method(
            name=str(name),
            description=str(spec["uraian"]),
            zero_at_minimum=spec["titik_nol"] == "minimum",
        )
        for name, spec in data["metode"].items()
    }
    instruments = {
        str(key): Instrument(
            key=str(key),
            name=str(spec["nama"]),
            index_name=str(spec["indeks"]),
            indicator=str(spec["indikator_lke"]),
            low=int(spec["skala"]["min"]),
            high=int(spec["skala"]["maks"]),
            aspects=tuple(
                Item(
                    code=str(a["kode"]),
                    name=str(a["nama"]),
                    columns=tuple(str(c) for c in a.get("kolom", ())),
                )
                for a in spec["aspek"]
            ),
        )
        for key, spec in data["instrumen"].items()
    }
    return InternalSurveys(
        version=str(data["versi"]),
        minimum_respondents=int(data["responden_minimal"]),
        default_method=str(data["metode_bawaan"]),
        methods=methods,
        instruments=instruments,
    )
