"""Daftar Hadir rapat: one row per participant plus empty rows, from a meeting input."""

from __future__ import annotations

from zi_docs.documents.kind import DocumentKind
from zi_docs.documents.meeting import SCHEMA, meeting_context, serves_item

KIND = DocumentKind(
    name="daftar-hadir",
    title="Daftar Hadir Rapat",
    template="daftar-hadir.docx",
    schema=SCHEMA,
    build_context=meeting_context,
    example_input="rapat-pembentukan-tim.yaml",
    serves_of=serves_item("daftar-hadir"),
)
