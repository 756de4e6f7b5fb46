"""Outbound events (webhooks): recorded in the caller's transaction, delivered after it commits.

Event types: ``comment.decided``, ``comment.moderated``, ``comment.entered_queue``,
``comment.left_queue``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

EVENT_TYPES = (
    "comment.decided",
    "comment.moderated",
    "comment.entered_queue",
    "comment.left_queue",
)


def emit(session: Session, *, site_id: int, event_type: str, data: dict[str, Any]) -> None:
    """Record an outbound event for the site's webhooks in ``session``'s transaction.

    Nothing is sent unless the transaction commits. (Delivery is wired by the webhooks feature;
    until then events are accepted and dropped.)
    """
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {event_type!r}")
