"""Configure Django for a :class:`~zi_docs.web.site.Site`, once per process."""

from __future__ import annotations

import threading
from typing import Any
from urllib.parse import urlparse

from zi_docs.errors import WorkspaceError
from zi_docs.web.site import (
    DB_ENV,
    DB_SETTING_FILE,
    STATE_DIR,
    Site,
    database_origin,
    database_settings,
    secret_key,
)

_lock = threading.Lock()
_configured: Site | None = None

MAX_UPLOAD_MB = 100
"""Largest single upload; the archive applies its own size limit after that."""
SESSION_HOURS = 8


def build_settings(site: Site, *, allowed_hosts: list[str] | None = None) -> dict[str, Any]:
    """Django settings for the site (no debug pages, Indonesian, security headers on)."""
    site.upload_dir.mkdir(parents=True, exist_ok=True)
    hosts = list(allowed_hosts or ["127.0.0.1", "localhost", "[::1]", "testserver"])
    proxy = behind_proxy(site)
    if site.public_url is not None:
        hosts.append(str(urlparse(site.public_url).hostname))
    return proxy | {
        "DEBUG": False,
        "SECRET_KEY": secret_key(site),
        "ALLOWED_HOSTS": hosts,
        "INSTALLED_APPS": [
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.messages",
            "django.contrib.staticfiles",
            "zi_docs.web.app",
        ],
        "MIDDLEWARE": [
            "django.middleware.security.SecurityMiddleware",
            "whitenoise.middleware.WhiteNoiseMiddleware",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
            "zi_docs.web.app.middleware.security_headers",
            "zi_docs.web.app.middleware.one_stamp_per_read",
        ],
        "ROOT_URLCONF": "zi_docs.web.app.root_urls",
        "CSRF_FAILURE_VIEW": "zi_docs.web.app.errors.csrf_failure",
        "TEMPLATES": [
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "APP_DIRS": True,
                "OPTIONS": {
                    "context_processors": [
                        "django.template.context_processors.request",
                        "django.contrib.auth.context_processors.auth",
                        "django.contrib.messages.context_processors.messages",
                        "zi_docs.web.app.context.navigation",
                    ]
                },
            }
        ],
        "DATABASES": {"default": database_settings(site)},
        "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
        "AUTH_PASSWORD_VALIDATORS": [
            {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
            {
                "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
                "OPTIONS": {"min_length": 10},
            },
            {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
            {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
        ],
        "LANGUAGE_CODE": "id",
        "LANGUAGES": [("id", "Bahasa Indonesia")],
        "USE_I18N": True,
        "TIME_ZONE": "Asia/Jakarta",
        "USE_TZ": True,
        "STATIC_URL": "/statis/",
        # the app serves its own few static files from the package (no collectstatic step)
        "WHITENOISE_USE_FINDERS": True,
        "WHITENOISE_AUTOREFRESH": False,
        "LOGIN_URL": "zi_web:masuk",
        "LOGIN_REDIRECT_URL": "zi_web:awal",
        "LOGOUT_REDIRECT_URL": "zi_web:masuk",
        "SESSION_COOKIE_AGE": SESSION_HOURS * 3600,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
        "X_FRAME_OPTIONS": "DENY",
        "FILE_UPLOAD_MAX_MEMORY_SIZE": 0,
        "FILE_UPLOAD_TEMP_DIR": str(site.upload_dir),
        "FILE_UPLOAD_HANDLERS": ["zi_docs.web.app.uploads.LimitedUploadHandler"],
        "DATA_UPLOAD_MAX_NUMBER_FILES": 50,
        "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        "ZI_SITE": site,
        "ZI_MAX_UPLOAD_BYTES": MAX_UPLOAD_MB * 1024 * 1024,
        "LOGGING_CONFIG": None,
    }


def behind_proxy(site: Site) -> dict[str, Any]:
    """Settings for a site reached through a TLS proxy at ``site.public_url``: forms posted
    from that address pass the CSRF origin check, and the proxy's ``X-Forwarded-Proto``
    tells that the browser's connection is https (then cookies are sent over https only)."""
    if site.public_url is None:
        return {}
    extra: dict[str, Any] = {"CSRF_TRUSTED_ORIGINS": [site.public_url]}
    if site.public_url.startswith("https://"):
        extra["SECURE_PROXY_SSL_HEADER"] = ("HTTP_X_FORWARDED_PROTO", "https")
        extra["SESSION_COOKIE_SECURE"] = True
        extra["CSRF_COOKIE_SECURE"] = True
    return extra


def configure(site: Site, *, allowed_hosts: list[str] | None = None, migrate: bool = True) -> None:
    """Set Django up for ``site`` and bring its database schema up to date.

    Django settings are process-wide, so one process serves one site: a second call (the
    CLI in-process inside the test suite) keeps the first configuration.
    """
    global _configured
    with _lock:
        if _configured is not None:
            return
        import django
        from django.conf import settings

        settings.configure(**build_settings(site, allowed_hosts=allowed_hosts))
        django.setup()
        if migrate:
            _migrate(site)
        _configured = site


def _migrate(site: Site) -> None:
    """Bring the schema up to date; a database that cannot be reached is the user's to fix."""
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import call_command
    from django.db import Error as DatabaseError

    try:
        call_command("migrate", verbosity=0, interactive=False)
    except ImproperlyConfigured as error:
        if site.database_url is None:
            raise
        raise WorkspaceError(
            "pengandar PostgreSQL (psycopg) belum terpasang",
            hint='pasang dengan: pip install "zi-docs[postgres]"',
        ) from error
    except DatabaseError as error:
        where = database_origin(site)
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise WorkspaceError(
            f"basis data web {where} tidak dapat dipakai: {reason}",
            hint="periksa bahwa server PostgreSQL berjalan dan alamat, nama pengguna, sandi, "
            f"serta nama basis datanya benar ({DB_ENV} atau {STATE_DIR}/{DB_SETTING_FILE})"
            if site.database_url is not None
            else "periksa bahwa folder itu dapat ditulisi dan tidak sedang dikunci program lain",
        ) from error


def current_site() -> Site:
    """The site Django was configured for."""
    from django.conf import settings

    site: Site = settings.ZI_SITE
    return site
