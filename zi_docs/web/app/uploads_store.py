"""Uploaded files as the archive takes them: paths of the streamed temporary files, and the
client's file name kept only as a name (never used to build a path)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest


class UploadProblem(Exception):
    """The upload itself failed (too large, nothing chosen); the message is for the user."""


@dataclass(frozen=True)
class Upload:
    path: Path
    """The temporary file Django streamed the upload into."""
    name: str
    """The client's file name, cleaned, for display and the archive's record."""


def clean_name(raw: str) -> str:
    """The last path component of ``raw`` without control characters (``berkas`` if empty)."""
    last = raw.replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(c for c in unicodedata.normalize("NFC", last) if c.isprintable())
    text = text.strip().lstrip(".")
    return text[:200] or "berkas"


@contextmanager
def saved_uploads(request: HttpRequest, field: str) -> Iterator[list[Upload]]:
    """The request's uploaded files of ``field``; their temporary files go afterwards."""
    if request.META.get("ZI_UPLOAD_TOO_LARGE"):
        limit = settings.ZI_MAX_UPLOAD_BYTES // (1024 * 1024)
        raise UploadProblem(
            f"Unggahan melebihi batas {limit} MB dan tidak disimpan. Kecilkan berkasnya "
            "(mis. pindai ulang dengan resolusi lebih rendah) atau unggah satu per satu."
        )
    files = request.FILES.getlist(field)
    if not files:
        raise UploadProblem("Belum ada berkas yang dipilih untuk diunggah.")
    uploads = []
    for uploaded in files:
        temporary = getattr(uploaded, "temporary_file_path", None)
        if temporary is None:
            raise UploadProblem("Unggahan tidak dapat disimpan sementara; coba lagi.")
        uploads.append(Upload(Path(temporary()), clean_name(uploaded.name or "")))
    try:
        yield uploads
    finally:
        for uploaded in files:
            uploaded.close()
