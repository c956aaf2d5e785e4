"""Write imported answers as an ``lke.yaml`` file: all or nothing, never over answers unasked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from zi_docs.errors import InvalidInputError, WorkspaceError
from zi_docs.outputs import write_text_atomic
from zi_docs.yamlio import dump_yaml, load_yaml


def holds_answers(path: Path) -> bool:
    """``path`` exists and answers at least one question (an unreadable file counts too:
    it may hold answers the user wants to keep)."""
    if not path.is_file():
        return False
    try:
        data = load_yaml(path).data
    except InvalidInputError:
        return True
    if not isinstance(data, dict):
        return bool(data)
    return any(
        isinstance(data.get(section), dict) and any(v is not None for v in data[section].values())
        for section in ("jawaban", "hasil")
    )


def refuse_overwrite(path: Path, shown: str, overwrite: bool) -> None:
    if not overwrite and holds_answers(path):
        raise WorkspaceError(
            f"{shown} sudah berisi jawaban; tidak ditimpa",
            hint="tambahkan --timpa untuk menggantinya, atau tulis ke berkas lain dengan -o",
        )


def answers_text(data: dict[str, Any], source: str, today: dt.date) -> str:
    """The ``lke.yaml`` text of imported answers, with a header saying where they came from."""
    header = (
        f"# Jawaban LKE yang diimpor dari {source} pada {today.isoformat()} oleh zi-docs.\n"
        "# Periksa daftar perbedaan yang ditampilkan saat impor; nilai dihitung ulang oleh\n"
        "# zi-docs dari jawaban ini (nilai di kertas kerja tidak disalin). Format: lihat\n"
        "# lke.yaml contoh dari 'zi-docs init'.\n\n"
    )
    body = {k: v for k, v in data.items() if k == "lke" or v}
    return header + dump_yaml(body)


def write_answers(path: Path, text: str) -> Path:
    return write_text_atomic(path, text)
