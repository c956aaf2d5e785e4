"""Every file zi-docs ships, found one way: package data under ``zi_docs/data/``.

A checkout and an installed wheel have the same layout, so :func:`resource` needs no probing.
The top-level ``templates/`` and ``archive/`` folders of the repository are the *sources* the
builders in ``tools/`` turn into ``data/templates/`` and ``data/example-archive/``.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

TEMPLATES = "templates"
"""The built-in ``.docx`` templates."""
EXAMPLE_WORKSPACE = "example"
"""The example workspace of ``zi-docs init`` and ``zi-docs demo``."""
EXAMPLE_ARCHIVE = "example-archive"
"""The example evidence archive of the demo workspace."""
CATALOGUES = "lke"
"""The bundled LKE catalogues (one YAML file per version)."""
GATES = "prasyarat-pengajuan.yaml"
"""The submission prerequisites."""
STOPWORDS = "stopwords-id.txt"
"""Indonesian stop words of the search index."""
ROOT_WORDS = "akar-kata-id.txt"
"""Indonesian root words of the stemmer."""
SURVEYS = "survei"
"""The survey scales: SKM 14/2017, the sample table, SPAK/SPKP instruments."""

SKELETONS = "kerangka"
"""Skeleton inputs of a new unit's workspace (``zi-docs init``), filled from its profile."""
RANKS = "pangkat-golongan.yaml"
"""PNS pangkat and golongan ruang, to check the head of unit typed at ``init``."""
PROGRAMS = "program-luar.yaml"
"""External programs (LibreOffice, Tesseract, pdftoppm): env variables, names, Windows paths."""

LAYERS = "lapis-evaluasi.yaml"
"""The default evaluator layers (empty column groups of the LKE workbook)."""
FOLLOW_UP = "tindak-lanjut.yaml"
"""Statuses and sources of the follow-up register, and the P.MP.iii.c suggestion rule."""

NAMES = (
    TEMPLATES,
    EXAMPLE_WORKSPACE,
    EXAMPLE_ARCHIVE,
    CATALOGUES,
    GATES,
    STOPWORDS,
    ROOT_WORDS,
    SKELETONS,
    RANKS,
    PROGRAMS,
    SURVEYS,
    LAYERS,
    FOLLOW_UP,
)


def resource(name: str) -> Path:
    """The bundled file or folder ``name`` (one of :data:`NAMES`)."""
    if name not in NAMES:
        raise ValueError(f"unknown bundled resource {name!r}; known: {', '.join(NAMES)}")
    return DATA_DIR / name
