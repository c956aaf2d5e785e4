"""Web accounts and their roles, for the CLI (``zi-docs web pengguna ...``) and the demo.

Runs inside a configured Django (:func:`zi_docs.web.setup.configure`); every problem is a
:class:`~zi_docs.errors.ZiError` with an Indonesian sentence.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from zi_docs.errors import InvalidInputError, NotFoundError, ZiError
from zi_docs.findings import Finding
from zi_docs.web import roles
from zi_docs.web.site import Site


@dataclass(frozen=True)
class Account:
    """One account as listed: its name, whether it is active, its role per workspace."""

    username: str
    active: bool
    grants: tuple[roles.Grant, ...]


def _areas(site: Site, workspace: str, areas: Iterable[str]) -> frozenset[str]:
    catalogue = site.workspace(workspace).catalogue
    return frozenset(catalogue.resolve_area(a) for a in areas if a.strip())


def _check_role(role: str, areas: frozenset[str]) -> None:
    held = roles.role(role)
    if held.per_area and not areas:
        raise ZiError(
            f"peran {role} terikat area; sebutkan areanya",
            hint="tambahkan --area, mis. --area MP,PW",
        )
    if not held.per_area and areas:
        raise ZiError(f"peran {role} tidak terikat area; hapus --area")


def validate_password_text(username: str, password: str) -> None:
    """Django's password rules (length, common, numeric, similar to the name), in Indonesian."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("id"):
        try:
            validate_password(password, get_user_model()(username=username))
        except ValidationError as err:
            raise InvalidInputError(
                "sandi belum memenuhi syarat",
                [Finding(str(m), field="sandi", code="sandi-lemah") for m in err.messages],
            ) from None


def add_account(
    site: Site, workspace: str, username: str, role: str, password: str, areas: Iterable[str] = ()
) -> Account:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import User
    from django.db import transaction

    from zi_docs.web.app.models import Grant

    area_set = _areas(site, workspace, areas)
    _check_role(role, area_set)
    user_model = get_user_model()
    with transaction.atomic():
        user = user_model.objects.filter(username=username).first()
        if user is None:
            validate_password_text(username, password)
            user = User.objects.create_user(username, password=password)
        elif Grant.objects.filter(user=user, workspace=workspace).exists():
            raise ZiError(
                f"akun '{username}' sudah ada di ruang kerja ini",
                hint="ubah perannya dengan: zi-docs web pengguna ubah",
            )
        Grant.objects.create(
            user=user, workspace=workspace, role=role, areas=",".join(sorted(area_set))
        )
    return describe(username)


def change_account(
    site: Site,
    workspace: str,
    username: str,
    *,
    role: str | None = None,
    areas: Iterable[str] | None = None,
    active: bool | None = None,
) -> Account:
    from zi_docs.web.app.models import Grant

    user = _user(username)
    grant = Grant.objects.filter(user=user, workspace=workspace).first()
    if grant is None:
        raise NotFoundError(f"akun '{username}' tidak mempunyai peran di ruang kerja ini")
    new_role = role or grant.role
    area_set = _areas(site, workspace, areas) if areas is not None else grant.area_set()
    if role is not None and areas is None and not roles.role(new_role).per_area:
        area_set = frozenset()
    _check_role(new_role, area_set)
    grant.role = new_role
    grant.areas = ",".join(sorted(area_set))
    grant.save()
    if active is not None:
        user.is_active = active
        user.save(update_fields=["is_active"])
    return describe(username)


def delete_account(workspace: str, username: str) -> None:
    """Remove the account's role in ``workspace``; the account goes when it has no role left."""
    from zi_docs.web.app.models import Grant

    user = _user(username)
    deleted, _ = Grant.objects.filter(user=user, workspace=workspace).delete()
    if not deleted:
        raise NotFoundError(f"akun '{username}' tidak mempunyai peran di ruang kerja ini")
    if not Grant.objects.filter(user=user).exists():
        user.delete()


def set_password(username: str, password: str) -> None:
    user = _user(username)
    validate_password_text(username, password)
    user.set_password(password)
    user.save(update_fields=["password"])


def list_accounts(workspace: str | None = None) -> list[Account]:
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.order_by("username").prefetch_related("zi_grants")
    found = [describe(u.username) for u in users]
    if workspace is not None:
        found = [a for a in found if any(g.workspace == workspace for g in a.grants)]
    return found


def describe(username: str) -> Account:
    user = _user(username)
    grants = tuple(
        roles.Grant(g.workspace, g.role, g.area_set()) for g in user.zi_grants.order_by("workspace")
    )
    return Account(user.get_username(), user.is_active, grants)


def has_accounts(workspace: str) -> bool:
    from zi_docs.web.app.models import Grant

    return Grant.objects.filter(workspace=workspace).exists()


def setup_token(workspace: str) -> str:
    """A one-time token that creates the first admin (only the digest is stored)."""
    from zi_docs.web.app.models import SetupToken

    token = secrets.token_urlsafe(24)
    SetupToken.objects.create(
        digest=hashlib.sha256(token.encode()).hexdigest(), workspace=workspace
    )
    return token


def _user(username: str) -> Any:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise NotFoundError(f"akun '{username}' tidak ada")
    return user
