"""One meeting input -> its Undangan, Daftar Hadir and Notulen together."""

from __future__ import annotations

from zi_docs.documents.kind import DocumentKind
from zi_docs.documents.meeting import SCHEMA, meeting_context

KIND = DocumentKind(
    name="rapat",
    title="Rapat: Undangan, Daftar Hadir, dan Notulen",
    template="",
    schema=SCHEMA,
    build_context=meeting_context,
    example_input="rapat-pembentukan-tim.yaml",
    parts=("undangan", "daftar-hadir", "notulen"),
)
