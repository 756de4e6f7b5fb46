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
    app.json.sort_keys = False  # type: ignore[attr-defined]

    from moderation import api, compat, db, enqueue, health, limits, scoring, web
    from moderation.errors import register_error_handlers

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
