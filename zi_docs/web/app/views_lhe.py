"""The LHE (laporan hasil evaluasi) of a layer: which LHE input reports it, generating the .docx
(and the PDF when LibreOffice is there) for download."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zi_docs.documents import OUTPUT_FOLDER, find_soffice, generate, get_kind, save_input
from zi_docs.errors import InvalidInputError, ToolMissingError, ZiError
from zi_docs.web.app.access import rule
from zi_docs.web.app.activity import record
from zi_docs.web.app.eval_words import eval_error, in_words, layer_or_404, problems_of
from zi_docs.workspace import Workspace
from zi_docs.yamlio import load_yaml

KIND = "lhe"


def _lhe_inputs(workspace: Workspace) -> list[dict[str, Any]]:
    """Every LHE input (``jenis: lhe`` or a name starting ``lhe``) with the layer it reports."""
    found = []
    for path in sorted(workspace.inputs_dir.glob("*.yaml")):
        try:
            data = load_yaml(path, display=workspace.display(path)).data
        except ZiError:
            continue
        if not isinstance(data, dict):
            continue
        named = str(data.get("jenis", "")).strip().lower()
        if named != KIND and not (not named and path.stem.startswith(KIND)):
            continue
        found.append({"path": path, "nama": path.stem, "data": data, "lapis": data.get("lapis")})
    return found


def _outputs(workspace: Workspace, entry: dict[str, Any]) -> list[str]:
    """The generated files of an LHE input that exist (named as generating names them)."""
    kind = get_kind(KIND)
    stem = kind.output_name(entry["data"]) if kind.output_name else entry["nama"]
    folder = workspace.out_dir / OUTPUT_FOLDER
    return [p.name for p in (folder / f"{stem}.docx", folder / f"{stem}.pdf") if p.is_file()]


@rule("baca")
def lhe(request: HttpRequest, nama: str) -> HttpResponse:
    here = request.zi  # type: ignore[attr-defined]
    try:
        layer = layer_or_404(request, nama)
        inputs = _lhe_inputs(here.workspace)
    except ZiError as err:
        return eval_error(request, err)
    mine = [i for i in inputs if i["lapis"] == layer.name]
    for entry in mine:
        entry["hasil"] = _outputs(here.workspace, entry)
    context = {
        "layer": layer,
        "isian": mine,
        "lain": [i for i in inputs if i["lapis"] != layer.name],
        "ada_pdf": find_soffice() is not None,
        "boleh": here.can("lapis"),
        "boleh_dokumen": here.can("dokumen"),
        "nama_baru": f"{KIND}-{layer.name}",
    }
    return render(request, "zi_web/eval/lhe.html", context)


@rule("lapis")
def lhe_buat(request: HttpRequest, nama: str) -> HttpResponse:
    """``aksi=buat``: generate from the named LHE input of this layer; ``aksi=salin``: make
    ``inputs/lhe-NAMA.yaml`` for this layer from another LHE input."""
    here = request.zi  # type: ignore[attr-defined]
    if request.method != "POST":
        return redirect("zi_web:lhe", ws=here.key, nama=nama)
    try:
        layer = layer_or_404(request, nama)
    except ZiError as err:
        return eval_error(request, err)
    inputs = {i["nama"]: i for i in _lhe_inputs(here.workspace)}
    chosen = inputs.get(str(request.POST.get("isian", "")))
    if chosen is None:
        messages.error(request, "Pilih isian LHE yang ada.")
        return redirect("zi_web:lhe", ws=here.key, nama=layer.name)
    if request.POST.get("aksi") == "salin":
        return _copy(request, layer.name, chosen)
    if chosen["lapis"] != layer.name:
        messages.error(request, f"Isian {chosen['nama']} melaporkan lapis lain.")
        return redirect("zi_web:lhe", ws=here.key, nama=layer.name)
    return _generate(request, layer.name, chosen["path"], pdf=request.POST.get("pdf") == "1")


def _copy(request: HttpRequest, layer: str, source: dict[str, Any]) -> HttpResponse:
    here = request.zi  # type: ignore[attr-defined]
    data = {k: v for k, v in source["data"].items() if k != "jenis"}
    data["lapis"] = layer
    target = f"{KIND}-{layer}"
    if (here.workspace.inputs_dir / f"{target}.yaml").exists():
        messages.error(request, f"Isian {target} sudah ada.")
        return redirect("zi_web:lhe", ws=here.key, nama=layer)
    try:
        save_input(here.workspace, KIND, data, target)
    except InvalidInputError as err:
        for problem in problems_of(err):
            messages.error(request, problem)
        return redirect("zi_web:lhe", ws=here.key, nama=layer)
    except ZiError as err:
        return eval_error(request, err)
    record(request, here.key, "isian", f"{KIND}: {target} (dari {source['nama']})")
    messages.success(request, f"Isian {target} dibuat dari {source['nama']} untuk lapis '{layer}'.")
    return redirect("zi_web:lhe", ws=here.key, nama=layer)


def _generate(request: HttpRequest, layer: str, path: Path, *, pdf: bool) -> HttpResponse:
    here = request.zi  # type: ignore[attr-defined]
    pdf_missing = None
    try:
        try:
            result = generate(here.workspace, KIND, path, pdf=pdf)
        except ToolMissingError as err:
            result = generate(here.workspace, KIND, path, pdf=False)
            pdf_missing = in_words(err)
    except InvalidInputError as err:
        for problem in problems_of(err):
            messages.error(request, problem)
        return redirect("zi_web:lhe", ws=here.key, nama=layer)
    except ZiError as err:
        return eval_error(request, err)
    files = [p.name for p in (*result.documents, *result.pdfs)]
    record(request, here.key, "lhe", f"lapis {layer}: {', '.join(files)}")
    if pdf_missing:
        messages.error(request, f"PDF belum dibuat: {pdf_missing}")
    messages.success(request, f"LHE lapis '{layer}' dibuat: {', '.join(files)}.")
    return redirect("zi_web:lhe", ws=here.key, nama=layer)
