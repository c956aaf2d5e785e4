"""The app serves its own style sheet and script with DEBUG off (no collectstatic step)."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.parametrize(
    ("path", "marker"),
    [("/statis/zi_web/gaya.css", b"--biru"), ("/statis/zi_web/aplikasi.js", b"use strict")],
)
def test_static_files_are_served_without_debug(path: str, marker: bytes) -> None:
    response = Client().get(path)
    assert response.status_code == 200
    assert marker in b"".join(response.streaming_content)  # type: ignore[attr-defined]
