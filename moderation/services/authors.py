"""Authors as moderators see them: trust, premoderation, bans (suspensions) and notes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from moderation.errors import BadRequest, NotFound
from moderation.tables import BAN_KINDS, Author, AuthorFlag, AuthorNote, Ban
from moderation.tables.base import utcnow

MAX_NOTE = 2000


def get_author(session: Session, *, site_ids: list[int], author_id: int) -> Author:
    """An author of one of the user's sites; any other is not found."""
    author = session.get(Author, author_id)
    if author is None or author.site_id not in site_ids:
        raise NotFound("no such author on your sites")
    return author


def flags(session: Session, author: Author) -> AuthorFlag:
    """The author's flags (unsaved defaults when none were set)."""
    return session.get(AuthorFlag, author.id) or AuthorFlag(
        author_id=author.id, trusted=False, premoderated=False
    )


def set_standing(session: Session, *, author: Author, standing: str, actor: str) -> AuthorFlag:
    """``trusted``, ``premoderated`` or ``normal`` (the two flags exclude each other); commit."""
    if standing not in ("trusted", "premoderated", "normal"):
        raise BadRequest("standing must be trusted, premoderated or normal")
    flag = session.get(AuthorFlag, author.id)
    if flag is None:
        flag = AuthorFlag(author_id=author.id)
        session.add(flag)
    flag.trusted = standing == "trusted"
    flag.premoderated = standing == "premoderated"
    flag.updated_by = actor
    flag.updated_at = utcnow()
    session.commit()
    return flag


def ban(
    session: Session,
    *,
    author: Author,
    kind: str,
    actor: str,
    expires_at: datetime | None = None,
    reason: str | None = None,
) -> Ban:
    """Ban the author's id, e-mail or IP (its most recent one) on the site; commit."""
    if kind not in BAN_KINDS:
        raise BadRequest(f"a ban is by one of {', '.join(BAN_KINDS)}")
    if kind == "author":
        value = author.external_id
    elif kind == "email":
        value = author.email.lower() if author.email else None
    else:
        from moderation.tables import Comment

        value = session.scalar(
            select(Comment.author_ip)
            .where(Comment.author_id == author.id, Comment.author_ip.is_not(None))
            .order_by(Comment.created_at.desc())
            .limit(1)
        )
    if not value:
        raise BadRequest(f"this author has no {kind.replace('author', 'site id')} to ban")
    if expires_at is not None and expires_at <= utcnow():
        raise BadRequest("a suspension must end in the future")
    record = Ban(
        site_id=author.site_id,
        kind=kind,
        value=value,
        reason=(reason or "").strip()[:500] or None,
        created_by=actor,
        expires_at=expires_at,
    )
    session.add(record)
    session.commit()
    return record


def bans_for(session: Session, author: Author) -> list[Ban]:
    """The site's bans that name this author's id, e-mail or any IP it used."""
    from moderation.tables import Comment

    ips = list(
        session.scalars(
            select(Comment.author_ip)
            .where(Comment.author_id == author.id, Comment.author_ip.is_not(None))
            .distinct()
        )
    )
    values = [v for v in (author.external_id, (author.email or "").lower(), *ips) if v]
    if not values:
        return []
    return list(
        session.scalars(
            select(Ban)
            .where(Ban.site_id == author.site_id, Ban.value.in_(values))
            .order_by(Ban.created_at.desc())
        )
    )


def lift_ban(session: Session, *, site_ids: list[int], ban_id: int) -> Ban:
    record = session.get(Ban, ban_id)
    if record is None or record.site_id not in site_ids:
        raise NotFound("no such ban on your sites")
    if record.lifted_at is None:
        record.lifted_at = utcnow()
        session.commit()
    return record


def add_note(session: Session, *, author: Author, body: str, actor: str) -> AuthorNote:
    body = body.strip()
    if not body:
        raise BadRequest("a note cannot be empty")
    if len(body) > MAX_NOTE:
        raise BadRequest(f"a note has at most {MAX_NOTE} characters")
    note = AuthorNote(author_id=author.id, body=body, actor=actor)
    session.add(note)
    session.commit()
    return note


def notes_for(session: Session, author: Author) -> list[AuthorNote]:
    return list(
        session.scalars(
            select(AuthorNote)
            .where(AuthorNote.author_id == author.id)
            .order_by(AuthorNote.created_at.desc())
        )
    )
