"""The queue page, its live counts, moderator actions with undo, and a comment's history."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify, redirect, render_template, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from classifier import ATTRIBUTES
from moderation.db import get_session
from moderation.errors import BadRequest, NotFound
from moderation.request_guard import db_int
from moderation.services import accounts, moderation_queue
from moderation.services import moderation_actions as actions
from moderation.tables import Comment, Site
from moderation.web.auth import current_user, login_required, page_blueprint, safe_next, site_ids

UNDO_VISIBLE_SECONDS = 10


bp = page_blueprint("queue", __name__)


def _page() -> int:
    raw = request.args.get("page") or "1"
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= 100_000:
        raise BadRequest("page must be a positive whole number")
    return int(raw)


def safe_url(url: str | None) -> str | None:
    """An author's URL is linked only when it is http(s)."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


@bp.get("/")
@login_required
def index() -> Any:
    return redirect(url_for("queue.queue"))


@bp.get("/queue")
@login_required
def queue() -> str:
    session = get_session()
    flt = moderation_queue.QueueFilter.from_args(request.args)
    ids = site_ids()
    if flt.site_id is not None and flt.site_id not in ids:
        raise NotFound("no such site")
    page = _page()
    rows, total = moderation_queue.list_queue(session, site_ids=ids, flt=flt, page=page)
    histories = moderation_queue.author_histories(session, list({c.author_id for c in rows}))
    reports = moderation_queue.report_reasons(session, [c.id for c in rows])
    sites = accounts.sites_for(session, current_user())
    undo_id = request.args.get("undo", type=db_int)
    return render_template(
        "queue.html",
        flt=flt,
        rows=rows,
        total=total,
        page=page,
        page_size=moderation_queue.PAGE_SIZE,
        counts=moderation_queue.counts(session, site_ids=ids, flt=flt),
        histories=histories,
        reports=reports,
        sites=sites,
        site_names={site.id: site.name for site in sites},
        articles=moderation_queue.articles_for(session, [flt.site_id] if flt.site_id else ids),
        languages=moderation_queue.languages_for(session, ids),
        tabs=moderation_queue.TABS,
        attributes=ATTRIBUTES,
        reject_reasons=actions.REJECT_REASONS,
        highlight=moderation_queue.highlight,
        explaining_spans=moderation_queue.explaining_spans,
        cards=moderation_queue.card_context(session, rows),
        safe_url=safe_url,
        undo_id=undo_id,
        undo_seconds=UNDO_VISIBLE_SECONDS,
        here=url_for("queue.queue", **flt.args(page=page if page > 1 else None)),
    )


@bp.get("/queue/counts")
@login_required
def queue_counts() -> Response:
    """Tab counts under the page's filter, polled by the page to stay current."""
    flt = moderation_queue.QueueFilter.from_args(request.args)
    ids = site_ids()
    if flt.site_id is not None and flt.site_id not in ids:
        raise NotFound("no such site")
    return jsonify(moderation_queue.counts(get_session(), site_ids=ids, flt=flt))


@bp.post("/actions")
@login_required
def act() -> Any:
    """Approve or reject the chosen comments, or every comment matching the filter."""
    session = get_session()
    form = request.form
    back = safe_next(form.get("next"), url_for("queue.queue"))
    ids = site_ids()
    if form.get("all_matching") == "1":
        flt = moderation_queue.QueueFilter.from_args(form)
        if flt.site_id is not None and flt.site_id not in ids:
            raise NotFound("no such site")
        comment_ids = moderation_queue.matching_ids(session, site_ids=ids, flt=flt)
    else:
        comment_ids = form.getlist("comment_id")
    record = actions.moderate(
        session,
        actor=current_user().email,
        site_ids=ids,
        comment_ids=comment_ids,
        action=form.get("action") or "",
        reason_code=form.get("reason_code") or None,
        note=form.get("note"),
    )
    separator = "&" if "?" in back else "?"
    return redirect(f"{back}{separator}undo={record.id}")


@bp.post("/actions/<int:action_id>/undo")
@login_required
def undo(action_id: int) -> Any:
    actions.undo(get_session(), actor=current_user().email, action_id=action_id)
    back = safe_next(request.form.get("next"), url_for("queue.queue"))
    return redirect(back)


@bp.get("/comments/<comment_id>")
@login_required
def comment_history(comment_id: str) -> str:
    """Every event of a comment, oldest first."""
    session = get_session()
    comment = session.scalar(
        select(Comment)
        .where(Comment.id == comment_id, Comment.site_id.in_(site_ids()))
        .options(
            selectinload(Comment.events),
            selectinload(Comment.scores),
            selectinload(Comment.decisions),
        )
    )
    if comment is None:
        raise NotFound("no such comment on your sites")
    site = session.get(Site, comment.site_id)
    return render_template(
        "comment.html",
        comment=comment,
        site=site,
        history=moderation_queue.author_histories(session, [comment.author_id])[comment.author_id],
        highlight=moderation_queue.highlight,
        explaining_spans=moderation_queue.explaining_spans,
        cards=moderation_queue.card_context(session, [comment], replies=True),
        safe_url=safe_url,
    )
