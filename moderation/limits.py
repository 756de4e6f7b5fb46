"""Request rate limiting (Flask-Limiter); storage is Redis in production, memory by default.

The API limits count per site (``moderation/request_keys.py``). When the storage does not
answer (Redis restarting, down, or hanging past :data:`STORAGE_TIMEOUT_SECONDS`), the limiter
fails open: it logs a warning, and each process goes on counting the same limits in its own
memory until the storage answers again (Flask-Limiter checks it at growing intervals, at most
about half a minute apart), then counts in the storage again. A request is never answered 500
because the limiter's storage is down.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

EXTENSION = "moderation.limiter"

# A Redis that accepts connections and does not answer (stopped, overloaded) holds a request
# this long, once: after that failure the process counts in memory.
STORAGE_TIMEOUT_SECONDS = 0.5


def storage_options(uri: str) -> dict[str, Any]:
    """Connection options for the storage: short timeouts for Redis, none for memory."""
    if uri.split(":", 1)[0] in ("redis", "rediss"):
        return {
            "socket_connect_timeout": STORAGE_TIMEOUT_SECONDS,
            "socket_timeout": STORAGE_TIMEOUT_SECONDS,
        }
    return {}


def init_app(app: Flask) -> None:
    uri = app.config["RATELIMIT_STORAGE_URL"]
    limiter = Limiter(
        key_func=get_remote_address,
        app=app,
        storage_uri=uri,
        storage_options=storage_options(uri),
        headers_enabled=True,
        default_limits=[],
        # Fail open: count in memory while the storage is down (Flask-Limiter logs a warning
        # "Rate limit storage unreachable - falling back to in-memory storage", and "Rate limit
        # storage recovered" once it answers), and never fail a request on a storage error.
        in_memory_fallback_enabled=True,
        swallow_errors=True,
    )
    app.extensions[EXTENSION] = limiter


def get_limiter(app: Flask | None = None) -> Limiter:
    limiter: Limiter = (app or current_app).extensions[EXTENSION]
    return limiter
