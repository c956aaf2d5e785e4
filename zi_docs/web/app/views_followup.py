"""Tindak lanjut: the follow-up register (items from evaluator notes, owner, due date, status,
closing evidence from the archive), and the overdue items the Beranda shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zi_docs.errors import InvalidInputError, NotFoundError, ZiError
from zi_docs.evaluation import (
    FollowUp,
    StaleEntryError,
    add_items_locked,
    item_versions,
    items_from_layer,
    layer_names,
    load_register,
    owner_choices,
    owner_hint,
    settings,
    update_item_checked,
)
from zi_docs.web.app.access import checked_in_view, rule
from zi_docs.web.app.activity import record
from zi_docs.web.app.eval_words import eval_error, in_words, problems_of
from zi_docs.web.app.workspace_cache import listing
from zi_docs.workspace import Workspace

TEMPLATE = "zi_web/eval/tindak_lanjut.html"


def _area_of(workspace: Workspace, indicator: str | None) -> str | None:
    if not indicator:
        return None
    return workspace.catalogue.resolve(indicator).area


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None


def _page(request: HttpRequest, extra: Mapping[str, Any], status: int = 200) -> HttpResponse:
    here = request.zi  # type: ignore[attr-defined]
    register = load_register(here.workspace)
    today = dt.date.today()
    shown = request.GET.get("tampil", "")
    items = [
        {"item": i, "terlambat": i.overdue(today)}
        for i in register.items
        if shown != "terbuka" or not i.done
    ]
    context = {
        "butir": items,
        "tampil": shown,
        "sumber": settings()["sumber"],
        "lapis": layer_names(here.workspace),
        "boleh_tambah": "jawab" in here.role.capabilities,
        "boleh_dari_lapis": here.can("jawab", None) and not here.role.per_area,
        "per_area": here.role.per_area,
        "area_saya": sorted(here.grant.areas),
        "batas_bawaan": (today + dt.timedelta(days=30)).isoformat(),
        "pilihan_pemilik": owner_choices(here.workspace),
        **extra,
    }
    return render(request, TEMPLATE, context, status=status)


@rule("baca")
def tindak_lanjut(request: HttpRequest) -> HttpResponse:
    try:
        return _page(request, {})
    except ZiError as err:
        return eval_error(request, err)


@rule("jawab", area_of=checked_in_view)
def tl_tambah(request: HttpRequest) -> HttpResponse:
    """Add one item; an area-bound role adds only items of an indicator of its areas."""
    here = request.zi  # type: ignore[attr-defined]
    if request.method != "POST":
        return redirect("zi_web:tindak_lanjut", ws=here.key)
    post = request.POST
    problems = []
    indicator = str(post.get("indikator", "")).strip() or None
    try:
        qid = here.workspace.catalogue.resolve(indicator).id if indicator else None
        area = _area_of(here.workspace, qid)
    except NotFoundError as err:
        qid, area = None, None
        problems.append(in_words(err))
    if not problems and not here.can("jawab", area):
        mine = ", ".join(sorted(here.grant.areas)) or "belum ada"
        return render(
            request,
            "zi_web/ditolak.html",
            {
                "pesan": f"Peran {here.role.label} hanya boleh menambah tindak lanjut untuk "
                f"indikator area Anda ({mine}); sebutkan indikatornya."
            },
            status=403,
        )
    due = _date(str(post.get("batas", "")))
    if due is None:
        problems.append("Batas waktu harus berbentuk TTTT-BB-HH, misalnya 2026-04-30.")
    for key, label in (("uraian", "Uraian"), ("pemilik", "Pemilik")):
        if not str(post.get(key, "")).strip():
            problems.append(f"{label} belum diisi.")
    if not problems:
        item = {
            "uraian": " ".join(str(post.get("uraian", "")).split()),
            "sumber": str(post.get("sumber", "rekomendasi")),
            "asal": str(post.get("asal", "")).strip() or None,
            "indikator": qid,
            "pemilik": " ".join(str(post.get("pemilik", "")).split()),
            "batas_waktu": due,
        }
        try:
            [code] = add_items_locked(here.workspace, [item])
        except InvalidInputError as err:
            problems = problems_of(err)
        except ZiError as err:
            return eval_error(request, err)
        else:
            record(request, here.key, "tindak-lanjut", f"{code} ditambahkan: {item['uraian']}")
            messages.success(request, f"Butir {code} ditambahkan ke register tindak lanjut.")
            _hint_owner(request, str(item["pemilik"]))
            return redirect("zi_web:tindak_lanjut", ws=here.key)
    return _page(request, {"masalah": problems, "kiriman": post}, status=422)


@rule("jawab")
def tl_dari_lapis(request: HttpRequest) -> HttpResponse:
    """One item for every note of a layer's round that the register does not hold yet."""
    here = request.zi  # type: ignore[attr-defined]
    if request.method != "POST":
        return redirect("zi_web:tindak_lanjut", ws=here.key)
    due = _date(str(request.POST.get("batas", "")))
    name = str(request.POST.get("lapis", ""))
    if due is None:
        messages.error(request, "Batas waktu harus berbentuk TTTT-BB-HH, misalnya 2026-04-30.")
        return redirect("zi_web:tindak_lanjut", ws=here.key)
    try:
        items = items_from_layer(here.workspace, name, due=due)
        codes = add_items_locked(here.workspace, items) if items else []
    except ZiError as err:
        return eval_error(request, err)
    if codes:
        record(request, here.key, "tindak-lanjut", f"dari lapis {name}: {', '.join(codes)}")
        messages.success(request, f"{len(codes)} butir ditambahkan dari catatan lapis '{name}'.")
    else:
        messages.success(request, f"Tidak ada catatan baru di lapis '{name}' untuk dicatat.")
    return redirect("zi_web:tindak_lanjut", ws=here.key)


