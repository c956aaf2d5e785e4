"""Who may open which page: every view declares its rule, and :func:`rule` enforces it.

A test walks the URL configuration and fails on a view without a rule, so a new route can
never be reachable without a permission decision.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from zi_docs.errors import WorkspaceError
from zi_docs.web import roles
from zi_docs.web.app.models import Grant
from zi_docs.web.setup import current_site
from zi_docs.workspace import Workspace

View = Callable[..., HttpResponseBase]
AreaOf = Callable[[Workspace, dict[str, Any]], "str | None"]
PUBLIC = "publik"


def checked_in_view(workspace: Workspace, kwargs: dict[str, Any]) -> str | None:
    """Marker: the view knows the area only after reading the form, and checks it itself
    with ``request.zi.can``; the rule then only needs the role to hold the capability."""
    raise AssertionError("never called")


@dataclass(frozen=True)
class Rule:
    """What a view needs: a capability, and how to find the area it touches."""

    capability: str
    area_of: AreaOf | None = None


@dataclass(frozen=True)
class Here:
    """The request's workspace and the account's grant in it (set on ``request.zi``)."""

    key: str
    workspace: Workspace
    grant: roles.Grant

    def can(self, capability: str, area: str | None = None) -> bool:
        return roles.permits(self.grant, capability, area)

    @property
    def role(self) -> roles.Role:
        return roles.role(self.grant.role)


def grant_for(user: Any, key: str) -> roles.Grant | None:
    row = Grant.objects.filter(user=user, workspace=key).first()
    if row is None:
        return None
    return roles.Grant(row.workspace, row.role, row.area_set())


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "zi_web/ditolak.html", {"pesan": message}, status=403)


def public(view: View) -> View:
    """Mark a view reachable without an account (log in, the one-time setup link)."""
    view.zi_rule = PUBLIC  # type: ignore[attr-defined]
    return view


def rule(capability: str, area_of: AreaOf | None = None) -> Callable[[View], View]:
    """Require a logged-in account with ``capability`` in the URL's workspace (``ws``)."""
    if capability not in roles.CAPABILITIES:
        raise ValueError(f"unknown capability {capability!r}")

    def wrap(view: View) -> View:
        @functools.wraps(view)
        def guarded(request: HttpRequest, ws: str, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            site = current_site()
            if ws not in site.workspaces:
                raise Http404("ruang kerja tidak ada")
            grant = grant_for(request.user, ws)
            if grant is None:
                return forbidden(request, "Akun Anda tidak mempunyai peran di ruang kerja ini.")
            try:
                workspace = site.workspace(ws)
            except WorkspaceError as err:
                return render(request, "zi_web/galat.html", {"pesan": str(err)}, status=500)
            if area_of is checked_in_view:
                allowed = capability in roles.role(grant.role).capabilities
                area = None
            else:
                area = area_of(workspace, kwargs) if area_of is not None else None
                allowed = roles.permits(grant, capability, area)
            if not allowed:
                return forbidden(request, refusal(grant, capability, area))
            request.zi = Here(ws, workspace, grant)  # type: ignore[attr-defined]
            return view(request, **kwargs)

        guarded.zi_rule = Rule(capability, area_of)  # type: ignore[attr-defined]
        return guarded

    return wrap


def refusal(grant: roles.Grant, capability: str, area: str | None) -> str:
    held = roles.role(grant.role)
    if capability in held.capabilities and held.per_area:
        mine = ", ".join(sorted(grant.areas)) or "belum ada"
        return (
            f"Peran {held.label} hanya boleh mengubah indikator area Anda ({mine}); "
            f"indikator ini termasuk area {area or 'lain'}."
        )
    return f"Peran {held.label} tidak boleh melakukan ini."


def indicator_area(workspace: Workspace, kwargs: dict[str, Any]) -> str | None:
    """The area of the ``indikator`` in the URL (404 when the id is not in the catalogue)."""
    from zi_docs.errors import NotFoundError

    try:
        return workspace.catalogue.resolve(str(kwargs["indikator"])).area
    except NotFoundError:
        raise Http404("indikator tidak ada") from None
