"""The cheap synchronous rules run at submission, and the context the worker's policy needs.

The order, and why each refuses or stores, is in ``moderation.services.policy``'s docstring.
"""

from __future__ import annotations

import math
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from moderation.errors import Conflict, Problem, TooManyRequests
from moderation.models import (
    Article,
    Author,
    AuthorFlag,
    Ban,
    Comment,
    CommentEvent,
    Decision,
    Site,
)
from moderation.models.base import new_id, utcnow
from moderation.services import events
from moderation.services.policy import (
    CommentFields,
    DecisionContext,
    SiteSettings,
    Verdict,
    apply_shadow_mode,
    match_words,
)

if TYPE_CHECKING:
    from moderation.services.comments import CommentData


class CommentsClosed(Problem):
    status, title, code = 403, "Comments closed", "comments_closed"


def active_bans(
    session: Session, *, site_id: int, author: Author, email: str | None, ip: str | None
) -> list[Ban]:
    """The site's unexpired, unlifted bans matching this author id, e-mail or IP."""
    now = utcnow()
    matches: list[Any] = []
    if author.external_id:
        matches.append(and_(Ban.kind == "author", Ban.value == author.external_id))
    if email:
        matches.append(and_(Ban.kind == "email", Ban.value == email.strip().lower()))
    if ip:
        matches.append(and_(Ban.kind == "ip", Ban.value == ip.strip()))
    if not matches:
        return []
    return list(
        session.scalars(
            select(Ban).where(
                Ban.site_id == site_id,
                Ban.lifted_at.is_(None),
                or_(Ban.expires_at.is_(None), Ban.expires_at > now),
                or_(*matches),
            )
        )
    )


def fields_of_comment(comment: Comment) -> CommentFields:
    """The fields of a stored comment that words are matched against."""
    return CommentFields(
        author=comment.author_name or "",
        email=comment.author_email or "",
        url=comment.author_url or "",
        content=comment.content,
        ip=comment.author_ip or "",
        user_agent=comment.user_agent or "",
    )


def fields_of(data: CommentData) -> CommentFields:
    """The fields of a submission that words are matched against."""
    return CommentFields(
        author=data.author.name,
        email=data.author.email or "",
        url=data.author.url or "",
        content=data.content,
        ip=data.author.ip or "",
        user_agent=data.author.user_agent or "",
    )


def check_submission(
    session: Session, *, site: Site, article: Article, author: Author, data: CommentData
) -> Verdict | None:
    """Refuse (403 closed, 429 flood, 409 duplicate), or a rejection by the rules, or None.

    On a refusal the session is rolled back and no comment is stored.
    """
    settings = SiteSettings.for_site(site.settings)
    now = utcnow()

    def refuse(error: Problem) -> Problem:
        session.rollback()
        return error

    if settings.close_after_days and article.published_at is not None:
        closes = article.published_at + timedelta(days=settings.close_after_days)
        if now >= closes:
            raise refuse(
                CommentsClosed(
                    f"comments on this article closed {settings.close_after_days} days after "
                    "it was published"
                )
            )

    if settings.flood_seconds > 0 and author.id is not None:
        same = [Comment.author_id == author.id]
        if not author.external_id and data.author.ip:
            same.append(Comment.author_ip == data.author.ip)
        last = session.scalar(
            select(func.max(Comment.created_at)).where(Comment.site_id == site.id, or_(*same))
        )
        if last is not None:
            wait = settings.flood_seconds - (now - last).total_seconds()
            if wait > 0:
                raise refuse(
                    TooManyRequests(
                        f"this author commented less than {settings.flood_seconds:g} seconds ago",
                        retry_after=max(1, math.ceil(wait)),
                    )
                )

    if settings.reject_duplicates and author.id is not None:
        duplicate = session.scalar(
            select(Comment.id)
            .where(
                Comment.site_id == site.id,
                Comment.article_id == article.id,
                Comment.author_id == author.id,
                Comment.content == data.content,
            )
            .limit(1)
        )
        if duplicate is not None:
            raise refuse(
                Conflict(
                    "a duplicate comment: this author already said that here",
                    duplicate_of=duplicate,
                )
            )

    return rejection_by_rules(
        session,
        site_id=site.id,
        author=author,
        email=data.author.email,
        ip=data.author.ip,
        fields=fields_of(data),
        settings=settings,
    )


def rejection_by_rules(
    session: Session,
    *,
    site_id: int,
    author: Author,
    email: str | None,
    ip: str | None,
    fields: CommentFields,
    settings: SiteSettings,
) -> Verdict | None:
    """The rules that reject whatever the scores: an active ban, a disallowed word."""
    reasons: list[dict[str, Any]] = []
    for ban in active_bans(session, site_id=site_id, author=author, email=email, ip=ip):
        until = f" until {ban.expires_at.isoformat()}" if ban.expires_at else ""
        reasons.append(
            {
                "code": "BANNED",
                "detail": f"the author's {ban.kind} is banned{until}",
                "ban": ban.kind,
                "expires_at": ban.expires_at.isoformat() if ban.expires_at else None,
            }
        )
    matched = match_words(settings.disallowed_words, fields)
    if matched is not None:
        word, where = matched
        reasons.append(
            {
                "code": "DISALLOWED_WORD",
                "detail": f"disallowed word {word!r} in the {where.replace('_', ' ')}",
                "word": word,
                "field": where,
            }
        )
    if not reasons:
        return None
    return apply_shadow_mode(Verdict(status="rejected", reasons=reasons), settings)


def decision_context(session: Session, comment: Comment) -> DecisionContext:
    """The author's standing and the comment's fields, for the worker's policy."""
    flag = session.get(AuthorFlag, comment.author_id)
    approved = session.scalar(
        select(func.count())
        .select_from(Comment)
        .where(
            Comment.author_id == comment.author_id,
            Comment.status == "approved",
            Comment.id != comment.id,
        )
    )
    article_id = session.scalar(select(Article.external_id).where(Article.id == comment.article_id))
    return DecisionContext(
        fields=fields_of_comment(comment),
        article_id=article_id,
        trusted=bool(flag and flag.trusted),
        premoderated=bool(flag and flag.premoderated),
        approved_count=approved or 0,
    )


def record_rules_decision(session: Session, *, comment: Comment, verdict: Verdict) -> None:
    """Decide a new comment by the submission rules (no scoring); the caller commits."""
    if comment.id is None:
        comment.id = new_id()
    now = utcnow()
    comment.status = verdict.status
    comment.discard = verdict.discard
    comment.decided_at = now
    comment.decisions.append(
        Decision(status=verdict.status, reasons=verdict.reasons, decided_by="rules", created_at=now)
    )
    comment.events.append(
        CommentEvent(
            type="decided",
            actor="rules",
            data={"status": verdict.status, "reasons": verdict.reasons, "by": "rules"},
            created_at=now,
        )
    )
    events.emit_decided(
        session,
        site_id=comment.site_id,
        comment_id=comment.id,
        status=verdict.status,
        reasons=verdict.reasons,
    )
