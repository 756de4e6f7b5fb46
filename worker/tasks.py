"""Task definitions. Only ids cross the queue; each task re-reads its rows."""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import shared_task
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from classifier.types import CommentInput
from moderation.db import get_db
from moderation.enqueue import enqueue
from moderation.enums import CommentStatus
from moderation.scoring import model_provider
from moderation.services.comments import stale_pending
from moderation.services.decisions import record_model_decision
from moderation.tables import Comment, Site
from moderation.tables.base import utcnow
from moderation.tasknames import TaskNames

log = logging.getLogger(__name__)


@shared_task(
    name=TaskNames.SCORE_COMMENT,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    retry_backoff_max=60,
    max_retries=8,
)
def score_comment(comment_id: str) -> str:
    """Score a pending comment with its site's model and record the policy's decision."""
    db = get_db()
    with db.session() as session:
        # The comment and its site in one round trip; both stay in the session (it does not
        # expire them at the commit below), so recording the decision reads neither again.
        found = session.execute(
            select(Comment, Site)
            .join(Site, Site.id == Comment.site_id)
            .where(Comment.id == comment_id)
        ).first()
        comment = found[0] if found else None
        if comment is None:
            log.warning("score_comment comment_id=%s: no such comment", comment_id)
            return "missing"
        if comment.status != CommentStatus.PENDING:
            log.info("score_comment comment_id=%s: already %s", comment_id, comment.status)
            return "already-decided"
        item = CommentInput(
            text=comment.content,
            author_name=comment.author_name or "",
            author_email=comment.author_email or "",
            author_url=comment.author_url or "",
        )
        # No transaction held open while scoring. A commit, not a rollback, which would expire
        # what was read; the conditional UPDATE of record_decision still decides only once.
        session.commit()

        # The site's own adaptation on top of the base model, when it has one.
        model = model_provider().get(site_id=comment.site_id)
        result = model.score_one(item, spans=True)
        spans = [
            {"begin": s.begin, "end": s.end, "attribute": s.attribute, "score": round(s.score, 4)}
            for s in result.spans
        ]
        scores = {name: round(float(value), 4) for name, value in result.scores.items()}
        decision = record_model_decision(
            session,
            comment_id=comment_id,
            model_version=model.version,
            scores=scores,
            spans=spans,
        )
    if decision is None:
        return "already-decided"
    log.info(
        "comment decided comment_id=%s status=%s model_version=%s",
        comment_id,
        decision.status,
        model.version,
    )
    return decision.status


@shared_task(name=TaskNames.SWEEP_PENDING, acks_late=True)
def sweep_pending(older_than_seconds: float = 30.0) -> int:
    """Send scoring again for comments left pending (broker outage, lost message)."""
    cutoff = utcnow() - timedelta(seconds=older_than_seconds)
    with get_db().session() as session:
        ids = stale_pending(session, older_than=cutoff)
    for comment_id in ids:
        enqueue(TaskNames.SCORE_COMMENT, comment_id)
    if ids:
        log.info("sweep re-sent %d pending comments", len(ids))
    return len(ids)
