"""Moderator accounts: creation, passwords (argon2 and the policy), sessions, and sites.

Sessions live in ``user_sessions``: :func:`start_session` gives the browser a random token and
keeps only its SHA-256; :func:`resume_session` is asked on every request. Ending sessions
(:func:`end_session`, :func:`end_all_sessions`) deletes rows, so a copied cookie stops working
everywhere at once; :func:`set_password`, :func:`disable_user` and :func:`delete_user` end every
session of the user. Admins manage a moderator's sites with :func:`add_sites` and
:func:`remove_sites`; the last enabled admin can be neither disabled nor deleted.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from moderation.errors import BadRequest, Conflict, NotFound
from moderation.services.passwords import MAX_PASSWORD, MIN_PASSWORD, WeakPassword, check_password
from moderation.tables import ROLES, Membership, Site, User
from moderation.tables.accounts import UserSession
from moderation.tables.base import utcnow

__all__ = ["MAX_PASSWORD", "MIN_PASSWORD"]

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")

_hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so a login takes as long either way.
_DUMMY_HASH = _hasher.hash("not a real password, only used to spend the same time")


def normalise_email(email: str) -> str:
    return email.strip().lower()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def validate_password(password: str, *, email: str = "") -> None:
    """The password policy (``services/passwords.py``) as a 400 for the person choosing it."""
    try:
        check_password(password, email=email)
    except WeakPassword as error:
        raise BadRequest(str(error)) from error


def create_user(
    session: Session, *, email: str, password: str, role: str, sites: list[Site] | None = None
) -> User:
    """Create an account with an argon2 password hash and its site memberships; commit."""
    email = normalise_email(email)
    if not _EMAIL.match(email) or len(email) > 254:
        raise BadRequest(f"{email!r} is not an e-mail address")
    if role not in ROLES:
        raise BadRequest(f"role must be one of {', '.join(ROLES)}")
    validate_password(password, email=email)
    user = User(email=email, password_hash=hash_password(password), role=role)
    session.add(user)
    for site in sites or []:
        user.memberships.append(Membership(site_id=site.id))
    try:
        session.commit()
    except IntegrityError as error:
        session.rollback()
        raise Conflict(f"a user {email!r} already exists") from error
    return user


def authenticate(session: Session, *, email: str, password: str) -> User | None:
    """The enabled user with this e-mail and password, or None; rehashes outdated hashes."""
    user = session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None or user.disabled_at is not None or len(password) > MAX_PASSWORD:
        with contextlib.suppress(VerificationError):
            _hasher.verify(_DUMMY_HASH, password[:MAX_PASSWORD])
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    session.commit()
    return user


def find_user(session: Session, email: str) -> User:
    user = session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None:
        raise NotFound(f"no user {email!r}")
    return user


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.email)))


def set_password(
    session: Session, user: User, password: str, *, keep_token: str | None = None
) -> int:
    """A new password (checked against the policy) for a change or a reset; commit.

    Every session of the user ends, except the one whose token is ``keep_token`` (the browser
    that changed its own password). Returns how many sessions ended.
    """
    validate_password(password, email=user.email)
    user.password_hash = hash_password(password)
    ended = end_all_sessions(session, user, keep_token=keep_token, commit=False)
    session.commit()
    return ended


def disable_user(session: Session, user: User) -> int:
    """The account can no longer log in, and every session of it ends now; commit.

    The last enabled admin cannot be disabled (nobody could manage the accounts any more).
    """
    if user.disabled_at is None:
        _keep_an_admin(session, user, "disable")
        user.disabled_at = utcnow()
    ended = end_all_sessions(session, user, commit=False)
    session.commit()
    return ended


def enable_user(session: Session, user: User) -> None:
    user.disabled_at = None
    session.commit()


# --- what admins manage: sites of an account, deleting it, the last admin -----------------------


def _keep_an_admin(session: Session, user: User, verb: str) -> None:
    """Refuse to ``verb`` the last enabled admin (a 409)."""
    if not user.is_admin or user.disabled_at is not None:
        return
    others = session.scalar(
        select(func.count(User.id)).where(
            User.role == "admin", User.disabled_at.is_(None), User.id != user.id
        )
    )
    if not others:
        raise Conflict(
            f"{user.email} is the last admin: create or enable another admin before you {verb} it"
        )


def require_site(role: str, sites: list[Site]) -> None:
    """A moderator sees only its sites, so a moderator without one would see nothing: a 400."""
    if role == "moderator" and not sites:
        raise BadRequest(
            "a moderator needs at least one site to moderate (an admin sees every site)"
        )


def add_sites(session: Session, user: User, sites: list[Site]) -> list[Site]:
    """Let a moderator moderate these sites too; returns those it did not have yet; commit."""
    if user.is_admin:
        raise BadRequest(f"{user.email} is an admin and moderates every site already")
    have = {membership.site_id for membership in user.memberships}
    added = []
    for site in sites:
        if site.id not in have:
            user.memberships.append(Membership(site_id=site.id))
            have.add(site.id)
            added.append(site)
    session.commit()
    return added


def remove_sites(session: Session, user: User, sites: list[Site]) -> list[Site]:
    """Stop a moderator moderating these sites; returns those it had; commit.

    A moderator keeps at least one site: taking its last one is a 400 (disable or delete the
    account instead).
    """
    if user.is_admin:
        raise BadRequest(f"{user.email} is an admin and moderates every site")
    ids = {site.id for site in sites}
    kept = [m for m in user.memberships if m.site_id not in ids]
    if not kept:
        raise BadRequest(
            f"{user.email} would have no site left: add another site first, "
            "or disable or delete the account"
        )
    removed = [site for site in sites if any(m.site_id == site.id for m in user.memberships)]
    user.memberships[:] = kept
    session.commit()
    return removed


def delete_user(session: Session, user: User) -> int:
    """Delete the account, its site memberships and every session of it; commit.

    What it did stays in the history (actors are kept as e-mail text). The last enabled admin
    cannot be deleted. Returns how many sessions ended.
    """
    _keep_an_admin(session, user, "delete")
    ended = end_all_sessions(session, user, commit=False)
    session.delete(user)
    session.commit()
    return ended


# --- sessions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionPolicy:
    """How long a session lasts: ``idle`` without a request, ``lifetime`` after logging in."""

    idle: timedelta
    lifetime: timedelta

    @property
    def touch_every(self) -> timedelta:
        """How stale ``last_seen_at`` may get before a request writes it (one write a minute)."""
        return min(timedelta(minutes=1), self.idle / 4)


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def start_session(
    session: Session,
    user: User,
    *,
    policy: SessionPolicy,
    user_agent: str = "",
    ip_address: str = "",
    now: datetime | None = None,
) -> str:
    """A new session for ``user``; returns its token (for the cookie only, never stored); commit."""
    now = now or utcnow()
    purge_expired_sessions(session, policy, now=now, commit=False)
    token = secrets.token_urlsafe(32)
    session.add(
        UserSession(
            token_hash=_token_digest(token),
            user_id=user.id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + policy.lifetime,
            user_agent=user_agent[:200],
            ip_address=ip_address[:64],
        )
    )
    session.commit()
    return token


def resume_session(
    session: Session, token: str, *, policy: SessionPolicy, now: datetime | None = None
) -> User | None:
    """The enabled user whose live session this token opens, or None (an ended one is deleted).

    Marks the session seen (at most one write per ``policy.touch_every``).
    """
    if not token or len(token) > 128:
        return None
    now = now or utcnow()
    row = session.scalar(select(UserSession).where(UserSession.token_hash == _token_digest(token)))
    if row is None:
        return None
    user = session.get(User, row.user_id)
    if (
        user is None
        or user.disabled_at is not None
        or now >= row.expires_at
        or now - row.last_seen_at >= policy.idle
    ):
        session.execute(delete(UserSession).where(UserSession.id == row.id))
        session.commit()
        return None
    if now - row.last_seen_at >= policy.touch_every:
        row.last_seen_at = now
        session.commit()
    return user


def end_session(session: Session, token: str) -> bool:
    """Log out the browser holding this token; commit. Whether a live session was ended."""
    result = session.execute(
        delete(UserSession).where(UserSession.token_hash == _token_digest(token))
    )
    session.commit()
    return bool(getattr(result, "rowcount", 0))


def end_all_sessions(
    session: Session, user: User, *, keep_token: str | None = None, commit: bool = True
) -> int:
    """End every session of ``user`` (but the one of ``keep_token``); returns how many ended."""
    query = delete(UserSession).where(UserSession.user_id == user.id)
    if keep_token:
        query = query.where(UserSession.token_hash != _token_digest(keep_token))
    result = session.execute(query)
    if commit:
        session.commit()
    return int(getattr(result, "rowcount", 0) or 0)


def list_sessions(session: Session, user: User) -> list[UserSession]:
    """The user's sessions, the most recently seen first (some may have gone idle)."""
    return list(
        session.scalars(
            select(UserSession)
            .where(UserSession.user_id == user.id)
            .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
        )
    )


