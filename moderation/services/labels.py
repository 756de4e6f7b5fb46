"""Human labels: site feedback, and the training examples that labels turn into.

A label is what a person said about a comment (a moderator's decision, a site's feedback). The
latest human label of a comment wins, and a human decision overrides the model's for that
comment: the model never decides it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from classifier import TOXICITY_ATTRIBUTES
from classifier.types import LabelledExample
from moderation.enums import CommentStatus, DecidedBy, ReasonCode
from moderation.errors import Unprocessable
from moderation.services.decisions import decided_event, record_decision
from moderation.services.policy import Verdict
from moderation.services.types import OutboundEvent
from moderation.tables import LABELS, Comment, CommentEvent, Label, Site
from moderation.tables.base import utcnow

# What each label says about the model's attributes (what is not named stays unknown).
LABEL_TARGETS: dict[str, dict[str, int]] = {
    "spam": {"spam": 1},
    "ham": {"spam": 0},
    "toxic": {"toxicity": 1},
    "acceptable": dict.fromkeys(TOXICITY_ATTRIBUTES, 0),
}
# The status a label gives the comment: the person's word overrides the model's.
LABEL_STATUS = {
    "spam": CommentStatus.REJECTED,
    "toxic": CommentStatus.REJECTED,
    "ham": CommentStatus.APPROVED,
    "acceptable": CommentStatus.APPROVED,
}


def record_label(
    session: Session, *, comment: Comment, label: str, source: str, actor: str | None
) -> Label:
    """Add a label row for ``comment`` in the caller's transaction."""
    if label not in LABELS:
        raise Unprocessable(f"label must be one of {', '.join(LABELS)}")
    row = Label(
        site_id=comment.site_id, comment_id=comment.id, label=label, source=source, actor=actor
    )
    session.add(row)
    return row


def apply_feedback(
    session: Session, *, site: Site, comment: Comment, label: str, actor: str | None
) -> Comment:
    """A site's feedback: store the label and give the comment the status the label implies."""
    record_label(session, comment=comment, label=label, source="site", actor=actor)
    now = utcnow()
    status = LABEL_STATUS[label]
    previous = comment.status
    reason = {"code": ReasonCode.FEEDBACK, "detail": f"the site labelled this comment {label}"}
    comment.events.append(
        CommentEvent(type="feedback", actor=actor, data={"label": label}, created_at=now)
    )
    if status != previous:
        # The site's word sets the status; whether a rejection is discarded stays as it was.
        verdict = Verdict(status=status, reasons=[reason], discard=comment.discard)
        outbound = [
            OutboundEvent(
                "comment.moderated",
                {"status": status, "previous_status": previous, "by": DecidedBy.SITE},
            )
        ]
        if previous == CommentStatus.HELD:
            outbound.append(OutboundEvent("comment.left_queue", {"queue": CommentStatus.HELD}))
        record_decision(
            session,
            comment=comment,
            verdict=verdict,
            decided_by=DecidedBy.SITE,
            actor=actor,
            history=[decided_event(verdict, by=DecidedBy.SITE, actor=actor, previous=previous)],
            outbound=outbound,
            at=now,
        )
    session.commit()
    return comment


@dataclass(frozen=True)
class LabelledComment:
    """The latest human label of one comment, as a training example."""

    example: LabelledExample
    site_id: int
    labelled_at: datetime


def latest_labels(
    session: Session, *, site_id: int | None = None, include_test: bool = False
) -> list[LabelledComment]:
    """The latest human label of every labelled comment, oldest first."""
    query = select(Label, Comment).join(Comment, Comment.id == Label.comment_id)
    if site_id is not None:
        query = query.where(Label.site_id == site_id)
    if not include_test:
        query = query.where(Label.source != "test")
    latest: dict[str, tuple[Label, Comment]] = {}
    for label, comment in session.execute(query.order_by(Label.created_at, Label.id)):
        latest[comment.id] = (label, comment)
    out = [
        LabelledComment(
            example=LabelledExample(
                text=comment.content,
                labels=dict(LABEL_TARGETS[label.label]),
                author_name=comment.author_name or "",
                author_email=comment.author_email or "",
                author_url=comment.author_url or "",
                source=f"labels/site-{comment.site_id}",
            ),
            site_id=comment.site_id,
            labelled_at=label.created_at,
        )
        for label, comment in latest.values()
    ]
    out.sort(key=lambda item: item.labelled_at)
    return out
