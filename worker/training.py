"""The scheduled retraining task, on the training queue so it never delays scoring."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from celery import shared_task
from flask import current_app
from sqlalchemy import func, select

from moderation.db import get_db
from moderation.scoring import model_provider
from moderation.services.retraining import retrain
from moderation.tables import Label
from moderation.tasknames import TaskNames

log = logging.getLogger(__name__)


@shared_task(name=TaskNames.RETRAIN, acks_late=True)
def retrain_task(force: bool = False) -> str:
    """Retrain with the labels when enough new ones arrived since the newest model version."""
    config = current_app.config
    if not config.get("CORPORA_DIR"):
        log.warning("retrain skipped: MODERATION_CORPORA_DIR is not set")
        return "skipped: no corpora"
    registry = model_provider().registry
    versions = registry.versions()
    since = None
    if versions:
        created = registry.metadata(versions[-1]).get("created_at")
        since = datetime.fromisoformat(created) if created else None
    with get_db().session() as session:
        query = select(func.count()).select_from(Label).where(Label.source != "test")
        if since is not None:
            query = query.where(Label.created_at > since)
        new_labels = session.scalar(query) or 0
        if not force and new_labels < int(config["RETRAIN_MIN_NEW_LABELS"]):
            log.info("retrain skipped: %d new labels", new_labels)
            return f"skipped: {new_labels} new labels"
        outcome = retrain(
            session,
            registry=registry,
            corpora_dir=Path(config["CORPORA_DIR"]),
            training_data_dir=Path(config["TRAINING_DATA_DIR"]),
            tolerance=float(config["RETRAIN_TOLERANCE"]),
            actor="schedule",
        )
    return f"{outcome.version} {'promoted' if outcome.promoted else 'kept'}: {outcome.reason}"
