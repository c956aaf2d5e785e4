"""The web activity log: every change made through the web, with the account that made it."""

from __future__ import annotations

from django.http import HttpRequest

from zi_docs.web.app.models import Activity


def record(request: HttpRequest, workspace: str, action: str, detail: str = "") -> None:
    username = request.user.get_username() if request.user.is_authenticated else "-"
    Activity.objects.create(username=username, workspace=workspace, action=action, detail=detail)


def actor_name(request: HttpRequest) -> str:
    """How the archive's audit log names the account: ``web:NAME``."""
    return f"web:{request.user.get_username()}"
