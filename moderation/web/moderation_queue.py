"""The queue page, its live counts, moderator actions with undo, and a comment's history."""
# Moderator actions (issue 17, items 1, 2 and 7): the reason offered follows why a comment was
# held, the undo bar says what it undoes and answers in the page, approve-and-trust,
# edit-then-approve, notes, actions on the history page, and the "N new comments" banner.

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlencode

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
from moderation.tables.base import utcnow
from moderation.web.auth import current_user, login_required, page_blueprint, safe_next, site_ids

# What the page says after an undo, by outcome (the action's own words follow).
UNDO_RESULTS = {
    "undone": "Undone",
    "late": f"Too late to undo (an action can be undone for {actions.UNDO_SECONDS} seconds)",
    "already": "Already undone",
    "changed": "Cannot undo: a comment changed since",
}


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
    cards = moderation_queue.card_context(session, rows)
    _unmark_edited(rows, cards)
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
        highlight=moderation_queue.highlight,
        explaining_spans=_spans,
        cards=cards,
        safe_url=safe_url,
        here=url_for("queue.queue", **flt.args(page=page if page > 1 else None)),
        since=utcnow().isoformat(),
        **_action_context(session, [c.id for c in rows]),
    )


@bp.get("/queue/counts")
@login_required
def queue_counts() -> Response:
    """Tab counts under the page's filter, polled by the page to stay current."""
    flt = moderation_queue.QueueFilter.from_args(request.args)
    ids = site_ids()
    if flt.site_id is not None and flt.site_id not in ids:
        raise NotFound("no such site")
    session = get_session()
    found: dict[str, int] = moderation_queue.counts(session, site_ids=ids, flt=flt)
    since = _since(request.args.get("since"))
    if since is not None:
        # How many comments entered this tab since the page was rendered (the banner).
        found = {
            **found,
            "new": moderation_queue.arrived_since(session, site_ids=ids, flt=flt, since=since),
        }
    return jsonify(found)


def _since(raw: str | None) -> datetime | None:
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise BadRequest("since must be an ISO 8601 time with its offset") from None
    if value.tzinfo is None:
        raise BadRequest("since must be an ISO 8601 time with its offset")
    return value


def _action_context(session: Any, comment_ids: list[str]) -> dict[str, Any]:
    """What the action blocks of a page need: reasons, suggestions, notes and the undo bar."""
    actor = current_user().email
    summary = None
    undo_id = request.args.get("undo", type=db_int)
    if undo_id is not None:
        summary = actions.summarize(session, actor=actor, action_id=undo_id)
        if summary is not None and (summary.undone or summary.seconds_left <= 0):
            summary = None
    outcome = None
    result = request.args.get("undo_result")
    done_id = request.args.get("action", type=db_int)
    if result in UNDO_RESULTS:
        done = (
            actions.summarize(session, actor=actor, action_id=done_id)
            if done_id is not None
            else None
        )
        outcome = {
            "result": result,
            "message": UNDO_RESULTS[result],
            "summary": done,
        }
    return {
        "reject_reasons": actions.REJECT_REASONS,
        "suggested_reason": actions.suggested_reason,
        "comment_notes": actions.notes_of(session, comment_ids),
        "undo": summary,
        "undo_outcome": outcome,
        "undo_window": actions.UNDO_SECONDS,
    }


def _unmark_edited(comments: list[Comment], cards: dict[str, Any]) -> None:
    """A moderator's edit replaced the text the model's spans point into: mark nothing in it."""
    for comment in comments:
        decision = comment.latest_decision
        edited = decision is not None and any(
            isinstance(r, dict) and r.get("edited") for r in decision.reasons or []
        )
        ctx = cards.get(comment.id)
        if edited and ctx is not None:
            ctx.marks = [moderation_queue.Mark(text=comment.content)]


def _spans(comment: Comment) -> list[dict[str, Any]]:
    decision = comment.latest_decision
    if decision is not None and any(
        isinstance(r, dict) and r.get("edited") for r in decision.reasons or []
    ):
        return []
    return moderation_queue.explaining_spans(comment)


def _back_with(back: str, **params: Any) -> str:
    separator = "&" if "?" in back else "?"
    return f"{back}{separator}{urlencode(params)}"


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
    action = form.get("action") or ""
    trust = action == "approve_trust" or form.get("trust") == "1"
    if action in ("approve_trust", "approve_edit"):
        action = "approve"
    record = actions.moderate(
        session,
        actor=current_user().email,
        site_ids=ids,
        comment_ids=comment_ids,
        action=action,
        reason_code=form.get("reason_code") or None,
        note=form.get("note"),
        trust_author=trust,
        content=form.get("content") if "content" in form else None,
    )
    return redirect(_back_with(back, undo=record.id))


@bp.post("/actions/<int:action_id>/undo")
@login_required
def undo(action_id: int) -> Any:
    """Undo, answered in the page: the page says it was undone, or why it could not be."""
    back = safe_next(request.form.get("next"), url_for("queue.queue"))
    try:
        actions.undo(get_session(), actor=current_user().email, action_id=action_id)
    except actions.UndoRefused as refused:
        return redirect(_back_with(back, undo_result=refused.why, action=action_id))
    return redirect(_back_with(back, undo_result="undone", action=action_id))


@bp.post("/comments/<comment_id>/notes")
@login_required
def comment_note(comment_id: str) -> Any:
    """A note on a comment without deciding it (shown on its card and in its history)."""
    actions.add_note(
        get_session(),
        actor=current_user().email,
        site_ids=site_ids(),
        comment_id=comment_id,
        body=request.form.get("note") or "",
    )
    back = safe_next(
        request.form.get("next"), url_for("queue.comment_history", comment_id=comment_id)
    )
    return redirect(back, code=303)


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
    cards = moderation_queue.card_context(session, [comment], replies=True)
    _unmark_edited([comment], cards)
    return render_template(
        "comment.html",
        comment=comment,
        site=site,
        history=moderation_queue.author_histories(session, [comment.author_id])[comment.author_id],
        highlight=moderation_queue.highlight,
        explaining_spans=_spans,
        cards=cards,
        safe_url=safe_url,
        here=url_for("queue.comment_history", comment_id=comment.id),
        **_action_context(session, [comment.id]),
    )
