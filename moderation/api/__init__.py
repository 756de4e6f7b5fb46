"""The native JSON API under /api/v1."""

from __future__ import annotations

from flask import Flask

from moderation.api import comments, feedback, openapi, reports
from moderation.api.auth import rate_limit_key
from moderation.limits import get_limiter

PREFIX = "/api/v1"


def register(app: Flask) -> None:
    get_limiter(app).limit(lambda: app.config["API_RATE_LIMIT"], key_func=rate_limit_key)(
        comments.bp
    )
    app.register_blueprint(comments.bp, url_prefix=PREFIX)
    get_limiter(app).limit(lambda: app.config["API_RATE_LIMIT"], key_func=rate_limit_key)(
        reports.bp
    )
    app.register_blueprint(reports.bp, url_prefix=PREFIX)
    get_limiter(app).limit(lambda: app.config["API_RATE_LIMIT"], key_func=rate_limit_key)(
        feedback.bp
    )
    app.register_blueprint(feedback.bp, url_prefix=PREFIX)
    app.register_blueprint(openapi.bp, url_prefix=PREFIX)