def _item(workspace: Workspace, kode: str) -> FollowUp:
    register = load_register(workspace)
    found = next((i for i in register.items if i.code.casefold() == kode.casefold()), None)
    if found is None:
        raise Http404("butir tindak lanjut tidak ada")
    return found


def _item_page(
    request: HttpRequest, item: FollowUp, extra: Mapping[str, Any], status: int = 200
) -> HttpResponse:
    here = request.zi  # type: ignore[attr-defined]
    files = listing(here.workspace).files
    by_ref = {f.sha256[:12]: f for f in files}
    context = {
        "item": item,
        "versi": item_versions(here.workspace).get(item.code, ""),
        "terlambat": item.overdue(dt.date.today()),
        "status": settings()["status"],
        "bukti": [{"ref": r, "berkas": by_ref.get(r)} for r in item.evidence],
        "berkas": files[:300],
        "boleh": here.can("jawab", _area_of(here.workspace, item.indicator)),
        "pilihan_pemilik": owner_choices(here.workspace),
        **extra,
    }
    return render(request, "zi_web/eval/butir.html", context, status=status)


@rule("baca")
def tl_butir(request: HttpRequest, kode: str) -> HttpResponse:
    """One item; saving (status, owner, due date, closing evidence) by who may answer its area."""
    here = request.zi  # type: ignore[attr-defined]
    try:
        item = _item(here.workspace, kode)
        if request.method != "POST":
            return _item_page(request, item, {})
        if not here.can("jawab", _area_of(here.workspace, item.indicator)):
            return render(
                request,
                "zi_web/ditolak.html",
                {"pesan": f"Peran {here.role.label} tidak boleh mengubah butir {item.code}."},
                status=403,
            )
        return _save(request, item)
    except ZiError as err:
        return eval_error(request, err)


def _save(request: HttpRequest, item: FollowUp) -> HttpResponse:
    here = request.zi  # type: ignore[attr-defined]
    post = request.POST
    due = _date(str(post.get("batas", "")))
    if due is None:
        problems = ["Batas waktu harus berbentuk TTTT-BB-HH, misalnya 2026-04-30."]
        return _item_page(request, item, {"masalah": problems}, 422)
    refs = [str(r) for r in post.getlist("bukti") if str(r).strip()]
    changes: dict[str, Any] = {
        "status": str(post.get("status", item.status)),
        "pemilik": " ".join(str(post.get("pemilik", "")).split()) or None,
        "batas_waktu": due,
        "keterangan": " ".join(str(post.get("keterangan", "")).split()) or None,
        "bukti": [r[:12] for r in refs] or None,
    }
    try:
        saved = update_item_checked(
            here.workspace,
            item.code,
            changes,
            expected_version=str(post.get("versi", "")),
            today=dt.date.today(),
        )
    except StaleEntryError as err:
        extra = {"basi": {"pesan": str(err), "saran": err.hint, "terbaru": err.current}}
        return _item_page(request, err.current, extra, 409)
    except InvalidInputError as err:
        return _item_page(request, item, {"masalah": problems_of(err)}, 422)
    record(request, here.key, "tindak-lanjut", f"{saved.code}: {saved.status}")
    messages.success(request, f"Butir {saved.code} disimpan ({saved.status}).")
    if changes["pemilik"] and changes["pemilik"] != item.owner:
        _hint_owner(request, saved.owner)
    return redirect("zi_web:tl_butir", ws=here.key, kode=saved.code)


def _hint_owner(request: HttpRequest, owner: str) -> None:
    hint = owner_hint(request.zi.workspace, owner)  # type: ignore[attr-defined]
    if hint:
        messages.warning(request, hint)
