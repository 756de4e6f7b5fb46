"""Logging in and out, and what every moderator page shares: the user, CSRF, HTML error pages.

Each page module makes its blueprint with :func:`page_blueprint` and guards its views with
:func:`login_required` or :func:`admin_required`; ``moderation.web.init_app`` registers them.
"""

from __future__ import annotations

import functools
import secrets
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
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
from itsdangerous import BadData, URLSafeTimedSerializer
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as BaseResponse

from moderation.db import get_session
from moderation.errors import Problem
from moderation.services import accounts, login_throttle
from moderation.tables import User

F = TypeVar("F", bound=Callable[..., Any])
STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def session_policy() -> accounts.SessionPolicy:
    """The idle timeout and absolute lifetime of moderator sessions, from the settings."""
    config = current_app.config
    return accounts.SessionPolicy(
        idle=timedelta(minutes=float(config["SESSION_IDLE_MINUTES"])),
        lifetime=timedelta(hours=float(config["SESSION_LIFETIME_HOURS"])),
    )


def check_settings(app: Flask) -> None:
    """Refuse to start with session or log-in limits that make no sense."""
    for name in ("LOGIN_RATE_LIMIT", "LOGIN_ACCOUNT_RATE_LIMIT"):
        try:
            if not _limits(str(app.config[name])):
                raise ValueError("no limit")
        except ValueError as error:
            raise ValueError(f"MODERATION_{name}={app.config[name]!r}: {error}") from error
    for name in ("SESSION_IDLE_MINUTES", "SESSION_LIFETIME_HOURS"):
        if not float(app.config[name]) > 0:
            raise ValueError(f"MODERATION_{name} must be more than 0")


def _before() -> None:
    if request.method in STATE_CHANGING:
        csrf = current_app.extensions["moderation.csrf"]
        csrf.protect()
    g.user = None
    token = session.get("sid")
    if token is not None or "uid" in session:
        # The cookie names a server-side session (the row decides); a cookie of the signed
        # sessions of old ("uid") opens nothing.
        user = None
        if isinstance(token, str):
            user = accounts.resume_session(get_session(), token, policy=session_policy())
        if user is None:
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
    if not target.isprintable():  # CR/LF would split the Location header
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


# A browser that logged in to an account keeps a signed cookie naming the account (a digest of
# the e-mail) and a random device id, sent to the login form only. With it, wrong guesses count
# against that browser alone, so an attacker who exhausts the account's budget from elsewhere
# never locks its owner out (OWASP's "device cookies"; docs/security.md).
DEVICE_COOKIE = "moderation_device"
DEVICE_COOKIE_MAX_AGE = int(timedelta(days=180).total_seconds())
DEVICE_COOKIE_ACCOUNTS = 5
_DEVICE_SALT = "moderation.login-device"


@functools.lru_cache(maxsize=16)
def _limits(text: str) -> login_throttle.Limits:
    return login_throttle.parse_limits(text)


def _device_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key or "", salt=_DEVICE_SALT)


def _known_devices() -> list[tuple[str, str]]:
    """(account bucket, device id) pairs from a valid device cookie, the newest first."""
    raw = request.cookies.get(DEVICE_COOKIE)
    if not raw or len(raw) > 4096:
        return []
    try:
        entries = _device_serializer().loads(raw, max_age=DEVICE_COOKIE_MAX_AGE)
    except BadData:
        return []
    if not isinstance(entries, list):
        return []
    return [
        (entry[0], entry[1])
        for entry in entries
        if isinstance(entry, list)
        and len(entry) == 2
        and all(isinstance(part, str) and 0 < len(part) <= 64 for part in entry)
    ]


