"""Evaluasi: the evaluator layers and their rounds, and one indicator seen by a layer (the
unit's answer and evidence beside the layer's answer form and note, the unit's tanggapan).
The comparison with every layer is :mod:`.views_banding`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zi_docs.errors import InvalidInputError, NotFoundError, ZiError
from zi_docs.evaluation import (
    StaleEntryError,
    answer_text,
    compare_layers,
    layer_names,
    load_layer,
    open_round,
    read_layer_entry,
    read_response,
    save_layer_entry,
    save_response,
)
from zi_docs.web.app.access import indicator_area, rule
from zi_docs.web.app.activity import record
from zi_docs.web.app.eval_words import (
    eval_error,
    in_words,
    layer_or_404,
    layer_titles,
    problems_of,
)
from zi_docs.web.app.views_banding import assessed_differently
from zi_docs.web.app.workspace_cache import answer, checked, kept

TEMPLATES = "zi_web/eval/"


@rule("baca")
def evaluasi(request: HttpRequest) -> HttpResponse:
    """Every layer with its rounds; opening a round for those who write layers."""
    here = request.zi  # type: ignore[attr-defined]
    layers: list[dict[str, Any]] = []
    try:
        for name in layer_names(here.workspace):
            layer = load_layer(here.workspace, name)
            notes = sum(1 for r in layer.rounds for a in r.answers.answers.values() if a.note)
            answered = sum(len(r.responses) for r in layer.rounds)
            layers.append({"layer": layer, "catatan": notes, "tanggapan": answered})
    except ZiError as err:
        return eval_error(request, err)
    titles = layer_titles()
    context = {
        "lapis": layers,
        "judul_lapis": titles,
        "pilihan": sorted({*titles, *(e["layer"].name for e in layers)}),
        "boleh_lapis": here.can("lapis"),
        "hari_ini": dt.date.today().isoformat(),
        "penilai": request.user.get_username(),
    }
    return render(request, TEMPLATES + "evaluasi.html", context)


@rule("lapis")
def buka_putaran(request: HttpRequest) -> HttpResponse:
    """Start the next round of a layer (its first round makes the layer)."""
    here = request.zi  # type: ignore[attr-defined]
    if request.method != "POST":
        return redirect("zi_web:evaluasi", ws=here.key)
    name = str(request.POST.get("lapis", "")).strip()
    evaluator = " ".join(str(request.POST.get("penilai", "")).split())
    problems = []
    try:
        day = dt.date.fromisoformat(str(request.POST.get("tanggal", "")).strip())
    except ValueError:
        problems.append("Tanggal putaran harus berbentuk TTTT-BB-HH, misalnya 2026-03-16.")
        day = dt.date.today()
    if not evaluator:
        problems.append("Nama penilai putaran belum diisi.")
    if not problems:
        try:
            layer = open_round(here.workspace, name, date=day, evaluator=evaluator)
        except InvalidInputError as err:
            problems = problems_of(err)
        except ZiError as err:
            return eval_error(request, err)
        else:
            number = layer.last.number if layer.last else 1
            record(request, here.key, "putaran", f"lapis {name}: putaran {number}")
            messages.success(
                request,
                f"Putaran {number} lapis '{name}' dibuka. Jawaban dan catatan berikutnya "
                "dicatat di putaran ini.",
            )
            return redirect("zi_web:lapis", ws=here.key, nama=name)
    for problem in problems:
        messages.error(request, problem)
    return redirect("zi_web:evaluasi", ws=here.key)


@rule("baca")
def lapis(request: HttpRequest, nama: str) -> HttpResponse:
    """One layer: its rounds and every question with the unit's and the layer's answer."""
    here = request.zi  # type: ignore[attr-defined]
    try:
        layer = layer_or_404(request, nama)
        comparison = kept(
            here.workspace,
            ("banding", (layer.name,)),
            lambda: compare_layers(here.workspace, [layer.name]),
        )
    except ZiError as err:
        return eval_error(request, err)
    only = request.GET.get("tampil", "")
    rows = [
        {"row": r, "beda": assessed_differently(r, 0)}
        for r in comparison.indicators
        if (only != "catatan" or r.notes) and (only != "beda" or assessed_differently(r, 0))
    ]
    context = {"layer": layer, "rows": rows, "tampil": only, "total": comparison.rollup[-1]}
    return render(request, TEMPLATES + "lapis.html", context)


def _indicator_context(request: HttpRequest, nama: str, indikator: str) -> dict[str, Any]:
    here = request.zi  # type: ignore[attr-defined]
    workspace = here.workspace
    layer = layer_or_404(request, nama)
    catalogue = workspace.catalogue
    node = catalogue.resolve(indikator)
    result = checked(workspace)
    status = result.completeness.indicator(node.id)
    files = result.completeness.files
    latest = layer.answer_set().get(node.id)
    entry = read_layer_entry(workspace, layer.name, node.id)
    notes = [
        {"putaran": r, "catatan": note, "tanggapan": resp or ""}
        for r, note, resp in layer.notes(node.id)
    ]
    return {
        "layer": layer,
        "node": node,
        "alias": catalogue.short_alias(node),
        "path": [n.name for n in catalogue.ancestors(node)],
        "unit": answer(workspace, node.id),
        "status": status,
        "bukti": [
            {"uraian": item.description, "berkas": [files[f] for f in item.files if f in files]}
            for item in status.items
        ],
        "opsi": list(node.criteria.items()),
        "terakhir": answer_text(latest),
        "isi_jawaban": entry.answer or (answer_text(latest) or "").rstrip("%"),
        "entry": entry,
        "catatan": notes,
        "respon": read_response(workspace, layer.name, node.id) if notes else None,
        "boleh_lapis": here.can("lapis"),
        "boleh_tanggapi": here.can("jawab", node.area),
    }


@rule("baca", area_of=indicator_area)
def lapis_indikator(request: HttpRequest, nama: str, indikator: str) -> HttpResponse:
    try:
        context = _indicator_context(request, nama, indikator)
    except ZiError as err:
        return eval_error(request, err)
    return render(request, TEMPLATES + "indikator.html", context)


def _again(
    request: HttpRequest, nama: str, indikator: str, extra: dict[str, Any], status: int
) -> HttpResponse:
    context = _indicator_context(request, nama, indikator)
    context.update(extra, kiriman=request.POST)
    return render(request, TEMPLATES + "indikator.html", context, status=status)


@rule("lapis")
def lapis_catat(request: HttpRequest, nama: str, indikator: str) -> HttpResponse:
    """Save the layer's answer and note with the version the form was shown."""
    here = request.zi  # type: ignore[attr-defined]
    if request.method != "POST":
        return redirect("zi_web:lapis_indikator", ws=here.key, nama=nama, indikator=indikator)
    try:
        node = here.workspace.catalogue.resolve(indikator)
    except NotFoundError:
        raise Http404("indikator tidak ada") from None
    try:
        layer = layer_or_404(request, nama)
    except ZiError as err:
        return eval_error(request, err)
    typed = str(request.POST.get("jawaban", "")).strip()
    note = " ".join(str(request.POST.get("catatan", "")).split())
    shown = read_layer_entry(here.workspace, layer.name, node.id)
    latest = layer.answer_set().get(node.id)
    unchanged = shown.answer is None and typed == (answer_text(latest) or "").rstrip("%")
    try:
        saved = save_layer_entry(
            here.workspace,
            layer.name,
            node.id,
            answer=None if (not typed or unchanged) else typed,
            note=note if (note or shown.note) else None,
            expected_version=str(request.POST.get("versi", "")),
            date=dt.date.today(),
            evaluator=request.user.get_username(),
        )
    except StaleEntryError as err:
        extra = {"basi": {"pesan": str(err), "saran": err.hint, "terbaru": err.current}}
        return _again(request, nama, node.id, extra, 409)
    except InvalidInputError as err:
        return _again(request, nama, node.id, {"masalah": problems_of(err)}, 422)
    except ZiError as err:
        return eval_error(request, err)
    record(
        request,
        here.key,
        "lapis",
        f"{layer.name} putaran {saved.round}, {node.id}: {saved.answer or '-'}"
        + (f"; catatan: {saved.note}" if saved.note else ""),
    )
    messages.success(request, f"Penilaian {node.id} di putaran {saved.round} disimpan.")
    return redirect("zi_web:lapis_indikator", ws=here.key, nama=layer.name, indikator=node.id)


