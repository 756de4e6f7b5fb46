"""Request rate limiting (Flask-Limiter); storage is Redis in production, memory by default."""

from __future__ import annotations

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

EXTENSION = "moderation.limiter"


def init_app(app: Flask) -> None:
    limiter = Limiter(
        key_func=get_remote_address,
        app=app,
        storage_uri=app.config["RATELIMIT_STORAGE_URL"],
        headers_enabled=True,
        default_limits=[],
    )
    app.extensions[EXTENSION] = limiter


def get_limiter(app: Flask | None = None) -> Limiter:
    limiter: Limiter = (app or current_app).extensions[EXTENSION]
    return limiter
