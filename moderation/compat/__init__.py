"""Compatibility APIs: Akismet, Perspective and Coral's external moderation phase."""

from __future__ import annotations

from flask import Flask


def register(app: Flask) -> None:
    from moderation.compat import akismet, coral, perspective, webhooks_api

    app.register_blueprint(akismet.bp)
    app.register_blueprint(perspective.bp)
    app.register_blueprint(coral.bp)
    app.register_blueprint(webhooks_api.bp, url_prefix="/api/v1")
