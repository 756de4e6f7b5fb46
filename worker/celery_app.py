"""The Celery app, bound to a Flask app so every task runs inside its app context."""

from __future__ import annotations

import logging
import time
from typing import Any

from celery import Celery, Task
from celery.signals import worker_process_init
from flask import Flask

from moderation.broker import is_embedded
from moderation.enqueue import celery_broker_settings
from moderation.tasknames import TASK_QUEUES, QueueNames, TaskNames

log = logging.getLogger("worker")

EMBEDDED_PREFETCH = 16


def create_celery(app: Flask) -> Celery:
    """A Celery app whose tasks run in ``app``'s context and log outcome and duration."""

    class FlaskTask(Task):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            task_id = self.request.id
            with app.app_context():
                try:
                    result = self.run(*args, **kwargs)
                except Exception as error:
                    log.warning(
                        "task %s task_id=%s args=%s failed after %.3fs: %r",
                        self.name,
                        task_id,
                        args,
                        time.perf_counter() - started,
                        error,
                    )
                    raise
            log.info(
                "task %s task_id=%s args=%s done in %.3fs",
                self.name,
                task_id,
                args,
                time.perf_counter() - started,
            )
            return result

    broker_url = app.config["BROKER_URL"]
    celery = Celery(app.import_name, task_cls=FlaskTask, set_as_current=True)
    celery.conf.update(
        celery_broker_settings(broker_url, app.config["BROKER_VISIBILITY_TIMEOUT"]),
        task_ignore_result=True,
        # Acknowledge after the task ran, and deliver again if the worker process dies.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        # The embedded broker is polled: each poll takes up to this many messages per process.
        worker_prefetch_multiplier=EMBEDDED_PREFETCH if is_embedded(broker_url) else 1,
        task_default_queue=QueueNames.SCORING,
        task_routes={name: {"queue": queue} for name, queue in TASK_QUEUES.items()},
        task_queues=None,
        worker_hijack_root_logger=False,
        beat_schedule={
            # Comments pending for longer than one period are sent to scoring again (their
            # message was lost with a dead worker, or never reached the broker).
            "sweep-pending": {
                "task": TaskNames.SWEEP_PENDING,
                "schedule": float(app.config["PENDING_SWEEP_SECONDS"]),
                "args": (float(app.config["PENDING_SWEEP_SECONDS"]),),
            },
            "sweep-webhooks": {
                "task": TaskNames.SWEEP_WEBHOOKS,
                "schedule": float(app.config["PENDING_SWEEP_SECONDS"]),
            },
        },
    )
    retrain_hours = float(app.config["RETRAIN_INTERVAL_HOURS"])
    if retrain_hours > 0:
        celery.conf.beat_schedule["retrain"] = {
            "task": TaskNames.RETRAIN,
            "schedule": retrain_hours * 3600,
        }
    celery.set_default()
    app.extensions["celery"] = celery

    # Importing the task modules registers their tasks on this app.
    import worker.tasks
    import worker.training
    import worker.webhook_tasks  # noqa: F401

    @worker_process_init.connect(weak=False)
    def _warm_model(**_kwargs: Any) -> None:
        # Load the model before the first comment arrives, in each worker process.
        from moderation.scoring import model_provider

        try:
            model_provider(app).get()
        except Exception:
            log.exception("could not load the active model at worker start")

    return celery
