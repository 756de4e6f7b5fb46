"""Re-scoring the held queue with the active model version."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from classifier.model import ModerationModel
from classifier.types import CommentInput
from moderation.enums import CommentStatus, DecidedBy
from moderation.services.decisions import decision_context, record_decision
from moderation.services.policy import SiteSettings, decide
from moderation.services.types import HistoryEvent, OutboundEvent, ScoreData
from moderation.tables import Comment, Site


@dataclass
class RecheckResult:
    checked: int = 0
    changed: int = 0


def recheck_held(
    session: Session, model: ModerationModel, *, site_id: int | None = None, actor: str = "recheck"
) -> RecheckResult:
    """Re-score held comments the model decided; record an event for each changed decision.

    Comments a person decided (a moderator, the site's feedback) are left alone.
    """
    query = (
        select(Comment)
        .where(Comment.status == CommentStatus.HELD)
        .options(selectinload(Comment.decisions))
        .order_by(Comment.created_at)
    )
    if site_id is not None:
        query = query.where(Comment.site_id == site_id)
    result = RecheckResult()
    for comment in session.scalars(query).all():
        latest = comment.latest_decision
        if latest is not None and latest.decided_by not in (DecidedBy.MODEL, DecidedBy.RECHECK):
            continue
        result.checked += 1
        scored = model.score_one(
            CommentInput(
                text=comment.content,
                author_name=comment.author_name or "",
                author_email=comment.author_email or "",
                author_url=comment.author_url or "",
            ),
            spans=True,
        )
        scores = {name: round(float(value), 4) for name, value in scored.scores.items()}
        site = session.get(Site, comment.site_id)
        assert site is not None
        verdict = decide(
            scores,
            content=comment.content,
            settings=SiteSettings.for_site(site.settings),
            context=decision_context(session, comment),
        )
        if verdict.status == comment.status:
            continue
        spans = [
            {"begin": s.begin, "end": s.end, "attribute": s.attribute, "score": round(s.score, 4)}
            for s in scored.spans
        ]
        previous = comment.status
        rechecked = {
            "from": previous,
            "status": verdict.status,
            "reasons": verdict.reasons,
            "model_version": model.version,
            "scores": scores,
        }
        record_decision(
            session,
            comment=comment,
            verdict=verdict,
            decided_by=DecidedBy.RECHECK,
            actor=actor,
            score=ScoreData(model_version=model.version, scores=scores, spans=spans),
            history=[HistoryEvent("rechecked", actor, rechecked)],
            outbound=[
                OutboundEvent(
                    "comment.left_queue", {"queue": CommentStatus.HELD, "status": verdict.status}
                )
            ],
        )
        result.changed += 1
    session.commit()
    return result
