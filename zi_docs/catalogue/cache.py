"""The parsed catalogue kept between runs: a catalogue file is parsed and validated once, and
every later command (``score``, ``check``, each web worker) unpickles it instead (about 2 ms
against 80-100 ms of parsing the 110 indicators).

The cache is derived data in the user's own cache folder (see :mod:`zi_docs.user_cache`;
``ZI_DOCS_CACHE=0`` turns it off). An entry is named by the hash of
the catalogue file's bytes, of the catalogue package's code and of the Python version, so an
edited catalogue, a new zi-docs or a new Python never reads an old entry. Anything wrong with
an entry (unreadable, cut short, of other classes) only means it is parsed again."""

from __future__ import annotations

import hashlib
import logging
import pickle
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

from zi_docs.atomic import write_bytes_atomic
from zi_docs.user_cache import cache_dir

log = logging.getLogger(__name__)

T = TypeVar("T")


@cache
def _code_stamp() -> bytes:
    """The catalogue package's code (the classes a pickled catalogue is made of)."""
    digest = hashlib.sha256(sys.version.encode())
    here = Path(__file__).parent
    for source in sorted(here.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.digest()


def cached_parse(path: Path, parse: Callable[[], T], kind: type[T]) -> T:
    """``parse()``'s result for the catalogue file ``path``, from the cache when it holds one
    for these bytes at this place; a fresh result is stored for the next run."""
    folder = cache_dir()
    if folder is None:
        return parse()
    try:
        raw = path.read_bytes()
    except OSError:
        return parse()  # parse says what is wrong with the file
    where = str(path.resolve()).encode()
    key = hashlib.sha256(_code_stamp() + where + b"\0" + raw).hexdigest()[:32]
    entry = folder / f"katalog-{key}.pickle"
    try:
        kept = pickle.loads(entry.read_bytes())
    except FileNotFoundError:
        pass
    except Exception as exc:  # a damaged entry is parsed again, never fatal
        log.info("cache katalog %s tidak terbaca (%s); diurai ulang", entry, exc)
    else:
        if isinstance(kept, kind):
            return kept
    made = parse()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(entry, pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError as exc:
        log.info("cache katalog %s tidak dapat ditulis (%s)", entry, exc)
    return made
