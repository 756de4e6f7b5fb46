"""Liveness and readiness probes."""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, Response, current_app, jsonify
from sqlalchemy import text

from moderation.db import get_db
from moderation.enqueue import celery_client
from moderation.scoring import model_provider

log = logging.getLogger(__name__)

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> Response:
    """Alive: the process answers."""
    return jsonify({"status": "ok"})


def _check_database() -> dict[str, Any]:
    with get_db().session() as session:
        session.execute(text("SELECT 1"))
    return {"ok": True}


def _check_broker() -> dict[str, Any]:
    with celery_client().connection_for_write() as connection:
        connection.ensure_connection(max_retries=1, timeout=2)
    return {"ok": True}


def _check_model() -> dict[str, Any]:
    model = model_provider().get()
    return {"ok": True, "version": model.version}


@bp.get("/readyz")
def readyz() -> tuple[Response, int]:
    """Ready: database, broker and the active model all answer."""
    checks: dict[str, dict[str, Any]] = {}
    for name, check in (
        ("database", _check_database),
        ("broker", _check_broker),
        ("model", _check_model),
    ):
        try:
            checks[name] = check()
        except Exception as error:
            log.warning("readiness check %s failed: %s", name, error)
            checks[name] = {"ok": False, "error": type(error).__name__}
    ready = all(check["ok"] for check in checks.values())
    body = {"status": "ready" if ready else "unavailable", "checks": checks}
    if not ready and current_app.debug:
        body["hint"] = "see the server log for the failing check"
    return jsonify(body), 200 if ready else 503
