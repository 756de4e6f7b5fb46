"""Outbound events (webhooks): recorded in the caller's transaction, delivered after it commits.

Event types: ``comment.decided``, ``comment.moderated``, ``comment.entered_queue``,
``comment.left_queue``.

``emit`` writes one delivery row per matching endpoint into the caller's session, and asks
(``enqueue_on_commit``) for one delivery task per endpoint carrying that endpoint's deliveries of
the transaction in the order they were emitted: sent when the transaction commits, dropped when
it rolls back.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from moderation.enqueue import enqueue_on_commit, transaction_info
from moderation.enums import DeliveryStatus
from moderation.tables.base import new_id, utcnow
from moderation.tables.comments import Comment
from moderation.tables.integrations import WebhookDelivery, WebhookEndpoint
from moderation.tasknames import TaskNames

log = logging.getLogger(__name__)

EVENT_TYPES = (
    "comment.decided",
    "comment.moderated",
    "comment.entered_queue",
    "comment.left_queue",
)

# transaction_info key: {endpoint_id: [delivery_id, ...]}, each list the argument of one
# delivery task waiting for the commit.
_BATCHES = "webhook_deliveries"


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
    batches: dict[int, list[str]] = transaction_info(session).setdefault(_BATCHES, {})
    for endpoint in endpoints:
        delivery = WebhookDelivery(
            id=new_id(),
            event_id=event_id,
            site_id=site_id,
            endpoint_id=endpoint.id,
            event_type=event_type,
            body=body,
            status=DeliveryStatus.PENDING,
            attempts=0,
            created_at=now,
        )
        session.add(delivery)
        batch = batches.get(endpoint.id)
        if batch is None:
            batch = batches[endpoint.id] = []
            enqueue_on_commit(session, TaskNames.DELIVER_WEBHOOK, batch)
        batch.append(delivery.id)
