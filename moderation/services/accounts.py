"""Moderator accounts: creation, password checks (argon2) and which sites a user may see."""

from __future__ import annotations

import contextlib
import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from moderation.errors import BadRequest, Conflict, NotFound
from moderation.tables import ROLES, Membership, Site, User
from moderation.tables.base import utcnow

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")

_hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so a login takes as long either way.
_DUMMY_HASH = _hasher.hash("not a real password, only used to spend the same time")


def normalise_email(email: str) -> str:
    return email.strip().lower()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def create_user(
    session: Session, *, email: str, password: str, role: str, sites: list[Site] | None = None
) -> User:
    """Create an account with an argon2 password hash and its site memberships; commit."""
    email = normalise_email(email)
    if not _EMAIL.match(email) or len(email) > 254:
        raise BadRequest(f"{email!r} is not an e-mail address")
    if role not in ROLES:
        raise BadRequest(f"role must be one of {', '.join(ROLES)}")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise BadRequest(f"a password needs {MIN_PASSWORD} to {MAX_PASSWORD} characters")
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


def set_password(session: Session, user: User, password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise BadRequest(f"a password needs {MIN_PASSWORD} to {MAX_PASSWORD} characters")
    user.password_hash = hash_password(password)
    session.commit()


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
