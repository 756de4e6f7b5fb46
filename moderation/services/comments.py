"""Comments: submission (the submission rules, then stored pending) and reading back."""

from __future__ import annotations

import base64
import binascii
import logging
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from classifier.language import detect
from moderation.enqueue import enqueue_on_commit
from moderation.enums import CommentStatus, DecidedBy
from moderation.errors import BadRequest, Conflict, NotFound, TooManyRequests
from moderation.services import submission_rules
from moderation.services.decisions import announce_decided, decided_event, record_decision
from moderation.services.types import ArticleData, AuthorData, CommentData
from moderation.tables import Article, Author, Comment, CommentEvent, Site
from moderation.tables.base import new_id, utcnow
from moderation.tasknames import TaskNames

log = logging.getLogger(__name__)


def _insert_ignoring_conflict(session: Session, model: type[Any], values: dict[str, Any]) -> None:
    """INSERT … ON CONFLICT DO NOTHING: a concurrent request may have created the row first.

    (A savepoint would do on PostgreSQL, but pysqlite ends the whole transaction with it.)
    """
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(model).values(**values).on_conflict_do_nothing())


def get_or_create_article(session: Session, site: Site, data: ArticleData) -> Article:
    """The site's article with this id, created or brought up to date (not committed)."""
    query = select(Article).where(Article.site_id == site.id, Article.external_id == data.id)
    article = session.scalar(query)
    if article is None:
        _insert_ignoring_conflict(
            session,
            Article,
            {
                "site_id": site.id,
                "external_id": data.id,
                "url": data.url,
                "title": data.title,
                "published_at": data.published_at,
                "created_at": utcnow(),
            },
        )
        return session.scalars(query).one()
    article.url, article.title = data.url, data.title
    if data.published_at is not None:
        article.published_at = data.published_at
    return article


def author_identity(data: AuthorData) -> str:
    """How a site's commenter is recognised: its own id, else e-mail, else name."""
    if data.id:
        return f"id:{data.id}"
    if data.email:
        return f"email:{data.email.lower()}"
    return f"name:{data.name.lower()}"


def get_or_create_author(session: Session, site: Site, data: AuthorData) -> Author:
    """The site's commenter recognised by :func:`author_identity`, created if new."""
    identity = author_identity(data)
    query = select(Author).where(Author.site_id == site.id, Author.identity == identity)
    author = session.scalar(query)
    if author is None:
        _insert_ignoring_conflict(
            session,
            Author,
            {
                "site_id": site.id,
                "identity": identity,
                "external_id": data.id,
                "name": data.name,
                "email": data.email,
                "first_seen": utcnow(),
            },
        )
        author = session.scalars(query).one()
    return author


def comment_language(content: str, given: str | None = None) -> str | None:
    """The language stored with a comment: the one its site gave, else the detected one.

    Detection is cheap (a fraction of a millisecond), so it runs where the comment is stored, in
    the web request; a text without letters has no language (None).
    """
    if given:
        return given
    return detect(content).language


def find_by_external_id(session: Session, site: Site, external_id: str) -> Comment | None:
    return session.scalar(
        select(Comment).where(Comment.site_id == site.id, Comment.external_id == external_id)
    )


def submit_comment(session: Session, *, site: Site, data: CommentData) -> tuple[Comment, bool]:
    """Store a new comment and its ``submitted`` event; commit; then send it to be scored.

    Returns ``(comment, created)``. The same ``external_id`` again returns the stored comment
    unchanged, before flood control and the duplicate check, also when the two submissions
    arrive at the same time. A comment the submission rules reject is stored decided and not
    scored; a pending one is sent to the scoring queue once the commit has made it visible.
    """
    if data.external_id is not None:
        existing = find_by_external_id(session, site, data.external_id)
        if existing is not None:
            return existing, False

    article = get_or_create_article(session, site, data.article)
    author = get_or_create_author(session, site, data.author)
    session.flush()
    # Refuses closed, flooding and duplicate comments; a ban or disallowed word rejects at once.
    try:
        ruled = submission_rules.check_submission(
            session, site=site, article=article, author=author, data=data
        )
    except (TooManyRequests, Conflict):
        # Idempotency comes first: a concurrent submission of this external_id, committed since
        # the lookup above, is what flood control or the duplicate check just saw. The refusal
        # rolled the session back, so this lookup reads what is committed now.
        if data.external_id is not None:
            existing = find_by_external_id(session, site, data.external_id)
            if existing is not None:
                return existing, False
        raise
    comment = Comment(
        id=new_id(),  # known before the commit, for the scoring task
        site_id=site.id,
        article=article,
        author=author,
        external_id=data.external_id,
        parent_id=data.parent_id,
        content=data.content,
        author_name=data.author.name,
        author_email=data.author.email,
        author_url=data.author.url,
        author_ip=data.author.ip,
        user_agent=data.author.user_agent,
        referrer=data.referrer,
        language=comment_language(data.content, data.language),
        status=CommentStatus.PENDING,
        created_at=utcnow(),
    )
    session.add(comment)
    comment.events.append(CommentEvent(type="submitted", actor=f"site:{site.id}", data={}))
    if ruled is None:
        enqueue_on_commit(session, TaskNames.SCORE_COMMENT, comment.id)
    else:
        record_decision(
            session,
            comment=comment,
            verdict=ruled,
            decided_by=DecidedBy.RULES,
            history=[decided_event(ruled, by=DecidedBy.RULES, actor="rules")],
            outbound=announce_decided(ruled),
        )
    try:
        session.commit()
    except IntegrityError:
        # Only the (site, external_id) constraint can fail here: a concurrent duplicate won.
        session.rollback()
        if data.external_id is None:
            raise
        existing = find_by_external_id(session, site, data.external_id)
        if existing is None:
            raise
        return existing, False
    log.info("comment submitted comment_id=%s site_id=%s", comment.id, site.id)
    return comment, True


