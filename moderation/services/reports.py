"""Reader reports: counted per comment; enough of them move a published comment into Reported."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from moderation.enums import CommentStatus
from moderation.errors import Conflict, NotFound
from moderation.services import events
from moderation.services.policy import SiteSettings
from moderation.tables import Comment, CommentEvent, Report, ReportedComment, Site
from moderation.tables.base import utcnow


@dataclass(frozen=True)
class ReportOutcome:
    report: Report
    count: int
    threshold: int
    reported: bool


def report_comment(
    session: Session, *, site: Site, comment_id: str, reason: str, reporter_id: str | None
) -> ReportOutcome:
    """Record a reader's report; at the site's threshold a published comment enters Reported.

    One report per reader per comment (409 for a second); reports without a reader id all count.
    """
    comment = session.scalar(
        select(Comment).where(Comment.id == comment_id, Comment.site_id == site.id)
    )
    if comment is None:
        raise NotFound(f"no comment {comment_id!r} on this site")
    now = utcnow()
    report = Report(
        site_id=site.id,
        comment_id=comment.id,
        reason=reason,
        reporter_id=reporter_id,
        created_at=now,
    )
    session.add(report)
    try:
        session.flush()
    except IntegrityError as error:
        session.rollback()
        raise Conflict("this reader already reported this comment") from error
    session.add(
        CommentEvent(
            comment_id=comment.id,
            type="reported",
            actor=f"reader:{reporter_id}" if reporter_id else "reader",
            data={"reason": reason},
            created_at=now,
        )
    )
    count = (
        session.scalar(select(func.count(Report.id)).where(Report.comment_id == comment.id)) or 0
    )
    threshold = SiteSettings.for_site(site.settings).report_threshold
    entry = session.get(ReportedComment, comment.id)
    in_queue = entry is not None and entry.resolved_at is None
    if comment.status == CommentStatus.APPROVED and not in_queue and count >= threshold:
        # Counting starts again after a moderator resolved the earlier reports.
        since = entry.resolved_at if entry is not None else None
        fresh = count
        if since is not None:
            fresh = (
                session.scalar(
                    select(func.count(Report.id)).where(
                        Report.comment_id == comment.id, Report.created_at > since
                    )
                )
                or 0
            )
        if fresh >= threshold:
            if entry is None:
                session.add(ReportedComment(comment_id=comment.id, site_id=site.id, entered_at=now))
            else:
                entry.entered_at, entry.resolved_at = now, None
            in_queue = True
            session.add(
                CommentEvent(
                    comment_id=comment.id,
                    type="entered_queue",
                    actor="reports",
                    data={"queue": "reported", "reports": count},
                    created_at=now,
                )
            )
            events.emit(
                session,
                site_id=site.id,
                event_type="comment.entered_queue",
                data={"comment_id": comment.id, "queue": "reported", "reports": count},
            )
    session.commit()
    return ReportOutcome(report=report, count=count, threshold=threshold, reported=in_queue)
