"""Log-in throttling with its counters in the database, so every web process counts together.

An attempt belongs to one or more *buckets* (see :class:`moderation.tables.accounts.LoginAttempt`)
and each bucket has its limits ("10 per minute; 100 per day"). :func:`reserve` writes one row per
bucket and commits *before* the password is checked, then counts each bucket's rows in each
window: over a limit, its rows are removed again and the attempt is refused unchecked. Because
every attempt is written before anyone counts it, the k-th attempt to commit sees at least k
rows, so no more than the limit of wrong guesses is ever checked, however many processes and
threads take them at once. A successful log-in removes its rows (:func:`release`), so a user's
own successful log-ins never count against them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from limits import RateLimitItem, parse_many
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from moderation.tables.accounts import LoginAttempt
from moderation.tables.base import utcnow

Limits = list[RateLimitItem]


def parse_limits(text: str) -> Limits:
    """``"10 per minute; 100 per day"`` as limit items (ValueError when it does not parse)."""
    return list(parse_many(text))


def address_bucket(address: str) -> str:
    return f"ip:{address[:64]}"


def account_bucket(email: str) -> str:
    """The e-mail as typed (normalised) is kept only as a digest: it may hold a password."""
    digest = hashlib.sha256(email.strip().lower().encode("utf-8", "surrogatepass")).hexdigest()
    return f"account:{digest[:40]}"


def device_bucket(device_id: str) -> str:
    return f"device:{device_id[:64]}"


@dataclass
class Reservation:
    """The outcome of :func:`reserve`: allowed (then ``release`` it on success) or refused."""

    allowed: bool
    # The bucket that refused, and how many seconds until its oldest counted attempt expires.
    refused_by: str | None = None
    retry_after: int = 0
    attempt_ids: list[int] = field(default_factory=list)


def reserve(
    session: Session, buckets: dict[str, Limits], *, now: datetime | None = None
) -> Reservation:
    """Count one attempt in every bucket; refuse it (and count nothing) when any is over."""
    now = now or utcnow()
    longest = max((item.get_expiry() for limits in buckets.values() for item in limits), default=0)
    # Attempts older than every window are of no more use.
    session.execute(
        delete(LoginAttempt).where(LoginAttempt.created_at < now - timedelta(seconds=longest))
    )
    rows = [LoginAttempt(bucket=bucket, created_at=now) for bucket in buckets]
    session.add_all(rows)
    session.commit()
    ids = [row.id for row in rows]
    for bucket, limits in buckets.items():
        for item in limits:
            since = now - timedelta(seconds=item.get_expiry())
            in_window = LoginAttempt.bucket == bucket, LoginAttempt.created_at > since
            count = session.scalar(select(func.count()).where(*in_window)) or 0
            if count > item.amount:
                oldest = session.scalar(
                    select(func.min(LoginAttempt.created_at)).where(
                        *in_window, LoginAttempt.id.not_in(ids)
                    )
                )
                wait = (oldest or now) + timedelta(seconds=item.get_expiry()) - now
                _remove(session, ids)
                seconds = max(1, int(wait.total_seconds()) + 1)
                return Reservation(allowed=False, refused_by=bucket, retry_after=seconds)
    return Reservation(allowed=True, attempt_ids=ids)


def release(session: Session, reservation: Reservation) -> None:
    """The log-in succeeded: its attempt no longer counts."""
    _remove(session, reservation.attempt_ids)


def _remove(session: Session, ids: list[int]) -> None:
    if ids:
        session.execute(delete(LoginAttempt).where(LoginAttempt.id.in_(ids)))
        session.commit()
