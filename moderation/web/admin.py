"""Admins: the sites, their moderators, and new accounts."""

from __future__ import annotations

from typing import Any

from flask import redirect, render_template, request, url_for
from sqlalchemy import select

from moderation.db import get_session
from moderation.errors import BadRequest, NotFound
from moderation.request_guard import db_int
from moderation.services import accounts
from moderation.services import sites as site_service
from moderation.tables import Membership, Site, User
from moderation.web.auth import admin_required, page_blueprint

bp = page_blueprint("admin", __name__)


def _page(
    created: site_service.IssuedKey | None = None,
    new_akismet_key: tuple[Site, str] | None = None,
    status: int = 200,
) -> tuple[str, int]:
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
        "sites.html",
        sites=sites,
        moderators=moderators,
        users=users,
        created=created,
        new_akismet_key=new_akismet_key,
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
    if url is not None and len(url) > 500:  # the column's length
        raise BadRequest("a site's URL has at most 500 characters")
    issued = site_service.create_site(get_session(), name=name, url=url)
    return _page(created=issued, status=201)


@bp.post("/sites/<int:site_id>/akismet-key")
@admin_required
def rotate_akismet_key_view(site_id: int) -> tuple[str, int]:
    """A new Akismet key for the site, shown once; its earlier Akismet key stops working."""
    session = get_session()
    site = session.get(Site, site_id)
    if site is None:
        raise NotFound("no such site")
    key = site_service.rotate_key(session, site, kind=site_service.KeyKind.AKISMET)
    return _page(new_akismet_key=(site, key))


@bp.post("/users")
@admin_required
def create_user_view() -> Any:
    session = get_session()
    ids = []
    for raw in request.form.getlist("site_id"):
        try:
            ids.append(db_int(raw))
        except ValueError:
            raise BadRequest("site ids are numbers") from None
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
