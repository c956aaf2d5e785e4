"""Library problems as the evaluation pages say them: in words, without terminal commands."""

from __future__ import annotations

import re

from zi_docs.errors import InvalidInputError, ZiError
from zi_docs.evaluation import default_layers

_COMMAND_IN_BRACKETS = re.compile(r"\s*\([^()]*zi-docs[^()]*\)")
_CLAUSE = re.compile(r"(?<=[;:])\s")


def _plain(text: str) -> str:
    """``text`` without the clauses naming a CLI command or option."""
    text = _COMMAND_IN_BRACKETS.sub("", text)
    kept = [c for c in _CLAUSE.split(text) if "zi-docs " not in c and "--" not in c]
    cut = " ".join(kept).strip(" :;,")
    return cut[:1].upper() + cut[1:] if cut else text


def in_words(err: ZiError) -> str:
    """The error's message (no hint: hints name commands)."""
    return _plain(err.message).rstrip(".") + "."


def problems_of(err: InvalidInputError) -> list[str]:
    """One sentence per finding (the CLI's messages, the file place left out)."""
    found = [_plain(f.message).rstrip(".") + "." for f in err.findings]
    return found or [in_words(err)]


def layer_titles() -> dict[str, str]:
    """The default layers' names and titles (``tpi-unit``: ``TPI Unit Kerja / Kanwil``)."""
    return dict(default_layers())
