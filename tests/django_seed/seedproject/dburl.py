# SPDX-License-Identifier: GPL-3.0-or-later
"""A tiny DATABASE_URL parser (dj_database_url is not available here).

Accepts postgres://, postgresql:// and pgsql:// URLs:

    postgresql://user:password@host:port/dbname?sslmode=require&connect_timeout=5

User, password and database name are percent-decoded. Query parameters become
libpq/psycopg2 connection OPTIONS, except `host`, which may name a unix socket
directory when the URL has no host (postgresql://user@/db?host=/run/postgresql).
"""
from urllib.parse import parse_qsl, unquote, urlsplit

_SCHEMES = {"postgres", "postgresql", "pgsql"}


def parse(url):
    parts = urlsplit(url)
    if parts.scheme not in _SCHEMES:
        raise ValueError("DATABASE_URL: unsupported scheme %r (expected postgresql://)" % parts.scheme)
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    host = parts.hostname or options.pop("host", "")
    options.pop("host", None)
    try:
        port = parts.port
    except ValueError as exc:
        raise ValueError("DATABASE_URL: bad port: %s" % exc) from None
    name = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
    if not name:
        raise ValueError("DATABASE_URL: no database name in the URL path")
    config = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": host,
        "PORT": str(port) if port else "",
    }
    if options:
        config["OPTIONS"] = options
    return config
