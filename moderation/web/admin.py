"""Admins: the sites, their moderators, and new accounts."""

from __future__ import annotations

from typing import Any

from flask import redirect, render_template, request, url_for
from sqlalchemy import select

from moderation.db import get_session
from moderation.errors import BadRequest
from moderation.services import accounts
from moderation.services import sites as site_service
from moderation.tables import Membership, Site, User
from moderation.web.auth import admin_required, page_blueprint

bp = page_blueprint("admin", __name__)


def _page(created_key: str | None = None, status: int = 200) -> tuple[str, int]:
    session = get_session()
    sites = site_service.list_sites(session)
    names = {site.id: site.name for site in sites}
    moderators: dict[int, list[str]] = {}
    rows = session.execute(
        select(Membership.site_id, User.email).join(User, User.id == Membership.user_id)
    )
    for site_id, email in rows:
        moderators.setdefault(site_id, []).append(email)
    users = []
    for user in accounts.list_users(session):
        ids = [m.site_id for m in user.memberships]
        users.append((user, ["all (admin)"] if user.is_admin else [names[i] for i in ids]))
    body = render_template(
        "sites.html", sites=sites, moderators=moderators, users=users, created_key=created_key
    )
    return body, status


@bp.get("/sites")
@admin_required
def sites() -> tuple[str, int]:
    return _page()


@bp.post("/sites")
@admin_required
def create_site_view() -> tuple[str, int]:
    name = (request.form.get("name") or "").strip()
    if not name or len(name) > 100:
        raise BadRequest("a site needs a name of at most 100 characters")
    url = (request.form.get("url") or "").strip() or None
    issued = site_service.create_site(get_session(), name=name, url=url)
    return _page(created_key=issued.api_key, status=201)


@bp.post("/users")
@admin_required
def create_user_view() -> Any:
    session = get_session()
    ids = []
    for raw in request.form.getlist("site_id"):
        if not raw.isdigit():
            raise BadRequest("site ids are numbers")
        ids.append(int(raw))
    chosen = list(session.scalars(select(Site).where(Site.id.in_(ids)))) if ids else []
    if len(chosen) != len(set(ids)):
        raise BadRequest("no such site")
    accounts.create_user(
        session,
        email=request.form.get("email") or "",
        password=request.form.get("password") or "",
        role=request.form.get("role") or "moderator",
        sites=chosen,
    )
    return redirect(url_for("admin.sites"))
