"""Admins: the sites, and the accounts (their sites, passwords, state and sessions).

Every view is for admins only and every form carries the CSRF token (``web/auth.py``). What an
account may do is decided by ``services/accounts.py``: a moderator keeps at least one site, the
last enabled admin can be neither disabled nor deleted, and disabling, deleting or resetting the
password of an account ends every session of it at once.
"""

from __future__ import annotations

from typing import Any

from flask import redirect, render_template, request, session, url_for
from sqlalchemy import func, select
from werkzeug.wrappers import Response as BaseResponse

from moderation.db import get_session
from moderation.errors import BadRequest, Conflict, NotFound, Problem
from moderation.request_guard import db_int
from moderation.services import accounts
from moderation.services import sites as site_service
from moderation.tables import Membership, Site, User
from moderation.tables.accounts import UserSession
from moderation.tables.base import utcnow
from moderation.web.auth import admin_required, current_user, page_blueprint, session_policy

bp = page_blueprint("admin", __name__)

# What the account page says after an action (?done=...), so a reload repeats nothing.
DONE = {
    "created": "Account created.",
    "sites": "Sites saved.",
    "password": "New password set; every session of the account ended.",
    "disabled": "Account disabled; every session of it ended.",
    "enabled": "Account enabled: it can log in again.",
    "sessions": "Every session of the account ended.",
}


def _sites_page(
    created: site_service.IssuedKey | None = None,
    new_akismet_key: tuple[Site, str] | None = None,
    status: int = 200,
) -> tuple[str, int]:
    session = get_session()
    moderators: dict[int, list[str]] = {}
    rows = session.execute(
        select(Membership.site_id, User.email)
        .join(User, User.id == Membership.user_id)
        .where(User.role == "moderator")
        .order_by(User.email)
    )
    for site_id, email in rows:
        moderators.setdefault(site_id, []).append(email)
    body = render_template(
        "sites.html",
        sites=site_service.list_sites(session),
        moderators=moderators,
        created=created,
        new_akismet_key=new_akismet_key,
    )
    return body, status


@bp.get("/sites")
@admin_required
def sites() -> tuple[str, int]:
    return _sites_page()


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
    return _sites_page(created=issued, status=201)


@bp.post("/sites/<int:site_id>/akismet-key")
@admin_required
def rotate_akismet_key_view(site_id: int) -> tuple[str, int]:
    """A new Akismet key for the site, shown once; its earlier Akismet key stops working."""
    session = get_session()
    site = session.get(Site, site_id)
    if site is None:
        raise NotFound("no such site")
    key = site_service.rotate_key(session, site, kind=site_service.KeyKind.AKISMET)
    return _sites_page(new_akismet_key=(site, key))


# --- accounts ----------------------------------------------------------------------------------


def _chosen_sites() -> list[Site]:
    """The sites ticked in the form (``site_id`` fields); an unknown id is a 400."""
    try:
        ids = {db_int(raw) for raw in request.form.getlist("site_id")}
    except ValueError:
        raise BadRequest("site ids are numbers") from None
    if not ids:
        return []
    chosen = list(get_session().scalars(select(Site).where(Site.id.in_(ids)).order_by(Site.name)))
    if len(chosen) != len(ids):
        raise BadRequest("no such site")
    return chosen


def _user(user_id: int) -> User:
    user = get_session().get(User, user_id)
    if user is None:
        raise NotFound("no such account")
    return user


def _live(query: Any) -> Any:
    """Only the sessions still open: within their lifetime and their idle timeout."""
    policy = session_policy()
    now = utcnow()
    return query.where(UserSession.expires_at > now, UserSession.last_seen_at > now - policy.idle)


def _session_counts() -> dict[int, int]:
    rows = get_session().execute(
        _live(select(UserSession.user_id, func.count(UserSession.id))).group_by(UserSession.user_id)
    )
    return {int(row[0]): int(row[1]) for row in rows}


def _users_page(
    *, error: str | None = None, form: dict[str, Any] | None = None, status: int = 200
) -> tuple[str, int]:
    db = get_session()
    rows = []
    for user in accounts.list_users(db):
        rows.append((user, [] if user.is_admin else accounts.sites_for(db, user)))
    body = render_template(
        "users.html",
        users=rows,
        sessions=_session_counts(),
        sites=site_service.list_sites(db),
        error=error,
        form=form or {},
        deleted=request.args.get("deleted") == "1",
    )
    return body, status


