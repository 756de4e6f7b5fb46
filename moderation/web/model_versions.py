"""Admins: model versions (promote, roll back) and re-scoring the held queue."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from sqlalchemy import select

from moderation.db import get_session
from moderation.errors import BadRequest
from moderation.scoring import activate, active_version, model_provider
from moderation.services.recheck import recheck_held
from moderation.tables import ModelActivation
from moderation.web.auth import admin_required, current_user, page_blueprint
from moderation.web.display import parse_time

bp = page_blueprint("model_versions", __name__)


@bp.get("/models")
@admin_required
def models_page() -> str:
    registry = model_provider().registry
    session = get_session()
    active = active_version(session)
    versions = []
    for version in reversed(registry.versions()):
        meta = registry.metadata(version)
        gate = (meta.get("metrics") or {}).get("gate", {})
        versions.append(
            {
                "version": version,
                # The registry stores an ISO text; the page shows it as a time (or the raw text).
                "created_at": parse_time(meta.get("created_at")),
                "created_text": str(meta.get("created_at") or ""),
                "active": version == active,
                "gate": gate.get("decision", {}).get("reason"),
                "labels": gate.get("labels"),
            }
        )
    history = list(
        session.scalars(select(ModelActivation).order_by(ModelActivation.id.desc()).limit(10))
    )
    return render_template("model_versions.html", versions=versions, active=active, history=history)


@bp.post("/models/promote")
@admin_required
def promote_model() -> Any:
    version = request.form.get("version") or ""
    registry = model_provider().registry
    if not registry.has(version):
        raise BadRequest("no such model version")
    registry.load(version)  # refuses a version whose checksums or libraries do not match
    activate(get_session(), version, actor=current_user().email, note="promoted from the page")
    flash(f"Model {version} is active; workers switch within seconds.")
    return redirect(url_for("model_versions.models_page"))


@bp.post("/models/recheck")
@admin_required
def recheck_view() -> Any:
    result = recheck_held(get_session(), model_provider().get(), actor=current_user().email)
    flash(f"Re-scored {result.checked} held comments; {result.changed} decisions changed.")
    return redirect(url_for("model_versions.models_page"))
