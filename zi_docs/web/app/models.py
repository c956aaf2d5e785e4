"""The web app's own data. Answers, layers, inputs and the archive stay workspace files."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Grant(models.Model):
    """An account's role in one workspace (and its areas, for area-bound roles)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="zi_grants"
    )
    workspace = models.CharField(max_length=100)
    role = models.CharField(max_length=20)
    areas = models.CharField(max_length=200, blank=True, default="")
    """Comma-separated area codes (``MP,PW``)."""

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "workspace"], name="one_grant_per_workspace")
        ]

    def area_set(self) -> frozenset[str]:
        return frozenset(a for a in self.areas.split(",") if a)


class Activity(models.Model):
    """One line of the web activity log: which account did what, when."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    username = models.CharField(max_length=150)
    workspace = models.CharField(max_length=100, db_index=True)
    action = models.CharField(max_length=50)
    detail = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["-at", "-id"]


class SetupToken(models.Model):
    """A one-time link that creates the first admin of a workspace."""

    digest = models.CharField(max_length=64, unique=True)
    """SHA-256 of the token; the token itself is shown once and never stored."""
    workspace = models.CharField(max_length=100)
    created = models.DateTimeField(auto_now_add=True)
    used = models.BooleanField(default=False)