def _user_page(user: User, *, error: str | None = None, status: int = 200) -> tuple[str, int]:
    db = get_session()
    mine = {site.id for site in accounts.sites_for(db, user)} if not user.is_admin else set()
    body = render_template(
        "user.html",
        user=user,
        mine=mine,
        sites=site_service.list_sites(db),
        live_sessions=list(
            db.scalars(
                _live(select(UserSession).where(UserSession.user_id == user.id)).order_by(
                    UserSession.last_seen_at.desc()
                )
            )
        ),
        is_me=user.id == current_user().id,
        done=DONE.get(request.args.get("done", "")),
        error=error,
    )
    return body, status


def _back(user: User, done: str) -> BaseResponse:
    return redirect(url_for("admin.user_page", user_id=user.id, done=done))


@bp.get("/users")
@admin_required
def users() -> tuple[str, int]:
    return _users_page()


@bp.post("/users")
@admin_required
def create_user_view() -> Any:
    db = get_session()
    role = request.form.get("role") or "moderator"
    email = (request.form.get("email") or "").strip()[:254]
    form = {"email": email, "role": role, "site_ids": request.form.getlist("site_id")}
    try:
        if db.scalar(select(User.id).where(User.email == accounts.normalise_email(email))):
            raise Conflict(f"a user {accounts.normalise_email(email)!r} already exists")
        chosen = _chosen_sites()
        accounts.require_site(role, chosen)
        user = accounts.create_user(
            db, email=email, password=request.form.get("password") or "", role=role, sites=chosen
        )
    except Problem as error:
        return _users_page(error=error.detail, form=form, status=error.status)
    return _back(user, "created")


@bp.get("/users/<int:user_id>")
@admin_required
def user_page(user_id: int) -> tuple[str, int]:
    return _user_page(_user(user_id))


def _act(user_id: int, action: Any) -> Any:
    """Run ``action(user)``; a refusal is shown on the account's page with its status."""
    user = _user(user_id)
    try:
        return action(user)
    except Problem as error:
        get_session().rollback()
        return _user_page(_user(user_id), error=error.detail, status=error.status)


@bp.post("/users/<int:user_id>/sites")
@admin_required
def user_sites(user_id: int) -> Any:
    """The account moderates exactly the ticked sites (at least one for a moderator)."""

    def save(user: User) -> BaseResponse:
        chosen = _chosen_sites()
        accounts.require_site(user.role, chosen)
        wanted = {site.id for site in chosen}
        have = {membership.site_id for membership in user.memberships}
        db = get_session()
        accounts.add_sites(db, user, [site for site in chosen if site.id not in have])
        gone = [site for site in site_service.list_sites(db) if site.id in have - wanted]
        if gone:
            accounts.remove_sites(db, user, gone)
        return _back(user, "sites")

    return _act(user_id, save)


@bp.post("/users/<int:user_id>/password")
@admin_required
def user_password(user_id: int) -> Any:
    """A reset: a new password; every session ends (but this browser's, for one's own)."""

    def reset(user: User) -> BaseResponse:
        mine = session.get("sid") if user.id == current_user().id else None
        password = request.form.get("password") or ""
        if password != (request.form.get("password_again") or ""):
            raise BadRequest("the two passwords differ")
        accounts.set_password(
            get_session(), user, password, keep_token=mine if isinstance(mine, str) else None
        )
        return _back(user, "password")

    return _act(user_id, reset)


@bp.post("/users/<int:user_id>/disable")
@admin_required
def user_disable(user_id: int) -> Any:
    def disable(user: User) -> BaseResponse:
        accounts.disable_user(get_session(), user)
        return _back(user, "disabled")

    return _act(user_id, disable)


@bp.post("/users/<int:user_id>/enable")
@admin_required
def user_enable(user_id: int) -> Any:
    def enable(user: User) -> BaseResponse:
        accounts.enable_user(get_session(), user)
        return _back(user, "enabled")

    return _act(user_id, enable)


@bp.post("/users/<int:user_id>/sessions/end")
@admin_required
def user_end_sessions(user_id: int) -> Any:
    def end(user: User) -> BaseResponse:
        accounts.end_all_sessions(get_session(), user)
        return _back(user, "sessions")

    return _act(user_id, end)


@bp.post("/users/<int:user_id>/delete")
@admin_required
def user_delete(user_id: int) -> Any:
    """Delete the account (the form's confirm box must be ticked); its sessions end."""

    def delete(user: User) -> BaseResponse:
        if request.form.get("confirm") != "yes":
            raise BadRequest("tick the box to confirm the deletion")
        accounts.delete_user(get_session(), user)
        return redirect(url_for("admin.users", deleted=1))

    return _act(user_id, delete)
