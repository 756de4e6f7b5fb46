"""Webhook delivery tasks, on the events queue so a slow receiver never holds up scoring."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from celery import shared_task

from moderation.db import get_db
from moderation.enqueue import enqueue
from moderation.services import webhooks
from moderation.tables.base import utcnow
from moderation.tasknames import TaskNames

log = logging.getLogger(__name__)


@shared_task(
    bind=True,
    name=TaskNames.DELIVER_WEBHOOK,
    acks_late=True,
    reject_on_worker_lost=True,
    # Attempts are counted on each delivery row, which bounds the retries.
    max_retries=None,
)
def deliver_webhook(self: Any, delivery_ids: list[str]) -> str:
    """Deliver one endpoint's events in order; a failure retries from it with backoff."""
    with get_db().session() as session:
        for index, delivery_id in enumerate(delivery_ids):
            attempt = webhooks.attempt_delivery(session, delivery_id=delivery_id)
            if attempt.outcome == "retry":
                # The failed delivery and the ones after it, so their order is kept.
                raise self.retry(args=[delivery_ids[index:]], countdown=attempt.retry_in)
    return "done"


@shared_task(name=TaskNames.SWEEP_WEBHOOKS, acks_late=True)
def sweep_webhooks(older_than_seconds: float = 60.0) -> int:
    """Send deliveries whose task never reached the broker (an outage at commit time)."""
    cutoff = utcnow() - timedelta(seconds=older_than_seconds)
    with get_db().session() as session:
        ids = webhooks.stale_deliveries(session, older_than=cutoff)
    for delivery_id in ids:
        enqueue(TaskNames.DELIVER_WEBHOOK, [delivery_id])
    if ids:
        log.info("webhook sweep re-sent %d deliveries", len(ids))
    return len(ids)