@rule("jawab", area_of=indicator_area)
def lapis_tanggapi(request: HttpRequest, nama: str, indikator: str) -> HttpResponse:
    """The unit's tanggapan to the evaluator's latest note on this indicator."""
    here = request.zi  # type: ignore[attr-defined]
    node = here.workspace.catalogue.resolve(indikator)
    if request.method != "POST":
        return redirect("zi_web:lapis_indikator", ws=here.key, nama=nama, indikator=node.id)
    try:
        layer = layer_or_404(request, nama)
    except ZiError as err:
        return eval_error(request, err)
    text = " ".join(str(request.POST.get("tanggapan", "")).split())
    if not text:
        empty = {"masalah_tanggapan": ["Tanggapan masih kosong."]}
        return _again(request, nama, node.id, empty, 422)
    try:
        number = int(str(request.POST.get("putaran", "")))
    except ValueError:
        number = None
    try:
        saved = save_response(
            here.workspace,
            layer.name,
            node.id,
            text,
            round_number=number,
            expected_version=str(request.POST.get("versi", "")),
        )
    except StaleEntryError as err:
        extra = {"basi_tanggapan": {"pesan": str(err), "saran": err.hint, "terbaru": err.current}}
        return _again(request, nama, node.id, extra, 409)
    except NotFoundError as err:
        return _again(request, nama, node.id, {"masalah_tanggapan": [in_words(err)]}, 422)
    except InvalidInputError as err:
        return _again(request, nama, node.id, {"masalah_tanggapan": problems_of(err)}, 422)
    except ZiError as err:
        return eval_error(request, err)
    record(request, here.key, "tanggapan", f"{layer.name} putaran {saved.round}, {node.id}")
    messages.success(request, f"Tanggapan untuk catatan {node.id} putaran {saved.round} disimpan.")
    return redirect("zi_web:lapis_indikator", ws=here.key, nama=layer.name, indikator=node.id)
