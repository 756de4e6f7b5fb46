"""Authors as moderators see them: trust, premoderation, bans (suspensions) and notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from moderation.errors import BadRequest, NotFound
from moderation.tables import BAN_KINDS, Author, AuthorFlag, AuthorNote, Ban, Comment
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
        value = latest_ip(session, author)
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


def latest_ip(session: Session, author: Author) -> str | None:
    """The IP of the author's most recent comment that has one (what a ban by IP bans)."""
    return session.scalar(
        select(Comment.author_ip)
        .where(Comment.author_id == author.id, Comment.author_ip.is_not(None))
        .order_by(Comment.created_at.desc(), Comment.id.desc())
        .limit(1)
    )


def ban_targets(session: Session, author: Author) -> dict[str, str | None]:
    """What a ban of each kind would ban: the site's author id, the e-mail, the latest IP."""
    return {
        "author": author.external_id,
        "email": author.email.lower() if author.email else None,
        "ip": latest_ip(session, author),
    }


@dataclass(frozen=True)
class Used:
    """An IP address or URL the author used on the site."""

    value: str
    comments: int
    last_used: datetime
    # Other authors of the site who used it (an IP ban refuses them too).
    others: int = 0


@dataclass(frozen=True)
class Footprint:
    ips: list[Used]
    urls: list[Used]


def footprint(session: Session, author: Author, limit: int = 20) -> Footprint:
    """The IPs and URLs the author's comments came with, most recent first (three queries)."""
    ips = [
        (value, count, last)
        for value, count, last in session.execute(
            select(Comment.author_ip, func.count(), func.max(Comment.created_at))
            .where(Comment.author_id == author.id, Comment.author_ip.is_not(None))
            .group_by(Comment.author_ip)
            .order_by(func.max(Comment.created_at).desc())
            .limit(limit)
        )
        if value
    ]
    others: dict[str, int] = {}
    if ips:
        for value, count in session.execute(
            select(Comment.author_ip, func.count(func.distinct(Comment.author_id)))
            .where(
                Comment.site_id == author.site_id,
                Comment.author_ip.in_([value for value, _, _ in ips]),
                Comment.author_id != author.id,
            )
            .group_by(Comment.author_ip)
        ):
            if value:
                others[value] = count
    urls = session.execute(
        select(Comment.author_url, func.count(), func.max(Comment.created_at))
        .where(Comment.author_id == author.id, Comment.author_url.is_not(None))
        .group_by(Comment.author_url)
        .order_by(func.max(Comment.created_at).desc())
        .limit(limit)
    )
    return Footprint(
        ips=[Used(v, c, _aware(last), others.get(v, 0)) for v, c, last in ips],
        urls=[Used(v, c, _aware(last)) for v, c, last in urls if v],
    )


def _aware(moment: datetime) -> datetime:
    """``max()`` of a UTC column comes back without the column's type on SQLite: naive UTC."""
    if isinstance(moment, str):  # SQLite may answer an aggregate of a datetime as text
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
