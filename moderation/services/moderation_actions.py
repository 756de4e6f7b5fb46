"""Moderator actions on comments: approve, reject with a reason, and undo the last one.

Every action writes, per comment, a decision by "moderator", a ``moderated`` history event and
the labels retraining learns from:

- approve: ``ham`` and ``acceptable``;
- reject as spam or advertising: ``spam``;
- reject as abusive, offensive, hate speech or harassment: ``toxic``;
- reject as off-topic, misinformation or other: no label (the text is neither spam nor toxic, and
  labelling it either way would teach the models something false).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from moderation.enums import CommentStatus, DecidedBy, ReasonCode
from moderation.errors import BadRequest, Conflict, NotFound
from moderation.services import events
from moderation.services.decisions import record_decision
from moderation.services.policy import Verdict
from moderation.services.types import HistoryEvent, OutboundEvent
from moderation.tables import (
    Comment,
    CommentEvent,
    Decision,
    Label,
    ModeratorAction,
    ReportedComment,
)
from moderation.tables.base import utcnow

REJECT_REASONS: dict[str, str] = {
    "spam": "Spam",
    "abusive": "Abusive",
    "offensive": "Offensive",
    "hate_speech": "Hate speech",
    "harassment": "Harassment",
    "advertising": "Advertising",
    "off_topic": "Off-topic",
    "misinformation": "Misinformation",
    "other": "Other",
}
_LABELS_FOR_REJECT = {
    "spam": ("spam",),
    "advertising": ("spam",),
    "abusive": ("toxic",),
    "offensive": ("toxic",),
    "hate_speech": ("toxic",),
    "harassment": ("toxic",),
}
ACTIONS = ("approve", "reject")
UNDO_SECONDS = 30
MAX_NOTE = 1000
MAX_BULK = 5000


def labels_for(action: str, reason_code: str | None) -> tuple[str, ...]:
    if action == "approve":
        return ("ham", "acceptable")
    return _LABELS_FOR_REJECT.get(reason_code or "", ())


def _open_report(session: Session, comment_id: str) -> ReportedComment | None:
    return session.scalar(
        select(ReportedComment).where(
            ReportedComment.comment_id == comment_id, ReportedComment.resolved_at.is_(None)
        )
    )


def moderate(
    session: Session,
    *,
    actor: str,
    site_ids: list[int],
    comment_ids: list[str],
    action: str,
    reason_code: str | None = None,
    note: str | None = None,
) -> ModeratorAction:
    """Approve or reject comments of the actor's sites; commit. Another site's comment: 404."""
    if action not in ACTIONS:
        raise BadRequest(f"action must be one of {', '.join(ACTIONS)}")
    note = (note or "").strip() or None
    if action == "reject":
        if reason_code not in REJECT_REASONS:
            raise BadRequest(f"a rejection needs a reason: one of {', '.join(REJECT_REASONS)}")
        if reason_code == "other" and not note:
            raise BadRequest("a rejection for 'other' needs a note")
    else:
        reason_code = None
    if note is not None and len(note) > MAX_NOTE:
        raise BadRequest(f"a note has at most {MAX_NOTE} characters")
    unique_ids = list(dict.fromkeys(comment_ids))
    if not unique_ids:
        raise BadRequest("select at least one comment")
    if len(unique_ids) > MAX_BULK:
        raise BadRequest(f"at most {MAX_BULK} comments at once")

    comments = list(
        session.scalars(
            select(Comment).where(Comment.id.in_(unique_ids), Comment.site_id.in_(site_ids))
        )
    )
    if len(comments) != len(unique_ids):
        raise NotFound("no such comment on your sites")

    now = utcnow()
    new_status = CommentStatus.APPROVED if action == "approve" else CommentStatus.REJECTED
    reason_label = REJECT_REASONS.get(reason_code or "")
    detail = "approved by a moderator" if action == "approve" else f"rejected: {reason_label}"
    if note:
        detail += f" ({note})"
    reason: dict[str, Any] = {"code": ReasonCode.MODERATOR, "detail": detail, "action": action}
    if reason_code:
        reason["reason_code"] = reason_code
    if note:
        reason["note"] = note

    record = ModeratorAction(
        actor=actor, action=action, reason_code=reason_code, items=[], created_at=now
    )
    session.add(record)
    items: list[dict[str, Any]] = []
    verdict = Verdict(status=new_status, reasons=[reason])
    for comment in comments:
        previous = comment.status
        report = _open_report(session, comment.id)
        event_data: dict[str, Any] = {
            "action": action,
            "from": previous,
            "to": new_status,
            "reason_code": reason_code,
            "note": note,
        }
        if report is not None:
            report.resolved_at = now
            event_data["resolved_report"] = True
        decision = record_decision(
            session,
            comment=comment,
            verdict=verdict,
            decided_by=DecidedBy.MODERATOR,
            actor=actor,
            history=[HistoryEvent("moderated", actor, event_data)],
            outbound=_moderated_outbound(new_status, action, reason_code, previous, report),
            at=now,
        )
        assert decision is not None
        labels = [
            Label(
                site_id=comment.site_id,
                comment_id=comment.id,
                label=name,
                source="moderator",
                actor=actor,
                created_at=now,
            )
            for name in labels_for(action, reason_code)
        ]
        session.add_all(labels)
        session.flush()
        items.append(
            {
                "comment_id": comment.id,
                "previous_status": previous,
                "reported": report is not None,
                "decision_id": decision.id,
                "label_ids": [label.id for label in labels],
            }
        )
    record.items = items
    session.commit()
    return record


def _moderated_outbound(
    status: str,
    action: str,
    reason_code: str | None,
    previous: str,
    report: ReportedComment | None,
) -> list[OutboundEvent]:
    """``comment.moderated``, and ``comment.left_queue`` for the queue the comment was in."""
    out = [
        OutboundEvent(
            "comment.moderated",
            {"status": status, "action": action, "reason_code": reason_code},
        )
    ]
    left = (
        "reported"
        if report is not None
        else (CommentStatus.HELD if previous == CommentStatus.HELD else None)
    )
    if left is not None:
        out.append(OutboundEvent("comment.left_queue", {"queue": left}))
    return out


def undo(session: Session, *, actor: str, action_id: int) -> ModeratorAction:
    """Revert the actor's own action within ``UNDO_SECONDS``; commit.

    The comments get their previous status back, the action's decisions and labels are removed,
    and an ``undone`` event is added to each history (the ``moderated`` event stays).
    """
    record = session.get(ModeratorAction, action_id)
    if record is None or record.actor != actor:
        raise NotFound("no such action of yours")
    if record.undone_at is not None:
        raise Conflict("this action was already undone")
    now = utcnow()
    if now - record.created_at > timedelta(seconds=UNDO_SECONDS):
        raise Conflict(f"an action can be undone for {UNDO_SECONDS} seconds only")
    new_status = CommentStatus.APPROVED if record.action == "approve" else CommentStatus.REJECTED
    for item in record.items:
        comment = session.get(Comment, item["comment_id"])
        if comment is None:
            continue
        if comment.status != new_status:
            session.rollback()
            raise Conflict("a comment changed since; the action cannot be undone")
        comment.status = item["previous_status"]
        comment.decided_at = None if comment.status == CommentStatus.PENDING else comment.decided_at
        session.execute(delete(Decision).where(Decision.id == item["decision_id"]))
        if item["label_ids"]:
            session.execute(delete(Label).where(Label.id.in_(item["label_ids"])))
        if item.get("reported"):
            report = session.get(ReportedComment, comment.id)
            if report is not None:
                report.resolved_at = None
        session.add(
            CommentEvent(
                comment_id=comment.id,
                type="undone",
                actor=actor,
                data={"action": record.action, "restored": item["previous_status"]},
                created_at=now,
            )
        )
        events.emit(
            session,
            site_id=comment.site_id,
            event_type="comment.moderated",
            data={"comment_id": comment.id, "status": comment.status, "action": "undo"},
        )
        held = comment.status == CommentStatus.HELD
        queue = "reported" if item.get("reported") else (CommentStatus.HELD if held else "")
        if queue:
            events.emit(
                session,
                site_id=comment.site_id,
                event_type="comment.entered_queue",
                data={"comment_id": comment.id, "queue": queue},
            )
    record.undone_at = now
    session.commit()
    session.expire_all()
    return record
