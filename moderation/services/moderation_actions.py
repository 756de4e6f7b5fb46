"""Moderator actions on comments: approve (and trust the author, or edit first), reject with a
reason, a note, and undo the last action.

Every approval or rejection writes, per comment, a decision by "moderator", a ``moderated``
history event and the labels retraining learns from, each with the attribute it speaks about:

- approve: ``ham`` (attribute ``spam``) and ``acceptable`` (every toxicity attribute);
- reject as spam or advertising: ``spam``;
- reject as a kind of abuse: ``toxic`` with that kind (``insult``, ``threat``,
  ``identity_attack`` for hate speech, ``profanity``, ``severe_toxicity``; ``toxicity`` for
  abusive, offensive and harassment);
- reject for a moderation word, as off-topic, misinformation or other: no label (the text is
  neither spam nor toxic, and labelling it either way would teach the models something false).

The reason offered first for a comment follows why it was held (:func:`suggested_reason`), so
that one key rejects it with the right label.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from moderation.api.schemas import MAX_CONTENT, clean_text
from moderation.enums import CommentStatus, DecidedBy, ReasonCode
from moderation.errors import BadRequest, Conflict, NotFound
from moderation.services import events
from moderation.services.decisions import record_decision
from moderation.services.labels import record_label
from moderation.services.policy import Verdict
from moderation.services.types import HistoryEvent, OutboundEvent
from moderation.tables import (
    AuthorFlag,
    Comment,
    CommentEvent,
    Decision,
    Label,
    ModeratorAction,
    ReportedComment,
)
from moderation.tables.base import utcnow


@dataclass(frozen=True)
class RejectReason:
    """A reason a moderator can reject for, and the label (with its attribute) it stores."""

    code: str
    text: str
    label: str | None = None
    attribute: str | None = None


REASONS: tuple[RejectReason, ...] = (
    RejectReason("spam", "Spam", "spam", "spam"),
    RejectReason("advertising", "Advertising", "spam", "spam"),
    RejectReason("abusive", "Abusive", "toxic", "toxicity"),
    RejectReason("insult", "Insult", "toxic", "insult"),
    RejectReason("threat", "Threat", "toxic", "threat"),
    RejectReason("hate_speech", "Hate speech", "toxic", "identity_attack"),
    RejectReason("profanity", "Profanity", "toxic", "profanity"),
    RejectReason("severe_toxicity", "Severely toxic", "toxic", "severe_toxicity"),
    RejectReason("offensive", "Offensive", "toxic", "toxicity"),
    RejectReason("harassment", "Harassment", "toxic", "toxicity"),
    RejectReason("moderation_word", "Moderation word"),
    RejectReason("off_topic", "Off-topic"),
    RejectReason("misinformation", "Misinformation"),
    RejectReason("other", "Other"),
)
REASON_BY_CODE = {reason.code: reason for reason in REASONS}
REJECT_REASONS: dict[str, str] = {reason.code: reason.text for reason in REASONS}
# Bulk rejection "as held": each comment gets its own suggested reason.
AUTO = "auto"
# The reason each model attribute suggests.
ATTRIBUTE_REASON = {
    "spam": "spam",
    "toxicity": "abusive",
    "severe_toxicity": "severe_toxicity",
    "identity_attack": "hate_speech",
    "insult": "insult",
    "profanity": "profanity",
    "threat": "threat",
}
ACTIONS = ("approve", "reject")
UNDO_SECONDS = 30
MAX_NOTE = 1000
MAX_BULK = 5000
EXCERPT_WORDS = 8


def labels_for(action: str, reason_code: str | None) -> tuple[tuple[str, str | None], ...]:
    """The labels an action stores, each as (label, attribute)."""
    if action == "approve":
        return (("ham", "spam"), ("acceptable", None))
    reason = REASON_BY_CODE.get(reason_code or "")
    if reason is None or reason.label is None:
        return ()
    return ((reason.label, reason.attribute),)


def suggested_reason(comment: Comment) -> str:
    """The reject reason that follows why the comment was held.

    The deciding reason (after a shadow-mode note) says it: ``TOXIC`` gives the kind of abuse
    whose attribute fired (a named kind such as insult before plain toxicity, the highest score
    first); ``SPAM`` and ``LINKS`` give spam; a moderation or disallowed word gives
    ``moderation_word``. Anything else (premoderation, a new author, reader reports) gives the
    reason of the comment's highest-scored attribute; spam without scores.
    """
    decision = comment.latest_decision
    reasons = [
        r
        for r in (decision.reasons if decision else [])
        if isinstance(r, dict) and r.get("code") != ReasonCode.SHADOW_MODE
    ]
    if reasons:
        code = reasons[0].get("code")
        if code == ReasonCode.TOXIC:
            fired = [
                r
                for r in reasons
                if r.get("code") == ReasonCode.TOXIC and r.get("attribute") in ATTRIBUTE_REASON
            ]
            named = [r for r in fired if r["attribute"] != "toxicity"]
            if fired:
                pick = max(named or fired, key=lambda r: float(r.get("score") or 0.0))
                return ATTRIBUTE_REASON[pick["attribute"]]
        if code in (ReasonCode.SPAM, ReasonCode.LINKS):
            return "spam"
        if code in (ReasonCode.MODERATION_WORD, ReasonCode.DISALLOWED_WORD):
            return "moderation_word"
    score = comment.latest_score
    values = {
        k: v for k, v in ((score.values or {}) if score else {}).items() if k in ATTRIBUTE_REASON
    }
    if not values:
        return "spam"
    return ATTRIBUTE_REASON[max(values, key=lambda name: float(values[name]))]


def _open_report(session: Session, comment_id: str) -> ReportedComment | None:
    return session.scalar(
        select(ReportedComment).where(
            ReportedComment.comment_id == comment_id, ReportedComment.resolved_at.is_(None)
        )
    )


def _edited_text(content: str | None) -> str | None:
    if content is None:
        return None
    text = clean_text(content).strip()
    if not text:
        raise BadRequest("the edited text is empty")
    if len(text) > MAX_CONTENT:
        raise BadRequest(f"a comment has at most {MAX_CONTENT} characters")
    return text


def moderate(
    session: Session,
    *,
    actor: str,
    site_ids: list[int],
    comment_ids: list[str],
    action: str,
    reason_code: str | None = None,
    note: str | None = None,
    trust_author: bool = False,
    content: str | None = None,
) -> ModeratorAction:
    """Approve or reject comments of the actor's sites; commit. Another site's comment: 404.

    ``reason_code`` ``auto`` rejects each comment for its own suggested reason. An approval may
    also mark the authors trusted (``trust_author``), or, for one comment, replace its text with
    the moderator's edit (``content``; the original stays in an ``edited`` history event).
    """
    if action not in ACTIONS:
        raise BadRequest(f"action must be one of {', '.join(ACTIONS)}")
    note = (note or "").strip() or None
    if action == "reject":
        if reason_code != AUTO and reason_code not in REJECT_REASONS:
            raise BadRequest(f"a rejection needs a reason: one of {', '.join(REJECT_REASONS)}")
        if reason_code == "other" and not note:
            raise BadRequest("a rejection for 'other' needs a note")
        if trust_author or content is not None:
            raise BadRequest("only an approval can trust the author or edit the text")
    else:
        reason_code = None
    if note is not None and len(note) > MAX_NOTE:
        raise BadRequest(f"a note has at most {MAX_NOTE} characters")
    edited = _edited_text(content)
    unique_ids = list(dict.fromkeys(comment_ids))
    if not unique_ids:
        raise BadRequest("select at least one comment")
    if len(unique_ids) > MAX_BULK:
        raise BadRequest(f"at most {MAX_BULK} comments at once")
    if edited is not None and len(unique_ids) != 1:
        raise BadRequest("edit one comment at a time")

    comments = list(
        session.scalars(
            select(Comment).where(Comment.id.in_(unique_ids), Comment.site_id.in_(site_ids))
        )
    )
    if len(comments) != len(unique_ids):
        raise NotFound("no such comment on your sites")
    comments.sort(key=lambda c: unique_ids.index(c.id))

    now = utcnow()
    new_status = CommentStatus.APPROVED if action == "approve" else CommentStatus.REJECTED
    flags_before: dict[int, dict[str, bool] | None] = {}
    if trust_author:
        for author_id in dict.fromkeys(c.author_id for c in comments):
            flag = session.get(AuthorFlag, author_id)
            flags_before[author_id] = (
                None
                if flag is None
                else {"trusted": bool(flag.trusted), "premoderated": bool(flag.premoderated)}
            )
            if flag is None:
                flag = AuthorFlag(author_id=author_id)
                session.add(flag)
            flag.trusted, flag.premoderated = True, False
            flag.updated_by, flag.updated_at = actor, now

    record = ModeratorAction(
        actor=actor, action=action, reason_code=reason_code, items=[], created_at=now
    )
    session.add(record)
    items: list[dict[str, Any]] = []
    for comment in comments:
        code = suggested_reason(comment) if reason_code == AUTO else reason_code
        original = comment.content
        changed_text = edited is not None and edited != original
        verdict = Verdict(
            status=new_status, reasons=[_reason(action, code, note, changed_text, trust_author)]
        )
        previous = comment.status
        report = _open_report(session, comment.id)
        event_data: dict[str, Any] = {
            "action": action,
            "from": previous,
            "to": new_status,
            "reason_code": code,
            "note": note,
        }
        if trust_author:
            event_data["trusted_author"] = True
        if changed_text:
            event_data["edited"] = True
        if report is not None:
            report.resolved_at = now
            event_data["resolved_report"] = True
        history = [HistoryEvent("moderated", actor, event_data)]
        if changed_text:
            assert edited is not None
            history.insert(
                0, HistoryEvent("edited", actor, {"original": original, "content": edited})
            )
            comment.content = edited
        outbound = _moderated_outbound(new_status, action, code, previous, report)
        if changed_text:
            outbound[0].data.update({"edited": True, "content": edited})
        if trust_author:
            outbound[0].data["author_trusted"] = True
        decision = record_decision(
            session,
            comment=comment,
            verdict=verdict,
            decided_by=DecidedBy.MODERATOR,
            actor=actor,
            history=history,
            outbound=outbound,
            at=now,
        )
        assert decision is not None
        labels = [
            record_label(
                session,
                comment=comment,
                label=name,
                attribute=attribute,
                source="moderator",
                actor=actor,
                at=now,
            )
            for name, attribute in labels_for(action, code)
        ]
        session.flush()
        item: dict[str, Any] = {
            "comment_id": comment.id,
            "previous_status": previous,
            "reason_code": code,
            "reported": report is not None,
            "decision_id": decision.id,
            "label_ids": [label.id for label in labels],
        }
        if changed_text:
            item["original_content"] = original
        if trust_author:
            item["author_id"] = comment.author_id
            item["author_flag_before"] = flags_before[comment.author_id]
        items.append(item)
    record.items = items
    session.commit()
    return record


def _reason(
    action: str, code: str | None, note: str | None, edited: bool, trusted: bool
) -> dict[str, Any]:
    if action == "approve":
        detail = "approved by a moderator"
        if edited:
            detail = "edited and approved by a moderator"
        if trusted:
            detail += ", who trusts the author"
    else:
        detail = f"rejected as {REJECT_REASONS[code or 'other'].lower()}"
    if note:
        detail += f" ({note})"
    reason: dict[str, Any] = {"code": ReasonCode.MODERATOR, "detail": detail, "action": action}
    if code:
        reason["reason_code"] = code
    if note:
        reason["note"] = note
    if edited:
        reason["edited"] = True
    return reason


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


def add_note(
    session: Session, *, actor: str, site_ids: list[int], comment_id: str, body: str
) -> CommentEvent:
    """A moderator's note on a comment, without deciding it: a ``note`` history event; commit."""
    text = clean_text(body or "").strip()
    if not text:
        raise BadRequest("a note cannot be empty")
    if len(text) > MAX_NOTE:
        raise BadRequest(f"a note has at most {MAX_NOTE} characters")
    comment = session.scalar(
        select(Comment).where(Comment.id == comment_id, Comment.site_id.in_(site_ids))
    )
    if comment is None:
        raise NotFound("no such comment on your sites")
    event = CommentEvent(
        comment_id=comment.id, type="note", actor=actor, data={"note": text}, created_at=utcnow()
    )
    session.add(event)
    session.commit()
    return event


