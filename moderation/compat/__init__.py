"""Compatibility APIs: Akismet, Perspective and Coral's external moderation phase."""

from __future__ import annotations

from flask import Flask

from moderation.limits import get_limiter
from moderation.request_keys import rate_limit_key


def register(app: Flask) -> None:
    from moderation.compat import akismet, coral, perspective, webhooks_api

    limiter = get_limiter(app)
    for blueprint in (akismet.bp, perspective.bp, coral.bp):
        # The same per-site budget as the native API (whatever way the key came, see
        # moderation/request_keys.py); a refusal keeps the protocol's error shape.
        limiter.limit(lambda: app.config["API_RATE_LIMIT"], key_func=rate_limit_key)(blueprint)
    app.register_blueprint(akismet.bp)
    app.register_blueprint(perspective.bp)
    app.register_blueprint(coral.bp)
    # The webhook log is read with the native API's key, under the native API's budget.
    limiter.limit(lambda: app.config["API_RATE_LIMIT"], key_func=rate_limit_key)(webhooks_api.bp)
    app.register_blueprint(webhooks_api.bp, url_prefix="/api/v1")
