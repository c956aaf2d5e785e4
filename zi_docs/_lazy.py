"""Front doors that load their modules on first use.

A package's ``__init__`` names what it offers and where each name lives; the module behind a
name is imported the first time the name is read. So ``zi-docs --help`` does not load
docxtpl, tantivy, openpyxl or pypdf, and each command loads only the engines it uses. Type
checkers read the same names from an ``if TYPE_CHECKING:`` block of ordinary imports.

A name may be the name of a submodule too (``zi_docs.evidence.search`` is the search
function of the door and the package of the index): when that submodule is imported, the
import system binds it on the package, which would hide the function. The door keeps the
name it offers, as the eager imports it replaces did.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Mapping
from typing import Any


class _Door(types.ModuleType):
    """The class a lazy front door's module object gets (see :func:`door`)."""

    _lazy_homes: Mapping[str, str]

    def __getattr__(self, name: str) -> Any:
        home = self.__dict__.get("_lazy_homes", {}).get(name)
        if home is None:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        module, _, attr = home.partition(":")
        value = getattr(importlib.import_module(f"{self.__name__}.{module}"), attr or name)
        super().__setattr__(name, value)
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        home = self.__dict__.get("_lazy_homes", {}).get(name)
        if (
            home is not None
            and isinstance(value, types.ModuleType)
            and value.__name__ == f"{self.__name__}.{name}"
        ):
            return  # a submodule of the same name as an offered value: keep the value
        super().__setattr__(name, value)


def door(package: str, homes: Mapping[str, str]) -> None:
    """Make ``package`` (a loaded module) serve ``homes`` (name -> submodule relative to
    the package, or ``submodule:attribute`` when the door offers it under another name) on
    first use."""
    module = sys.modules[package]
    module.__class__ = _Door
    module.__dict__["_lazy_homes"] = homes
