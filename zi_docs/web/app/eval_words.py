"""What the evaluation pages share: library problems in words (without terminal commands),
the layer named in a URL, the default layer titles."""

from __future__ import annotations

import re

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from zi_docs.errors import InvalidInputError, NotFoundError, ZiError
from zi_docs.evaluation import Layer, default_layers, load_layer

_COMMAND_IN_BRACKETS = re.compile(r"\s*\([^()]*zi-docs[^()]*\)")
_CLAUSE = re.compile(r"(?<=[;:])\s")


def _plain(text: str, *, capital: bool = True) -> str:
    """``text`` without the clauses naming a CLI command or option."""
    text = _COMMAND_IN_BRACKETS.sub("", text)
    kept = [c for c in _CLAUSE.split(text) if "zi-docs " not in c and "--" not in c]
    cut = " ".join(kept).strip(" :;,")
    if not cut:
        return text
    return cut[:1].upper() + cut[1:] if capital else cut


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


def eval_error(request: HttpRequest, err: ZiError) -> HttpResponse:
    """A library problem as a page, in words, each finding with its file and line (the hint
    only when it names no command)."""
    findings = [_plain(str(f), capital=False) for f in getattr(err, "findings", ())]
    hint = err.hint if err.hint and "zi-docs " not in err.hint and "--" not in err.hint else None
    return render(
        request,
        "zi_web/galat.html",
        {"pesan": in_words(err), "rincian": findings, "saran": hint},
        status=422,
    )


def layer_or_404(request: HttpRequest, nama: str) -> Layer:
    """The layer named in the URL (404 when there is none of that name)."""
    here = request.zi  # type: ignore[attr-defined]
    try:
        return load_layer(here.workspace, nama)
    except NotFoundError:
        raise Http404("lapis tidak ada") from None
    except InvalidInputError as err:
        if any(f.code == "lapis-nama" for f in err.findings):
            raise Http404("lapis tidak ada") from None
        raise
