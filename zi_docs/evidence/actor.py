"""Who the archive's audit log names: the OS user by default, or the account a client (the
web app) is acting for, set with :func:`acting_as` around the archive call."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_acting: ContextVar[str | None] = ContextVar("zi_docs_actor", default=None)


@contextmanager
def acting_as(name: str) -> Iterator[None]:
    """Record archive changes made inside the block as done by ``name``."""
    token = _acting.set(name)
    try:
        yield
    finally:
        _acting.reset(token)


def acting() -> str | None:
    """The name set by :func:`acting_as`, if any."""
    return _acting.get()
