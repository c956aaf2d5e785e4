"""Surat Undangan rapat (naskah dinas surat), from a meeting input."""

from __future__ import annotations

from zi_docs.documents.kind import DocumentKind
from zi_docs.documents.meeting import SCHEMA, meeting_context, serves_item

KIND = DocumentKind(
    name="undangan",
    title="Undangan Rapat",
    template="undangan.docx",
    schema=SCHEMA,
    build_context=meeting_context,
    example_input="rapat-pembentukan-tim.yaml",
    serves_of=serves_item("undangan"),
)
