"""Domain errors and their one JSON shape: RFC 9457 problem details (application/problem+json)."""

from __future__ import annotations

import logging
import math
from typing import Any

from flask import Flask, Response, current_app, g, json, request
from flask.typing import ResponseReturnValue
from sqlalchemy import exc as sa_exc
from werkzeug.exceptions import HTTPException, ServiceUnavailable

log = logging.getLogger(__name__)

PROBLEM_TYPE_BASE = "https://moderation.invalid/problems/"

#: Seconds a client is asked to wait (Retry-After) while a dependency is restarting.
UNAVAILABLE_RETRY_AFTER = 5

# The database errors that mean "not answering now" (down, restarting, pool exhausted, locked),
# answered 503 with Retry-After. A constraint or data error is not among them.
_UNAVAILABLE_ERRORS = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.TimeoutError,
    sa_exc.DisconnectionError,
)


class Problem(Exception):
    """An error answered as problem details. Subclasses fix the status and title."""

    status = 400
    title = "Bad request"
    code = "bad_request"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class BadRequest(Problem):
    status, title, code = 400, "Bad request", "bad_request"


class Unauthorized(Problem):
    status, title, code = 401, "Unauthorized", "unauthorized"


class NotFound(Problem):
    status, title, code = 404, "Not found", "not_found"


class Conflict(Problem):
    status, title, code = 409, "Conflict", "conflict"


class Unprocessable(Problem):
    status, title, code = 422, "Unprocessable content", "validation_failed"


class TooManyRequests(Problem):
    status, title, code = 429, "Too many requests", "rate_limited"


def problem_response(status: int, title: str, detail: str, code: str, **extra: Any) -> Response:
    body = {
        "type": PROBLEM_TYPE_BASE + code,
        "title": title,
        "status": status,
        "detail": detail,
        "code": code,
        **extra,
    }
    response = Response(json.dumps(body), status=status, mimetype="application/problem+json")
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="moderation"'
    return response


def _wants_problem_json() -> bool:
    """API paths answer problem JSON; the moderator pages answer HTML."""
    path = request.path
    return not (path.startswith("/moderate") or path.startswith("/static"))


def register_error_handlers(app: Flask) -> None:
    @app.errorhandler(Problem)
    def _problem(error: Problem) -> Response:
        response = problem_response(
            error.status, error.title, error.detail, error.code, **error.extra
        )
        retry_after = error.extra.get("retry_after")
        if retry_after is not None:
            g.retry_after = max(1, math.ceil(retry_after))
        return response

    # Registered before the rate limiter's hook, so it runs after it (Flask runs after_request
    # hooks in reverse): Flask-Limiter puts its own window's Retry-After on every response.
    @app.after_request
    def _retry_after(response: Response) -> Response:
        if response.status_code not in (429, 503):
            response.headers.pop("Retry-After", None)
        elif "retry_after" in g:
            response.headers["Retry-After"] = str(g.retry_after)
        return response

    @app.errorhandler(sa_exc.DBAPIError)
    def _database(error: sa_exc.DBAPIError) -> ResponseReturnValue:
        if not isinstance(error, _UNAVAILABLE_ERRORS) and not error.connection_invalidated:
            return _unexpected(error)
        return _unavailable(error)

    @app.errorhandler(sa_exc.TimeoutError)
    @app.errorhandler(sa_exc.DisconnectionError)
    def _unavailable(error: Exception) -> ResponseReturnValue:
        """503 with Retry-After, in the shape of the API or page that was asked."""
        log.warning(
            "database unavailable on %s %s: %s",
            request.method,
            request.path,
            type(error).__name__,
        )
        g.retry_after = UNAVAILABLE_RETRY_AFTER
        unavailable = ServiceUnavailable(
            "The database is not answering; retry in a few seconds.",
            retry_after=UNAVAILABLE_RETRY_AFTER,
        )
        # The blueprint's own handler (Akismet text, Perspective JSON, an HTML page) answers.
        return current_app.handle_http_exception(unavailable)

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException) -> Response | HTTPException:
        if not _wants_problem_json():
            return error
        status = error.code or 500
        code = {
            400: "bad_request",  # a malformed request (moderation/request_guard.py), a cut body
            404: "not_found",
            405: "method_not_allowed",
            413: "payload_too_large",
            415: "unsupported_media_type",
            429: "rate_limited",
            503: "unavailable",
        }.get(status, "http_error")
        detail = error.description or error.name
        if status == 413:
            limit = app.config.get("MAX_CONTENT_LENGTH")
            detail = f"The request body is larger than the limit of {limit} bytes."
        response = problem_response(status, error.name, detail, code)
        if status == 405 and error.get_response().headers.get("Allow"):
            response.headers["Allow"] = error.get_response().headers["Allow"]
        return response

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.path)
        return problem_response(
            500, "Internal server error", "An unexpected error occurred.", "internal_error"
        )