def _login_buckets(email: str) -> dict[str, login_throttle.Limits]:
    config = current_app.config
    account = login_throttle.account_bucket(email)
    per_account = _limits(str(config["LOGIN_ACCOUNT_RATE_LIMIT"]))
    for known_account, device in _known_devices():
        if known_account == account:
            return {login_throttle.device_bucket(device): per_account}
    address = login_throttle.address_bucket(request.remote_addr or "-")
    return {address: _limits(str(config["LOGIN_RATE_LIMIT"])), account: per_account}


def _remember_device(response: BaseResponse, email: str) -> None:
    account = login_throttle.account_bucket(email)
    known = _known_devices()
    device = next((d for a, d in known if a == account), None) or secrets.token_urlsafe(16)
    entries = [[account, device]] + [[a, d] for a, d in known if a != account]
    response.set_cookie(
        DEVICE_COOKIE,
        _device_serializer().dumps(entries[:DEVICE_COOKIE_ACCOUNTS]),
        max_age=DEVICE_COOKIE_MAX_AGE,
        path=url_for("auth.login_post"),
        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")),
        httponly=True,
        samesite="Lax",
    )


def _printable(text: str) -> str:
    """A header's text fit to store and show: no control characters (no NUL for PostgreSQL)."""
    return "".join(char if char.isprintable() else "?" for char in text)


def _wait_words(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} seconds"
    if seconds < 2 * 3600:
        return f"{(seconds + 59) // 60} minutes"
    return f"{(seconds + 3599) // 3600} hours"


def _throttled_message(reservation: login_throttle.Reservation) -> str:
    wait = _wait_words(reservation.retry_after)
    if (reservation.refused_by or "").startswith("account:"):
        return (
            "Too many log-in attempts on this account from browsers it has not logged in from. "
            f"Try again in {wait}, or from a browser you have logged in with before."
        )
    if (reservation.refused_by or "").startswith("device:"):
        return f"Too many wrong passwords from this browser. Try again in {wait}."
    return f"Too many log-in attempts from this address. Try again in {wait}."


def _login_page(*, next_url: str, email: str, error: str | None, status: int) -> Response:
    body = render_template("login.html", next=next_url, email=email, error=error)
    return Response(body, status=status)


@bp.get("/login")
def login() -> Any:
    if g.user is not None:
        return redirect(safe_next(request.args.get("next"), url_for("queue.queue")))
    return _login_page(next_url=request.args.get("next", ""), email="", error=None, status=200)


@bp.post("/login")
def login_post() -> Any:
    # NUL never belongs in an address (and PostgreSQL text cannot hold it).
    email = (request.form.get("email") or "").replace("\x00", "").strip()[:254]
    password = request.form.get("password") or ""
    next_url = request.form.get("next") or ""
    db = get_session()
    # The attempt is counted (in the database every process shares) before the password is.
    reservation = login_throttle.reserve(db, _login_buckets(email))
    if not reservation.allowed:
        page = _login_page(
            next_url=next_url, email=email, error=_throttled_message(reservation), status=429
        )
        page.headers["Retry-After"] = str(reservation.retry_after)
        return page
    user = accounts.authenticate(db, email=email, password=password)
    if user is None:
        return _login_page(
            next_url=next_url, email=email, error="Wrong e-mail or password.", status=401
        )
    login_throttle.release(db, reservation)
    # A fresh session id (and CSRF token) at every login: nothing set before it carries over,
    # and a session this browser had before ends.
    earlier = session.get("sid")
    if isinstance(earlier, str):
        accounts.end_session(db, earlier)
    session.clear()
    session["sid"] = accounts.start_session(
        db,
        user,
        policy=session_policy(),
        user_agent=_printable(request.user_agent.string),
        ip_address=_printable(request.remote_addr or ""),
    )
    session.permanent = True
    response = redirect(safe_next(next_url, url_for("queue.queue")))
    _remember_device(response, user.email)
    return response


@bp.post("/logout")
def logout() -> Any:
    token = session.get("sid")
    if isinstance(token, str):
        accounts.end_session(get_session(), token)
    session.clear()
    return redirect(url_for("auth.login"))
