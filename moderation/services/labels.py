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
# The attribute each label speaks about when none is given (acceptable: all toxicity ones).
DEFAULT_ATTRIBUTE: dict[str, str | None] = {
    "spam": "spam",
    "ham": "spam",
    "toxic": "toxicity",
    "acceptable": None,
}


def label_targets(label: str, attribute: str | None = None) -> dict[str, int]:
    """The training targets of one label: a toxic label of a kind also says that kind is 1.

    ``toxic`` with ``insult`` is ``{"toxicity": 1, "insult": 1}``; an attribute that does not
    fit the label (or None) adds nothing to the label's own targets.
    """
    targets = dict(LABEL_TARGETS[label])
    if label == "toxic" and attribute in TOXICITY_ATTRIBUTES:
        targets[attribute] = 1
    return targets


# The status a label gives the comment: the person's word overrides the model's.
LABEL_STATUS = {
    "spam": CommentStatus.REJECTED,
    "toxic": CommentStatus.REJECTED,
    "ham": CommentStatus.APPROVED,
    "acceptable": CommentStatus.APPROVED,
}


def record_label(
    session: Session,
    *,
    comment: Comment,
    label: str,
    source: str,
    actor: str | None,
    attribute: str | None = None,
    at: datetime | None = None,
) -> Label:
    """Add a label row for ``comment`` in the caller's transaction.

    ``attribute`` defaults to the one the label speaks about (:data:`DEFAULT_ATTRIBUTE`); a toxic
    label may name its kind (``insult``, ``threat``, ...).
    """
    if label not in LABELS:
        raise Unprocessable(f"label must be one of {', '.join(LABELS)}")
    if attribute is None:
        attribute = DEFAULT_ATTRIBUTE[label]
    elif attribute != DEFAULT_ATTRIBUTE[label] and not (
        label == "toxic" and attribute in TOXICITY_ATTRIBUTES
    ):
        raise Unprocessable(f"a {label} label cannot name the attribute {attribute}")
    row = Label(
        site_id=comment.site_id,
        comment_id=comment.id,
        label=label,
        attribute=attribute,
        source=source,
        actor=actor,
        created_at=at or utcnow(),
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
    """The latest human word on every labelled comment, as training examples, oldest first.

    A person's word is every label row they wrote at once (an approval writes ``ham`` and
    ``acceptable`` together): the targets of those rows are merged, so the latest word wins
    as a whole and no part of it is lost. A toxic label's kind is a target too.
    """
    query = select(Label, Comment).join(Comment, Comment.id == Label.comment_id)
    if site_id is not None:
        query = query.where(Label.site_id == site_id)
    if not include_test:
        query = query.where(Label.source != "test")
    latest: dict[str, tuple[list[Label], Comment]] = {}
    for label, comment in session.execute(query.order_by(Label.created_at, Label.id)):
        found = latest.get(comment.id)
        if found is not None and _same_word(found[0][-1], label):
            found[0].append(label)
        else:
            latest[comment.id] = ([label], comment)
    out = []
    for rows, comment in latest.values():
        targets: dict[str, int] = {}
        for row in rows:
            targets.update(label_targets(row.label, row.attribute))
        out.append(
            LabelledComment(
                example=LabelledExample(
                    text=comment.content,
                    labels=targets,
                    author_name=comment.author_name or "",
                    author_email=comment.author_email or "",
                    author_url=comment.author_url or "",
                    source=f"labels/site-{comment.site_id}",
                ),
                site_id=comment.site_id,
                labelled_at=rows[-1].created_at,
            )
        )
    out.sort(key=lambda item: item.labelled_at)
    return out


def _same_word(first: Label, second: Label) -> bool:
    """Whether two label rows of a comment were written together, by one person at one time."""
    return (
        first.created_at == second.created_at
        and first.source == second.source
        and first.actor == second.actor
    )
