"""An author's page: history on the site, trust or premoderation, bans and notes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from moderation.db import get_session
from moderation.errors import BadRequest
from moderation.request_guard import db_int
from moderation.services import authors as author_service
from moderation.services import moderation_queue
from moderation.tables import Comment, Site
from moderation.tables.base import utcnow
from moderation.web import display
from moderation.web.auth import current_user, login_required, page_blueprint, site_ids
from moderation.web.moderation_queue import safe_url

SUSPENSIONS = {"": None, "1d": 1, "7d": 7, "30d": 30}


bp = page_blueprint("authors", __name__)
display.register(bp)  # times, statuses and reasons on every page (web/display.py)


def _author(author_id: int) -> Any:
    return author_service.get_author(get_session(), site_ids=site_ids(), author_id=author_id)


@bp.get("/authors/<int:author_id>")
@login_required
def author(author_id: int) -> str:
    session = get_session()
    found = _author(author_id)
    comments = list(
        session.scalars(
            select(Comment)
            .where(Comment.author_id == found.id)
            .options(selectinload(Comment.article))
            .order_by(Comment.created_at.desc())
            .limit(50)
        )
    )
    return render_template(
        "author.html",
        author=found,
        site=session.get(Site, found.site_id),
        flags=author_service.flags(session, found),
        history=moderation_queue.author_histories(session, [found.id])[found.id],
        bans=author_service.bans_for(session, found),
        targets=author_service.ban_targets(session, found),
        footprint=author_service.footprint(session, found),
        safe_url=safe_url,
        notes=author_service.notes_for(session, found),
        comments=comments,
        now=utcnow(),
    )


@bp.post("/authors/<int:author_id>/standing")
@login_required
def author_standing(author_id: int) -> Any:
    found = _author(author_id)
    author_service.set_standing(
        get_session(),
        author=found,
        standing=request.form.get("standing") or "",
        actor=current_user().email,
    )
    return redirect(url_for("authors.author", author_id=found.id))


@bp.post("/authors/<int:author_id>/bans")
@login_required
def author_ban(author_id: int) -> Any:
    found = _author(author_id)
    duration = request.form.get("duration") or ""
    if duration not in SUSPENSIONS:
        raise BadRequest("duration must be permanent, 1d, 7d or 30d")
    days = SUSPENSIONS[duration]
    author_service.ban(
        get_session(),
        author=found,
        kind=request.form.get("kind") or "",
        actor=current_user().email,
        expires_at=utcnow() + timedelta(days=days) if days else None,
        reason=request.form.get("reason"),
    )
    return redirect(url_for("authors.author", author_id=found.id))


@bp.post("/bans/<int:ban_id>/lift")
@login_required
def lift_ban(ban_id: int) -> Any:
    ban = author_service.lift_ban(get_session(), site_ids=site_ids(), ban_id=ban_id)
    author_id = request.form.get("author_id", type=db_int)
    if author_id is not None:
        return redirect(url_for("authors.author", author_id=_author(author_id).id))
    return redirect(url_for("queue.queue", site=ban.site_id))


@bp.post("/authors/<int:author_id>/notes")
@login_required
def author_note(author_id: int) -> Any:
    found = _author(author_id)
    author_service.add_note(
        get_session(), author=found, body=request.form.get("body") or "", actor=current_user().email
    )
    return redirect(url_for("authors.author", author_id=found.id))