def purge_expired_sessions(
    session: Session, policy: SessionPolicy, *, now: datetime | None = None, commit: bool = True
) -> int:
    """Delete the rows of sessions past their lifetime or idle timeout."""
    now = now or utcnow()
    result = session.execute(
        delete(UserSession).where(
            or_(UserSession.expires_at <= now, UserSession.last_seen_at <= now - policy.idle)
        )
    )
    if commit:
        session.commit()
    return int(getattr(result, "rowcount", 0) or 0)


def site_ids_for(session: Session, user: User) -> list[int]:
    """Ids of the sites the user may moderate: every site for an admin, else its memberships."""
    if user.is_admin:
        return list(session.scalars(select(Site.id).order_by(Site.id)))
    return list(
        session.scalars(
            select(Membership.site_id)
            .where(Membership.user_id == user.id)
            .order_by(Membership.site_id)
        )
    )


def sites_for(session: Session, user: User) -> list[Site]:
    ids = site_ids_for(session, user)
    if not ids:
        return []
    return list(session.scalars(select(Site).where(Site.id.in_(ids)).order_by(Site.name)))


def can_moderate(session: Session, user: User, site_id: int) -> bool:
    if user.is_admin:
        return True
    return (
        session.scalar(
            select(Membership.id).where(
                Membership.user_id == user.id, Membership.site_id == site_id
            )
        )
        is not None
    )
