"""Deciding a comment: the context the policy needs, and the one writer of every decision.

Every path that gives a comment a status (the submission rules, the model, a compatibility API's
check, a recheck, a site's feedback, a moderator) writes it with :func:`record_decision`: the
comment's new status, the scores that led to it, the ``Decision`` row with its reasons, the history
events and the outbound (webhook) events, all in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, inspect, select, update
from sqlalchemy.orm import Session

from moderation.enums import CommentStatus, DecidedBy
from moderation.services import events
from moderation.services.policy import (
    CommentFields,
    DecisionContext,
    SiteSettings,
    Verdict,
    decide,
)
from moderation.services.types import HistoryEvent, OutboundEvent, ScoreData
from moderation.tables import Article, AuthorFlag, Comment, CommentEvent, Decision, Score, Site
from moderation.tables.base import new_id, utcnow


def fields_of_comment(comment: Comment) -> CommentFields:
    """The fields of a stored comment that words are matched against."""
    return CommentFields(
        author=comment.author_name or "",
        email=comment.author_email or "",
        url=comment.author_url or "",
        content=comment.content,
        ip=comment.author_ip or "",
        user_agent=comment.user_agent or "",
    )


def decision_context(session: Session, comment: Comment) -> DecisionContext:
    """The author's standing and the comment's fields, for the policy after scoring."""
    flag = session.get(AuthorFlag, comment.author_id)
    approved = session.scalar(
        select(func.count())
        .select_from(Comment)
        .where(
            Comment.author_id == comment.author_id,
            Comment.status == CommentStatus.APPROVED,
            Comment.id != comment.id,
        )
    )
    article_id = session.scalar(select(Article.external_id).where(Article.id == comment.article_id))
    return DecisionContext(
        fields=fields_of_comment(comment),
        article_id=article_id,
        trusted=bool(flag and flag.trusted),
        premoderated=bool(flag and flag.premoderated),
        approved_count=approved or 0,
    )


def decided_event(
    verdict: Verdict, *, by: DecidedBy, actor: str | None, previous: str | None = None
) -> HistoryEvent:
    """The ``decided`` history event: status, reasons, what decided (and the status before)."""
    data: dict[str, Any] = {"status": verdict.status, "reasons": verdict.reasons, "by": by}
    if previous is not None:
        data["from"] = previous
    return HistoryEvent(type="decided", actor=actor, data=data)


def announce_decided(verdict: Verdict) -> list[OutboundEvent]:
    """``comment.decided``, and ``comment.entered_queue`` when the decision holds the comment."""
    out = [OutboundEvent("comment.decided", {"status": verdict.status, "reasons": verdict.reasons})]
    if verdict.status == CommentStatus.HELD:
        out.append(OutboundEvent("comment.entered_queue", {"queue": CommentStatus.HELD}))
    return out


def _attach(session: Session, comment: Comment, collection: str, row: Any) -> None:
    """Add a row of the comment's collection without loading the collection first."""
    state = inspect(comment)
    if state.persistent and collection in state.unloaded:
        row.comment_id = comment.id
        session.add(row)
    else:
        getattr(comment, collection).append(row)


def record_decision(
    session: Session,
    *,
    comment: Comment,
    verdict: Verdict,
    decided_by: DecidedBy,
    history: Sequence[HistoryEvent],
    outbound: Sequence[OutboundEvent],
    actor: str | None = None,
    score: ScoreData | None = None,
    model_version: str | None = None,
    expect_status: CommentStatus | None = None,
    at: datetime | None = None,
) -> Decision | None:
    """Give ``comment`` the verdict and write its scores, decision, history and outbound events.

    Everything goes into the caller's transaction; the caller commits. ``model_version`` defaults
    to the score's. With ``expect_status``, the status changes only if the stored comment still
    has that status (a conditional UPDATE, which takes the row's write lock, so of two concurrent
    writers only the first wins); otherwise nothing is written and None is returned.
    """
    now = at or utcnow()
    if comment.id is None:
        comment.id = new_id()
    if expect_status is not None:
        claimed = session.execute(
            update(Comment)
            .where(Comment.id == comment.id, Comment.status == expect_status)
            .values(status=verdict.status, discard=verdict.discard, decided_at=now)
            .execution_options(synchronize_session=False)
        )
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            return None
    comment.status = verdict.status
    comment.discard = verdict.discard
    comment.decided_at = now
    if score is not None:
        row = Score(
            model_version=score.model_version,
            values=score.scores,
            spans=score.spans,
            created_at=now,
        )
        _attach(session, comment, "scores", row)
    decision = Decision(
        status=verdict.status,
        reasons=verdict.reasons,
        decided_by=decided_by,
        actor=actor,
        model_version=model_version or (score.model_version if score else None),
        created_at=now,
    )
    _attach(session, comment, "decisions", decision)
    for entry in history:
        event = CommentEvent(type=entry.type, actor=entry.actor, data=entry.data, created_at=now)
        _attach(session, comment, "events", event)
    for out in outbound:
        events.emit(
            session,
            site_id=comment.site_id,
            event_type=out.type,
            data={"comment_id": comment.id, **out.data},
        )
    return decision


def record_model_decision(
    session: Session,
    *,
    comment_id: str,
    model_version: str,
    scores: dict[str, float],
    spans: list[dict[str, Any]],
) -> Decision | None:
    """Apply the site's policy to a pending comment's scores and record the decision; commit.

    Returns None, writing nothing, when the comment is gone or was decided meanwhile (by another
    delivery of the same task, or a moderator): a comment is never decided twice by the model.
    """
    comment = session.get(Comment, comment_id)
    if comment is None or comment.status != CommentStatus.PENDING:
        session.rollback()
        return None
    site = session.get(Site, comment.site_id)
    assert site is not None
    settings = SiteSettings.for_site(site.settings)
    context = decision_context(session, comment)
    score = ScoreData(model_version=model_version, scores=scores, spans=spans)
    verdict = decide(score.scores, content=comment.content, settings=settings, context=context)
    model_actor = f"model:{score.model_version}"
    decision = record_decision(
        session,
        comment=comment,
        verdict=verdict,
        decided_by=DecidedBy.MODEL,
        score=score,
        history=[
            HistoryEvent(
                "scored",
                model_actor,
                {"scores": score.scores, "model_version": score.model_version},
            ),
            decided_event(verdict, by=DecidedBy.MODEL, actor=model_actor),
        ],
        outbound=announce_decided(verdict),
        expect_status=CommentStatus.PENDING,
    )
    if decision is None:
        session.rollback()
        return None
    session.commit()
    return decision
