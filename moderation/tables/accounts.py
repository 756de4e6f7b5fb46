"""Moderator accounts, the sites each one may moderate, their sessions and log-in attempts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from moderation.tables.base import Base, UTCDateTime, utcnow

ROLES = ("moderator", "admin")


class User(Base):
    """A person who logs in to the moderator pages; the password is kept only as an argon2 hash."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    # "moderator": acts on the comments of its sites; "admin": all sites, settings and users.
    role: Mapped[str] = mapped_column(String(16), default="moderator")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class Membership(Base):
    """A moderator's access to one site."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id", "site_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User] = relationship(back_populates="memberships")


class UserSession(Base):
    """One logged-in browser: the cookie carries a random id, only its SHA-256 is kept here.

    A request is logged in only while its row exists, has not expired (absolute lifetime) and was
    seen within the idle timeout; deleting the row (logout, password change, disabling the
    account) ends the session at once, whatever copies of the cookie exist.
    """

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    # What the moderator sees in a list of their sessions: a summary, not a fingerprint.
    user_agent: Mapped[str] = mapped_column(String(200), default="")
    ip_address: Mapped[str] = mapped_column(String(64), default="")

    user: Mapped[User] = relationship()


class LoginAttempt(Base):
    """One log-in attempt counted in one throttling bucket, kept in the shared database.

    ``bucket`` is ``ip:<address>``, ``account:<digest of the e-mail>`` (browsers this account
    has not logged in from) or ``device:<device id>`` (a browser with this account's device
    cookie). A row is written before the password is checked and removed when the login
    succeeds or the attempt was refused, so every process counts the same checked guesses.
    """

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_bucket_created_at", "bucket", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bucket: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
