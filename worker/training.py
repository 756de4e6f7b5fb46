"""The scheduled learning run, on the training queue so it never delays scoring.

It adapts each site that has enough new labels to the active base model
(``moderation.services.adaptation``): no public corpus is needed, so it runs on every install.
The base retrain from the corpora stays an operator command (``moderation train --with-labels``).
"""

from __future__ import annotations

import logging

from celery import shared_task
from flask import current_app

from moderation.db import get_db
from moderation.scoring import model_provider
from moderation.services.adaptation import (
    adapt_site,
    adaptation_store,
    anchor_cache,
    sites_to_adapt,
)
from moderation.tasknames import TaskNames

log = logging.getLogger(__name__)


@shared_task(name=TaskNames.RETRAIN, acks_late=True)
def retrain_task(force: bool = False) -> str:
    """Adapt every site with enough new labels (``force``: every site with enough labels)."""
    config = current_app.config
    provider = model_provider()
    base = provider.get()
    store = provider.adaptations or adaptation_store(config)
    min_labels = int(config["ADAPT_MIN_LABELS"])
    done: list[str] = []
    with get_db().session() as session:
        chosen = sites_to_adapt(
            session,
            store=store,
            base_version=base.version,
            min_labels=min_labels,
            min_new_labels=0 if force else int(config["ADAPT_MIN_NEW_LABELS"]),
        )
        if not chosen:
            log.info("learning run: no site has enough new labels (base %s)", base.version)
            return "nothing to adapt"
        for site_id, why in chosen:
            log.info("learning run: adapting site_id=%s (%s)", site_id, why)
            try:
                outcome = adapt_site(
                    session,
                    site_id=site_id,
                    base=base,
                    store=store,
                    min_labels=min_labels,
                    tolerance=float(config["RETRAIN_TOLERANCE"]),
                    actor="schedule",
                    cache_dir=anchor_cache(config),
                )
            except Exception:
                # One site's failure must not keep the others from learning.
                session.rollback()
                log.exception("learning run: adapting site_id=%s failed", site_id)
                done.append(f"site {site_id}: failed")
                continue
            state = "promoted" if outcome.promoted else "kept"
            done.append(f"site {site_id}: {outcome.version} {state} ({outcome.reason})")
    log.info("learning run: %s", "; ".join(done))
    return "; ".join(done)