def get_comment(session: Session, *, site: Site, comment_id: str) -> Comment:
    """A comment of this site; another site's comment is not found."""
    comment = session.scalar(
        select(Comment)
        .where(Comment.id == comment_id, Comment.site_id == site.id)
        .options(selectinload(Comment.scores), selectinload(Comment.decisions))
    )
    if comment is None:
        raise NotFound(f"no comment {comment_id!r} on this site")
    return comment


def _encode_cursor(comment: Comment) -> str:
    raw = f"{comment.created_at.isoformat()}|{comment.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[datetime, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        created, comment_id = raw.split("|", 1)
        return datetime.fromisoformat(created), comment_id
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise BadRequest("the cursor is not one this service gave out") from error


def list_comments(
    session: Session,
    *,
    site: Site,
    status: CommentStatus | None = None,
    article_id: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> tuple[list[Comment], str | None]:
    """A page of the site's comments, newest first, and the cursor of the next page."""
    query: Select[Comment] = (
        select(Comment)
        .where(Comment.site_id == site.id)
        .options(selectinload(Comment.scores), selectinload(Comment.decisions))
    )
    if status:
        query = query.where(Comment.status == status)
    if article_id:
        query = query.join(Article, Article.id == Comment.article_id).where(
            Article.external_id == article_id
        )
    if cursor:
        created, last_id = _decode_cursor(cursor)
        query = query.where(
            or_(
                Comment.created_at < created,
                and_(Comment.created_at == created, Comment.id < last_id),
            )
        )
    query = query.order_by(Comment.created_at.desc(), Comment.id.desc()).limit(limit + 1)
    rows = list(session.scalars(query))
    next_cursor = _encode_cursor(rows[limit - 1]) if len(rows) > limit else None
    return rows[:limit], next_cursor


def stale_pending(session: Session, *, older_than: datetime, limit: int = 500) -> list[str]:
    """Ids of comments still pending since before ``older_than`` (their task was lost)."""
    return list(
        session.scalars(
            select(Comment.id)
            .where(Comment.status == CommentStatus.PENDING, Comment.created_at < older_than)
            .order_by(Comment.created_at)
            .limit(limit)
        )
    )


def serialize_comment(comment: Comment, *, url: str | None = None) -> dict[str, Any]:
    """The API representation of a comment."""
    score = comment.latest_score
    decision = comment.latest_decision
    body: dict[str, Any] = {
        "id": comment.id,
        "status": comment.status,
        "external_id": comment.external_id,
        "parent_id": comment.parent_id,
        "article": {
            "id": comment.article.external_id,
            "url": comment.article.url,
            "title": comment.article.title,
        },
        "author": {"id": comment.author.external_id, "name": comment.author_name},
        "content": comment.content,
        "language": comment.language,
        "scores": dict(score.values) if score else {},
        "spans": list(score.spans) if score else [],
        "reasons": list(decision.reasons) if decision else [],
        "decided_by": decision.decided_by if decision else None,
        "discard": comment.discard,
        "model_version": score.model_version if score else None,
        "created_at": comment.created_at.isoformat(),
        "decided_at": comment.decided_at.isoformat() if comment.decided_at else None,
    }
    if url is not None:
        body["url"] = url
    return body
