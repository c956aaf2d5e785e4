"""Turn the indicator page's answer form into the YAML value the answers file holds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zi_docs.catalogue import Node

LOG_TEXT_LIMIT = 300
"""Longest answer text kept in one line of the activity log."""


def form_value(node: Node, post: Mapping[str, str]) -> Any:
    """The entry for ``lke.yaml`` (``None`` clears it); validation is the library's job."""
    note = " ".join(str(post.get("catatan", "")).split())
    content: dict[str, Any] = {}
    if node.answer_type == "PERSEN":
        counts = {}
        for count in node.inputs:
            typed = str(post.get(f"input_{count.key}", "")).strip()
            if typed:
                counts[count.key] = _number(typed)
        percent = str(post.get("persen", "")).strip()
        if counts:
            content["input"] = counts
        elif percent:
            content["persen"] = _number(percent)
    else:
        option = str(post.get("jawaban", "")).strip()
        if option:
            if node.answer_type and node.answer_type.startswith("INDEKS"):
                content["indeks"] = _number(option)
            else:
                content["jawaban"] = option
    if note:
        content["catatan"] = note
    if not content:
        return None
    if set(content) == {"jawaban"}:
        return content["jawaban"]
    return content


def _number(text: str) -> Any:
    """A typed number (decimal comma allowed); anything else is kept as text so that the
    library reports it with its own message."""
    cleaned = text.replace(" ", "")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return text
    return int(value) if value.is_integer() and "." not in cleaned else value


def answer_text(value: Any) -> str:
    """A saved entry as the activity log shows it (``B; catatan: …``), not Python's repr."""
    if value is None:
        return "(dikosongkan)"
    if not isinstance(value, Mapping):
        return str(value)
    parts = []
    if "jawaban" in value:
        parts.append(str(value["jawaban"]))
    if "indeks" in value:
        parts.append(f"indeks {value['indeks']}")
    if "persen" in value:
        parts.append(f"{value['persen']}%")
    if isinstance(value.get("input"), Mapping):
        parts.append(", ".join(f"{key} = {count}" for key, count in value["input"].items()))
    if value.get("catatan"):
        parts.append(f"catatan: {value['catatan']}")
    text = "; ".join(parts) or "(dikosongkan)"
    return text if len(text) <= LOG_TEXT_LIMIT else text[: LOG_TEXT_LIMIT - 1] + "…"
