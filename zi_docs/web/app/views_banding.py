"""The comparison of the unit with every evaluation layer (roll-ups with the difference per
layer, then every indicator a layer assessed differently or noted, with notes and tanggapan),
and what changed in a layer from one round to the next."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from zi_docs.errors import NotFoundError, ZiError
from zi_docs.evaluation import compare_layers, layer_names, round_changes
from zi_docs.web.app.access import rule
from zi_docs.web.app.eval_words import eval_error, layer_or_404
from zi_docs.web.app.workspace_cache import kept


def assessed_differently(row: Any, index: int) -> bool:
    """Layer ``index`` answered the indicator and its answer or value is not the unit's (an
    indicator the layer has not assessed yet is no difference)."""
    answer = row.layer_answers[index]
    value = row.layers[index]
    return answer is not None and (abs(value - row.unit) > 1e-9 or answer != row.unit_answer)


@rule("baca")
def banding(request: HttpRequest) -> HttpResponse:
    """The unit beside every layer: roll-ups, then every indicator a layer assessed differently
    or noted."""
    here = request.zi  # type: ignore[attr-defined]
    if not layer_names(here.workspace):
        return render(request, "zi_web/eval/banding.html", {"kosong": True})
    try:
        comparison = kept(here.workspace, ("banding", None), lambda: compare_layers(here.workspace))
    except ZiError as err:
        return eval_error(request, err)
    show_all = request.GET.get("semua") == "1"
    area = request.GET.get("area", "")
    rows = [
        {
            "row": r,
            "sel": [
                {
                    "lapis": n,
                    "jawaban": a,
                    "nilai": v,
                    "beda": assessed_differently(r, i),
                }
                for i, (n, a, v) in enumerate(
                    zip(comparison.layers, r.layer_answers, r.layers, strict=True)
                )
            ],
        }
        for r in comparison.indicators
        if (not area or r.area == area)
        and (
            show_all
            or r.notes
            or any(assessed_differently(r, i) for i in range(len(comparison.layers)))
        )
    ]
    rollup = [
        {"row": r, "sel": [{"nilai": v, "selisih": v - r.unit} for v in r.layers]}
        for r in comparison.rollup
        if r.id == "TOTAL" or r.area is None or not area or r.area == area
    ]
    context = {
        "kosong": False,
        "names": comparison.layers,
        "rows": rows,
        "rollup": rollup,
        "semua": show_all,
        "area": area,
        "areas": sorted(here.workspace.catalogue.areas.items()),
    }
    return render(request, "zi_web/eval/banding.html", context)


@rule("baca")
def perubahan(request: HttpRequest, nama: str, nomor: int) -> HttpResponse:
    """Round ``nomor`` of layer ``nama`` against the round before it."""
    here = request.zi  # type: ignore[attr-defined]
    try:
        layer = layer_or_404(request, nama)
        changes = round_changes(here.workspace, layer.name, nomor)
    except NotFoundError:
        raise Http404("putaran tidak ada") from None
    except ZiError as err:
        return eval_error(request, err)
    context = {"layer": layer, "changes": changes}
    return render(request, "zi_web/eval/perubahan.html", context)
