"""An input file of a document kind: the ``jenis:`` line that names its kind, and validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zi_docs.errors import InvalidInputError
from zi_docs.schema import Record, validate
from zi_docs.yamlio import YamlDoc

KIND_KEY = "jenis"
"""Top-level key of an input naming its kind (``jenis: sk-tim``)."""
EXTRA_KEY = "tambahan"
"""Top-level key of fields the built-in schema lacks, for a unit's own template (Pergub/Perbup
formats): ``tambahan: {kode_unit: "..."}``, read in a template as ``{{ tambahan.kode_unit }}``."""


def validate_input(doc: YamlDoc, kind: str, schema: Record, **extra: Any) -> dict[str, Any]:
    """The cleaned data of ``doc`` read as an input of ``kind``.

    A ``jenis:`` line naming another kind is an error; the line itself is dropped before
    ``schema`` (with ``extra`` for its custom checks) sees the data.
    """
    data = doc.data
    if isinstance(data, dict) and KIND_KEY in data:
        named = str(data[KIND_KEY]).strip().lower()
        if named != kind and not _part_of(named, kind):
            raise InvalidInputError(
                f"{doc.file} bukan masukan '{kind}'",
                [
                    doc.finding(
                        (KIND_KEY,),
                        f"jenis tertulis '{named}', padahal yang diminta '{kind}'",
                        code="jenis-tidak-cocok",
                    )
                ],
            )
        doc = YamlDoc({k: v for k, v in data.items() if k != KIND_KEY}, doc.file, doc.lines)
    extras: dict[str, Any] = {}
    if isinstance(doc.data, dict) and EXTRA_KEY in doc.data:
        extras = _extras(doc)
        doc = YamlDoc({k: v for k, v in doc.data.items() if k != EXTRA_KEY}, doc.file, doc.lines)
    cleaned: dict[str, Any] = validate(doc, schema, **extra)
    cleaned[EXTRA_KEY] = extras
    return cleaned


def _extras(doc: YamlDoc) -> dict[str, Any]:
    """The ``tambahan:`` mapping: names to text, numbers, dates or lists of those."""
    value = doc.data[EXTRA_KEY]
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidInputError(
            f"{doc.file}: '{EXTRA_KEY}' harus berisi pasangan nama: isi",
            [
                doc.finding(
                    (EXTRA_KEY,),
                    f"tulis misalnya '{EXTRA_KEY}:' lalu di bawahnya '  kode_unit: 123'",
                    code="tambahan-jenis",
                )
            ],
        )
    bad = [str(k) for k in value if not str(k).isidentifier()]
    if bad:
        raise InvalidInputError(
            f"{doc.file}: nama isian tambahan tidak sah",
            [
                doc.finding(
                    (EXTRA_KEY, key),
                    f"'{key}' tidak dapat dipakai di templat; gunakan huruf, angka dan garis "
                    "bawah saja, misalnya kode_unit",
                    code="tambahan-nama",
                )
                for key in bad
            ],
        )
    return {str(k): v for k, v in value.items()}


def with_extras(context: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """The template context plus the input's ``tambahan`` fields (empty when none)."""
    context[EXTRA_KEY] = dict(data.get(EXTRA_KEY) or {})
    return context


def kind_of_input(path: Path, data: Any) -> str | None:
    """The kind an input names with ``jenis:``, else the kind its file name starts with
    (``sk-tim-2027.yaml`` is ``sk-tim``; ``skm-definisi.yaml`` is no ``sk`` input)."""
    from zi_docs.documents.registry import all_kinds

    if isinstance(data, dict) and isinstance(data.get(KIND_KEY), str):
        return str(data[KIND_KEY]).strip().lower()
    stem = path.stem.lower()
    for name in sorted(all_kinds(), key=len, reverse=True):
        if stem == name or stem.startswith(name + "-") or stem.startswith(name + "_"):
            return name
    return None


def _part_of(named: str, kind: str) -> bool:
    """Whether an input of kind ``named`` (``rapat``) also makes documents of ``kind``."""
    from zi_docs.documents.registry import all_kinds

    whole = all_kinds().get(named)
    return whole is not None and kind in whole.parts