def notes_of(session: Session, comment_ids: list[str]) -> dict[str, list[CommentEvent]]:
    """The moderators' notes on each comment, oldest first."""
    if not comment_ids:
        return {}
    found: dict[str, list[CommentEvent]] = {}
    for event in session.scalars(
        select(CommentEvent)
        .where(CommentEvent.comment_id.in_(comment_ids), CommentEvent.type == "note")
        .order_by(CommentEvent.id)
    ):
        found.setdefault(event.comment_id, []).append(event)
    return found


@dataclass(frozen=True)
class ActionSummary:
    """What an action did, in words, for the undo bar: "Rejected as insult" and the text."""

    action_id: int
    text: str
    excerpt: str
    count: int
    seconds_left: int
    undone: bool


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    """The first words of a text (an ellipsis when there are more)."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def summarize(session: Session, *, actor: str, action_id: int) -> ActionSummary | None:
    """The actor's action in words, with the seconds left to undo it; None if not theirs."""
    record = session.get(ModeratorAction, action_id)
    if record is None or record.actor != actor or not record.items:
        return None
    count = len(record.items)
    first = session.get(Comment, record.items[0]["comment_id"])
    codes = list(
        dict.fromkeys(item.get("reason_code") or record.reason_code for item in record.items)
    )
    many = f" {count} comments" if count > 1 else ""
    if record.action == "approve":
        verb = "Edited and approved" if record.items[0].get("original_content") else "Approved"
        text = f"{verb}{many}"
        if any("author_flag_before" in item for item in record.items):
            text += " and trusted the author" if count == 1 else " and trusted their authors"
    else:
        named = [REJECT_REASONS.get(code or "", "other").lower() for code in codes]
        text = f"Rejected{many} as {', '.join(named)}"
    left = UNDO_SECONDS - (utcnow() - record.created_at).total_seconds()
    return ActionSummary(
        action_id=record.id,
        text=text,
        excerpt=excerpt(first.content) if first is not None else "",
        count=count,
        seconds_left=max(0, int(left)),
        undone=record.undone_at is not None,
    )


