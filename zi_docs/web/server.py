"""Serve the site with waitress (a production WSGI server that also runs on Windows)."""

from __future__ import annotations

import ipaddress
import logging

log = logging.getLogger(__name__)

THREADS = 8


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

    waitress_serve(
        get_wsgi_application(),
        host=host,
        port=port,
        threads=THREADS,
        ident="zi-docs",
        max_request_body_size=1024 * 1024 * 1024,
    )
