"""Human labels: site feedback, and the training examples that labels turn into.

A label is what a person said about a comment (a moderator's decision, a site's feedback). The
latest human label of a comment wins, and a human decision overrides the model's for that
comment: the model never decides it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from classifier import TOXICITY_ATTRIBUTES
from classifier.types import LabelledExample
from moderation.errors import Unprocessable
from moderation.models import LABELS, Comment, CommentEvent, Decision, Label, Site
from moderation.models.base import utcnow
from moderation.services import events

# What each label says about the model's attributes (what is not named stays unknown).
LABEL_TARGETS: dict[str, dict[str, int]] = {
    "spam": {"spam": 1},
    "ham": {"spam": 0},
    "toxic": {"toxicity": 1},
    "acceptable": dict.fromkeys(TOXICITY_ATTRIBUTES, 0),
}
# The status a label gives the comment: the person's word overrides the model's.
LABEL_STATUS = {
    "spam": "rejected",
    "toxic": "rejected",
    "ham": "approved",
    "acceptable": "approved",
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
    reason = {"code": "FEEDBACK", "detail": f"the site labelled this comment {label}"}
    comment.events.append(
        CommentEvent(type="feedback", actor=actor, data={"label": label}, created_at=now)
    )
    if status != previous:
        comment.status = status
        comment.decided_at = now
        comment.decisions.append(
            Decision(
                status=status, reasons=[reason], decided_by="site", actor=actor, created_at=now
            )
        )
        comment.events.append(
            CommentEvent(
                type="decided",
                actor=actor,
                data={"status": status, "reasons": [reason], "by": "site", "from": previous},
                created_at=now,
            )
        )
        data: dict[str, Any] = {
            "comment_id": comment.id,
            "status": status,
            "previous_status": previous,
            "by": "site",
        }
        events.emit(session, site_id=site.id, event_type="comment.moderated", data=data)
        if previous == "held":
            events.emit(
                session,
                site_id=site.id,
                event_type="comment.left_queue",
                data={"comment_id": comment.id, "queue": "held"},
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
