"""The one place the web process sends tasks, by name, to the broker."""

from __future__ import annotations

import logging
from typing import Any

from celery import Celery
from flask import Flask, current_app

from moderation.tasknames import TASK_QUEUES

log = logging.getLogger(__name__)

EXTENSION = "moderation.celery_client"


def restore_interval(visibility_timeout: float) -> int:
    """Seconds between a worker's scans for tasks whose worker died (Redis broker)."""
    return max(1, min(10, int(visibility_timeout // 2)))


def broker_transport_options(broker_url: str, visibility_timeout: float) -> dict[str, Any]:
    """Transport options shared by the sending side and the workers."""
    if broker_url.startswith(("redis://", "rediss://", "sentinel://")):
        # A task not acknowledged within visibility_timeout seconds (its worker died) is
        # delivered again, but only when a worker scans the unacknowledged set. kombu scans
        # once at start-up and then on every 10th tick of a 10 s timer, so about every 100 s
        # whatever the timeout; since kombu 5.7 both are transport options. Scan on every tick,
        # at least twice per timeout and at most every 10 s (one ZRANGE on the server).
        return {
            "visibility_timeout": visibility_timeout,
            "unacked_restore_interval": restore_interval(visibility_timeout),
            "unacked_restore_throttle": 1,
        }
    if broker_url.startswith("sqla+sqlite"):
        # Options here go to SQLAlchemy's create_engine: wait on SQLite's lock instead of failing.
        return {"connect_args": {"timeout": 30}}
    return {}


def init_app(app: Flask) -> None:
    broker_url = app.config["BROKER_URL"]
    client = Celery("moderation-web", broker=broker_url, set_as_current=False)
    client.conf.broker_transport_options = broker_transport_options(
        broker_url, app.config["BROKER_VISIBILITY_TIMEOUT"]
    )
    client.conf.broker_connection_retry_on_startup = True
    client.conf.task_routes = {name: {"queue": queue} for name, queue in TASK_QUEUES.items()}
    app.extensions[EXTENSION] = client


def celery_client(app: Flask | None = None) -> Celery:
    celery: Celery = (app or current_app).extensions[EXTENSION]
    return celery


def enqueue(task_name: str, *args: Any, countdown: float | None = None) -> bool:
    """Send a task by name. Call only after the transaction that the task reads has committed.

    Returns False (and logs) when the broker cannot be reached: the row stays pending and the
    periodic sweep sends it again, so a broker outage never loses a comment.
    """
    if not current_app.config.get("ENQUEUE", True):
        return False
    try:
        celery_client().send_task(
            task_name,
            args=list(args),
            queue=TASK_QUEUES[task_name],
            countdown=countdown,
            retry=True,
            retry_policy={"max_retries": 2, "interval_start": 0, "interval_step": 0.2},
        )
    except Exception:
        log.exception("could not enqueue %s args=%s; the sweep will retry", task_name, args)
        return False
    return True
