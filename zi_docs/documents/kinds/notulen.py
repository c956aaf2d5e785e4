"""Notulen rapat: pembahasan, kesimpulan, tindak lanjut; signed by the notulis and the chair."""

from __future__ import annotations

from zi_docs.documents.kind import DocumentKind
from zi_docs.documents.meeting import SCHEMA, meeting_context, serves_item

KIND = DocumentKind(
    name="notulen",
    title="Notulen Rapat",
    template="notulen.docx",
    schema=SCHEMA,
    build_context=meeting_context,
    example_input="rapat-pembentukan-tim.yaml",
    serves_of=serves_item("notulen"),
)