class UndoRefused(Conflict):
    """An undo that cannot be done; ``why`` is ``late``, ``already`` or ``changed``."""

    def __init__(self, detail: str, why: str) -> None:
        super().__init__(detail)
        self.why = why


def undo(session: Session, *, actor: str, action_id: int) -> ModeratorAction:
    """Revert the actor's own action within ``UNDO_SECONDS``; commit.

    The comments get their previous status (and text, and their authors' standing) back, the
    action's decisions and labels are removed, and an ``undone`` event is added to each history
    (the ``moderated`` event stays).
    """
    record = session.get(ModeratorAction, action_id)
    if record is None or record.actor != actor:
        raise NotFound("no such action of yours")
    if record.undone_at is not None:
        raise UndoRefused("this action was already undone", "already")
    now = utcnow()
    if now - record.created_at > timedelta(seconds=UNDO_SECONDS):
        raise UndoRefused(f"an action can be undone for {UNDO_SECONDS} seconds only", "late")
    new_status = CommentStatus.APPROVED if record.action == "approve" else CommentStatus.REJECTED
    restored_authors: set[int] = set()
    for item in record.items:
        comment = session.get(Comment, item["comment_id"])
        if comment is None:
            continue
        if comment.status != new_status:
            session.rollback()
            raise UndoRefused("a comment changed since; the action cannot be undone", "changed")
        comment.status = item["previous_status"]
        comment.decided_at = None if comment.status == CommentStatus.PENDING else comment.decided_at
        data: dict[str, Any] = {"action": record.action, "restored": item["previous_status"]}
        if "original_content" in item:
            comment.content = item["original_content"]
            data["restored_text"] = True
        if "author_flag_before" in item and item["author_id"] not in restored_authors:
            restored_authors.add(item["author_id"])
            _restore_flag(session, item["author_id"], item["author_flag_before"], actor)
            data["restored_standing"] = True
        session.execute(delete(Decision).where(Decision.id == item["decision_id"]))
        if item["label_ids"]:
            session.execute(delete(Label).where(Label.id.in_(item["label_ids"])))
        if item.get("reported"):
            report = session.get(ReportedComment, comment.id)
            if report is not None:
                report.resolved_at = None
        session.add(
            CommentEvent(
                comment_id=comment.id, type="undone", actor=actor, data=data, created_at=now
            )
        )
        moderated: dict[str, Any] = {
            "comment_id": comment.id,
            "status": comment.status,
            "action": "undo",
        }
        if "original_content" in item:
            moderated["content"] = comment.content
        events.emit(
            session, site_id=comment.site_id, event_type="comment.moderated", data=moderated
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


def _restore_flag(
    session: Session, author_id: int, before: dict[str, bool] | None, actor: str
) -> None:
    flag = session.get(AuthorFlag, author_id)
    if flag is None:
        return
    if before is None:
        session.delete(flag)
        return
    flag.trusted, flag.premoderated = before["trusted"], before["premoderated"]
    flag.updated_by, flag.updated_at = actor, utcnow()
