"""Each request's body is read whole before any view runs.

A client that announces a body and sends it slowly then waits in the server (a greenlet of the
gevent worker, moderation/server.py) before authentication opens a database session, so slow
clients never hold the database pool's connections. The body is bounded by MAX_CONTENT_LENGTH
(413 beyond it) and kept for the view (``request.get_data()`` and ``request.form`` read it).
"""

from __future__ import annotations

from flask import Flask, request


def _read_body() -> None:
    if request.content_length or "chunked" in request.headers.get("Transfer-Encoding", "").lower():
        request.get_data()


def init_app(app: Flask) -> None:
    app.before_request(_read_body)
