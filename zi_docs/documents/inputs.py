"""An input file of a document kind: the ``jenis:`` line that names its kind, and validation."""

from __future__ import annotations

from typing import Any

from zi_docs.errors import InvalidInputError
from zi_docs.schema import Record, validate
from zi_docs.yamlio import YamlDoc

KIND_KEY = "jenis"
"""Top-level key of an input naming its kind (``jenis: sk-tim``)."""


def validate_input(doc: YamlDoc, kind: str, schema: Record, **extra: Any) -> dict[str, Any]:
    """The cleaned data of ``doc`` read as an input of ``kind``.

    A ``jenis:`` line naming another kind is an error; the line itself is dropped before
    ``schema`` (with ``extra`` for its custom checks) sees the data.
    """
    data = doc.data
    if isinstance(data, dict) and KIND_KEY in data:
        named = str(data[KIND_KEY]).strip().lower()
        if named != kind:
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
    cleaned: dict[str, Any] = validate(doc, schema, **extra)
    return cleaned
