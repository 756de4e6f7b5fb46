"""The moderators' pages under /moderate: server-rendered, CSRF-protected, behind a login."""

from __future__ import annotations

from datetime import timedelta

from flask import Flask, Response, redirect, request, url_for
from flask_wtf.csrf import CSRFProtect
from werkzeug.wrappers import Response as BaseResponse

from moderation.web import admin, auth, authors, model_versions, moderation_queue, settings

# Each page module's blueprint, all under /moderate.
PAGES = (auth.bp, moderation_queue.bp, authors.bp, admin.bp, model_versions.bp, settings.bp)

# No inline script or style anywhere: everything comes from /static.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
EXTENSION = "moderation.csrf"


def init_app(app: Flask) -> None:
    """Register the pages; CSRF is checked by the pages' blueprints, not by the JSON APIs."""
    app.config.setdefault("WTF_CSRF_CHECK_DEFAULT", False)
    # Tokens live as long as the session (its row decides, web/auth.py), so a queue left open
    # still acts.
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)
    auth.check_settings(app)
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=bool(app.config.get("SESSION_COOKIE_SECURE")),
        SESSION_COOKIE_NAME="moderation_session",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=float(app.config["SESSION_LIFETIME_HOURS"])),
    )
    app.extensions[EXTENSION] = CSRFProtect(app)
    for page in PAGES:
        app.register_blueprint(page, url_prefix="/moderate")
    # A person who opens the service's address lands on the moderators' pages (the login when
    # logged out); the APIs and /healthz, /readyz keep their own paths.
    app.add_url_rule("/", endpoint="root", view_func=_root, methods=["GET"])
    app.after_request(_security_headers)


def _root() -> BaseResponse:
    return redirect(url_for("queue.index"))


def _security_headers(response: Response) -> Response:
    if request.path.startswith(("/moderate", "/static")):
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if request.path.startswith("/moderate"):
            response.headers.setdefault("Cache-Control", "no-store")
    return response
