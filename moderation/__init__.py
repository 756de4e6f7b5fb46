"""Comment moderation service: the Flask app factory."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from flask import Flask

from moderation.config import load_settings


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: settings from defaults, ``MODERATION_*`` variables, then ``test_config``."""
    app = Flask(__name__)
    app.config.from_mapping(load_settings(test_config))
    logging.basicConfig(
        level=app.config["LOG_LEVEL"],
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )

    from moderation import (
        api,
        compat,
        db,
        enqueue,
        health,
        limits,
        request_body,
        request_guard,
        scoring,
        web,
    )
    from moderation.errors import register_error_handlers

    # Malformed input refused first: bounded <int:> ids, NUL and control characters, broken
    # bodies, too-deep JSON (before the blueprints, the converter; before the limiter, the hook).
    request_guard.init_app(app)
    request_body.init_app(app)  # whole, before a view opens a database session
    app.json.sort_keys = False  # type: ignore[attr-defined]
    db.init_app(app)
    enqueue.init_app(app)
    scoring.init_app(app)
    register_error_handlers(app)  # before the limiter: see errors._retry_after
    limits.init_app(app)
    app.register_blueprint(health.bp)
    api.register(app)
    compat.register(app)
    web.init_app(app)
    return app
