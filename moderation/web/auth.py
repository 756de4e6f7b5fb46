"""Logging in and out, and what every moderator page shares: the user, CSRF, HTML error pages.

Each page module makes its blueprint with :func:`page_blueprint` and guards its views with
:func:`login_required` or :func:`admin_required`; ``moderation.web.init_app`` registers them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from limits import parse
from werkzeug.exceptions import HTTPException

from moderation.db import get_session
from moderation.errors import Problem
from moderation.limits import get_limiter
from moderation.services import accounts
from moderation.tables import User

F = TypeVar("F", bound=Callable[..., Any])
STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def _session_stamp(user: User) -> str:
    # A password change (new hash) ends every session of the account.
    return user.password_hash[-16:]


def _before() -> None:
    if request.method in STATE_CHANGING:
        csrf = current_app.extensions["moderation.csrf"]
        csrf.protect()
    g.user = None
    user_id = session.get("uid")
    if user_id is not None:
        user = get_session().get(User, user_id)
        if (
            user is None
            or user.disabled_at is not None
            or session.get("stamp") != _session_stamp(user)
        ):
            session.clear()
        else:
            g.user = user


def current_user() -> User:
    user: User = g.user
    return user


def login_required(view: F) -> F:
    """Send anonymous visitors to the login page (JSON callers get a 401)."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if g.get("user") is None:
            if request.accept_mimetypes.best == "application/json":
                abort(401)
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    return cast(F, wrapper)


def admin_required(view: F) -> F:
    """Admins only; a moderator is told it is forbidden."""

    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if g.get("user") is None:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        if not current_user().is_admin:
            abort(403)
        return view(*args, **kwargs)

    return cast(F, wrapper)


def site_ids() -> list[int]:
    """The sites the current user may moderate."""
    if "site_ids" not in g:
        g.site_ids = accounts.site_ids_for(get_session(), current_user())
    ids: list[int] = g.site_ids
    return ids


def safe_next(target: str | None, default: str) -> str:
    """A local /moderate path to go back to, never another host."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/moderate"):
        return default
    if "\\" in target or target.startswith("//"):
        return default
    return target


def _problem(error: Problem) -> tuple[str, int]:
    return render_template("error.html", status=error.status, message=error.detail), error.status


def _http_error(error: HTTPException) -> tuple[str, int] | HTTPException:
    status = error.code or 500
    if status == 401:
        return error
    message = error.description or error.name
    if status == 400 and "CSRF" in message:
        message = "The form was missing its security token or it had expired. Reload and retry."
    if status == 404:
        message = "Not found."
    return render_template("error.html", status=status, message=message), status


def page_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint of moderator pages: CSRF on state-changing requests, ``g.user``, HTML errors."""
    bp = Blueprint(name, import_name)
    bp.before_request(_before)
    bp.register_error_handler(Problem, _problem)
    bp.register_error_handler(HTTPException, _http_error)
    return bp


bp = page_blueprint("auth", __name__)


@bp.get("/login")
def login() -> Any:
    if g.user is not None:
        return redirect(safe_next(request.args.get("next"), url_for("queue.queue")))
    return render_template("login.html", next=request.args.get("next", ""), error=None)


@bp.post("/login")
def login_post() -> Any:
    email = (request.form.get("email") or "").strip()
    password = request.form.get("password") or ""
    next_url = request.form.get("next") or ""
    limiter = get_limiter().limiter
    limit = parse(current_app.config["LOGIN_RATE_LIMIT"])
    # Throttled per client address and per account, so neither guessing pattern gets far.
    allowed = limiter.hit(limit, "login-ip", request.remote_addr or "-")
    allowed = limiter.hit(limit, "login-email", email.lower()[:254]) and allowed
    if not allowed:
        body = render_template(
            "login.html", next=next_url, error="Too many attempts. Wait a minute and try again."
        )
        return Response(body, status=429, headers={"Retry-After": "60"})
    user = accounts.authenticate(get_session(), email=email, password=password)
    if user is None:
        body = render_template("login.html", next=next_url, error="Wrong e-mail or password.")
        return Response(body, status=401)
    session.clear()
    session["uid"] = user.id
    session["stamp"] = _session_stamp(user)
    session.permanent = True
    return redirect(safe_next(next_url, url_for("queue.queue")))


@bp.post("/logout")
def logout() -> Any:
    session.clear()
    return redirect(url_for("auth.login"))
