"""The Jinja environment every template is rendered in: sandboxed, strict, XML-escaping.

* ``SandboxedEnvironment``: a unit's own template cannot reach Python internals.
* ``StrictUndefined``: a variable the input lacks is an error, never a silent blank.
* Autoescape plus :func:`finalize`: every printed value is XML-escaped, so ``&``, ``<``, ``>``
  and quotes appear literally, and text that looks like template code is printed, not run.

Characters XML 1.0 cannot carry (NUL, most C0 controls, lone surrogates, U+FFFE/U+FFFF) are
dropped from printed values; a line break in a value becomes a line break in the document and
a tab stays a tab. Everything else (any script, any length) is printed as given.
"""

from __future__ import annotations

import re
import time
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from zi_docs.documents.formatting import FILTERS

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

DOCXTPL_TAGS = frozenset({"colspan", "cellbg", "vm", "hm"})
"""docxtpl's own cell tags; they are rewritten before Jinja sees the template."""


def clean_text(value: str) -> str:
    """``value`` without characters XML cannot hold; CR LF and CR become LF."""
    return _XML_ILLEGAL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def finalize(value: Any) -> Any:
    """Turn a printed value into safe WordprocessingML text."""
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value  # an image or other markup made by the engine itself
    # docxtpl later turns LF inside <w:t> into <w:br/> and TAB into <w:tab/>, and rewrites
    # "{_{"-style sequences in the whole output; braces as character references are immune.
    text = str(escape(clean_text(str(value))))
    return Markup(text.replace("{", "&#123;").replace("}", "&#125;"))


MAX_RENDER_SECONDS = 30.0
"""How long one document may take to fill before it is stopped (a runaway loop)."""
MAX_OUTPUT_CHARS = 50_000_000
"""Characters one template part may produce (also the largest string a template may build)."""
MAX_EXPONENT = 1000


class LimitExceeded(SecurityError):
    """A template went beyond the time or size a document may take; the message says which."""


class LimitedEnvironment(SandboxedEnvironment):
    """The sandbox plus bounds on time, repetition (``'x' * n``) and powers (``10 ** n``)."""

    intercepted_binops = frozenset({"*", "**"})
    deadline: float | None = None
    """``time.monotonic()`` value after which calls and operations stop the render."""

    def check_time(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise LimitExceeded(
                f"pengisian templat melewati {MAX_RENDER_SECONDS:g} detik (perulangan terlalu "
                "besar, misalnya range() bersarang); perkecil perulangannya"
            )

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.check_time()
        if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT:
            raise LimitExceeded(f"pangkat {right} terlalu besar (paling besar {MAX_EXPONENT})")
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                sized = isinstance(seq, (str, list, tuple)) and isinstance(count, int)
                if sized and len(seq) * count > MAX_OUTPUT_CHARS:
                    raise LimitExceeded(
                        "teks atau daftar yang dibuat templat terlalu panjang (lebih dari "
                        f"{MAX_OUTPUT_CHARS:,} karakter)".replace(",", ".")
                    )
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.check_time()
        return super().call(__context, __obj, *args, **kwargs)


def make_environment() -> LimitedEnvironment:
    """A fresh environment with the Indonesian filters installed."""
    env = LimitedEnvironment(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=finalize,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    return env


_UNSAFE = re.compile(r"access to attribute '([^']+)' of '[^']+' object is unsafe")


def explain_fill_error(exc: Exception) -> str:
    """What went wrong while filling a template in this environment, in Indonesian (Jinja and
    Python speak English): the sandbox's refusals, the limits, the unsupported tags."""
    message = getattr(exc, "message", None) or str(exc)
    unsafe = _UNSAFE.search(message)
    if unsafe:
        return (
            f"templat mencoba membuka bagian dalam program ('{unsafe.group(1)}'); itu diblokir "
            "demi keamanan, hapus tag tersebut"
        )
    if "no loader for this environment" in message:
        return (
            "{% include %}, {% import %} dan {% extends %} tidak didukung: templat .docx harus "
            "berdiri sendiri; salin isinya ke templat ini"
        )
    if "Range too big" in message:
        return "range() terlalu besar (paling banyak 100.000 butir); perkecil perulangannya"
    if isinstance(exc, ZeroDivisionError):
        return "pembagian dengan nol dalam templat; periksa rumusnya"
    if "integer string conversion" in message or isinstance(exc, OverflowError):
        return "angka dalam templat terlalu panjang untuk dicetak; perkecil angkanya"
    if isinstance(exc, TemplateError):
        return message
    return f"templat tidak dapat diisi ({type(exc).__name__}: {message[:120]})"
