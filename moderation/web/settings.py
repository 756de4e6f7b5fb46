"""Site settings (admins): thresholds and rules, applied to the next comment."""

from __future__ import annotations

from typing import Any

from flask import redirect, render_template, request, url_for
from pydantic import ValidationError
from sqlalchemy.orm.attributes import flag_modified

from classifier import ATTRIBUTES
from moderation.db import get_session
from moderation.errors import BadRequest, NotFound
from moderation.services.policy import SiteSettings
from moderation.tables import Site
from moderation.web.auth import admin_required, page_blueprint, site_ids

MAX_WORDS = 2000


bp = page_blueprint("settings", __name__)


def _site(site_id: int) -> Site:
    site = get_session().get(Site, site_id)
    if site is None or site_id not in site_ids():
        raise NotFound("no such site")
    return site


def _lines(name: str) -> list[str]:
    raw = request.form.get(name) or ""
    words = [line.strip() for line in raw.splitlines() if line.strip()]
    if len(words) > MAX_WORDS:
        raise BadRequest(f"at most {MAX_WORDS} lines in {name.replace('_', ' ')}")
    if any(len(word) > 200 for word in words):
        raise BadRequest("a word or article id has at most 200 characters")
    return words


def _number(name: str, kind: type, *, optional: bool = False) -> Any:
    raw = (request.form.get(name) or "").strip()
    if not raw:
        if optional:
            return None
        raise BadRequest(f"{name.replace('_', ' ')} is required")
    try:
        return kind(raw)
    except ValueError:
        raise BadRequest(f"{name.replace('_', ' ')} must be a number") from None


def settings_from_form() -> dict[str, Any]:
    """The stored settings mapping from the submitted form; out-of-range values are a 400."""
    thresholds = {}
    for attribute in ATTRIBUTES:
        value = _number(f"threshold_{attribute}", float)
        if not 0.0 <= value <= 1.0:
            raise BadRequest(f"the {attribute} threshold must be between 0 and 1")
        thresholds[attribute] = value
    close_after = _number("close_after_days", int, optional=True)
    stored: dict[str, Any] = {
        "thresholds": thresholds,
        "spam_discard_threshold": _number("spam_discard_threshold", float),
        "link_limit": _number("link_limit", int),
        "moderation_words": _lines("moderation_words"),
        "disallowed_words": _lines("disallowed_words"),
        "premoderate_all": request.form.get("premoderate_all") == "on",
        "premoderate_articles": _lines("premoderate_articles"),
        "close_after_days": close_after or None,
        "approvals_before_publish": _number("approvals_before_publish", int),
        "flood_seconds": _number("flood_seconds", float),
        "reject_duplicates": request.form.get("reject_duplicates") == "on",
        "shadow_mode": request.form.get("shadow_mode") == "on",
        "report_threshold": _number("report_threshold", int),
    }
    try:
        SiteSettings.for_site(stored)
    except ValidationError as error:
        first = error.errors(include_url=False, include_input=False)[0]
        field = ".".join(str(part) for part in first["loc"])
        raise BadRequest(f"{field.replace('_', ' ')}: {first['msg']}") from None
    return stored


@bp.get("/sites/<int:site_id>/settings")
@admin_required
def site_settings(site_id: int) -> str:
    site = _site(site_id)
    return render_template(
        "settings.html",
        site=site,
        settings=SiteSettings.for_site(site.settings),
        attributes=ATTRIBUTES,
        saved=request.args.get("saved") == "1",
    )


@bp.post("/sites/<int:site_id>/settings")
@admin_required
def save_site_settings(site_id: int) -> Any:
    site = _site(site_id)
    site.settings = settings_from_form()
    flag_modified(site, "settings")
    session = get_session()
    session.commit()
    return redirect(url_for("settings.site_settings", site_id=site.id, saved=1))
