"""Admins: model versions (promote, roll back), per-site adaptations, re-scoring the held queue."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from sqlalchemy import select

from moderation.db import get_session
from moderation.errors import BadRequest, NotFound
from moderation.scoring import activate, active_version, model_provider
from moderation.services import adaptation
from moderation.services.recheck import recheck_held
from moderation.services.sites import list_sites
from moderation.tables import ModelActivation, Site
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
    return render_template(
        "model_versions.html",
        versions=versions,
        active=active,
        history=history,
        sites=_site_rows(session, active),
    )


def _site_rows(session: Any, base: str | None) -> list[dict[str, Any]]:
    """Every site's adaptations (newest first, at most 5), its active one and its settings."""
    store = model_provider().adaptations
    active = adaptation.active_adaptations(session)
    rows = []
    for site in list_sites(session):
        versions = []
        names = list(reversed(store.versions(site.id))) if store is not None else []
        for version in names[:5]:
            assert store is not None
            meta = store.metadata(site.id, version)
            info = meta.get("info", {})
            versions.append(
                {
                    "version": version,
                    "created_at": parse_time(meta.get("created_at")),
                    "created_text": str(meta.get("created_at") or ""),
                    "active": version == active.get(site.id),
                    "stale": meta.get("base_version") != base,
                    "labels": info.get("labels", {}),
                    "gate": info.get("gate", {}).get("decision", {}).get("reason"),
                }
            )
        settings = adaptation.training_settings(session, site.id)
        rows.append(
            {
                "id": site.id,
                "name": site.name,
                "active": active.get(site.id),
                "versions": versions,
                "share_with_base": settings.share_with_base,
                "adapt": settings.adapt,
                "history": adaptation.adaptation_history(session, site.id, limit=5),
            }
        )
    return rows


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
    session = get_session()
    checked = changed = 0
    for site in list_sites(session):
        # Each site's held comments with its own model (its adaptation, if any).
        model = model_provider().get(site_id=site.id)
        result = recheck_held(session, model, site_id=site.id, actor=current_user().email)
        checked, changed = checked + result.checked, changed + result.changed
    flash(f"Re-scored {checked} held comments; {changed} decisions changed.")
    return redirect(url_for("model_versions.models_page"))


def _site(site_id: int) -> Site:
    site = get_session().get(Site, site_id)
    if site is None:
        raise NotFound("no such site")
    return site


@bp.post("/models/sites/<int:site_id>/promote")
@admin_required
def promote_site_model(site_id: int) -> Any:
    """Make one of a site's adaptations active for it, or "none" (the base model alone)."""
    site = _site(site_id)
    version = request.form.get("version") or ""
    session = get_session()
    if version == "none":
        adaptation.activate_adaptation(
            session, site.id, None, actor=current_user().email, note="switched off from the page"
        )
        flash(f"{site.name} is scored by the base model alone; workers switch within seconds.")
        return redirect(url_for("model_versions.models_page"))
    store = model_provider().adaptations
    if store is None or not store.has(site.id, version):
        raise BadRequest("no such adaptation for this site")
    found = store.load(site.id, version)  # refuses one whose checksums do not match
    if found.base_version != active_version(session):
        raise BadRequest("this adaptation is for another base version: adapt the site again")
    adaptation.activate_adaptation(
        session, site.id, version, actor=current_user().email, note="promoted from the page"
    )
    flash(f"{site.name} is scored with {version}; workers switch within seconds.")
    return redirect(url_for("model_versions.models_page"))


@bp.post("/models/sites/<int:site_id>/rollback")
@admin_required
def rollback_site_model(site_id: int) -> Any:
    site = _site(site_id)
    try:
        earlier, current = adaptation.rollback_adaptation(
            get_session(), site.id, actor=current_user().email
        )
    except LookupError as error:
        raise BadRequest(str(error)) from error
    flash(f"{site.name}: rolled back from {current} to {earlier or 'the base model alone'}.")
    return redirect(url_for("model_versions.models_page"))


@bp.post("/models/sites/<int:site_id>/recheck")
@admin_required
def recheck_site(site_id: int) -> Any:
    site = _site(site_id)
    model = model_provider().get(site_id=site.id)
    result = recheck_held(get_session(), model, site_id=site.id, actor=current_user().email)
    flash(
        f"{site.name}: re-scored {result.checked} held comments with {model.version}; "
        f"{result.changed} decisions changed."
    )
    return redirect(url_for("model_versions.models_page"))


@bp.post("/models/sites/<int:site_id>/share")
@admin_required
def share_site_labels(site_id: int) -> Any:
    """Whether the base retrain may learn from this site's labels (the operator opts it in)."""
    site = _site(site_id)
    share = request.form.get("share") == "on"
    adaptation.set_training_settings(
        get_session(), site.id, share_with_base=share, actor=current_user().email
    )
    flash(
        f"{site.name}: labels {'shared with' if share else 'kept from'} the base model's retrain."
    )
    return redirect(url_for("model_versions.models_page"))
