"""Serve the site with waitress (a production WSGI server that also runs on Windows)."""

from __future__ import annotations

import ipaddress
import logging
import sys

log = logging.getLogger(__name__)

THREADS = 8
SWITCH_INTERVAL_S = 0.001
"""How long a server thread runs Python before another may (CPython's default is 5 ms).
A page that waits on its database or socket must get the interpreter back when the wait
ends; while another thread renders a long page that took up to 5 ms each time, and a
search page waits a dozen times. 1 ms keeps short pages short under many users."""


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return host == "localhost"
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(host: str, port: int) -> None:
    """Block serving the configured Django site on ``host:port``."""
    from django.core.wsgi import get_wsgi_application
    from waitress import serve as waitress_serve

    sys.setswitchinterval(SWITCH_INTERVAL_S)
    waitress_serve(
        get_wsgi_application(),
        host=host,
        port=port,
        threads=THREADS,
        ident="zi-docs",
        max_request_body_size=1024 * 1024 * 1024,
    )
