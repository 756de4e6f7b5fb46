"""Re-scoring the held queue with the active model version."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from classifier.model import ModerationModel
from classifier.types import CommentInput
from moderation.models import Comment, CommentEvent, Decision, Score, Site
from moderation.models.base import utcnow
from moderation.services import events, rules
from moderation.services.policy import SiteSettings, decide


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
        .where(Comment.status == "held")
        .options(selectinload(Comment.decisions))
        .order_by(Comment.created_at)
    )
    if site_id is not None:
        query = query.where(Comment.site_id == site_id)
    result = RecheckResult()
    for comment in session.scalars(query).all():
        latest = comment.latest_decision
        if latest is not None and latest.decided_by not in ("model", "recheck"):
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
            context=rules.decision_context(session, comment),
        )
        if verdict.status == comment.status:
            continue
        now = utcnow()
        spans = [
            {"begin": s.begin, "end": s.end, "attribute": s.attribute, "score": round(s.score, 4)}
            for s in scored.spans
        ]
        previous = comment.status
        comment.scores.append(
            Score(model_version=model.version, values=scores, spans=spans, created_at=now)
        )
        comment.decisions.append(
            Decision(
                status=verdict.status,
                reasons=verdict.reasons,
                decided_by="recheck",
                actor=actor,
                model_version=model.version,
                created_at=now,
            )
        )
        comment.events.append(
            CommentEvent(
                type="rechecked",
                actor=actor,
                data={
                    "from": previous,
                    "status": verdict.status,
                    "reasons": verdict.reasons,
                    "model_version": model.version,
                    "scores": scores,
                },
                created_at=now,
            )
        )
        comment.status = verdict.status
        comment.discard = verdict.discard
        comment.decided_at = now
        events.emit(
            session,
            site_id=comment.site_id,
            event_type="comment.left_queue",
            data={"comment_id": comment.id, "queue": "held", "status": verdict.status},
        )
        result.changed += 1
    session.commit()
    return result
