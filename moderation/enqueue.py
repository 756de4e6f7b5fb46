"""The one place the web process sends tasks, by name, to the broker.

A task that reads rows written in a transaction is sent with :func:`enqueue_on_commit`: it waits
in the session until the outermost transaction commits, and a rollback drops it. The hooks that
send it are registered on the app's session factory by :func:`init_app`, so only the app's own
sessions carry them. :func:`enqueue` sends at once (sweeps, commands run after a commit).
"""

from __future__ import annotations

import logging
from typing import Any

from celery import Celery
from flask import Flask, current_app
from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from moderation.broker import TRANSPORT as EMBEDDED_TRANSPORT
from moderation.broker import connection_url, is_embedded
from moderation.db import get_db
from moderation.tasknames import TASK_QUEUES

log = logging.getLogger(__name__)

EXTENSION = "moderation.celery_client"
# session.info key: what belongs to the open transaction and goes when it ends (see
# transaction_info); under it, _TASKS lists the (task name, args) to send at the commit.
_TRANSACTION_INFO = "moderation.transaction_info"
_TASKS = "tasks"


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
    if is_embedded(broker_url):
        # moderation.broker's transport: it gives out again a message taken longer ago than this.
        return {"visibility_timeout": visibility_timeout}
    return {}


def celery_broker_settings(broker_url: str, visibility_timeout: float) -> dict[str, Any]:
    """The Celery settings that connect to ``broker_url``, for the web side and the workers.

    ``sqla+sqlite:///PATH`` (the embedded default) is served by :mod:`moderation.broker`'s
    transport rather than kombu's stock SQLAlchemy one, which polls once a second.
    """
    settings: dict[str, Any] = {
        "broker_url": broker_url,
        "broker_transport_options": broker_transport_options(broker_url, visibility_timeout),
        "broker_connection_retry_on_startup": True,
    }
    if is_embedded(broker_url):
        settings["broker_url"] = connection_url(broker_url)
        settings["broker_transport"] = EMBEDDED_TRANSPORT
    return settings


def init_app(app: Flask) -> None:
    client = Celery("moderation-web", set_as_current=False)
    client.conf.update(
        celery_broker_settings(app.config["BROKER_URL"], app.config["BROKER_VISIBILITY_TIMEOUT"])
    )
    client.conf.task_routes = {name: {"queue": queue} for name, queue in TASK_QUEUES.items()}
    app.extensions[EXTENSION] = client
    register_session_hooks(app, get_db(app).sessionmaker)


def register_session_hooks(app: Flask, factory: sessionmaker[Session]) -> None:
    """Send the tasks of :func:`enqueue_on_commit` when a session of ``factory`` commits."""

    def after_commit(session: Session) -> None:
        info = session.info.pop(_TRANSACTION_INFO, None) or {}
        for task_name, args in info.get(_TASKS, []):
            enqueue(task_name, *args, app=app)

    def after_soft_rollback(session: Session, previous: SessionTransaction) -> None:
        if previous.parent is None:  # the outermost transaction: nothing was committed
            session.info.pop(_TRANSACTION_INFO, None)

    event.listen(factory, "after_commit", after_commit)
    event.listen(factory, "after_soft_rollback", after_soft_rollback)


def transaction_info(session: Session) -> dict[str, Any]:
    """A dict that lives as long as ``session``'s outermost transaction (emptied at its end).

    Begins the transaction if none is open, so that its commit or rollback is seen.
    """
    if not session.in_transaction():
        session.begin()
    info: dict[str, Any] = session.info.setdefault(_TRANSACTION_INFO, {})
    return info


def enqueue_on_commit(session: Session, task_name: str, *args: Any) -> None:
    """Send a task by name once ``session``'s outermost transaction commits; a rollback drops it.

    The arguments are read at the commit, so a caller may still add to a list it passed.
    A broker that cannot be reached then is handled as by :func:`enqueue`.
    """
    transaction_info(session).setdefault(_TASKS, []).append((task_name, args))


def pending_tasks(session: Session) -> list[tuple[str, tuple[Any, ...]]]:
    """The tasks waiting for ``session``'s commit, in the order they will be sent."""
    tasks: list[tuple[str, tuple[Any, ...]]] = transaction_info(session).get(_TASKS, [])
    return list(tasks)


def celery_client(app: Flask | None = None) -> Celery:
    celery: Celery = (app or current_app).extensions[EXTENSION]
    return celery


def enqueue(
    task_name: str, *args: Any, countdown: float | None = None, app: Flask | None = None
) -> bool:
    """Send a task by name now. Call only after the transaction that the task reads has committed.

    Returns False (and logs) when the broker cannot be reached: the row stays pending and the
    periodic sweep sends it again, so a broker outage never loses a comment.
    """
    app = app or current_app
    if not app.config.get("ENQUEUE", True):
        return False
    try:
        celery_client(app).send_task(
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
