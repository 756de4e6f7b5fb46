"""Outbound events (webhooks): recorded in the caller's transaction, delivered after it commits.

Event types: ``comment.decided``, ``comment.moderated``, ``comment.entered_queue``,
``comment.left_queue``.

``emit`` writes one delivery row per matching endpoint into the caller's session. When that
session's outermost transaction commits, the deliveries are sent to the events queue, one task
per endpoint carrying its deliveries in the order they were emitted; a rollback drops them.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from flask import has_app_context
from sqlalchemy import event, select
from sqlalchemy.orm import Session, SessionTransaction

from moderation.models.base import new_id, utcnow
from moderation.models.comments import Comment
from moderation.models.integrations import WebhookDelivery, WebhookEndpoint

log = logging.getLogger(__name__)

EVENT_TYPES = (
    "comment.decided",
    "comment.moderated",
    "comment.entered_queue",
    "comment.left_queue",
)

# session.info key: {endpoint_id: [delivery_id, ...]} waiting for the commit.
_PENDING = "moderation.webhook_deliveries"


def emit(session: Session, *, site_id: int, event_type: str, data: dict[str, Any]) -> None:
    """Record an outbound event for the site's webhooks in ``session``'s transaction.

    Nothing is sent unless the transaction commits.
    """
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {event_type!r}")
    endpoints = [
        endpoint
        for endpoint in session.scalars(
            select(WebhookEndpoint)
            .where(WebhookEndpoint.site_id == site_id)
            .order_by(WebhookEndpoint.id)
        )
        if endpoint.wants(event_type)
    ]
    if not endpoints:
        return
    comment_id = data.get("comment_id")
    if isinstance(comment_id, str) and "external_id" not in data:
        # The site's own id for the comment, so a receiver can match it without a lookup.
        comment = session.get(Comment, comment_id)
        if comment is not None:
            data = {**data, "external_id": comment.external_id}
    now = utcnow()
    event_id = new_id()
    envelope = {
        "id": event_id,
        "type": event_type,
        "time": now.isoformat().replace("+00:00", "Z"),
        "site_id": site_id,
        "data": data,
    }
    body = json.dumps(envelope, separators=(",", ":"), ensure_ascii=False)
    pending: dict[int, list[str]] = session.info.setdefault(_PENDING, {})
    for endpoint in endpoints:
        delivery = WebhookDelivery(
            id=new_id(),
            event_id=event_id,
            site_id=site_id,
            endpoint_id=endpoint.id,
            event_type=event_type,
            body=body,
            status="pending",
            attempts=0,
            created_at=now,
        )
        session.add(delivery)
        pending.setdefault(endpoint.id, []).append(delivery.id)


def emit_decided(
    session: Session, *, site_id: int, comment_id: str, status: str, reasons: list[Any]
) -> None:
    """``comment.decided``, and ``comment.entered_queue`` when the decision holds the comment."""
    data = {"comment_id": comment_id, "status": status, "reasons": reasons}
    emit(session, site_id=site_id, event_type="comment.decided", data=data)
    if status == "held":
        emit(
            session,
            site_id=site_id,
            event_type="comment.entered_queue",
            data={"comment_id": comment_id, "queue": "held"},
        )


def send_pending(batches: dict[int, list[str]]) -> None:
    """Enqueue delivery tasks; a failure leaves the rows pending for the webhook sweep."""
    if not has_app_context():
        log.warning("webhook deliveries committed outside an app context; the sweep sends them")
        return
    from moderation.enqueue import enqueue
    from moderation.tasknames import TaskNames

    for delivery_ids in batches.values():
        enqueue(TaskNames.DELIVER_WEBHOOK, delivery_ids)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    batches = session.info.pop(_PENDING, None)
    if batches:
        send_pending(batches)


@event.listens_for(Session, "after_soft_rollback")
def _after_rollback(session: Session, previous_transaction: SessionTransaction) -> None:
    if previous_transaction.parent is None:  # the outermost transaction: nothing was committed
        session.info.pop(_PENDING, None)
