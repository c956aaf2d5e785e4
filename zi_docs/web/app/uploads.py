"""Uploads are streamed to temporary files and stopped when they pass the size limit."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import StopUpload, TemporaryFileUploadHandler


class LimitedUploadHandler(TemporaryFileUploadHandler):
    """A temporary-file upload handler that refuses a request over ``ZI_MAX_UPLOAD_BYTES``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.received = 0
        self.too_large = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > settings.ZI_MAX_UPLOAD_BYTES:
            self.too_large = True
            if self.request is not None:
                self.request.META["ZI_UPLOAD_TOO_LARGE"] = True
            raise StopUpload(connection_reset=True)
        return super().receive_data_chunk(raw_data, start)
