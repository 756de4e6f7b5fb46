"""Native API: submit comments and read their decisions."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from sqlalchemy import select

from moderation.api.auth import current_site, require_site
from moderation.api.schemas import CommentIn, parse_body
from moderation.db import get_session
from moderation.enums import CommentStatus
from moderation.errors import BadRequest
from moderation.services import comments as comment_service
from moderation.services.types import ArticleData, AuthorData, CommentData
from moderation.tables import STATUSES, Comment

bp = Blueprint("api_comments", __name__)

MAX_WAIT_MS = 5000

# Requests of each site waiting for a decision (?wait=) in this process, capped by the setting
# WAIT_MAX_PER_SITE: over the cap a request is answered at once (202), so one key cannot hold
# every connection of a web process in waits.
_waiting: Counter[int] = Counter()
_waiting_lock = threading.Lock()


@contextmanager
def _wait_slot(site_id: int) -> Iterator[bool]:
    """True while this request may wait for its decision (a slot of the site's was free)."""
    cap = int(current_app.config["WAIT_MAX_PER_SITE"])
    with _waiting_lock:
        allowed = _waiting[site_id] < cap
        if allowed:
            _waiting[site_id] += 1
    try:
        yield allowed
    finally:
        if allowed:
            with _waiting_lock:
                _waiting[site_id] -= 1
                if _waiting[site_id] <= 0:
                    del _waiting[site_id]


def _comment_url(comment_id: str) -> str:
    return url_for("api_comments.get_comment", comment_id=comment_id, _external=True)


def _wait_ms() -> int:
    raw = request.args.get("wait")
    if raw is None:
        return 0
    try:
        wait = int(raw)
    except ValueError:
        raise BadRequest("wait must be a whole number of milliseconds") from None
    if wait < 0 or wait > MAX_WAIT_MS:
        raise BadRequest(f"wait must be between 0 and {MAX_WAIT_MS} milliseconds")
    return wait


def _wait_for_decision(comment_id: str, wait_ms: int) -> bool:
    """Poll until the comment leaves ``pending`` or the wait runs out."""
    session = get_session()
    deadline = time.monotonic() + wait_ms / 1000
    pause = 0.01
    while True:
        # End the read transaction each time: SQLite and PostgreSQL then show the worker's commit.
        session.rollback()
        status = session.scalar(select(Comment.status).where(Comment.id == comment_id))
        if status != CommentStatus.PENDING:
            return True
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        time.sleep(min(pause, remaining))
        pause = min(pause * 1.5, 0.1)


@bp.post("/comments")
@require_site
def submit_comment() -> tuple[Response, int]:
    """Accept a comment; 202 while it is scored, or 200 with the decision when ``wait`` allows."""
    wait_ms = _wait_ms()
    payload = parse_body(CommentIn, request.get_data(cache=False))
    site = current_site()
    session = get_session()
    data = CommentData(
        article=ArticleData(
            id=payload.article.id,
            url=payload.article.url,
            title=payload.article.title,
            published_at=payload.article.published_at,
        ),
        author=AuthorData(
            name=payload.author.name,
            id=payload.author.id,
            email=payload.author.email or None,
            url=payload.author.url or None,
            ip=payload.author.ip or None,
            user_agent=payload.author.user_agent or None,
        ),
        content=payload.content,
        parent_id=payload.parent_id,
        referrer=payload.referrer,
        external_id=payload.external_id,
        language=payload.language,
    )
    # A new pending comment is sent to be scored when this commits.
    comment, _created = comment_service.submit_comment(session, site=site, data=data)
    comment_id = comment.id
    decided_now = comment.status != CommentStatus.PENDING
    if not decided_now and wait_ms:
        with _wait_slot(site.id) as allowed:
            decided_now = allowed and _wait_for_decision(comment_id, wait_ms)
    if decided_now:
        session.expire_all()
        decided = comment_service.get_comment(session, site=site, comment_id=comment_id)
        body = comment_service.serialize_comment(decided, url=_comment_url(comment_id))
        return jsonify(body), 200
    response = jsonify(
        {"id": comment_id, "status": CommentStatus.PENDING, "url": _comment_url(comment_id)}
    )
    response.headers["Location"] = _comment_url(comment_id)
    return response, 202


@bp.get("/comments/<comment_id>")
@require_site
def get_comment(comment_id: str) -> Response:
    """One comment of the calling site, with scores, reasons and decision."""
    comment = comment_service.get_comment(get_session(), site=current_site(), comment_id=comment_id)
    return jsonify(comment_service.serialize_comment(comment, url=_comment_url(comment.id)))


@bp.get("/comments")
@require_site
def list_comments() -> Response:
    """The calling site's comments, newest first, filtered by status and article, paginated."""
    raw_status = request.args.get("status") or None
    if raw_status is not None and raw_status not in STATUSES:
        raise BadRequest(f"status must be one of {', '.join(STATUSES)}")
    status = CommentStatus(raw_status) if raw_status else None
    try:
        limit = int(request.args.get("limit", "50"))
    except ValueError:
        raise BadRequest("limit must be a whole number") from None
    if not 1 <= limit <= 100:
        raise BadRequest("limit must be between 1 and 100")
    rows, next_cursor = comment_service.list_comments(
        get_session(),
        site=current_site(),
        status=status,
        article_id=request.args.get("article_id") or None,
        limit=limit,
        cursor=request.args.get("cursor") or None,
    )
    items = [comment_service.serialize_comment(c, url=_comment_url(c.id)) for c in rows]
    return jsonify({"items": items, "next_cursor": next_cursor})
