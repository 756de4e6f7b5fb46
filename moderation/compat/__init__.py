"""Compatibility APIs: Akismet, Perspective and Coral's external moderation phase."""

from __future__ import annotations

from flask import Flask, request

from moderation.limits import get_limiter
from moderation.services.sites import hash_key


def rate_limit_key() -> str:
    """Per site key, wherever the protocol carries it (query, form, JSON, bearer); else per IP."""
    key = request.args.get("key") or request.args.get("api_key")
    if not key and request.mimetype == "application/x-www-form-urlencoded":
        key = request.form.get("api_key") or request.form.get("key")
    if not key and request.is_json:
        body = request.get_json(silent=True)
        if isinstance(body, dict):
            value = body.get("api_key") or body.get("key")
            key = value if isinstance(value, str) else None
    if not key:
        scheme, _, value = request.headers.get("Authorization", "").partition(" ")
        key = value.strip() if scheme.lower() == "bearer" else None
    if key:
        return f"key:{hash_key(key)[:16]}"
    if request.view_args and "site_id" in request.view_args:
        return f"site:{request.view_args['site_id']}"
    return f"ip:{request.remote_addr}"


def register(app: Flask) -> None:
    from moderation.compat import akismet, coral, perspective, webhooks_api

    limiter = get_limiter(app)
    for blueprint in (akismet.bp, perspective.bp, coral.bp):
        # The same per-key budget as the native API; a refusal keeps the protocol's error shape.
        limiter.limit(lambda: app.config["API_RATE_LIMIT"], key_func=rate_limit_key)(blueprint)
    app.register_blueprint(akismet.bp)
    app.register_blueprint(perspective.bp)
    app.register_blueprint(coral.bp)
    app.register_blueprint(webhooks_api.bp, url_prefix="/api/v1")
