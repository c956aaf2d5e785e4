"""The PostgreSQL server the tests may use (``.ci/run`` starts one; elsewhere it is optional)."""

from __future__ import annotations

import functools
import os

PG_ENV = "ZI_DOCS_UJI_PG"
"""Environment variable naming the PostgreSQL server of the tests (a role that may create
databases), e.g. ``postgresql://zidocs_uji:zidocs_uji@localhost/zidocs_uji``."""
DB_ENV = "ZI_DOCS_UJI_BASIS_DATA"
"""``postgres``: the web tests' own database (pytest-django's test database) lives on the
server :data:`PG_ENV` names instead of in SQLite."""


def postgres_server_url() -> str | None:
    """The PostgreSQL server the tests may use, or ``None`` when none is named."""
    return os.environ.get(PG_ENV, "").strip() or None


@functools.cache
def postgres_unreachable() -> str | None:
    """Why the tests' PostgreSQL cannot be used, or ``None`` when it answers."""
    url = postgres_server_url()
    if url is None:
        return f"PostgreSQL uji tidak disebut ({PG_ENV} kosong)"
    try:
        import psycopg
    except ImportError:
        return "pengandar psycopg tidak terpasang (pip install -e '.[test]')"
    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.Error as error:
        return f"PostgreSQL uji di {PG_ENV} tidak terjangkau: {str(error).splitlines()[0]}"
    return None
