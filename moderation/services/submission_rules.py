"""The submission stage: the cheap synchronous rules run before a comment is stored or scored.

They refuse a comment (closed article, flood, duplicate: nothing is stored) or reject it whatever
the scores (a ban, a disallowed word). The order, and why each refuses or stores, is in
``moderation.services.policy``'s docstring; the rules after scoring are ``policy.decide``.
"""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from moderation.enums import CommentStatus, ReasonCode
from moderation.errors import Conflict, Problem, TooManyRequests
from moderation.services.policy import (
    CommentFields,
    SiteSettings,
    Verdict,
    apply_shadow_mode,
    match_words,
)
from moderation.services.types import CommentData
from moderation.tables import Article, Author, Ban, Comment, Site
from moderation.tables.base import utcnow

# How a ban's kind reads in a reason ("banned by e-mail until ...").
BAN_WORDS = {"author": "the site's author id", "email": "e-mail", "ip": "IP address"}


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
    """The rules that reject whatever the scores: an active ban, a disallowed word.

    The compatibility APIs' checks apply these too (they must answer, so nothing refuses).
    """
    reasons: list[dict[str, Any]] = []
    for ban in active_bans(session, site_id=site_id, author=author, email=email, ip=ip):
        until = (
            f"until {ban.expires_at.strftime('%Y-%m-%d %H:%M')} UTC"
            if ban.expires_at
            else "permanently"
        )
        reasons.append(
            {
                "code": ReasonCode.BANNED,
                "detail": f"banned by {BAN_WORDS.get(ban.kind, ban.kind)} {until}",
                "ban": ban.kind,
                "expires_at": ban.expires_at.isoformat() if ban.expires_at else None,
            }
        )
    matched = match_words(settings.disallowed_words, fields)
    if matched is not None:
        word, where = matched
        reasons.append(
            {
                "code": ReasonCode.DISALLOWED_WORD,
                "detail": f"disallowed word {word!r} in the {where.replace('_', ' ')}",
                "word": word,
                "field": where,
            }
        )
    if not reasons:
        return None
    return apply_shadow_mode(Verdict(status=CommentStatus.REJECTED, reasons=reasons), settings)
